/**
 * The chunked, columnar import path (lib/import/stream.ts, lib/domain/columns.ts,
 * cli/read-file.ts) must give exactly what decoding the whole input and parsing the text gives:
 * the same cells, names, warnings and origins, or the same errors — whatever the chunk size.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InputIssue } from "../lib/domain/issues.ts";
import { measurementCount } from "../lib/domain/columns.ts";
import { readMeasurements, readWhole, scanCsvRecords, type ImportOptions } from "../lib/import/index.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate } from "../lib/rules/evaluate.ts";
import { readMeasurementsFile } from "../cli/read-file.ts";
import { LONG_HEADER, outcome } from "./helpers/import-outcome.ts";

const HEADER = LONG_HEADER;
const enc = (s: string) => new TextEncoder().encode(s);

const chunked = (bytes: Uint8Array, chunkSize: number, options: ImportOptions = {}) =>
  outcome(() => readMeasurements(bytes, "f.csv", { ...options, chunkSize }));
const whole = (bytes: Uint8Array, options: ImportOptions = {}) => outcome(() => readWhole(bytes, "f.csv", options));

describe("chunk boundaries", () => {
  const text =
    `${HEADER}\r\n` +
    `183,Ishøj,alle,samtaler,2022-09,35,7,20.0\r\n` +
    `183,"Ishøj\r\nby",dagpenge,samtaler,2022-09,10,1,"10,0"\r\n` +
    `183,"Is""højx",alle,tilbud,2022-09,,,\r\n` +
    `101,København,alle,samtaler,2022-10,100,20,20.0\r\n`;
  const bytes = enc(text);
  const reference = whole(bytes);

  it("the reference reads as expected (names, lines after the quoted line break)", () => {
    const r = reference as { cells: unknown[]; warnings: InputIssue[]; origins: { line: number }[] };
    expect(r.cells).toHaveLength(4);
    expect(r.origins.map((o) => o.line)).toEqual([2, 3, 5, 6]);
    // The quoted name with a line break and the one with an escaped quote are warned about, on the lines they start on.
    expect(r.warnings.map((w) => [w.line, w.value])).toEqual([
      [3, "Ishøj\r\nby"],
      [5, 'Is"højx'],
    ]);
  });

  it("every chunk size from 1 to 64 bytes gives the same result", () => {
    for (let size = 1; size <= 64; size++) expect(chunked(bytes, size), `chunk size ${size}`).toEqual(reference);
  });

  /** A chunk size whose first boundary falls right after byte `at` (so the split is at `at + 1`). */
  const boundaryAfter = (at: number) => at + 1;

  it("a multi-byte ø split across chunks", () => {
    const at = bytes.indexOf(0xc3); // ø = C3 B8
    expect(bytes[at + 1]).toBe(0xb8);
    expect(chunked(bytes, boundaryAfter(at))).toEqual(reference);
  });

  it("a CRLF split between CR and LF", () => {
    const at = bytes.indexOf(0x0d);
    expect(bytes[at + 1]).toBe(0x0a);
    expect(chunked(bytes, boundaryAfter(at))).toEqual(reference);
  });

  it("a quoted field with a line break split inside the quotes, and an escaped quote split between its two quotes", () => {
    const inQuoted = text.indexOf('"Ishøj\r\nby') + 3; // inside "Ishøj…", before the line break
    expect(chunked(bytes, enc(text.slice(0, inQuoted)).length)).toEqual(reference);
    const escaped = enc(text.slice(0, text.indexOf('""') + 1)).length; // between the two quotes
    expect(bytes[escaped - 1]).toBe(0x22);
    expect(bytes[escaped]).toBe(0x22);
    expect(chunked(bytes, escaped)).toEqual(reference);
  });

  it("scanCsvRecords leaves an incomplete record for the next piece and finishes it on the final one", () => {
    const seen: string[][] = [];
    const onRecord = (f: string[]) => void seen.push(f.slice());
    const piece = 'a,b\n"x\ny",z';
    const r = scanCsvRecords(piece, onRecord, { separator: ",", start: 0, line: 1, final: false });
    expect(seen).toEqual([["a", "b"]]);
    expect(r).toEqual({ next: 4, line: 2, stopped: false });
    const rest = `${piece.slice(r.next)}\r`;
    const f = scanCsvRecords(rest, onRecord, { separator: ",", line: r.line, final: true });
    expect(seen).toEqual([
      ["a", "b"],
      ["x\ny", "z"],
    ]);
    expect(f.stopped).toBe(false);
  });
});

