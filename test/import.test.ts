import { describe, expect, it } from "vitest";
import { rejection } from "./helpers/cells.ts";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { cellKey, type Measurements } from "../lib/domain/measurements.ts";
import type { Cell } from "../lib/domain/types.ts";
import { writeLongCsv } from "../lib/io/long-csv-writer.ts";
import {
  cellOrigin,
  countsAgreeWithShare,
  decodeInput,
  detectFormat,
  mergeMeasurements,
  parseCsv,
  parseDanishMonth,
  parseLongCsv,
  parseWideTable,
  readMeasurements,
} from "../lib/import/index.ts";

const FIX = new URL("./fixtures/import/", import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, FIX)));
const text = (name: string) => readFileSync(new URL(name, FIX), "utf8");
const HEADER = "municipality_code,municipality_name,benefit_group,measure,month,population,without,share_without";

/** Cells as comparable rows, sorted by key, with exact decimals. */
function rows(m: Measurements | readonly Cell[]): string[] {
  const cells = "cells" in m ? m.cells : m;
  return cells
    .map(
      (c) =>
        `${cellKey(c)}|${c.population}|${c.without}|${c.shareWithout ? `${c.shareWithout.num}/${c.shareWithout.den}` : "-"}`,
    )
    .sort();
}

describe("the Ishøj reference figures (wide tables = long CSV)", () => {
  const long = readMeasurements(bytes("ishoej-2022-09-11.csv"), "ishoej-2022-09-11.csv");

  it("reads the long CSV: 39 cells, exact decimals, suppressed as null", () => {
    expect(long.cells).toHaveLength(39);
    expect(long.warnings).toEqual([]);
    const syg = long.cells.find((c) => c.benefitGroup === "sygedagpenge" && c.month === "2022-09")!;
    expect(syg.shareWithout).toEqual({ num: 455, den: 10 });
    const udd = long.cells.find(
      (c) => c.benefitGroup === "uddannelseshjaelp" && c.measure === "tilbud" && c.month === "2022-10",
    )!;
    expect(udd.shareWithout).toBeNull();
    expect(long.names.get("183")).toBe("Ishøj");
  });

  it("the two wide tables, read as two inputs and merged, yield exactly the same cells", () => {
    const samtaler = readMeasurements(bytes("ishoej-2022-samtaler-wide.tsv"), "samtaler.tsv");
    const tilbud = readMeasurements(bytes("ishoej-2022-tilbud-wide.tsv"), "tilbud.tsv");
    expect(samtaler.cells).toHaveLength(30);
    expect(tilbud.cells).toHaveLength(9);
    expect(samtaler.cells.every((c) => c.measure === "samtaler" && c.population === null && c.without === null)).toBe(
      true,
    );
    const merged = mergeMeasurements([samtaler, tilbud]);
    expect(rows(merged)).toEqual(rows(long));
    expect(merged.names.get("183")).toBe("Ishøj");
    // "Kortantihjælp" (the letter's misspelling) is a documented alias of kontanthjaelp.
    expect(merged.cells[33]!.benefitGroup).toBe("kontanthjaelp");
    expect(cellOrigin(merged, 33)).toEqual({ file: "tilbud.tsv", line: 5 });
  });

  it("the two tables pasted together (no blank line between) and the whole STAR letter give the same cells", () => {
    const pasted = text("ishoej-2022-samtaler-wide.tsv") + text("ishoej-2022-tilbud-wide.tsv");
    expect(rows(readMeasurements(pasted, "<paste>"))).toEqual(rows(long));
    const letter = readMeasurements(bytes("star-letter-ishoej-2023-02-20.txt"), "letter.txt");
    expect(rows(letter)).toEqual(rows(long));
  });

  it("reads a browser paste where tabs became runs of spaces", () => {
    const spaced = text("ishoej-2022-tilbud-wide.tsv").replace(/\t+/g, "   ");
    expect(rows(parseWideTable(spaced, "<paste>"))).toEqual(rows(long.cells.filter((c) => c.measure === "tilbud")));
  });

  it("round-trips through the canonical writer", () => {
    expect(rows(parseLongCsv(writeLongCsv(long.cells), "out.csv"))).toEqual(rows(long));
  });
});

