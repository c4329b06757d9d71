// The attachment routes in the API description (lib/server/openapi.ts): one
// file per upload, listed, downloaded, shown small, or zipped with its record's.
import { ACCEPTED_MEDIA_TYPES, ATTACHMENT_SUBJECTS, MAX_FILE_BYTES, MAX_RECORD_BYTES } from "@/lib/domain/attachments";
import { op, queryParameters } from "./openapi-operations";

const MB = (bytes: number) => bytes / 1024 / 1024;
const SUBJECT_QUERY = [
  { name: "subjectType", description: ATTACHMENT_SUBJECTS.join(" | ") },
  {
    name: "subjectId",
    description:
      "the record's id as the API that created it answered (a handover: its task's or its completion report's)",
  },
];
const SHAPE =
  "`{ id, subjectType, subjectId, fileName, mediaType, sizeBytes, sha256, takenAt (ISO, from the photo's EXIF, or null), position ({ lon, lat } from its EXIF GPS, or null), createdAt }`";

const uploadForm = {
  "multipart/form-data": {
    schema: {
      type: "object",
      required: ["subjectType", "subjectId", "file"],
      properties: {
        subjectType: { type: "string", enum: [...ATTACHMENT_SUBJECTS] },
        subjectId: { type: "string", description: SUBJECT_QUERY[1]!.description },
        file: {
          type: "string",
          format: "binary",
          description: `One file, its type read from its content: ${ACCEPTED_MEDIA_TYPES.join(", ")}; ${MB(MAX_FILE_BYTES)} MB at most, ${MB(MAX_RECORD_BYTES)} MB per record. Its name is kept as the file's name`,
        },
      },
    },
  },
};

const withParameters = <T extends object>(operation: T, parameters: object[]) => ({ ...operation, parameters });

export const ATTACHMENT_PATHS = {
  "/api/attachments": {
    get: withParameters(
      op("A record's attachments (without their bytes), in the order they were attached", {
        ok: 200,
        okDescription: `\`{ attachments: [...] }\`, each ${SHAPE}`,
        errors: [400, 401, 403, 404],
      }),
      queryParameters(SUBJECT_QUERY).map((p) => ({ ...p, required: true })),
    ),
    post: op(
      "Attach a photo or a signed form to a record in the caller's scope (partner: its own; authority: its region's; admin: any). Audited; never erased",
      {
        form: uploadForm as never,
        ok: 201,
        okDescription: `\`{ attachment }\`, ${SHAPE}; 200 with the attachment already there when the same content (SHA-256) was attached to the record before, so a retried upload arrives once. 413 names the limit passed (\`details.limit\`: file or record) and the sizes; 415 names what the content is (\`details.found\`) and the accepted types`,
        errors: [400, 401, 403, 404, 415],
      },
    ),
  },
  "/api/attachments/{id}": {
    get: op("The file as attached (EXIF included), with its checked media type and its name in Content-Disposition", {
      ok: 200,
      okDescription: "The file's bytes",
      errors: [401, 403, 404],
      params: ["id"],
    }),
  },
  "/api/attachments/{id}/thumbnail": {
    get: op("A photo's thumbnail: a JPEG re-encoded without metadata (no GPS, no time)", {
      ok: 200,
      okDescription: "image/jpeg; 404 for a PDF or a HEIC photo the server cannot decode",
      errors: [401, 403, 404],
      params: ["id"],
    }),
  },
  "/api/attachments/archive": {
    get: withParameters(
      op("All of a record's attachments as one zip, each file under its name", {
        ok: 200,
        okDescription: "application/zip",
        errors: [400, 401, 403, 404],
      }),
      queryParameters(SUBJECT_QUERY).map((p) => ({ ...p, required: true })),
    ),
  },
};
