/**
 * Which periods of a time axis get a label: months at the same place in
 * every year (January, then every second, third or sixth month, then every
 * January or every other), or years at round steps, at most `maxLabels` of
 * them. Left to itself Recharts drops whichever labels would collide, which
 * leaves irregular gaps (seen on Arabic pages, whose month names are longer);
 * given these, with `interval="equidistantPreserveStart"`, a narrow chart
 * keeps every second or third of them, still evenly.
 */
export function calendarTicks(periods: readonly string[], maxLabels = 6): string[] {
  if (!periods.length) return [];
  const months = periods.every((p) => /^\d{4}-\d{2}$/.test(p));
  const years = periods.every((p) => /^\d{4}$/.test(p));
  if (!months && !years) return [...periods];
  const steps = months ? [1, 2, 3, 6, 12, 24, 60, 120] : [1, 2, 5, 10, 20, 50, 100];
  const labelled = (p: string, step: number) => {
    const year = Number(p.slice(0, 4));
    if (years) return year % step === 0;
    const month = Number(p.slice(5, 7)) - 1;
    return step <= 12 ? month % step === 0 : month === 0 && year % (step / 12) === 0;
  };
  for (const step of steps) {
    const ticks = periods.filter((p) => labelled(p, step));
    if (ticks.length <= maxLabels) return ticks.length ? ticks : [periods[0]!];
  }
  return [periods[0]!];
}