describe("long CSV dialects", () => {
  const canonical = parseLongCsv(
    `${HEADER}\n183,Ishøj,sygedagpenge,samtaler,2022-09,,,45.5\n183,Ishøj,alle,samtaler,2024-01,58,17,29.3\n`,
    "c.csv",
  );

  it("Danish Excel: semicolons, decimal commas, BOM, CRLF, Jobindsats months", () => {
    const excel =
      "\uFEFFmunicipality_code;municipality_name;benefit_group;measure;month;population;without;share_without\r\n" +
      "183;Ishøj;Sygedagpenge;samtaler;2022M09;;;45,5\r\n" +
      "183;Ishøj;Ydelsesgrupper i alt;samtaler;2024M01;58;17;29,3\r\n";
    const m = readMeasurements(new TextEncoder().encode(excel), "excel.csv");
    expect(rows(m)).toEqual(rows(canonical));
    expect(m.warnings).toEqual([]);
  });

  it("Windows-1252 bytes (ø as 0xF8) are read, with a warning naming the file and line", () => {
    const latin = `${HEADER}\r\n183,Ishøj,alle,samtaler,2024-01,58,17,29.3\r\n`;
    const b = Uint8Array.from(latin, (ch) => ch.charCodeAt(0)); // ø = U+00F8 → byte 0xF8
    expect(b.includes(0xf8)).toBe(true);
    const m = readMeasurements(b, "latin.csv");
    expect(m.names.get("183")).toBe("Ishøj");
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]).toMatchObject({ severity: "warning", file: "latin.csv", line: 2, value: "0xF8" });
    expect(m.warnings[0]!.message).toContain("Windows-1252");
  });

  it("Windows-1252 warnings travel with the errors of a rejected file", () => {
    const b = Uint8Array.from(`${HEADER}\n183,Ishøj,alle,samtaler,2024-13,,,\n`, (ch) => ch.charCodeAt(0));
    const e = rejection(() => readMeasurements(b, "latin.csv"));
    expect(e.issues.map((i) => i.severity)).toEqual(["error", "warning"]);
  });

  it("UTF-16 with a byte-order mark (Excel's Unicode text) is read", () => {
    const s = `${HEADER}\n183,Ishøj,alle,samtaler,2024-01,58,17,29.3\n183,Ishøj,sygedagpenge,samtaler,2022-09,,,45.5\n`;
    const b = new Uint8Array(2 + s.length * 2);
    b[0] = 0xff;
    b[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      b[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      b[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    expect(rows(readMeasurements(b, "u16.csv"))).toEqual(rows(canonical));
  });

  it("quoted fields: separators, doubled quotes, line breaks — later line numbers stay right", () => {
    const csv =
      `${HEADER}\n` +
      `183,"Ishøj, ""Kommune""\nline two",sygedagpenge,samtaler,2022-09,,,"45,5"\n` + // lines 2–3
      `183,Ishøj,alle,samtaler,2024-01,58,17,29.3\n` + // line 4
      `183,Ishøj,dagpenge,samtaler,2024-01,,,oops\n`; // line 5
    const e = rejection(() => parseLongCsv(csv, "q.csv"));
    const errors = e.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.line, i.column, i.value])).toEqual([[5, 8, "oops"]]);
    // The contradicting name is a warning on the line where that field is.
    const ok = parseLongCsv(csv.split("\n").slice(0, 4).join("\n"), "q.csv");
    expect(rows(ok)).toEqual(rows(canonical));
    expect(ok.warnings).toHaveLength(1);
    expect(ok.warnings[0]).toMatchObject({ line: 2, column: 2, value: 'Ishøj, "Kommune"\nline two' });
  });

  it("an error in a field after a quoted line break names that field's own line", () => {
    const csv = `${HEADER}\n183,"Ishøj\nKommune",alle,samtaler,2024-13,,,\n`;
    const e = rejection(() => parseLongCsv(csv, "q.csv"));
    expect(e.issues[0]).toMatchObject({ line: 3, column: 5, value: "2024-13" });
  });

  it("header matching is case-insensitive and trimmed; column order is free; optional columns may be absent", () => {
    const m = parseLongCsv(
      " Month , MEASURE,Benefit_Group,municipality_code, share_without\n2022-09,samtaler,sygedagpenge,183,45.5\n",
      "o.csv",
    );
    expect(m.cells).toEqual([
      {
        municipalityCode: "183",
        benefitGroup: "sygedagpenge",
        measure: "samtaler",
        month: "2022-09",
        population: null,
        without: null,
        shareWithout: { num: 455, den: 10 },
      },
    ]);
  });

  it("Jobindsats suppression markers mean unknown; blank lines and rows of bare separators are skipped", () => {
    const m = parseLongCsv(
      `${HEADER}\n\n183,,alle,samtaler,2024-01,.,..,-\n,,,,,,,\n183,,alle,samtaler,2024-02,,,.\n`,
      "s.csv",
    );
    expect(m.cells.map((c) => [c.population, c.without, c.shareWithout])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
  });

  it("re-imports the CLI's csv output: extra verdict columns are ignored with one warning", () => {
    const out = writeLongCsv(canonical.cells)
      .trimEnd()
      .split("\n")
      .map((l, i) => (i === 0 ? `${l},criterion,status` : `${l},samtaler,flagged`))
      .join("\n");
    const m = parseLongCsv(out, "verdicts.csv");
    expect(rows(m)).toEqual(rows(canonical));
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]!.message).toContain("criterion, status");
  });

  it("a measure Table 1 does not require is kept, with one warning per group and measure", () => {
    const m = parseLongCsv(
      `${HEADER}\n183,,sygedagpenge,tilbud,2024-01,,,10.0\n183,,sygedagpenge,tilbud,2024-02,,,10.0\n183,,alle,tilbud,2024-02,,,10.0\n`,
      "nr.csv",
    );
    expect(m.cells).toHaveLength(3);
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]).toMatchObject({ line: 2, value: "tilbud" });
    expect(m.warnings[0]!.message).toContain("2 such rows");
  });

  it("a name contradicting the code is a warning (once), and the code wins", () => {
    const m = parseLongCsv(
      `${HEADER}\n183,Albertslund,alle,samtaler,2024-01,,,1.0\n183,Albertslund,alle,samtaler,2024-02,,,1.0\n`,
      "n.csv",
    );
    expect(m.cells.every((c) => c.municipalityCode === "183")).toBe(true);
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]!.message).toContain("is the name of 165");
  });
});

