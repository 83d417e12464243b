/**
 * Small deterministic pseudo-random numbers for the synthetic data set. Only integer operations
 * (Math.imul, shifts) and exact floating-point sums are used — no Math.random and no
 * transcendental functions — so the same seed gives byte-identical output on every platform.
 */

/** MurmurHash3's 32-bit finaliser: a strong bijective mix of a 32-bit integer. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit key derived from a seed and any number of integer parts (order matters). */
export function hashKey(seed: number, ...parts: readonly number[]): number {
  let h = fmix32((seed >>> 0) ^ 0x9e3779b9);
  for (const p of parts) h = fmix32(Math.imul(h ^ (p >>> 0), 0x9e3779b1) + 0x7f4a7c15);
  return h;
}

/** A uniform generator on [0, 1) (mulberry32), with helpers. */
export interface Rng {
  /** Uniform on [0, 1), a multiple of 2⁻³². */
  next(): number;
  /** Approximately standard normal (Irwin–Hall: sum of 12 uniforms − 6), exact arithmetic. */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

export function mulberry32(state: number): Rng {
  let a = state >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal() {
      let s = 0;
      for (let i = 0; i < 12; i++) s += next();
      return s - 6;
    },
    int(n: number) {
      return Math.floor(next() * n);
    },
  };
}

/** An independent stream for (seed, parts…). */
export function rngFor(seed: number, ...parts: readonly number[]): Rng {
  return mulberry32(hashKey(seed, ...parts));
}
