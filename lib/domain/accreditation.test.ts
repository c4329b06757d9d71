import { describe, expect, it } from "vitest";
import {
  type AccreditationRecord,
  accreditationStanding,
  accreditedScopes,
  missingAccreditations,
} from "./accreditation";

const IKMAA = "ikmaa";
const DMA = "dma";

const record = (fields: Partial<AccreditationRecord>): AccreditationRecord =>
  Object.freeze({
    issuingAuthorityId: IKMAA,
    scopes: Object.freeze(["CLEARANCE"] as const),
    validFrom: "2026-01-01",
    validTo: "2026-12-31",
    withdrawnOn: null,
    reference: "IKMAA-ACC-1",
    ...fields,
  });

const ask = (workScopes: AccreditationRecord["scopes"], on = "2026-12-06") => ({
  authorityId: IKMAA,
  workScopes,
  on,
});

describe("missing accreditations", () => {
  it("finds nothing missing when the task's authority accredits every scope asked on the day", () => {
    const records = [record({ scopes: ["NTS", "TS", "CLEARANCE"] })];
    expect(missingAccreditations(records, ask(["NTS", "CLEARANCE"]))).toEqual([]);
  });

  it.each([
    ["the first day of the period", "2026-01-01"],
    ["the last day of the period", "2026-12-31"],
  ])("counts %s as valid", (_, on) => {
    expect(missingAccreditations([record({})], ask(["CLEARANCE"], on))).toEqual([]);
  });

  it.each([
    ["no record at all", [], { scope: "CLEARANCE", why: "none" }],
    ["a record of another scope", [record({ scopes: ["EORE"] })], { scope: "CLEARANCE", why: "none" }],
    [
      "an expired record",
      [record({ validTo: "2026-06-30", reference: "IKMAA-ACC-7" })],
      { scope: "CLEARANCE", why: "expired", reference: "IKMAA-ACC-7", validTo: "2026-06-30" },
    ],
    [
      "a record valid only from later",
      [record({ validFrom: "2027-01-01", validTo: "2027-12-31", reference: "IKMAA-ACC-8" })],
      { scope: "CLEARANCE", why: "not-yet-valid", reference: "IKMAA-ACC-8", validFrom: "2027-01-01" },
    ],
    [
      "a withdrawn record",
      [record({ withdrawnOn: "2026-11-01", reference: "IKMAA-ACC-9" })],
      { scope: "CLEARANCE", why: "withdrawn", reference: "IKMAA-ACC-9", withdrawnOn: "2026-11-01" },
    ],
    [
      "only another authority's record",
      [record({ issuingAuthorityId: DMA, reference: "DMA-ACC-3" })],
      { scope: "CLEARANCE", why: "other-authority", reference: "DMA-ACC-3" },
    ],
  ] as const)("refuses clearance with %s", (_, records, expected) => {
    expect(missingAccreditations(records, ask(["CLEARANCE"]))).toEqual([expected]);
  });

  it("counts a withdrawal only from its day on", () => {
    expect(missingAccreditations([record({ withdrawnOn: "2026-12-07" })], ask(["CLEARANCE"]))).toEqual([]);
    expect(missingAccreditations([record({ withdrawnOn: "2026-12-06" })], ask(["CLEARANCE"]))[0]?.why).toBe(
      "withdrawn",
    );
  });

  it("lets a renewal cover the day an older record expired before", () => {
    const records = [
      record({ validFrom: "2025-01-01", validTo: "2025-12-31", reference: "old" }),
      record({ reference: "renewed" }),
    ];
    expect(missingAccreditations(records, ask(["CLEARANCE"]))).toEqual([]);
  });

  it("names each missing scope once, in the order asked, and only those", () => {
    const records = [record({ scopes: ["NTS"] })];
    expect(missingAccreditations(records, ask(["EOD", "NTS", "TS", "EOD"])).map((m) => m.scope)).toEqual(["EOD", "TS"]);
  });

  it("names the latest expired record when several expired", () => {
    const records = [
      record({ validFrom: "2024-01-01", validTo: "2024-12-31", reference: "2024" }),
      record({ validFrom: "2025-01-01", validTo: "2025-12-31", reference: "2025" }),
    ];
    expect(missingAccreditations(records, ask(["CLEARANCE"]))).toEqual([
      { scope: "CLEARANCE", why: "expired", reference: "2025", validTo: "2025-12-31" },
    ]);
  });
});

describe("accredited scopes", () => {
  it("lists the scopes the authority's standing records cover on the day", () => {
    const records = [
      record({ scopes: ["NTS", "TS"] }),
      record({ scopes: ["CLEARANCE"], withdrawnOn: "2026-02-01" }),
      record({ scopes: ["EOD"], issuingAuthorityId: DMA }),
    ];
    expect(accreditedScopes(records, IKMAA, "2026-12-06")).toEqual(["NTS", "TS"]);
    expect(accreditedScopes(records, DMA, "2026-12-06")).toEqual(["EOD"]);
  });
});

describe("accreditation standing", () => {
  it.each([
    [{}, "valid"],
    [{ validTo: "2026-12-05" }, "expired"],
    [{ validFrom: "2026-12-07" }, "not-yet-valid"],
    [{ withdrawnOn: "2026-12-06" }, "withdrawn"],
    [{ withdrawnOn: "2026-12-07" }, "valid"],
    [{ validTo: "2026-01-31", withdrawnOn: "2026-01-01" }, "withdrawn"],
  ] as const)("%j stands %s on 2026-12-06", (fields, standing) => {
    expect(accreditationStanding(record(fields), "2026-12-06")).toBe(standing);
  });
});
