/**
 * Typed columns as an explicit part of Measurements (issue 12 §2): the municipality page and the
 * parse worker's transfer use them without building a Cell; the worker moves the very buffers
 * the importer filled.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { MeasurementColumns, type ColumnarMeasurements } from "../lib/domain/columns.ts";
import { readMeasurements } from "../lib/import/index.ts";
import { municipalityIndex, municipalityMeasurements } from "../lib/view/municipality.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate } from "../lib/rules/evaluate.ts";
import { packMeasurements, transferables, unpackMeasurements } from "../src/components/cells-transfer.ts";

const bytes = readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url));
const fresh = () => readMeasurements(bytes, "measurements.csv") as ColumnarMeasurements;
const req = {
  ruleSet: "opfoelgning-2024" as const,
  window: ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"],
  period: "2024H1",
};

describe("columnar measurements", () => {
  it("a long CSV gives its columns as a field, and builds cells only when asked", () => {
    const m = fresh();
    expect(m.columns).toBeInstanceOf(MeasurementColumns);
    expect(m.columns.length).toBeGreaterThan(80_000);
    expect(m.cellsBuilt).toBe(false);
    expect(m.cells).toHaveLength(m.columns.length);
    expect(m.cellsBuilt).toBe(true);
  });

  it("one municipality's index is built from the columns, with the same verdict as from cells", () => {
    const m = fresh();
    const index = municipalityIndex(m, "183");
    const one = municipalityMeasurements(m, "183");
    expect(m.cellsBuilt).toBe(false);
    expect(one.columns).toBeDefined();
    expect(index.codes).toEqual(["183"]);
    const fromCells = new MeasurementIndex({
      cells: fresh().cells.filter((c) => c.municipalityCode === "183"),
      names: m.names,
      warnings: [],
    });
    expect(evaluate(index, req)).toEqual(evaluate(fromCells, req));
  });
});

describe("the parse worker's transfer", () => {
  it("moves the importer's own column buffers, and the page gets the same cells", () => {
    const m = fresh();
    const packed = packMeasurements(m);
    expect(packed.columns.month.buffer).toBe(m.columns.month.buffer);
    const buffers = transferables(packed);
    expect(buffers).toContain(m.columns.population.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
    const expected = fresh().cells;
    const received = unpackMeasurements(structuredClone(packed, { transfer: buffers }));
    expect(m.columns.month.byteLength).toBe(0); // moved, not copied
    expect(received.columns!.length).toBe(expected.length);
    expect(received.cells).toEqual(expected);
    expect([...received.names]).toEqual([...fresh().names]);
  });

  it("a wide table (cells) is put into columns first and arrives the same", () => {
    const text = readFileSync(new URL("./fixtures/import/ishoej-2022-samtaler-wide.tsv", import.meta.url), "utf8");
    const m = readMeasurements(text, "wide.tsv");
    expect(m.columns).toBeUndefined();
    const packed = packMeasurements(m);
    const received = unpackMeasurements(structuredClone(packed, { transfer: transferables(packed) }));
    expect(received.cells).toEqual(m.cells);
    expect(received.warnings).toEqual(m.warnings);
  });
});
