// Devices destroyed, by the reports that found them (the reports' scope and filters).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { batches } from "@/lib/exports/stream";
import type { Column } from "@/lib/exports/table";
import { codeColumn } from "./columns";
import { tabular } from "./dataset";
import { reportsWhere } from "./reports";

const DEVICE_SELECT = {
  id: true,
  category: true,
  count: true,
  report: {
    select: {
      id: true,
      status: true,
      periodEnd: true,
      task: { select: { code: true } },
      hazardArea: { select: { code: true, governoratePcode: true } },
      partner: { select: { name: true } },
    },
  },
} satisfies Prisma.DeviceFoundSelect;
type DeviceRow = Prisma.DeviceFoundGetPayload<{ select: typeof DEVICE_SELECT }>;

const COLUMNS: Column<DeviceRow>[] = [
  { header: "reportId", hxl: "#meta+id", type: "string", value: (d) => d.report.id, width: 28 },
  codeColumn("reportStatus", "#status", "reportStatus", (d) => d.report.status),
  { header: "taskCode", hxl: "#activity+code", type: "string", value: (d) => d.report.task?.code ?? "", width: 18 },
  {
    header: "hazardAreaCode",
    hxl: "#loc+hazard+code",
    type: "string",
    value: (d) => d.report.hazardArea.code,
    width: 18,
  },
  { header: "governoratePcode", hxl: "#adm1+code", type: "string", value: (d) => d.report.hazardArea.governoratePcode },
  { header: "partner", hxl: "#org+impl", type: "string", value: (d) => d.report.partner.name, width: 28 },
  { header: "periodEnd", hxl: "#date+end", type: "date", value: (d) => d.report.periodEnd },
  codeColumn("category", "#item+type", "device", (d) => d.category),
  { header: "count", hxl: "#output+devices", type: "integer", value: (d) => d.count },
];

export const devices = tabular("devices", "Devices destroyed", "progress:read", COLUMNS, async (db, actor, f) => {
  const where = { report: await reportsWhere(db, actor, f) };
  return {
    count: () => db.deviceFound.count({ where }),
    rows: () => batches((p) => db.deviceFound.findMany({ where, select: DEVICE_SELECT, ...p })),
  };
});