describe("any chunk size gives the one-shot result (property)", () => {
  const codes = ["101", "183", "147", "999", " 183 ", "Ishøj"];
  const groups = ["alle", "dagpenge", "Sygedagpenge", "kontanthjælp", "nope"];
  const measures = ["samtaler", "tilbud", "Tilbud", "x"];
  const months = ["2022-09", "2022M10", "2022-11", "2022-13"];
  const counts = ["", "0", "7", "35", "..", "-1", "3.5"];
  const shares = ["", "20.0", "20,0", '"20,0"', "100", "101", "x", "."];
  const names = ["", "Ishøj", "København", '"Ishøj\nby"', '"Kø""benhavn"', "Århus"];
  const row = fc
    .tuple(
      fc.constantFrom(...codes),
      fc.constantFrom(...names),
      fc.constantFrom(...groups),
      fc.constantFrom(...measures),
      fc.constantFrom(...months),
      fc.constantFrom(...counts),
      fc.constantFrom(...counts),
      fc.constantFrom(...shares),
    )
    .map((f) => f.join(","));
  const input = fc.record({
    rows: fc.array(fc.oneof({ weight: 8, arbitrary: row }, { weight: 1, arbitrary: fc.constant("") }), {
      maxLength: 25,
    }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    latin1: fc.boolean(), // write æøå as Windows-1252 bytes: the fallback path
    chunkSize: fc.integer({ min: 1, max: 80 }),
    maxErrors: fc.constantFrom(2, 50),
  });

  it("same cells, names, warnings, origins — or the same errors", () => {
    fc.assert(
      fc.property(input, ({ rows, crlf, bom, finalNewline, latin1, chunkSize, maxErrors }) => {
        const nl = crlf ? "\r\n" : "\n";
        const text = [HEADER, ...rows].join(nl) + (finalNewline ? nl : "");
        let bytes = latin1 ? Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff) : enc(text);
        if (bom && !latin1) bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
        expect(chunked(bytes, chunkSize, { maxErrors })).toEqual(whole(bytes, { maxErrors }));
      }),
      { numRuns: 300 },
    );
  });

  it("the files of the bad-input corpus, at several chunk sizes", () => {
    const dir = new URL("./fixtures/bad/", import.meta.url);
    const files = readdirSync(dir).filter((f) => !f.endsWith(".json") && !f.endsWith(".md"));
    for (const f of files) {
      const bytes = readFileSync(new URL(f, dir));
      const reference = whole(bytes);
      for (const size of [1, 2, 3, 7, 64, 1 << 14]) expect(chunked(bytes, size), `${f} at ${size}`).toEqual(reference);
    }
  });
});

