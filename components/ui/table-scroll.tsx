import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a narrow screen. It takes the
 * keyboard's focus and is named as a region, so a keyboard user can scroll
 * it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a scrolling box inside a section, not a section of the page.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the keyboard must reach it to scroll it (see above).
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
