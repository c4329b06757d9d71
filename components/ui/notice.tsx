"use client";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

// A write's confirmation, said on the page the writer lands on next. Kept in
// sessionStorage between the write and the new page, so it survives the
// client-side move (and a reload on the way) but not the tab.
const KEY = "mat-notice";
const EVENT = "mat-notice";

/**
 * Say `text` on the page at `goingTo` (an href; the pathname is what counts)
 * once the reader is there, or on this page when the write leaves the reader
 * where they are.
 */
export function announce(text: string, goingTo?: string) {
  const on = goingTo ? new URL(goingTo, window.location.href).pathname : window.location.pathname;
  sessionStorage.setItem(KEY, JSON.stringify({ text, on }));
  window.dispatchEvent(new Event(EVENT));
}

/**
 * Where notices appear: one polite live region, present before any notice,
 * so screen readers say each one. A notice stays until dismissed or until the
 * reader moves to another page.
 */
export function NoticeArea({ dismissLabel }: { dismissLabel: string }) {
  const pathname = usePathname();
  const [notice, setNotice] = useState<{ text: string; on: string } | null>(null);
  useEffect(() => {
    const take = () => {
      const waiting = sessionStorage.getItem(KEY);
      const next = waiting ? (JSON.parse(waiting) as { text: string; on: string }) : null;
      // Said before the move to its page: it waits there.
      if (next && next.on !== pathname) return;
      sessionStorage.removeItem(KEY);
      setNotice((shown) => next ?? (shown?.on === pathname ? shown : null));
    };
    take();
    window.addEventListener(EVENT, take);
    return () => window.removeEventListener(EVENT, take);
  }, [pathname]);
  const shown = notice && notice.on === pathname ? notice.text : null;
  return (
    <div role="status" className={shown ? "notice" : undefined} data-testid="notice">
      {shown && (
        <>
          <span>{shown}</span>
          <button type="button" className="secondary" onClick={() => setNotice(null)}>
            {dismissLabel}
          </button>
        </>
      )}
    </div>
  );
}
