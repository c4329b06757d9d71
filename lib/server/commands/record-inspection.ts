import { passWithItemsOnClearedLand, SAMPLE_OUTSIDE_TOLERANCE_M2 } from "@/lib/domain/reopening";
import { reopenedByInspection, type TaskStatus } from "@/lib/domain/task-lifecycle";
import { GeometryError } from "@/lib/geo/errors";
import { formatM2 } from "@/lib/i18n/format";
import { refusal } from "@/lib/i18n/refusals";
import { statusWord } from "@/lib/i18n/words";
import { ZInspection } from "@/lib/schemas/inspection";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, fieldIssue, geometryRefusal, parseOrRefuse } from "@/lib/server/command-error";
import { runGeometry, TRANSACTION_WITH_GEOMETRY_MS } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { asAreal } from "@/lib/server/queries/land-release";
import { taskForQuality, taskHasClearance } from "@/lib/server/queries/quality";
import { moveTask } from "./move-task";
import { inFuture } from "./record-monitoring-visit";
import { reopenSampledRelease } from "./reopen-released-land";

/**
 * The authority records a post-clearance inspection of a completed task in its
 * region (IMAS 09.20): the sampled area, the items found and the result, in
 * one transaction with its audit event. A failed inspection reopens the
 * released land it sampled (reopen-released-land.ts) and returns the task to
 * work, so its operator re-clears that land and completes again.
 */
export async function recordInspection(db: Db, actor: Actor, taskId: string, body: unknown) {
  if (!can(actor, "qa:record")) throw new CommandError("forbidden", refusal("onlyAuthorityRecordsQa"));
  const input = parseOrRefuse(ZInspection, body, "inspectionMalformed");
  if (inFuture(input.inspectedOn))
    throw new CommandError("invalid_request", refusal("qaDateInFuture"), [fieldIssue(["inspectedOn"], "notInFuture")]);
  const task = await taskForQuality(db, actor, taskId);
  if (!task) throw new CommandError("not_found", refusal("noSuchTaskOfYours"));
  if (task.status !== "COMPLETED")
    throw new CommandError("conflict", refusal("inspectionOfCompletedOnly", { status: statusWord(task.status) }));
  if (passWithItemsOnClearedLand(input.result, input.itemsFound, await taskHasClearance(db, task.id)))
    throw new CommandError("invalid_request", refusal("passedWithItemsFound", { count: input.itemsFound }), [
      fieldIssue(["result"], "itemsFoundFail"),
    ]);
  const hazards = task.hazardAreas.map((h) => asAreal(h.hazardArea.geometry)!);
  let sample: Awaited<ReturnType<typeof runGeometry<"checkSample">>>;
  try {
    sample = await runGeometry("checkSample", input.geometry, hazards);
  } catch (err) {
    if (err instanceof GeometryError) throw geometryRefusal(err);
    throw err;
  }
  if (sample.outsideM2 > SAMPLE_OUTSIDE_TOLERANCE_M2) {
    const values = { outsideM2: (l: string) => formatM2(sample.outsideM2, l) };
    throw new CommandError("unprocessable", refusal("sampleOutsideTask", values), [
      fieldIssue(["geometry"], "sampleOutsideTask", values),
    ]);
  }
  const to = input.result === "FAILED" ? reopenedByInspection(task.status as TaskStatus) : null;

  return db.$transaction(
    async (tx) => {
      const inspection = await tx.inspection.create({
        data: {
          taskId: task.id,
          inspectedOn: new Date(`${input.inspectedOn}T00:00:00Z`),
          inspector: input.inspector,
          sampledGeometry: toJson(sample.geometry),
          sampledAreaM2: sample.areaM2,
          itemsFound: input.itemsFound,
          result: input.result,
          findings: input.findings || null,
          recordedById: actor.id,
        },
        select: { id: true },
      });
      let reopenedM2 = 0;
      if (to) {
        // Moved first: the guard on the task's status makes a second inspection recorded at once a conflict.
        await moveTask(tx, actor, task, to, `Post-clearance inspection ${inspection.id} failed.`);
        reopenedM2 = await reopenSampledRelease(
          tx,
          actor,
          {
            id: inspection.id,
            taskId: task.id,
            inspectedOn: input.inspectedOn,
            sample: sample.geometry,
            evidence: input.findings ?? "",
          },
          task.hazardAreas.map((h) => h.hazardArea.id),
        );
        await tx.inspection.update({ where: { id: inspection.id }, data: { reopenedM2 } });
      }
      await recordAuditEvent(tx, {
        actorUserId: actor.id,
        action: "inspection.record",
        entityType: "Inspection",
        entityId: inspection.id,
        after: {
          taskId: task.id,
          inspectedOn: input.inspectedOn,
          inspector: input.inspector,
          sampledAreaM2: sample.areaM2,
          itemsFound: input.itemsFound,
          result: input.result,
          reopenedM2,
        },
      });
      await bumpDataVersion(tx);
      return {
        id: inspection.id,
        result: input.result,
        sampledAreaM2: sample.areaM2,
        reopenedM2,
        taskStatus: (to ?? task.status).toLowerCase(),
      };
    },
    // The reopening is accounted in the geometry pool, which may first wait for a worker.
    { timeout: TRANSACTION_WITH_GEOMETRY_MS, maxWait: TRANSACTION_WITH_GEOMETRY_MS },
  );
}
