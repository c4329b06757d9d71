"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "@/components/api-client";

/** Publishes or withdraws the public progress page. */
export function PublicPageSwitch({ enabled }: { enabled: boolean }) {
  const t = useTranslations("public");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function toggle() {
    setBusy(true);
    await postJson("/api/settings/public-page", { enabled: !enabled });
    setBusy(false);
    router.refresh();
  }
  return (
    <p className="note" data-testid="public-page-switch">
      {enabled ? (
        <>
          {t("isOn")} <a href="/public">/public</a>{" "}
        </>
      ) : (
        <>{t("isOff")} </>
      )}
      <button type="button" className="secondary" disabled={busy} onClick={toggle}>
        {enabled ? t("switchOff") : t("switchOn")}
      </button>
    </p>
  );
}
