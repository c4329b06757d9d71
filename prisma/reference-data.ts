// Real, sourced reference records: governorates, the two national
// authorities, the national contamination baseline, and Landmine Monitor's
// table of 2018 international support to mine action in Iraq.

export const GOVERNORATE_SOURCE =
  "OCHA / Iraq CSO, COD-AB irq_adm_cso_20190603 (CC BY-IGO 3.0); Halabja cut from Al-Sulaymaniyah along ADM2 IQG06Q05";

/** Central Kurdish (Sorani) names by P-code; the data set carries English and Arabic only. */
export const GOVERNORATE_NAMES_CKB: Record<string, string> = {
  IQG01: "ئەنبار",
  IQG02: "بەسرە",
  IQG03: "موسەننا",
  IQG04: "نەجەف",
  IQG05: "قادسیە",
  IQG06: "سلێمانی",
  IQG06Q05: "هەڵەبجە",
  IQG07: "بابل",
  IQG08: "بەغدا",
  IQG09: "دهۆک",
  IQG10: "دیالە",
  IQG11: "هەولێر",
  IQG12: "کەربەلا",
  IQG13: "کەرکووک",
  IQG14: "میسان",
  IQG15: "نەینەوا",
  IQG16: "سەلاحەدین",
  IQG17: "زیقار",
  IQG18: "واست",
};

/**
 * The national authorities. IKMAA is an operator too: its own teams cleared 27 of the 47 fields cleared in the
 * Kurdistan Region in 2022 (DOMAIN.md), so it can be tasked, and its teams hold partner accounts.
 */
export const AUTHORITIES = [
  {
    name: "Directorate of Mine Action",
    shortName: "DMA",
    region: "FEDERAL",
    roles: ["AUTHORITY"],
    operatorKind: null,
  },
  {
    name: "Iraqi Kurdistan Mine Action Agency",
    shortName: "IKMAA",
    region: "KURDISTAN",
    roles: ["AUTHORITY", "OPERATOR"],
    operatorKind: "NATIONAL",
  },
] as const;

export const NATIONAL_BASELINE = {
  areaM2: 650_000_000,
  asOf: new Date("2024-01-01T00:00:00Z"),
  source: "US Department of State, Office of Weapons Removal and Abatement, interview with Rudaw",
  note: "Dated 2024; the interview gives the year only. Other published estimates differ widely.",
};

export const LANDMINE_MONITOR_SOURCE =
  "Landmine Monitor 2019, Support for Mine Action: international support to mine action in Iraq in 2018";

/**
 * US$ by donor, 2018. The Monitor lists 18 donors totalling US$116,406,652;
 * the seven largest are named here and the other eleven are one combined
 * record (the difference), so the records add up to the published total.
 */
export const LANDMINE_MONITOR_2018_USD: readonly { donor: string; country: string; amountUsd: number }[] = [
  { donor: "United States", country: "US", amountUsd: 40_000_000 },
  { donor: "Germany", country: "DE", amountUsd: 16_206_727 },
  { donor: "Norway", country: "NO", amountUsd: 12_051_452 },
  { donor: "Sweden", country: "SE", amountUsd: 10_546_897 },
  { donor: "United Kingdom", country: "GB", amountUsd: 10_489_955 },
  { donor: "Denmark", country: "DK", amountUsd: 8_684_323 },
  { donor: "Japan", country: "JP", amountUsd: 6_089_285 },
  { donor: "Other donors (11, combined)", country: "", amountUsd: 12_338_013 },
];

export const LANDMINE_MONITOR_2018_TOTAL_USD = 116_406_652;
