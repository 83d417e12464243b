/**
 * The share scale of colors.ts as numbers, for painting pixels directly (the heatmap canvas):
 * the same stops and the same piecewise-linear RGB interpolation d3.scaleLinear performs on the
 * colour strings, rounded like d3's rgb() output. No d3 import, so Node tests can check it.
 */

/** Blue → near-white → orange (ColorBrewer PuOr/RdBu family ends). */
export const CALM = ["#2166ac", "#67a9cf", "#d1e5f0"] as const;
export const WARM = ["#fddbc7", "#f4a582", "#b35806"] as const;
export const MID = "#f7f7f7";

/** Domains of the two halves of the scale for a limit (0–100). */
export function shareDomains(limit: number): { below: number[]; above: number[] } {
  const aboveSpan = Math.max(100 - limit, 1e-9);
  return {
    below: [0, limit * 0.5, limit * 0.95, limit],
    above: [limit, limit + aboveSpan * 0.05, limit + aboveSpan * 0.35, 100],
  };
}

function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * d3's polylinear scale with clamping, into `out`: bisect-right for the segment, a zero-width
 * segment at t = 0.5, each channel interpolated as a + t·(b − a).
 */
function piecewise(
  domain: readonly number[],
  range: readonly [number, number, number][],
): (x: number, out: Float64Array) => void {
  const last = domain.length - 1;
  return (x, out) => {
    const v = Math.max(domain[0]!, Math.min(domain[last]!, x));
    let i = 1;
    while (i < last && domain[i]! <= v) i++;
    const d0 = domain[i - 1]!;
    const span = domain[i]! - d0;
    const t = span ? (v - d0) / span : 0.5;
    const a = range[i - 1]!;
    const b = range[i]!;
    out[0] = a[0] + t * (b[0] - a[0]);
    out[1] = a[1] + t * (b[1] - a[1]);
    out[2] = a[2] + t * (b[2] - a[2]);
  };
}

const clamp8 = (v: number) => Math.max(0, Math.min(255, Math.round(v) || 0));

/** The colour of a share given the limit, as one integer 0xRRGGBB (no allocation per call). */
export function shareRgbPacked(limit: number): (share: number) => number {
  const { below, above } = shareDomains(limit);
  const lo = piecewise(below, [...CALM, MID].map(rgbOf));
  const hi = piecewise(above, [MID, ...WARM].map(rgbOf));
  const out = new Float64Array(3);
  return (share) => {
    (share <= limit ? lo : hi)(share, out);
    return (clamp8(out[0]!) << 16) | (clamp8(out[1]!) << 8) | clamp8(out[2]!);
  };
}

/** [r, g, b] (0–255 integers) of a share given the limit, as shareColor(limit)(share) draws it. */
export function shareRgb(limit: number): (share: number) => [number, number, number] {
  const packed = shareRgbPacked(limit);
  return (share) => {
    const n = packed(share);
    return [n >> 16, (n >> 8) & 255, n & 255];
  };
}
