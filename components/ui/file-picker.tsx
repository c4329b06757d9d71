"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/**
 * A file input that speaks the page's language. The browser's own button
 * ("Choose File", "No file chosen") speaks the browser's, English on most
 * field laptops whatever the page. The input stays in the page, reachable by
 * keyboard and named by `label`; it is only drawn as this button.
 */
export function FilePicker({
  label,
  accept,
  onFile,
}: {
  label: string;
  accept: string;
  onFile: (file: File | null) => void;
}) {
  const t = useTranslations("filePicker");
  const id = useId();
  const [name, setName] = useState<string | null>(null);
  return (
    <div className="file-picker">
      <span id={`${id}-label`} className="file-picker-label">
        {label}
      </span>
      <label className="button secondary">
        <input
          type="file"
          accept={accept}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-chosen`}
          onChange={(e) => {
            const file = e.target.files?.[0] ?? null;
            setName(file?.name ?? null);
            onFile(file);
          }}
        />
        {t("choose")}
      </label>
      <span id={`${id}-chosen`} className="note" dir="auto">
        {name ?? t("none")}
      </span>
    </div>
  );
}
