import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FundingImport } from "@/components/funding/funding-import";
import { requirePage } from "@/lib/server/auth";

export default async function FundingImportPage() {
  await requirePage("/funding/import");
  const t = await getTranslations("fundingImport");
  return (
    <>
      <p className="breadcrumb">
        <Link href="/funding">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <FundingImport />
    </>
  );
}
