/** Timing helpers: medians over repeated runs after warm-up. */

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; the median wall time in ms. */
export function time(fn: () => unknown, runs: number, warmup = Math.min(3, runs)): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { median: median(samples)!, min: Math.min(...samples), max: Math.max(...samples), runs };
}

/** Rounds for the report: 3 significant digits below 100, integers above. */
export function round(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return x;
  if (Math.abs(x) >= 100) return Math.round(x);
  return Number(x.toPrecision(3));
}
