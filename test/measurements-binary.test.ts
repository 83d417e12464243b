/** measurements.bin (lib/io/measurements-binary.ts) holds exactly the rows of the CSV it is made from. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { decodeMeasurementsBinary, encodeMeasurementsBinary } from "../lib/io/measurements-binary.ts";
import { parseLongCsv } from "../lib/import/long-csv.ts";

const csv = readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url), "utf8");

describe("measurements binary", () => {
  it("decodes to the cells and names the CSV importer reads, for the synthetic data", () => {
    const m = parseLongCsv(csv, "m.csv");
    const decoded = decodeMeasurementsBinary(encodeMeasurementsBinary(m), "m.bin");
    expect(decoded.cells).toEqual(m.cells);
    expect([...decoded.names]).toEqual([...m.names]);
    expect(decoded.cells.some((c) => c.population === null)).toBe(true);
    expect(decoded.cells.some((c) => c.shareWithout === null)).toBe(true);
  });

  it("keeps odd rows exactly: unknowns, many decimals, zero, large counts, from an unaligned buffer", () => {
    const text =
      "municipality_code,municipality_name,benefit_group,measure,month,population,without,share_without\n" +
      "101,København,alle,samtaler,2021-01,,,\n" +
      "183,Ishøj,sygedagpenge,tilbud,2022-09,2000000000,0,0\n" +
      "825,Læsø,alle,tilbud,2025-12,3,1,33.333333333333\n" +
      "860,Hjørring,dagpenge,samtaler,2019-02,,,12.5\n";
    const m = parseLongCsv(text, "odd.csv");
    const bytes = encodeMeasurementsBinary(m);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const decoded = decodeMeasurementsBinary(shifted.subarray(3), "odd.bin");
    expect(decoded.cells).toEqual(m.cells);
    expect([...decoded.names]).toEqual([...m.names]);
  });

  it("refuses what it did not write, naming the file", () => {
    const good = encodeMeasurementsBinary(parseLongCsv(csv.split("\n").slice(0, 50).join("\n"), "m.csv"));
    expect(() => decodeMeasurementsBinary(new TextEncoder().encode(csv.slice(0, 100)), "x.bin")).toThrow(
      /x\.bin: not a measurements binary file \(wrong magic number\)/,
    );
    expect(() => decodeMeasurementsBinary(good.subarray(0, good.length - 1), "t.bin")).toThrow(/t\.bin.*wrong length/);
    expect(() => decodeMeasurementsBinary(new Uint8Array(4), "s.bin")).toThrow(/too short/);
  });
});
