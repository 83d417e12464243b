/**
 * The one-pass reader of the usual long-CSV row (LongRowParser.fastRow, over undecoded UTF-8 bytes)
 * is only a shortcut: a file read with it must give exactly what decoding the text and the general
 * row checks give (`fastRows: false`) — the same cells, names, warnings and origins, or the same
 * errors — and a row it does not take must be left untouched for the general checks.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { MeasurementColumns } from "../lib/domain/columns.ts";
import { parseLongCsv, readMeasurements, readWhole, type ImportOptions } from "../lib/import/index.ts";
import { IssueCollector } from "../lib/import/common.ts";
import { mapLongHeader } from "../lib/import/long-csv-header.ts";
import { LongRowParser } from "../lib/import/long-csv-row.ts";
import { LONG_HEADER, outcome } from "./helpers/import-outcome.ts";

const HEADER = LONG_HEADER;
const enc = (s: string) => new TextEncoder().encode(s);

const readText = (text: string, options: ImportOptions) => outcome(() => parseLongCsv(text, "f.csv", options));

/** The share of `without` in `population` as published: percent, one decimal, rounded half up. */
function publishedShare(population: number, without: number): string {
  const tenths = Math.floor((2000 * without + population) / (2 * population));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

describe("fast and general row reading agree (property)", () => {
  // Each field: usually a value of the usual form, sometimes a near miss of a check the one-pass
  // reader makes; counts agree with their share in most rows, so that most rows are valid.
  const field = (usual: string[], odd: string[]) =>
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
  const row = fc
    .record({
      code: field(["101", "183", "147"], ["999", "1830", "18", " 183", "183 ", "Ishøj", '"183"', ""]),
      name: field(
        ["", "Ishøj", "København"],
        ["Ishøj ", "ishøj", "Ishoj", '"Ishøj"', '"Is,høj"', "Ish", "Frederiksberg"],
      ),
      group: field(
        ["alle", "dagpenge", "kontanthjaelp", "Sygedagpenge", "A-dagpenge mv."],
        [" alle", "Alle", '"alle"', "nope", "", "alle "],
      ),
      measure: field(["samtaler", "tilbud"], ["Tilbud", "samtaler ", "x", ""]),
      month: field(["2022-09", "2022-10", "2022M11", "2022m12"], ["2022-13", "2022-9", "2022/09", "", "202209"]),
      population: field(["", "0", "7", "35", "0035"], ["123456789012345", "1234567890123456", " 7", "-1", "3.5"]),
      without: field(["", "0", "7", "35"], ["1e3", "-0", "7 "]),
      share: field(
        ["", "0", "0.0", "20.0", "20", "20.00", "100", "100.0"],
        ["100.01", "101", "45.", ".5", "x", '"20,0"'],
      ),
      agreeing: fc.option(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })), {
        freq: 3,
      }),
      // One row in eight with counts the wrong way round (without > population), and no share.
      swapped: fc.integer({ min: 0, max: 7 }).map((k) => k === 0),
      end: field(["\n", "\r\n"], [",\n", ",x\n", "\r\r\n", "\n\n", "\r"]),
    })
    .map((r) => {
      let { population, without, share } = r;
      if (r.agreeing) {
        const [a, b] = r.agreeing;
        const p = Math.max(a, b);
        const w = Math.min(a, b);
        population = String(p);
        without = String(w);
        share = p === 0 ? (w % 2 ? "" : "0.0") : publishedShare(p, w);
        if (r.swapped && w < p) [population, without, share] = [String(w), String(p), ""];
      }
      return [r.code, r.name, r.group, r.measure, r.month, population, without, share].join(",") + r.end;
    });
  const input = fc.record({
    rows: fc.array(row, { maxLength: 30 }),
    lastEnd: fc.boolean(),
    maxErrors: fc.constantFrom(1, 3, 50),
    chunkSize: fc.integer({ min: 1, max: 90 }),
  });

  it("the same cells, names, warnings, origins — or the same errors — from text and from bytes in chunks", () => {
    fc.assert(
      fc.property(input, ({ rows, lastEnd, maxErrors, chunkSize }) => {
        let text = `${HEADER}\n${rows.join("")}`;
        if (!lastEnd) text = text.replace(/\r?\n$/, "");
        const general = readText(text, { maxErrors, fastRows: false });
        const bytes = enc(text);
        const read = (o: ImportOptions) =>
          outcome(() => readMeasurements(bytes, "f.csv", { maxErrors, chunkSize, ...o }));
        expect(read({})).toEqual(general);
        expect(read({ fastRows: false })).toEqual(general);
      }),
      { numRuns: 400 },
    );
  });

  it("the files of the bad-input corpus, the import fixtures and the synthetic data read the same both ways", () => {
    const files = ["./fixtures/bad/", "./fixtures/import/"].flatMap((dir) =>
      readdirCsv(new URL(dir, import.meta.url)).map((f) => new URL(dir + f, import.meta.url)),
    );
    files.push(new URL("../data/synthetic/measurements.csv", import.meta.url));
    for (const url of files) {
      const bytes = new Uint8Array(readFileSync(url));
      const general = readText(new TextDecoder().decode(bytes), { fastRows: false });
      for (const chunkSize of [7, 1 << 14])
        expect(
          outcome(() => readMeasurements(bytes, "f.csv", { chunkSize })),
          `${url.pathname} at ${chunkSize}`,
        ).toEqual(general);
    }
  });
});

