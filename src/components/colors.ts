/**
 * One colour language for every page (docs/decisions.md): the share without effort on a diverging,
 * colour-blind-safe scale whose midpoint is the current limit (calm blue below, warm orange
 * above), and fixed verdict colours outside that scale, always paired with a symbol or label.
 */
import * as d3 from "npm:d3";
import type { StatusCode } from "./_gen/tidlig.js";
// Blue → near-white → orange (ColorBrewer PuOr/RdBu family ends; safe for the common colour-vision
// deficiencies); share-scale.ts also gives the same scale as numbers for painting pixels.
import { CALM, MID, WARM, shareDomains } from "./share-scale.js";

/** A colour for a share (0–100) given the limit: the midpoint moves with the threshold. */
export function shareColor(limit: number): (share: number | null) => string {
  const domains = shareDomains(limit);
  const below = d3
    .scaleLinear<string>()
    .domain(domains.below)
    .range([...CALM, MID])
    .clamp(true);
  const above = d3
    .scaleLinear<string>()
    .domain(domains.above)
    .range([MID, ...WARM])
    .clamp(true);
  return (share) => (share === null ? "transparent" : share <= limit ? below(share) : above(share));
}

/** Stops for a legend of the share scale. */
export function shareLegendStops(limit: number, n = 11): { value: number; color: string }[] {
  const color = shareColor(limit);
  return d3.range(n).map((i) => {
    const value = (100 * i) / (n - 1);
    return { value, color: color(value) };
  });
}

export const STATUS_COLORS: Readonly<Record<StatusCode, string>> = {
  flagged: "#a50f75",
  "not-restored": "#a50f75",
  compliant: "#1b7837",
  restored: "#1b7837",
  "insufficient-data": "#8c6d1f",
  "not-covered": "#8a8a8a",
  exempted: "#5e4fa2",
  "not-under-restoration": "#8a8a8a",
};
