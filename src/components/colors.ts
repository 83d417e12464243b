/**
 * One colour language for every page (UI.md): the share without effort on a diverging,
 * colour-blind-safe scale whose midpoint is the current limit (calm blue below, warm orange
 * above), and fixed verdict colours outside that scale, always paired with a symbol or label.
 */
import * as d3 from "npm:d3";
import type { CriterionStatus } from "./_gen/tidlig.js";

/** Blue → near-white → orange (ColorBrewer PuOr/RdBu family ends; safe for the common colour-vision deficiencies). */
const CALM = ["#2166ac", "#67a9cf", "#d1e5f0"];
const WARM = ["#fddbc7", "#f4a582", "#b35806"];
const MID = "#f7f7f7";

/** A colour for a share (0–100) given the limit: the midpoint moves with the threshold. */
export function shareColor(limit: number): (share: number | null) => string {
  const below = d3.scaleLinear<string>().domain([0, limit * 0.5, limit * 0.95, limit]).range([...CALM, MID]).clamp(true);
  const aboveSpan = Math.max(100 - limit, 1e-9);
  const above = d3.scaleLinear<string>().domain([limit, limit + aboveSpan * 0.05, limit + aboveSpan * 0.35, 100]).range([MID, ...WARM]).clamp(true);
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

export const STATUS_COLORS: Readonly<Record<CriterionStatus, string>> = {
  flagged: "#a50f75",
  "not-restored": "#a50f75",
  compliant: "#1b7837",
  restored: "#1b7837",
  "insufficient-data": "#8c6d1f",
  "not-covered": "#8a8a8a",
  exempted: "#5e4fa2",
};
