// Accreditation's routes in the API description (lib/server/openapi.ts): the register an authority keeps of the
// operators it accredited (IMAS 07.30), and their withdrawal.
import { ZAccreditationCreate, ZAccreditationWithdrawal } from "@/lib/schemas/accreditation";
import { op } from "./openapi-operations";

export const ACCREDITATION_PATHS = {
  "/api/accreditations": {
    get: op("The register of accreditations: an authority those it issued, an administrator all (500 newest)", {
      ok: 200,
      okDescription:
        "`{ items: [{ id, operator, issuingAuthority, scopes, validFrom, validTo, reference, withdrawnOn }] }`",
      errors: [401, 403],
    }),
    post: op("Record an accreditation the caller's authority issued to an operator (IMAS 07.30)", {
      body: ZAccreditationCreate,
      ok: 201,
      okDescription: "`{ id, reference }`",
      errors: [400, 401, 403],
    }),
  },
  "/api/accreditations/{id}/withdrawal": {
    post: op("Withdraw or suspend an accreditation the caller's authority issued, from a day on (once)", {
      body: ZAccreditationWithdrawal,
      ok: 200,
      okDescription: "`{ id, reference, withdrawnOn }`",
      errors: [400, 401, 403, 404, 409],
      params: ["id"],
    }),
  },
} as const;