describe("undecoded rows and the UTF-8 check", () => {
  it("a byte that is not UTF-8 after many rows read undecoded: the Windows-1252 reading, its warning at the right line", () => {
    const lines = [HEADER];
    for (let k = 0; k < 400; k++) {
      const month = `20${10 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
      lines.push(`183,${k % 2 ? "Ishøj" : ""},alle,samtaler,${month},35,7,20.0`);
    }
    lines.push("101,K\xf8benhavn,alle,samtaler,2022-01,100,20,20.0"); // ø as the Windows-1252 byte 0xF8
    // UTF-8 everywhere but in the last row.
    const head = enc(lines.slice(0, -1).join("\n") + "\n");
    const last = Uint8Array.from(lines.at(-1)! + "\n", (ch) => ch.charCodeAt(0));
    const bytes = new Uint8Array(head.length + last.length);
    bytes.set(head);
    bytes.set(last, head.length);
    const whole = outcome(() => readWhole(bytes, "f.csv"));
    for (const chunkSize of [7, 64, 1000, 1 << 14]) {
      const m = readMeasurements(bytes, "f.csv", { chunkSize });
      expect(
        m.warnings.find((w) => w.message.includes("Windows-1252")),
        `at ${chunkSize}`,
      ).toMatchObject({
        line: 402,
        value: "0xF8",
      });
      expect(outcome(() => readMeasurements(bytes, "f.csv", { chunkSize }))).toEqual(whole);
    }
  });
});

describe("LongRowParser.fastRow", () => {
  function parser(header = HEADER): { rows: LongRowParser; cols: MeasurementColumns } {
    const issues = new IssueCollector("f.csv", {});
    const cols = new MeasurementColumns(16);
    const mapped = mapLongHeader(header.split(header.includes(";") ? ";" : ","), 1, issues)!;
    const rows = new LongRowParser({
      header: mapped,
      separator: header.includes(";") ? ";" : ",",
      issues,
      columns: cols,
    });
    return { rows, cols };
  }

  it("reads a usual row in one pass and stores it as the general checks would", () => {
    const { rows, cols } = parser();
    // A benefit group is read in one pass only once the general checks have resolved its spelling.
    const first = "183,Ishøj,alle,samtaler,2022-09,35,7,20.0\n";
    expect(fastRow(rows, first, 0, 2)).toBe(-1);
    expect(cols.length).toBe(0);
    const text = "xx" + first + "183,,alle,tilbud,2022-10,,,\r\n";
    // Teach the spelling the way the reader does: through the general row check of a spelling.
    const general = parser();
    general.rows.row(first, spansOf(first.trimEnd()), 2, null);
    expect(general.cols.length).toBe(1);
    const firstBytes = enc(first).length;
    expect(fastRow(general.rows, text, 2, 3)).toBe(2 + firstBytes);
    expect(fastRow(general.rows, text, 2 + firstBytes, 4)).toBe(enc(text).length);
    expect(general.cols.length).toBe(3);
    // Row 2 (general) and row 3 (one pass) hold the same values.
    const c = general.cols;
    expect([c.code[1], c.group[1], c.measure[1], c.month[1], c.population[1], c.without[1]]).toEqual([
      c.code[0],
      c.group[0],
      c.measure[0],
      c.month[0],
      c.population[0],
      c.without[0],
    ]);
    expect([c.shareNum[1], c.shareExp[1], c.line[1]]).toEqual([200, 1, 3]);
    expect([c.measure[2], c.population[2], c.shareExp[2], c.line[2]]).toEqual([1, NaN, -1, 4]);
    expect(general.rows.dataRows).toBe(3);
    expect([...general.rows.namesByCode]).toEqual([["183", "Ishøj"]]);
  });

  it("leaves every unusual row to the general checks, storing nothing", () => {
    const { rows, cols } = parser();
    const usual = "183,Ishøj,alle,samtaler,2022-09,35,7,20.0";
    rows.row(usual, spansOf(usual), 2, null);
    const before = cols.length;
    const unusual = [
      "183,Ishøj,alle,samtaler,2022-09,35,7,20.0", // no line break yet: may continue in the next piece
      "183,Ishøj,alle,samtaler,2022-09,35,7,20.0,\n", // an extra (empty) field
      '183,"Ishøj",alle,samtaler,2022-09,35,7,20.0\n', // quotes
      "183,Ishøj ,alle,samtaler,2022-09,35,7,20.0\n", // a name that is not the list's
      "183,København,alle,samtaler,2022-09,35,7,20.0\n", // another municipality's name
      "999,,alle,samtaler,2022-09,35,7,20.0\n", // an unknown code
      "183,,Alle,samtaler,2022-09,35,7,20.0\n", // a spelling not resolved yet
      "183,,alle,Samtaler,2022-09,35,7,20.0\n",
      "183,,alle,samtaler,2022M9,35,7,20.0\n",
      "183,,alle,samtaler,2022-09,7,35,20.0\n", // without > population
      "183,,alle,samtaler,2022-09,7,35,\n",
      "183,,alle,samtaler,2022-09,,,101\n", // a share above 100 %
      "183,,alle,samtaler,2022-09,35,,100.01\n",
      "183,,allessamtaler,2022-09,35,7,20.0\n", // a spelling followed by more than a separator
      "183,Ishxj,alle,samtaler,2022-09,35,7,20.0\n", // a name that differs inside
      "183,,alle,samtaler,2022-09,35,7,20.1\n", // disagrees with the counts
      "183,,alle,samtaler,2022-09,0,0,20.0\n", // a share for an empty population
      "183,,alle,samtaler,2022-09,35,7,20.\n",
      "183,,alle,samtaler,2022-09,1234567890123456,7,\n", // more than 15 digits
      "183,,alle,samtaler,2022-09,35,7,20.0\r\r\n",
    ];
    for (const line of unusual) expect(fastRow(rows, line, 0, 9), line).toBe(-1);
    expect(cols.length).toBe(before);
    expect(rows.dataRows).toBe(1);
  });

  it("does not apply to another column order or separator", () => {
    expect(parser(HEADER).rows.fastRowsApply).toBe(true);
    expect(parser(HEADER.split(",").reverse().join(",")).rows.fastRowsApply).toBe(false);
    expect(parser(HEADER.replaceAll(",", ";")).rows.fastRowsApply).toBe(false);
    expect(parser(`${HEADER},extra`).rows.fastRowsApply).toBe(false);
  });
});

/** fastRow over the UTF-8 bytes of `text`. */
function fastRow(rows: LongRowParser, text: string, pos: number, line: number): number {
  const bytes = enc(text);
  return rows.fastRow(bytes, pos, bytes.length, line);
}

function readdirCsv(dir: URL): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort();
}

/** The field spans of one unquoted, comma-separated record. */
function spansOf(line: string) {
  const start = new Int32Array(16);
  const end = new Int32Array(16);
  let count = 0;
  let a = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i === line.length || line[i] === ",") {
      start[count] = a;
      end[count++] = i;
      a = i + 1;
    }
  }
  return { start, end, count };
}
