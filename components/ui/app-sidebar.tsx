"use client";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";

/**
 * The sidebar, which on a narrow screen (under 56.25rem, see globals.css) folds
 * behind a menu button, so a phone opens on the page and not on a screenful of
 * navigation. It folds again after each move to another page. Wide screens
 * never see the button and always see the menu; nor does a browser without
 * JavaScript.
 */
export function AppSidebar({
  brand,
  menuLabel,
  children,
}: {
  brand: ReactNode;
  menuLabel: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: folding is the effect of a new page, named by pathname.
  useEffect(() => setOpen(false), [pathname]);
  return (
    <aside className="sidebar" data-open={open}>
      <div className="sidebar-top">
        {brand}
        <button
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls="app-menu"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true" className="menu-icon" />
          {menuLabel}
        </button>
      </div>
      <div id="app-menu" className="sidebar-body">
        {children}
      </div>
      {/* Without JavaScript the button cannot open the menu: the menu stays open instead. */}
      <noscript>
        <style>{".sidebar .sidebar-body { display: block } .sidebar .menu-button { display: none }"}</style>
      </noscript>
    </aside>
  );
}
