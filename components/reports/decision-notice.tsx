"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * What a review just did, said where the form was. Focused when it appears,
 * so a screen reader reads it and the keyboard starts from it, as it would
 * from the confirmation that led here.
 */
export function DecisionNotice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} role="status" tabIndex={-1} className="card decision-notice" data-testid="decision-notice">
      {children}
    </div>
  );
}
