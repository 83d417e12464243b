/**
 * Draft letters (lib/view/letters.ts and `tidlig-indsats letter`): the four kinds, their structure,
 * the real dates of the Ishøj letter, placeholders for what the data cannot know, our own wording.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readMeasurements } from "../lib/import/index.ts";
import { parseLongCsv } from "../lib/import/long-csv.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate, type Evaluation } from "../lib/rules/evaluate.ts";
import { municipalityByCode } from "../lib/domain/municipalities.ts";
import { windowLabel } from "../lib/explain/labels.ts";
import {
  chooseLetterKind,
  letterFor,
  letterHtml,
  letterKindFor,
  letterText,
  needsLetter,
  type Letter,
  type LetterOptions,
} from "../lib/view/letters.ts";
import { indexOf, series } from "./helpers/cells.ts";
import { cliStatuses, runCli } from "./helpers/cli.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url));
const ishoej = new MeasurementIndex(readMeasurements(fixture("ishoej-2022-09-11.csv"), "ishoej-2022-09-11.csv"));
const SEP_NOV = ["2022-09", "2022-10", "2022-11"];
const UNDER_RESTORATION = ["sygedagpenge:samtaler", "dagpenge:tilbud"];
const OPTIONS: LetterOptions = { source: "filen ishoej-2022-09-11.csv", cells: ishoej };

function run(mode: "trigger" | "restoration", index = ishoej): Evaluation {
  return evaluate(index, {
    ruleSet: "genopretning-2020",
    mode,
    window: SEP_NOV,
    period: "2022-09..2022-11",
    ...(mode === "restoration" ? { criteria: UNDER_RESTORATION } : {}),
  });
}
function letterOf(e: Evaluation, code: string, options: LetterOptions = OPTIONS): Letter | null {
  const v = e.municipalities.find((m) => m.code === code)!;
  return letterFor(v, municipalityByCode(code)!, e, options);
}
const paragraphs = (l: Letter, section?: string) =>
  l.blocks.flatMap((b) => (b.type === "paragraph" && (!section || b.section === section) ? [b.text] : []));
const lists = (l: Letter, section: string) =>
  l.blocks.flatMap((b) => (b.type === "list" && b.section === section ? b.items : []));
const tables = (l: Letter) => l.blocks.flatMap((b) => (b.type === "table" ? [b.table] : []));

/** The sections in the order the letters require (docs/decisions.md, Letters) (consecutive duplicates folded). */
function order(l: Letter): string[] {
  const out: string[] = [];
  for (const b of l.blocks) if (out[out.length - 1] !== b.section) out.push(b.section);
  return out;
}

function commonStructure(l: Letter) {
  expect(l.sender[0]).toBe("AMK Øst");
  expect(l.sender).toContain("Ny Østergade 9");
  expect(l.subject.length).toBeGreaterThan(10);
  expect(l.closing).toBe("Med venlig hilsen");
  expect(l.sourceLine).toMatch(/^Datagrundlag: .+\.$/);
  const text = letterText(l);
  expect(text.startsWith("UDKAST")).toBe(true);
  expect(text).toContain(`**${l.subject}**`);
  expect(text).toContain("Kære [navn]");
  expect(text).toContain("Dato: [dato]");
  expect(text).toContain("J.nr. [j.nr.]");
  expect(text.trimEnd().split("\n").slice(-4, -1)).toEqual(["[navn]", "[titel]", ""]);
  const html = letterHtml(l);
  expect(html).toContain('data-testid="letter-draft">UDKAST');
  expect(html).toContain(`<strong>${l.subject}</strong>`);
}

