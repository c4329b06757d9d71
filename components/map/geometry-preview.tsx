"use client";

import { type ReactNode, useCallback, useState } from "react";
import type { GeometryProblem } from "@/lib/geo/errors";
import type { GeometrySource, Repaired } from "./geometry-check";
import { GeometryProblems } from "./geometry-input";

/**
 * The shape a form sends: what was drawn or uploaded, or the repaired shape
 * the user confirmed, which replaces it until they draw or upload again.
 */
export function useGeometrySource() {
  const [picked, setPicked] = useState<GeometrySource | null>(null);
  const [repair, setRepair] = useState<GeometrySource | null>(null);
  const onSource = useCallback((s: GeometrySource | null) => {
    setRepair(null);
    setPicked(s);
  }, []);
  return { source: repair ?? picked, repair, setRepair, onSource };
}

/**
 * What the browser's check found, beside the map: a hint before there is a
 * shape, "checking" while it runs, the form's own figures (children) and the
 * problems, with the repaired shape offered where there is one.
 */
export function GeometryPreview({
  testId,
  title,
  empty,
  checkingLabel,
  source,
  checking,
  check,
  onUseRepaired,
  children,
}: {
  testId: string;
  title: string;
  empty: string;
  checkingLabel: string;
  source: GeometrySource | null;
  checking: boolean;
  check: { ok: true } | { ok: false; problems: readonly GeometryProblem[]; repaired?: Repaired } | null;
  onUseRepaired: (source: GeometrySource) => void;
  children: ReactNode;
}) {
  return (
    <section className="card preview" aria-live="polite" data-testid={testId}>
      <h2>{title}</h2>
      {!source && <p className="note">{empty}</p>}
      {checking && <p className="note">{checkingLabel}</p>}
      {children}
      {check && !check.ok && (
        <GeometryProblems problems={check.problems} repaired={check.repaired} onUseRepaired={onUseRepaired} />
      )}
    </section>
  );
}
