import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/i18n/format";

/** An entry as lib/server/queries/hazard-area-life.ts reads it. */
type Entry = {
  id: string;
  kind: string;
  effectiveDate: Date;
  evidence: string;
  related: { id: string; code: string }[];
  by: string | null;
};

/** An area's history, newest first: what changed, when it took effect, on what evidence, by whom, and the areas it names. */
export async function AreaHistory({ entries }: { entries: Entry[] }) {
  const [t, locale] = await Promise.all([getTranslations("hazardAreas"), getLocale()]);
  const columns: Column<Entry>[] = [
    { key: "when", header: t("when"), cell: (e) => formatDate(e.effectiveDate, locale) },
    { key: "what", header: t("what"), cell: (e) => t(`changeKinds.${e.kind}`) },
    { key: "evidence", header: t("evidence"), cell: (e) => e.evidence || <i>{t("automatic")}</i> },
    {
      key: "related",
      header: t("related"),
      cell: (e) =>
        e.related.length
          ? e.related.map((r, i) => (
              <span key={r.id}>
                {i > 0 && ", "}
                <Link href={`/hazard-areas/${r.id}`} className="code">
                  {r.code}
                </Link>
              </span>
            ))
          : "—",
    },
    { key: "by", header: t("by"), cell: (e) => e.by ?? "—" },
  ];
  return (
    <DataTable label={t("history")} rows={entries} columns={columns} rowKey={(e) => e.id} empty={t("noHistory")} />
  );
}
