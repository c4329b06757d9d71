import { describe, expect, it } from "vitest";
import { previewRegisterImport } from "@/lib/server/commands/preview-register-import";
import { saveImportMapping } from "@/lib/server/commands/save-import-mapping";
import { withdrawRegisterImport } from "@/lib/server/commands/withdraw-register-import";
import { importMappings } from "@/lib/server/queries/register-imports";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { registerShapefile, squareOfRow } from "@/tests/helpers/register-file";

describe.each(DATABASE_KINDS)("saved import mappings on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("keeps an authority's mapping by name for the next file, replaces it under the same name with the audit trail, and shows it to no other authority", async () => {
    const dma = await actorFor(t().db, "dma@demo.test");
    const ikmaa = await actorFor(t().db, "ikmaa@demo.test");
    const mapping = {
      fields: { code: "Ref", kind: "Category", contamination: "Threat" },
      values: { kind: { "Cat A": "CHA", "Cat B": "SHA" } },
    };
    const first = await saveImportMapping(t().db, dma, { name: "Governorate survey sheets", mapping });
    expect(first).toMatchObject({ name: "Governorate survey sheets", replaced: false, builtIn: false });
    const [builtIn, own] = await importMappings(t().db, dma.organisationId!);
    expect(builtIn).toMatchObject({ id: "imsma-ng", builtIn: true, mapping: { fields: { code: "HAZ_LOCALI" } } });
    expect(own).toMatchObject({ name: "Governorate survey sheets", mapping });
    expect((await importMappings(t().db, ikmaa.organisationId!)).map((m) => m.name)).toEqual(["IMSMA NG"]);

    // The saved mapping reads the next file: its columns and its words.
    const square = `"POLYGON ((${squareOfRow(70)
      .map((p) => p.join(" "))
      .join(", ")}))"`;
    const csv = `Ref,Category,Threat,WKT\nSHA-KRK-8001,Cat A,AP mines,${square}\n`;
    const preview = await previewRegisterImport(
      t().db,
      dma,
      { name: "survey.csv", bytes: new TextEncoder().encode(csv) },
      { kind: "hazard-areas", mapping: own!.mapping },
      "2026-12-06",
    );
    expect(preview).toMatchObject({ accepted: 1, problems: [] });
    await withdrawRegisterImport(t().db, dma, preview.id);

    const changed = { ...mapping, fields: { ...mapping.fields, name: "Site" } };
    const second = await saveImportMapping(t().db, dma, { name: "Governorate survey sheets", mapping: changed });
    expect(second).toMatchObject({ id: first.id, replaced: true });
    expect(await t().db.savedImportMapping.count({ where: { authorityId: dma.organisationId! } })).toBe(1);
    const audit = await t().db.auditEvent.findMany({
      where: { entityType: "SavedImportMapping", entityId: first.id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["registerImport.mappingSaved", "registerImport.mappingSaved"]);
    expect(audit[1]!.before).toMatchObject({ mapping: { fields: { code: "Ref" } } });
    expect(audit[1]!.after).toMatchObject({ mapping: { fields: { name: "Site" } } });
  });

  it("starts a file from IMSMA NG's mapping, leaving to recognition the columns this export lacks", async () => {
    const dma = await actorFor(t().db, "dma@demo.test");
    const [imsma] = await importMappings(t().db, dma.organisationId!);
    // This export has no HAZARD_GUI column: asked for by name, it is refused; from a saved mapping, left out.
    const file = () => ({ name: "imsma.zip", bytes: registerShapefile({ count: 5, broken: false }) });
    const asked = await refusal(
      previewRegisterImport(t().db, dma, file(), { kind: "hazard-areas", mapping: imsma!.mapping }, "2026-12-06"),
    );
    expect(asked.code).toBe("unprocessable");
    expect(JSON.stringify(asked.details)).toMatch(/COLUMN_NOT_IN_FILE/);
    const preview = await previewRegisterImport(
      t().db,
      dma,
      file(),
      { kind: "hazard-areas", mapping: imsma!.mapping, savedMapping: true },
      "2026-12-06",
    );
    expect(preview).toMatchObject({ accepted: 5, problems: [] });
    expect(preview.mapping.fields).toMatchObject({ code: "HAZ_LOCALI", kind: "HAZ_TYPE" });
    expect(preview.mapping.fields.sourceReference).toBeUndefined();
    await withdrawRegisterImport(t().db, dma, preview.id);
  });

  it("refuses a mapping without a name or with a field the register does not have, and anyone but an authority", async () => {
    const dma = await actorFor(t().db, "dma@demo.test");
    const nameless = await refusal(saveImportMapping(t().db, dma, { name: " ", mapping: { fields: {} } }));
    expect(nameless.code).toBe("invalid_request");
    const unknownField = await refusal(
      saveImportMapping(t().db, dma, { name: "X", mapping: { fields: { depth: "DEPTH" } } }),
    );
    expect(unknownField.message).toMatch(/Give the mapping a name/);
    const partner = await actorFor(t().db, "partner@demo.test");
    expect((await refusal(saveImportMapping(t().db, partner, { name: "X", mapping: {} }))).code).toBe("forbidden");
  });
});
