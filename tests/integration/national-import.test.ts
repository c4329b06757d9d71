import { describe, expect, it } from "vitest";
import { commitRegisterImport } from "@/lib/server/commands/commit-register-import";
import { previewRegisterImport } from "@/lib/server/commands/preview-register-import";
import { withdrawRegisterImport } from "@/lib/server/commands/withdraw-register-import";
import { getRegisterImport } from "@/lib/server/queries/register-imports";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { squareOfRow } from "@/tests/helpers/register-file";

const TODAY = "2026-12-06";
const ERBIL = [
  [44.01, 36.19],
  [44.015, 36.19],
  [44.015, 36.195],
  [44.01, 36.195],
  [44.01, 36.19],
];

const file = (features: { code: string; ring: number[][] }[]) => ({
  name: "national.geojson",
  bytes: new TextEncoder().encode(
    JSON.stringify({
      type: "FeatureCollection",
      features: features.map((f) => ({
        type: "Feature",
        properties: { code: f.code, kind: "SHA", contamination: "ERW" },
        geometry: { type: "Polygon", coordinates: [f.ring] },
      })),
    }),
  ),
});

describe.each(DATABASE_KINDS)("an administrator's national import on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("registers each area under its governorate's authority, and no authority works with it", async () => {
    const db = t().db;
    const [admin, dma, ikmaa] = await Promise.all([
      actorFor(db, "admin@demo.test"),
      actorFor(db, "dma@demo.test"),
      actorFor(db, "ikmaa@demo.test"),
    ]);
    const national = file([
      { code: "SHA-KRK-7001", ring: squareOfRow(1) },
      { code: "SHA-ERB-7002", ring: ERBIL },
    ]);
    // An authority's file is refused its rows outside its region; an administrator's is not.
    const own = await previewRegisterImport(db, dma, national, { kind: "hazard-areas" }, TODAY);
    expect(own.problems.map((p) => [p.row, p.code])).toEqual([[2, "NOT_YOUR_GOVERNORATE"]]);
    const preview = await previewRegisterImport(db, admin, national, { kind: "hazard-areas" }, TODAY);
    expect(preview).toMatchObject({ accepted: 2, problems: [] });
    await commitRegisterImport(db, admin, preview.id, {});
    const areas = await db.hazardArea.findMany({
      where: { importId: preview.id },
      orderBy: { code: "asc" },
      select: { code: true, authority: { select: { shortName: true } } },
    });
    expect(areas.map((a) => [a.code, a.authority.shortName])).toEqual([
      ["SHA-ERB-7002", "IKMAA"],
      ["SHA-KRK-7001", "DMA"],
    ]);
    // Withdrawing it would take IKMAA's area out for DMA, or DMA's for IKMAA: it is the administrator's.
    for (const authority of [dma, ikmaa]) {
      expect(await getRegisterImport(db, authority, preview.id)).toBeNull();
      expect((await refusal(withdrawRegisterImport(db, authority, preview.id))).code).toBe("not_found");
    }
    await withdrawRegisterImport(db, admin, preview.id);
    expect(await db.hazardArea.count({ where: { importId: preview.id } })).toBe(0);
  });
});
