import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a narrow screen. It takes the
 * keyboard's focus and is named as a region, so a keyboard user can scroll
 * it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
