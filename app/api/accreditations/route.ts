import { NextResponse } from "next/server";
import { recordAccreditation } from "@/lib/server/commands/record-accreditation";
import { jsonBody, withPermission } from "@/lib/server/http";
import { listAccreditations } from "@/lib/server/queries/accreditations";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The register of accreditations: an authority those it issued, an admin all (500 newest). */
export const GET = withPermission("accreditation:read", async ({ user, db }) => {
  const rows = await listAccreditations(db, user);
  return NextResponse.json({
    items: rows.map((a) => ({
      id: a.id,
      operator: { id: a.operator.id, name: a.operator.name },
      issuingAuthority: a.issuingAuthority.shortName ?? a.issuingAuthority.name,
      scopes: a.scopes,
      validFrom: day(a.validFrom),
      validTo: day(a.validTo),
      reference: a.reference,
      withdrawnOn: a.withdrawnOn ? day(a.withdrawnOn) : null,
      withdrawalReason: a.withdrawalReason,
    })),
  });
});

/** An authority records an accreditation it issued to an operator. */
export const POST = withPermission("accreditation:manage", async ({ req, user, db }) => {
  return NextResponse.json(await recordAccreditation(db, user, await jsonBody(req)), { status: 201 });
});
