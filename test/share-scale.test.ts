// The heatmap paints pixels with shareRgb; it must give the colours shareColor (d3 scales on the
// same stops, used by the legend and everywhere else) gives.
import * as d3 from "d3";
import { expect, test } from "vitest";
import { CALM, MID, WARM, shareDomains, shareRgb } from "../src/components/share-scale.ts";

function d3Color(limit: number): (share: number) => string {
  const { below, above } = shareDomains(limit);
  const lo = d3
    .scaleLinear<string>()
    .domain(below)
    .range([...CALM, MID])
    .clamp(true);
  const hi = d3
    .scaleLinear<string>()
    .domain(above)
    .range([MID, ...WARM])
    .clamp(true);
  return (share) => (share <= limit ? lo(share) : hi(share));
}

test("shareRgb equals the d3 colour scale for limits and shares across the range", () => {
  let checked = 0;
  for (const limit of [0, 0.5, 10, 20, 22.5, 33.3, 50, 80, 99.9, 100]) {
    const mine = shareRgb(limit);
    const theirs = d3Color(limit);
    for (let k = 0; k <= 2000; k++) {
      const share = k / 20 + (k % 7) * 0.0013;
      const [r, g, b] = mine(share);
      expect(`rgb(${r}, ${g}, ${b})`, `limit ${limit}, share ${share}`).toBe(theirs(share));
      checked++;
    }
    for (const share of [limit, limit * 0.5, limit * 0.95, limit + (100 - limit) * 0.05, -1, 101]) {
      const [r, g, b] = mine(share);
      expect(`rgb(${r}, ${g}, ${b})`).toBe(theirs(share));
    }
  }
  expect(checked).toBeGreaterThan(10_000);
});
