/** The tile-grid map's layout: one tile each, no overlaps, deterministic, neighbours stay near. */
import { describe, expect, it } from "vitest";
import { MUNICIPALITIES } from "../lib/index.ts";
import { assign, tileLayout } from "../src/components/tile-layout.ts";

const layout = tileLayout(MUNICIPALITIES);
const at = new Map(layout.tiles.map((t) => [t.code, t]));
const byName = (name: string) => at.get(MUNICIPALITIES.find((m) => m.name === name)!.code)!;
const distance = (a: string, b: string) =>
  Math.max(Math.abs(byName(a).col - byName(b).col), Math.abs(byName(a).row - byName(b).row));

describe("tileLayout", () => {
  it("places all 98 municipalities on distinct cells inside the grid", () => {
    expect(layout.tiles).toHaveLength(98);
    expect(new Set(layout.tiles.map((t) => t.code)).size).toBe(98);
    expect(new Set(layout.tiles.map((t) => `${t.col},${t.row}`)).size).toBe(98);
    for (const t of layout.tiles) {
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(layout.columns);
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(layout.rows);
    }
  });

  it("is deterministic and independent of the input order", () => {
    expect(tileLayout(MUNICIPALITIES)).toEqual(layout);
    expect(tileLayout([...MUNICIPALITIES].reverse())).toEqual(layout);
  });

  it("keeps the geography: west is left, north is up, the capital area together", () => {
    expect(byName("Esbjerg").col).toBeLessThan(byName("København").col);
    expect(byName("Hjørring").row).toBeLessThan(byName("Haderslev").row);
    expect(byName("Bornholm").col).toBe(Math.max(...layout.tiles.map((t) => t.col)));
    expect(distance("København", "Frederiksberg")).toBe(1);
    expect(distance("Ishøj", "Vallensbæk")).toBeLessThanOrEqual(1);
    expect(distance("Tårnby", "Dragør")).toBeLessThanOrEqual(1);
    expect(distance("Odense", "Nyborg")).toBeLessThanOrEqual(2);
  });

  it("refuses a grid that is too small", () => {
    expect(() => tileLayout(MUNICIPALITIES, { columns: 9, rows: 10 })).toThrow(/cannot hold 98/);
  });
});

describe("assign (minimum-cost assignment)", () => {
  it("finds the optimum of a small problem", () => {
    // Brute force over the 4! permutations of 4 items on 5 cells.
    const cost = [
      [4, 1, 3, 9, 2],
      [2, 0, 5, 3, 8],
      [3, 2, 2, 1, 7],
      [6, 4, 1, 2, 3],
    ];
    const best = (used: Set<number>, i: number): number =>
      i === cost.length
        ? 0
        : Math.min(
            ...[0, 1, 2, 3, 4]
              .filter((j) => !used.has(j))
              .map((j) => cost[i]![j]! + best(new Set([...used, j]), i + 1)),
          );
    const result = assign(cost);
    expect(new Set(result).size).toBe(4);
    expect(result.reduce((s, j, i) => s + cost[i]![j]!, 0)).toBe(best(new Set(), 0));
  });
});