describe("counts-vs-share agreement (exact integers)", () => {
  it("a correctly rounded share always agrees; one 0.2 off never does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), (p, w0) => {
        const w = w0 % (p + 1);
        // round-half-up of 1000·W/P, in integers
        const tenths = Math.floor((2000 * w + p) / (2 * p));
        expect(countsAgreeWithShare(w, p, { num: tenths, den: 10 })).toBe(true);
        expect(countsAgreeWithShare(w, p, { num: tenths + 2, den: 10 })).toBe(false);
        if (tenths >= 2) expect(countsAgreeWithShare(w, p, { num: tenths - 2, den: 10 })).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("wide tables", () => {
  const TABLE = (title: string, measureLine: string, header: string, body: string) =>
    `${title}\t\t\t\n\t${measureLine}\t\t\n\t${header}\n${body}`;
  const SAMTALER = "Andel personer, som har fået afholdt færre end 4 samtaler";

  it("reads month headers as Danish names, abbreviations or 2022M09", () => {
    expect(["September 2022", "sep. 2022", "SEPT 2022", "2022M09", "2022-09"].map(parseDanishMonth)).toEqual(
      Array(5).fill("2022-09"),
    );
    expect(["maj 2023", "Marts 2021", "dec. 2020"].map(parseDanishMonth)).toEqual(["2023-05", "2021-03", "2020-12"]);
    expect(parseDanishMonth("Smarch 2022")).toBeNull();
    const m = parseWideTable(
      TABLE("Ishøj Kommune", SAMTALER, "jan. 2024\t2024M02", "Sygedagpenge\t10,0\t..\n"),
      "<paste>",
    );
    expect(m.cells.map((c) => [c.month, c.shareWithout])).toEqual([
      ["2024-01", { num: 100, den: 10 }],
      ["2024-02", null],
    ]);
  });

  it("rejects a table whose measure line names neither measure, or the share WITH the effort", () => {
    const neither = rejection(() =>
      parseWideTable(TABLE("Ishøj", "Andel personer", "September 2022", "Sygedagpenge\t1,0\n"), "w.tsv"),
    );
    expect(neither.issues[0]).toMatchObject({ line: 2 });
    expect(neither.issues[0]!.message).toContain("neither samtaler nor tilbud");
    const positive = rejection(() =>
      parseWideTable(
        TABLE("Ishøj", "Andel personer, som har fået mindst 4 samtaler", "September 2022", "Sygedagpenge\t1,0\n"),
        "w.tsv",
      ),
    );
    expect(positive.issues[0]!.message).toContain("share WITHOUT");
  });

  it("finds the municipality in a cell of the title line", () => {
    const m = parseWideTable(
      TABLE("Ishøj\tsep.–nov. 2022", SAMTALER, "September 2022", "Sygedagpenge\t45,5\n"),
      "<paste>",
    );
    expect(m.cells.map((c) => [c.municipalityCode, c.month])).toEqual([["183", "2022-09"]]);
  });

  it("rejects a table without a municipality line and text without any table", () => {
    const e = rejection(() => parseWideTable(`${SAMTALER}\nSeptember 2022\nSygedagpenge\t1,0\n`, "w.tsv"));
    expect(e.issues[0]!.message).toContain("no line naming the municipality");
    const none = rejection(() => readMeasurements("Kære Jørgen\n\nIngen tabel her.\n", "letter.txt"));
    expect(none.issues[0]!.message).toContain("no table found");
  });

  it("rejects the same cell in two pasted tables, naming the earlier line", () => {
    const t = TABLE("Ishøj", SAMTALER, "September 2022", "Sygedagpenge\t45,5\n");
    const e = rejection(() => parseWideTable(`${t}\n${t}`, "twice.tsv"));
    expect(e.issues[0]).toMatchObject({ line: 9, column: 2 });
    expect(e.issues[0]!.message).toContain("already given on line 4");
  });

  it("reports every bad value and label of a table in one go", () => {
    const e = rejection(() =>
      parseWideTable(
        TABLE(
          "Ishøj",
          SAMTALER,
          "September 2022\tOktober 2022",
          "Sygedagpenge\t45,5\tx\nKontanthjalp\t1,0\t2,0\nLedighedsydelse\t1,0\t2,0\t3,0\n",
        ),
        "w.tsv",
      ),
    );
    expect(e.issues.filter((i) => i.severity === "error").map((i) => [i.line, i.column])).toEqual([
      [4, 3],
      [5, 1],
      [6, 4],
    ]);
  });
});

describe("format detection and the CSV reader", () => {
  it("detects long vs wide from the first non-blank line", () => {
    expect(detectFormat(`\n\n${HEADER}\n`)).toBe("long");
    expect(detectFormat("municipality_name;benefit_group;month\n")).toBe("long"); // so a missing column is reported
    expect(detectFormat(text("ishoej-2022-samtaler-wide.tsv"))).toBe("wide");
    expect(detectFormat(text("star-letter-ishoej-2023-02-20.txt"))).toBe("wide");
  });

  it("parses RFC 4180 records with physical line numbers", () => {
    expect(parseCsv('a,b\r\n"x,1","y""\r\nz"\r\nlast,\n')).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["x,1", 'y"\r\nz'], line: 2 },
      { fields: ["last", ""], line: 4 },
    ]);
    expect(parseCsv("a\tb\n1\t2")).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["1", "2"], line: 2 },
    ]);
  });

  it("decodeInput strips a BOM and keeps valid UTF-8 as is", () => {
    const d = decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Ishøj")]), "x");
    expect(d).toEqual({ text: "Ishøj", warnings: [] });
  });
});
