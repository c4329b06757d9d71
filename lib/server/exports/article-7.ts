// Remaining contamination by governorate and treaty type, as the dashboard's
// Article 7 table shows it for the same view: one row per governorate.
import "server-only";
import { TREATY_CATEGORY_KEYS, type TreatyRow } from "@/lib/domain/treaty-report";
import type { Column } from "@/lib/exports/table";
import { getTreatyReport } from "@/lib/server/queries/progress";
import { codeColumn, governorateColumn, m2Column } from "./columns";
import { tabular } from "./dataset";

const HXL_TYPE = {
  antiPersonnelMines: "+ap_mines",
  improvisedDevices: "+ied",
  clusterMunitionRemnants: "+cmr",
  otherExplosiveRemnants: "+other_erw",
  allTypes: "+all",
} as const;

const COLUMNS: Column<TreatyRow>[] = [
  { header: "governoratePcode", hxl: "#adm1+code", type: "string", value: (r) => r.pcode },
  governorateColumn((r) => r),
  codeColumn("region", "#region", "region", (r) => r.region),
  ...[...TREATY_CATEGORY_KEYS, "allTypes" as const].flatMap((key): Column<TreatyRow>[] => [
    m2Column(`${key}RemainingM2`, `#affected+area${HXL_TYPE[key]}`, (r) => Math.round(r[key].m2 * 1000) / 1000),
    { header: `${key}Areas`, hxl: `#affected+num${HXL_TYPE[key]}`, type: "integer", value: (r) => r[key].areas },
  ]),
];

export const article7 = tabular(
  "article-7",
  "Remaining by type (Article 7)",
  "progress:read",
  COLUMNS,
  async (db, _actor, f) => {
    const { rows } = await getTreatyReport(db, f);
    return {
      count: async () => rows.length,
      rows: async function* () {
        yield rows;
      },
    };
  },
);