describe("2020 model, henvendelse (Ishøj flagged on Sep–Nov 2022)", () => {
  const e = run("trigger");
  const l = letterOf(e, "183")!;
  it("has the common structure and the kind henvendelse-2020", () => {
    expect(l.kind).toBe("henvendelse-2020");
    commonStructure(l);
    expect(order(l)).toEqual(["background", "measured", "tables", "follows", "contact"]);
  });
  it("lists each flagged criterion in STAR's phrasing, and nothing for the others", () => {
    const flagged = e.municipalities[0]!.criteria.filter((c) => c.status === "flagged");
    const bullets = lists(l, "measured");
    expect(bullets).toHaveLength(flagged.length);
    expect(bullets).toContain(
      "Mere end 20 procent af sygedagpengemodtagerne med seks måneders ydelsesanciennitet havde ikke modtaget " +
        "fire samtaler.",
    );
    expect(bullets.join(" ")).not.toContain(
      "kontanthjælpsmodtagerne med seks måneders ydelsesanciennitet havde " + "ikke modtaget et aktivt tilbud",
    );
  });
  it("gives six months from the letter's date and names the follow-up (August 2023 on March–May 2023)", () => {
    const follows = paragraphs(l, "follows").join(" ");
    expect(follows).toContain("seks måneder regnet fra brevets dato");
    expect(follows).toContain("i august 2023, når tallene for marts–maj 2023 foreligger");
    expect(follows).toContain("under 20 procent i mindst én af de tre måneder");
    expect(follows).toContain("færre end 10 borgere");
  });
  it("lays out the tables as STAR does: groups as rows, months as columns, '.' where suppressed", () => {
    const [conversations, offers] = tables(l);
    expect(conversations!.columns).toEqual(["september 2022", "oktober 2022", "november 2022"]);
    expect(conversations!.rows[0]).toEqual({
      group: "alle",
      label: "Ydelsesgrupper i alt",
      cells: ["45,6", "34,4", "45,2"],
    });
    expect(conversations!.rows.find((r) => r.group === "sygedagpenge")!.cells).toEqual(["45,5", "52,6", "50,0"]);
    expect(conversations!.rows.find((r) => r.group === "dagpenge")!.cells).toEqual(["3,8", "7,1", "."]);
    expect(conversations!.caption).toContain("Andel personer (6 mdr. på ydelse), som har fået færre end fire samtaler");
    expect(offers!.rows.map((r) => r.label)).toEqual(["A-dagpenge mv.", "Kontanthjælp", "Uddannelseshjælp"]);
    expect(offers!.rows[2]!.cells).toEqual(["33,3", ".", "20,0"]);
  });
});

