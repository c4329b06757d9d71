import { describe, expect, it } from "vitest";
import { listHazardAreas, listTasks } from "@/lib/server/queries/field";
import { listGrants } from "@/lib/server/queries/funding";
import { actorFor } from "../helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "../helpers/databases";

describe.each(DATABASE_KINDS)("organisation scoping on %s", (kind) => {
  const actor = (email: string) => actorFor(t().db, email);
  const t = useSeededDatabase(kind);

  it("shows a partner only its own tasks", async () => {
    const partner = await actor("partner@demo.test");
    const mine = await listTasks(t().db, partner);
    const all = await t().db.task.findMany();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    const ids = new Set(all.filter((x) => x.partnerId === partner.organisationId).map((x) => x.id));
    expect(new Set(mine.map((x) => x.id))).toEqual(ids);
  });

  it("shows each authority the hazardous areas of its own region only", async () => {
    const dma = await listHazardAreas(t().db, await actor("dma@demo.test"));
    const ikmaa = await listHazardAreas(t().db, await actor("ikmaa@demo.test"));
    expect(dma.every((h) => h.governorate.region === "FEDERAL")).toBe(true);
    expect(ikmaa.every((h) => h.governorate.region === "KURDISTAN")).toBe(true);
    expect(dma.length + ikmaa.length).toBe(await t().db.hazardArea.count());
  });

  it("shows a donor only the grants it funds, and an admin everything", async () => {
    const donor = await actor("donor@demo.test");
    const grants = await listGrants(t().db, donor);
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((g) => g.donor.name.includes("demo donor"))).toBe(true);
    expect((await listGrants(t().db, await actor("admin@demo.test"))).length).toBe(await t().db.grant.count());
  });
});
