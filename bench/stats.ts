/** Runs fn `runs` times after `warmup` runs; returns p50/p95/mean in ms. */
export async function measure(fn: () => unknown | Promise<unknown>, runs: number, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    runs,
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    meanMs: round(times.reduce((s, x) => s + x, 0) / runs),
  };
}
