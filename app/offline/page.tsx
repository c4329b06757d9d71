import Link from "next/link";
import { getTranslations } from "next-intl/server";

// Shown by the service worker for a page never kept on this device. Kept in the reader's language when the cache
// is warmed (components/offline/warm-cache.ts), since it is fetched then with the reader's language cookie.
export default async function OfflinePage() {
  const t = await getTranslations("offline");
  return (
    <main>
      <h1>{t("pageTitle")}</h1>
      <p>{t("pageBody")}</p>
      <Link href="/tasks">{t("pageTasks")}</Link>
    </main>
  );
}