describe("2020 model, manglende genopretning (Ishøj, letter of 20 February 2023)", () => {
  it("via the CLI carries the real dates: contact 29 August 2022, plan due 7 March 2023, next check August 2023", async () => {
    const r = await runCli(
      "letter",
      "--input",
      "test/fixtures/import/ishoej-2022-09-11.csv",
      "--rules",
      "genopretning-2020",
      "--period",
      "2022-09..2022-11",
      "--mode",
      "restoration",
      "--criteria",
      UNDER_RESTORATION.join(","),
      "--municipality",
      "183",
      "--letter-date",
      "2023-02-20",
      "--contact-date",
      "2022-08-29",
      "--salutation",
      "Jørgen",
      "--jnr",
      "22/04822",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("UDKAST");
    expect(r.stdout).toContain("Dato: 20. februar 2023");
    expect(r.stdout).toContain("J.nr. 22/04822");
    expect(r.stdout).toContain("Kære Jørgen");
    expect(r.stdout).toContain("**Manglende genopretning af tidlig beskæftigelsesindsats**");
    expect(r.stdout).toContain("den 29. august 2022");
    expect(r.stdout).toContain("marts–maj 2022"); // the window of the contact
    expect(r.stdout).toContain("senest 7. marts 2023");
    expect(r.stdout).toContain("i august 2023, når tallene for marts–maj 2023 foreligger");
    expect(r.stdout).toContain("borgmesteren i Ishøj Kommune blive indkaldt til et møde med beskæftigelsesministeren");
    expect(r.stdout).not.toContain("frist: august 2023");
  });
  const l = letterOf(run("restoration"), "183")!;
  it("asks for an explanation and a plan with the four minimum points, for the criteria not restored", () => {
    expect(l.kind).toBe("manglende-genopretning");
    commonStructure(l);
    expect(order(l)).toEqual(["background", "measured", "tables", "follows", "plan", "follows", "contact"]);
    expect(lists(l, "plan")).toHaveLength(4);
    const plan = paragraphs(l, "plan").join(" ");
    expect(plan).toContain("samtaler til sygedagpengemodtagerne og tilbud til a-dagpengemodtagerne");
    expect(plan).toContain("senest 15 dage efter brevets dato"); // no letter date given
    expect(letterText(l)).toContain("den [dato for henvendelsen]");
  });
  it("plans only for the criteria not restored when one of them was restored", () => {
    const idx = indexOf(
      series("183", "sygedagpenge", "samtaler", "2022-09", ["45.5", "52.6", "50.0"]),
      series("183", "dagpenge", "tilbud", "2022-09", ["34.6", "19.9", "41.2"]),
    );
    const e = run("restoration", idx);
    const statuses = Object.fromEntries(e.municipalities[0]!.criteria.map((c) => [c.criterion, c.status]));
    expect(statuses).toEqual({ "sygedagpenge:samtaler": "not-restored", "dagpenge:tilbud": "restored" });
    const letter = letterOf(e, "183", { source: "test", cells: idx })!;
    const plan = paragraphs(letter, "plan").join(" ");
    expect(plan).toContain("for samtaler til sygedagpengemodtagerne.");
    expect(plan).not.toContain("a-dagpengemodtagerne");
    expect(paragraphs(letter, "follows").join(" ")).toContain(
      "Indsatsen for tilbud til a-dagpengemodtagerne er genoprettet",
    );
  });
});

describe("2020 model, genoprettet", () => {
  const idx = indexOf(
    series("183", "sygedagpenge", "samtaler", "2022-09", ["45.5", "18.0", "50.0"]),
    series("183", "dagpenge", "tilbud", "2022-09", ["34.6", "19.9", "41.2"]),
  );
  const e = run("restoration", idx);
  const l = letterOf(e, "183", { source: "test", cells: idx, contactDate: "2022-08-29" })!;
  it("is short and closes the restoration period without further initiatives", () => {
    expect(e.municipalities[0]!.status).toBe("restored");
    expect(l.kind).toBe("genoprettet");
    commonStructure(l);
    expect(order(l)).toEqual(["background", "measured", "tables", "follows", "contact"]);
    expect(lists(l, "plan")).toEqual([]);
    expect(paragraphs(l, "follows").join(" ")).toContain("afsluttes derfor uden yderligere initiativer");
    expect(letterText(l)).toContain("den 29. august 2022");
    expect(letterText(l)).not.toContain("genopretningsplan");
  });
});

describe("2024 model, henvendelse (synthetic data, 1st half of 2025)", () => {
  const index = new MeasurementIndex(
    parseLongCsv(
      readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url), "utf-8"),
      "measurements.csv",
    ),
  );
  const H1 = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"];
  const e = evaluate(index, { ruleSet: "opfoelgning-2024", window: H1, period: "2025H1", followUp: { threshold: 85 } });
  const flagged = e.municipalities.filter((v) => needsLetter(e, v));

  it("writes a letter for exactly the municipalities the CLI flags", async () => {
    // Expected from the CLI's JSON (another path through the rules than letterFor's).
    const cli = await cliStatuses("--period", "2025H1", "--threshold", "85");
    const expected = [...cli].filter(([, status]) => status === "flagged").map(([code]) => code);
    expect(expected.length).toBeGreaterThan(0);
    expect(flagged.map((v) => v.code)).toEqual(expected);
    const letters = e.municipalities.map((v) => letterFor(v, municipalityByCode(v.code)!, e, { source: "x" }));
    expect(letters.filter((l) => l !== null).map((l) => l!.municipalityCode)).toEqual(expected);
  });

  it("uses STAR's wording of the 2024 model, offers assistance and demands no plan", () => {
    for (const v of flagged) {
      const m = municipalityByCode(v.code)!;
      const l = letterFor(v, m, e, { source: "x", cells: index })!;
      expect(l.kind).toBe("henvendelse-2024");
      expect(l.periodLabel).toBe("1. halvår 2025");
      expect(l.sender[0]).toBe("Styrelsen for Arbejdsmarked og Rekruttering");
      expect(l.sender[1]).toBe(m.amk);
      for (const b of lists(l, "measured")) expect(b).toMatch(/^Færre end 85 pct\. af borgerne med seks måneders/);
      const follows = paragraphs(l, "follows").join(" ");
      expect(follows).toContain(`kontakte ${m.amk} for at få faglig bistand`);
      expect(follows).toContain("skal ikke sende en redegørelse eller en genopretningsplan");
      expect(tables(l)[0]!.columns).toHaveLength(6);
      if (m.amk !== "AMK Øst") expect(l.sender).toContain("[adresse]"); // unknown fields stay placeholders
    }
  });
});

