// Quality management's routes in the API description (lib/server/openapi.ts):
// monitoring visits (IMAS 07.40) and post-clearance inspections (IMAS 09.20).
import { ZInspection } from "@/lib/schemas/inspection";
import { ZMonitoringVisit, ZNonConformityClosure } from "@/lib/schemas/monitoring-visit";
import { op } from "./openapi-operations";

export const QUALITY_PATHS = {
  "/api/tasks/{id}/monitoring-visits": {
    post: op(
      "Record a monitoring visit to the operator's team on a task (authority of its region), with its non-conformities, each with severity, corrective action and deadline",
      {
        body: ZMonitoringVisit,
        ok: 201,
        okDescription: "`{ id, nonConformityIds }`",
        errors: [400, 401, 403, 404, 409],
        params: ["id"],
      },
    ),
  },
  "/api/non-conformities/{id}/close": {
    post: op(
      "Close a non-conformity once its corrective action is verified (authority of the task's region): once, not before the visit that found it",
      {
        body: ZNonConformityClosure,
        ok: 200,
        okDescription: "`{ id, closedOn }`",
        errors: [400, 401, 403, 404, 409],
        params: ["id"],
      },
    ),
  },
  "/api/tasks/{id}/inspections": {
    post: op(
      "Record a post-clearance inspection of a completed task (authority of its region): the sampled area (within the task's hazardous areas), items found, result. A failed one reopens the approved released land the sample covers (entries of kind REOPENING counting minus that land, dated on the inspection) and returns the task to in progress; an item found in cleared land cannot pass",
      {
        body: ZInspection,
        upload: true,
        ok: 201,
        okDescription:
          "`{ id, result, sampledAreaM2, reopenedM2, taskStatus }`; an uploaded file adds `sourceCrs`, the coordinate system it was read in",
        errors: [400, 401, 403, 404, 409, 422],
        params: ["id"],
      },
    ),
  },
};