describe("the CLI's file path (readMeasurementsFile)", () => {
  const withFile = (bytes: Uint8Array, body: (path: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), "tidlig-stream-"));
    try {
      const path = join(dir, "in.csv");
      writeFileSync(path, bytes);
      body(path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("falls back to Windows-1252 when an invalid byte comes late, after chunks already parsed", () => {
    const lines = [HEADER];
    for (let m = 1; m <= 12; m++) lines.push(`183,Ishoej,alle,samtaler,2021-${String(m).padStart(2, "0")},35,7,20.0`);
    lines.push("101,K\xf8benhavn,alle,samtaler,2022-01,100,20,20.0"); // ø as the Windows-1252 byte 0xF8
    const bytes = Uint8Array.from(lines.join("\n") + "\n", (ch) => ch.charCodeAt(0));
    withFile(bytes, (path) => {
      for (const chunkSize of [7, 64, 1 << 14]) {
        const m = readMeasurementsFile(path, "in.csv", { chunkSize });
        expect(m.warnings.find((w) => w.message.includes("Windows-1252"))).toMatchObject({
          file: "in.csv",
          line: 14,
          value: "0xF8",
        });
        expect(m.names.get("101")).toBe("København");
        expect(measurementCount(m)).toBe(13);
        expect(outcome(() => readMeasurementsFile(path, "f.csv", { chunkSize }))).toEqual(whole(bytes));
      }
    });
  });

  it("an invalid byte after the error cap still gives the warning (the whole file is decoded first)", () => {
    const lines = [HEADER, "999,x,alle,samtaler,2022-01,1,1,100", "998,x,alle,samtaler,2022-01,1,1,100"];
    for (let k = 0; k < 40; k++) lines.push(`183,Ishoej,alle,samtaler,2021-01,35,7,20.0`);
    lines.push("101,K\xf8benhavn,alle,samtaler,2022-01,100,20,20.0");
    const bytes = Uint8Array.from(lines.join("\n"), (ch) => ch.charCodeAt(0));
    withFile(bytes, (path) => {
      const r = outcome(() => readMeasurementsFile(path, "f.csv", { chunkSize: 7, maxErrors: 1 })) as {
        issues: InputIssue[];
      };
      expect(r.issues.some((i) => i.message.includes("Windows-1252") && i.line === 44)).toBe(true);
      expect(r).toEqual(whole(bytes, { maxErrors: 1 }));
    });
  });

  it("UTF-16 and wide tables are read whole, with the same result", () => {
    const wide = readFileSync(new URL("./fixtures/bad/wide-unknown-label.tsv", import.meta.url));
    const utf16 = Uint8Array.from([
      0xff,
      0xfe,
      ...new Uint8Array(
        Uint16Array.from(`${HEADER}\n183,Ishøj,alle,samtaler,2022-09,35,7,20.0\n`, (c) => c.charCodeAt(0)).buffer,
      ),
    ]);
    for (const bytes of [wide, utf16]) {
      withFile(bytes, (path) =>
        expect(outcome(() => readMeasurementsFile(path, "f.csv", { chunkSize: 5 }))).toEqual(whole(bytes)),
      );
    }
    expect((whole(utf16) as { cells: unknown[] }).cells).toHaveLength(1);
  });

  it("a missing file is an input error naming it", () => {
    const e = outcome(() => readMeasurementsFile("/nonexistent/dir/x.csv", "x.csv")) as { issues: InputIssue[] };
    expect(e.issues).toEqual([
      expect.objectContaining({ file: "x.csv", message: "cannot read the file: no such file" }),
    ]);
  });
});

describe("columnar measurements", () => {
  const bytes = readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url));
  const m = readMeasurements(bytes, "measurements.csv");

  it("are columnar, with cells materialised on demand and cached", () => {
    const cols = m.columns!;
    expect(cols).toBeDefined();
    expect(measurementCount(m)).toBe(cols.length);
    expect(m.cells).toBe(m.cells);
    expect(m.cells).toEqual(readWhole(bytes, "measurements.csv").cells);
    expect(m.cells.length).toBeGreaterThan(80_000);
  });

  it("the index built from the columns evaluates exactly like the index built from the cells", () => {
    const fromColumns = new MeasurementIndex(m);
    const fromCells = new MeasurementIndex({ cells: m.cells, names: m.names, warnings: m.warnings });
    expect([fromColumns.start, fromColumns.length, fromColumns.codes]).toEqual([
      fromCells.start,
      fromCells.length,
      fromCells.codes,
    ]);
    const windows: [string, string[]][] = [
      ["2024H1", ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]],
      ["2022-09..2022-11", ["2022-09", "2022-10", "2022-11"]],
    ];
    for (const [period, window] of windows) {
      for (const req of [
        { ruleSet: "opfoelgning-2024" as const, window, period },
        { ruleSet: "genopretning-2020" as const, window, period, mode: "trigger" as const },
      ]) {
        const a = evaluate(fromColumns, req);
        expect(a.municipalities.length).toBe(98);
        expect(a).toEqual(evaluate(fromCells, req));
      }
    }
  });
});