describe("the letter command", () => {
  const base = ["letter", "--input", "test/fixtures/import/ishoej-2022-09-11.csv", "--rules", "genopretning-2020"];
  it("with --kind auto and no letter needed: exit 0, one line on stderr, nothing on stdout", async () => {
    const r = await runCli(...base, "--period", "2022-09..2022-11", "--municipality", "183", "--limit", "100");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("no letter");
  });
  it("a kind that does not fit the verdict gives no letter either", async () => {
    const r = await runCli(
      ...base,
      "--period",
      "2022-09..2022-11",
      "--municipality",
      "Ishøj",
      "--kind",
      "genoprettet",
      "--criteria",
      UNDER_RESTORATION.join(","),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("manglende-genopretning");
  });
  it("prints a whole printable HTML document with --format html", async () => {
    const r = await runCli(...base, "--period", "2022-09..2022-11", "--municipality", "183", "--format", "html");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('<html lang="da">');
    expect(r.stdout).toContain('data-kind="henvendelse-2020"');
    expect(r.stdout).toContain('<th scope="row">Ydelsesgrupper i alt</th>');
  });
  it("rejects a malformed date and an unknown municipality as usage errors", async () => {
    expect(
      (await runCli(...base, "--period", "2022-09..2022-11", "--municipality", "183", "--letter-date", "2023-02-30"))
        .code,
    ).toBe(2);
    expect((await runCli(...base, "--period", "2022-09..2022-11", "--municipality", "999")).code).toBe(2);
  });
});

describe("kinds", () => {
  it("follow the verdict, and an explicit kind must fit it", () => {
    const trigger = { ruleSet: "genopretning-2020", mode: "trigger" } as const;
    const restoration = { ruleSet: "genopretning-2020", mode: "restoration" } as const;
    expect(letterKindFor(trigger, { status: "flagged" })).toBe("henvendelse-2020");
    expect(letterKindFor(restoration, { status: "not-restored" })).toBe("manglende-genopretning");
    expect(letterKindFor(restoration, { status: "restored" })).toBe("genoprettet");
    expect(letterKindFor(restoration, { status: "insufficient-data" })).toBeNull();
    expect(letterKindFor({ ruleSet: "opfoelgning-2024", mode: "trigger" }, { status: "flagged" })).toBe(
      "henvendelse-2024",
    );
    expect(chooseLetterKind("henvendelse", trigger, { status: "flagged" })).toBe("henvendelse-2020");
    expect(chooseLetterKind("genoprettet", restoration, { status: "not-restored" })).toBeNull();
  });
  it("labels half-years and other windows", () => {
    expect(windowLabel(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"])).toBe("2. halvår 2025");
    expect(windowLabel(["2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"])).toBe("feb.–jul. 2025");
  });
});

describe("letter wording is our own", () => {
  // The letterhead and the tables are data (the AMK's contact block, the figures); the prose is ours.
  const prose = (l: Letter) =>
    [
      l.subject,
      ...l.blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : b.type === "list" ? b.items : [])),
    ].join("\n");
  it("shares no run of eight words with STAR's letter to Ishøj", () => {
    const words = (s: string) =>
      s
        .toLowerCase()
        .normalize("NFC")
        .match(/[\p{L}\p{N}]+/gu) ?? [];
    const star = words(fixture("star-letter-ishoej-2023-02-20.txt").toString("utf-8"));
    const grams = new Set(star.map((_, i) => star.slice(i, i + 8).join(" ")));
    for (const mode of ["trigger", "restoration"] as const) {
      const w = words(prose(letterOf(run(mode), "183", { ...OPTIONS, contactDate: "2022-08-29" })!));
      const shared = w
        .map((_, i) => w.slice(i, i + 8).join(" "))
        .filter((g) => g.split(" ").length === 8 && grams.has(g));
      expect(shared, mode).toEqual([]);
    }
  });
});

describe("AMK contact blocks", () => {
  it("the generated module is in sync with data/amk.csv, and an unknown field stays empty", async () => {
    const { renderAmkModule } = await import("../scripts/gen-municipalities.ts");
    const csv = readFileSync(new URL("../data/amk.csv", import.meta.url), "utf8");
    const generated = readFileSync(new URL("../lib/domain/amk.data.ts", import.meta.url), "utf8");
    expect(generated).toBe(renderAmkModule(csv));
    const syd = (await import("../lib/domain/amk.ts")).amkContact("AMK Syd")!;
    expect(syd.address1).toBe("");
  });
});
