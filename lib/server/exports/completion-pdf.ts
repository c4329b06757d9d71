// A task's completion report and handover certificate as a PDF: what the
// task itself released by method, the devices destroyed, its own land and
// turning points, the QC result, marking, residual risk and the handover.
import "server-only";
import type { MultiPolygon, Polygon } from "geojson";
import { programmeDay } from "@/lib/domain/calendar";
import { completionReportPdf } from "@/lib/exports/completion-pdf";
import { refusal } from "@/lib/i18n/refusals";
import { roleWord } from "@/lib/i18n/words";
import type { ExportFilter } from "@/lib/schemas/export-filter";
import { CommandError } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { attachmentsForPdf } from "@/lib/server/queries/attachments";
import { getTaskCompletion } from "@/lib/server/queries/completion";
import { type ExportResponse, namePart } from "./file-name";

/** A task's completion report and handover certificate, for a caller who may read tasks. */
export async function completionPdf(db: Db, actor: Actor, f: ExportFilter, now: Date): Promise<ExportResponse> {
  if (!can(actor, "task:read"))
    throw new CommandError("forbidden", refusal("roleMayNotReadTasks", { role: roleWord(actor.role) }));
  if (!f.task) throw new CommandError("invalid_request", refusal("sayWhichTask"));
  const task = await getTaskCompletion(db, actor, f.task);
  if (!task) throw new CommandError("not_found", refusal("noSuchVisibleTask"));
  const c = task.completion;
  if (!c) throw new CommandError("unprocessable", refusal("noCompletionReport", { code: task.code }));
  const pdf = await completionReportPdf({
    task: { code: task.code, title: task.title, authority: task.authority.name, partner: task.partner?.name ?? "" },
    completion: {
      completedOn: c.completedOn,
      clearanceDepthCm: c.clearanceDepthCm,
      qaNotes: c.qaNotes,
      markers: c.markers,
      benchmark: task.benchmark,
      residualRisk: c.residualRisk,
      residualRiskHolder: c.residualRiskHolder,
      remainder: c.remainderM2 > 0 ? { m2: c.remainderM2, reason: c.remainderReason ?? "" } : null,
      handedOverOn: c.handoverDate,
      recipient: c.recipient,
      attendees: c.handoverDate
        ? { women: c.attendeesWomen, men: c.attendeesMen, girls: c.attendeesGirls, boys: c.attendeesBoys }
        : null,
    },
    land: task.land?.geometry ?? null,
    hazardAreas: task.hazardAreas.map((h) => ({
      code: h.code,
      name: h.name,
      kind: h.kind,
      governorate: `${h.governorate.nameEn} (${h.governorate.pcode})`,
      areaM2: h.areaM2,
      releasedM2: h.releasedM2,
      geometry: h.geometry as unknown as Polygon | MultiPolygon,
    })),
    releasedByMethod: {
      cancelled: task.land?.byMethod.CANCELLED ?? 0,
      reduced: task.land?.byMethod.REDUCED ?? 0,
      cleared: task.land?.byMethod.CLEARED ?? 0,
    },
    devices: task.devices,
    inspection: task.inspection && {
      result: task.inspection.result,
      inspectedOn: task.inspection.inspectedOn,
      inspector: task.inspection.inspector,
      sampledM2: task.inspection.sampledAreaM2,
    },
    attachments: await attachmentsForPdf(db, c.id),
    generatedAt: now,
  });
  const fileName = `completion-report_${namePart(task.code) || "task"}_as-of_${programmeDay(now)}.pdf`;
  return { body: pdf, contentType: "application/pdf", fileName, rows: 1 };
}
