// The words authorities' files use for the register's fields and values:
// column names (the register's own, IMSMA NG's and IMSMA Core's hazard
// exports, and their shapefile cuts to 10 characters) and values ("Confirmed
// Hazardous Area", "AP mines", "farmland"), each compared by what it spells.
import type { CONTAMINATION_TYPES, LAND_USES } from "@/lib/schemas/hazard-area";
import type { RegisterField } from "./register-import";

type Contamination = (typeof CONTAMINATION_TYPES)[number];
type LandUse = (typeof LAND_USES)[number];

/** Lower-case letters and digits only: "Hazard Local ID", "hazard_localid" and "HAZ_LOCALI" compare by what they spell. */
export const key = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/**
 * Column names for each field: the register's own, and those IMSMA NG's and
 * IMSMA Core's hazard exports use (display names, database names, and their
 * shapefile cuts to 10 characters). Compared by `key`.
 */
export const KNOWN_COLUMNS: Record<RegisterField, readonly string[]> = {
  code: [
    "code",
    "hazard_localid",
    "Hazard Local ID",
    "Local ID",
    "localid",
    "HAZ_LOCALI",
    "hazard_id",
    "Hazard ID",
    "HAZ_ID",
    "hazard_code",
    "hazard_ref",
  ],
  name: ["name", "hazard_name", "Hazard Name", "HAZ_NAME", "hazardname", "HAZARD_NAM", "description_name"],
  kind: [
    "kind",
    "hazard_type",
    "Hazard Type",
    "hazardtypeenum",
    "HAZ_TYPE",
    "HAZARD_TYP",
    "hazard_category",
    "type_of_hazard",
  ],
  contamination: [
    "contamination",
    "contamination_type",
    "Contamination Type",
    "CONTAMINAT",
    "device_type",
    "Device Type",
    "threat_type",
    "main_threat",
    "ordnance_type",
  ],
  landUse: [
    "landUse",
    "land_use",
    "Land Use",
    "LAND_USE",
    "landuse",
    "current_land_use",
    "CURRENT_LA",
    "blocked_land_use",
  ],
  priorityRank: ["priorityRank", "priority", "Priority", "PRIORITY", "priority_rank", "hazard_priority", "PRIORITY_R"],
  informationDate: [
    "informationDate",
    "date_of_information",
    "Date of Information",
    "dateofinformation",
    "DATE_OF_IN",
    "DATEOFINFO",
    "info_date",
    "survey_date",
    "Survey Date",
  ],
  sourceReference: [
    "sourceReference",
    "hazard_guid",
    "Hazard GUID",
    "guid",
    "HAZARD_GUI",
    "imsma_id",
    "IMSMA ID",
    "source_reference",
  ],
};

export const KIND_WORDS: Record<string, "SHA" | "CHA"> = Object.fromEntries(
  [
    ...["CHA", "confirmed hazardous area", "confirmed", "منطقة خطرة مؤكدة", "ناوچەی مەترسیداری دڵنیاکراو"].map((w) => [
      w,
      "CHA",
    ]),
    ...["SHA", "suspected hazardous area", "suspected", "منطقة خطرة مشتبه بها", "ناوچەی مەترسیداری گومانلێکراو"].map(
      (w) => [w, "SHA"],
    ),
  ].map(([w, v]) => [key(w!), v as "SHA" | "CHA"]),
);

export const CONTAMINATION_WORDS: Record<string, Contamination> = Object.fromEntries(
  (
    [
      [
        "AP_MINES",
        ["AP mine", "AP mines", "APM", "AP", "anti-personnel mine", "anti-personnel mines", "antipersonnel mine"],
      ],
      [
        "AT_MINES",
        [
          "AT mine",
          "AT mines",
          "AT",
          "ATM",
          "anti-tank mine",
          "anti-tank mines",
          "anti-vehicle mine",
          "anti-vehicle mines",
          "AVM",
        ],
      ],
      [
        "IMPROVISED_AP_MINES",
        [
          "improvised AP mine",
          "improvised AP mines",
          "improvised anti-personnel mine",
          "improvised anti-personnel mines",
          "victim-operated IED",
          "VOIED",
          "IED (victim operated)",
        ],
      ],
      ["IEDS", ["IED", "IEDs", "improvised explosive device", "improvised explosive devices"]],
      ["UXO", ["UXO", "unexploded ordnance"]],
      [
        "CLUSTER_MUNITION_REMNANTS",
        [
          "CMR",
          "cluster munition",
          "cluster munitions",
          "cluster munition remnants",
          "submunition",
          "submunitions",
          "bomblets",
        ],
      ],
      [
        "OTHER_ERW",
        [
          "ERW",
          "other ERW",
          "AXO",
          "abandoned explosive ordnance",
          "explosive remnants of war",
          "other explosive remnants of war",
        ],
      ],
    ] as const
  ).flatMap(([value, words]) => [[key(value), value], ...words.map((w) => [key(w), value])]),
);

export const LAND_USE_WORDS: Record<string, LandUse> = Object.fromEntries(
  (
    [
      [
        "CRITICAL_INFRASTRUCTURE",
        ["critical infrastructure", "infrastructure", "road", "roads", "bridge", "water", "water supply"],
      ],
      ["SCHOOL", ["school", "schools", "education"]],
      ["ENERGY", ["energy", "oil", "gas", "oil and gas", "power", "electricity"]],
      [
        "AGRICULTURE",
        ["agriculture", "agricultural", "agricultural land", "farmland", "farming", "grazing", "pasture"],
      ],
      ["HOUSING", ["housing", "residential", "homes", "settlement", "village"]],
      ["OTHER", ["other"]],
    ] as const
  ).flatMap(([value, words]) => [[key(value), value], ...words.map((w) => [key(w), value])]),
);

export const PRIORITY_WORDS: Record<string, number> = { high: 1, medium: 2, low: 3, [key("very high")]: 1 };

/**
 * IMSMA NG's hazard layer as its shapefile export names the columns (cut to ten characters), offered as a
 * mapping of its own: the same names are recognised in any file, this says which they are.
 */
export const IMSMA_NG_MAPPING = {
  fields: {
    code: "HAZ_LOCALI",
    name: "HAZARD_NAM",
    kind: "HAZ_TYPE",
    contamination: "CONTAMINAT",
    landUse: "LAND_USE",
    priorityRank: "PRIORITY",
    informationDate: "DATE_OF_IN",
    sourceReference: "HAZARD_GUI",
  },
  values: {},
} as const satisfies { fields: Record<RegisterField, string>; values: object };
