/**
 * The official register in every text output of the CLI (evaluate in both models and modes,
 * timeline, letter), number agreement, no-break spaces in percentages, and the importer's
 * messages in Danish for the browser.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatPercent, formatPercentParameter } from "../lib/explain/format.ts";
import {
  countOf,
  HEATMAP_TEXT,
  LETTERS_PAGE_TEXT,
  MULTIPLES_TEXT,
  OUTLOOK_TEXT,
  OWN_DATA_TEXT,
  SQL_TEXT,
  timelineEventSentence,
  monthsOfWindow,
  municipalitiesCount,
  otherCriteriaCount,
  populationsPhrase,
  statusLong,
  STATUS_SHORT,
} from "../lib/explain/labels.ts";
import { DANISH_ISSUE_CODES, danishIssueMessage, hasDanishText } from "../lib/explain/issue-messages.ts";
import { ISSUE_CODES, type IssueCode } from "../lib/domain/issues.ts";
import { readMeasurements } from "../lib/import/index.ts";
import { InputError, type InputIssue } from "../lib/domain/issues.ts";
import { municipalityByCode } from "../lib/domain/municipalities.ts";
import { runCli, SYNTHETIC } from "./helpers/cli.ts";
import { languageProblems } from "./helpers/terms.ts";

const ISHOEJ = "test/fixtures/import/ishoej-2022-09-11.csv";

describe("the term check itself", () => {
  it("catches each kind of mistake it is meant to catch", () => {
    expect(languageProblems("Status: Lever op til kravet")).toHaveLength(1);
    expect(languageProblems("i seks af seks måneder")).toHaveLength(1);
    expect(languageProblems("1 kommuner er udpeget")).toHaveLength(1);
    expect(languageProblems("andelen var 34,6 % i sep.")).toHaveLength(1);
    expect(languageProblems("afgjort af month-not-in-breach")).toHaveLength(1);
    expect(languageProblems("Udløsning af handlekriteriet")).toHaveLength(1);
    expect(languageProblems("Ishøj Kommune er udpeget: 34,6\u00a0% i alle seks måneder")).toEqual([]);
  });
});

describe("CLI text outputs speak the official register", () => {
  const runs: [string, string[]][] = [
    ["evaluate 2024 model", ["evaluate", "--input", SYNTHETIC, "--period", "2025H1"]],
    ["evaluate 2024 per group", ["evaluate", "--input", SYNTHETIC, "--period", "2024H2", "--aggregation", "per-group"]],
    [
      "evaluate 2020 trigger",
      ["evaluate", "--input", ISHOEJ, "--rules", "genopretning-2020", "--period", "2022-09..2022-11"],
    ],
    [
      "evaluate 2020 restoration",
      [
        "evaluate",
        "--input",
        ISHOEJ,
        "--rules",
        "genopretning-2020",
        "--period",
        "2022-09..2022-11",
        "--mode",
        "restoration",
      ],
    ],
    [
      "evaluate 2020 on the synthetic data",
      ["evaluate", "--input", SYNTHETIC, "--rules", "genopretning-2020", "--period", "2023-03..2023-05"],
    ],
    ["timeline", ["timeline", "--input", ISHOEJ, "--initial", "183:contacted:sygedagpenge:samtaler+dagpenge:tilbud"]],
    [
      "letter manglende genopretning",
      [
        "letter",
        "--input",
        ISHOEJ,
        "--rules",
        "genopretning-2020",
        "--period",
        "2022-09..2022-11",
        "--mode",
        "restoration",
        "--criteria",
        "sygedagpenge:samtaler,dagpenge:tilbud",
        "--municipality",
        "183",
        "--letter-date",
        "2023-02-20",
        "--contact-date",
        "2022-08-29",
      ],
    ],
    [
      "letter henvendelse 2020",
      [
        "letter",
        "--input",
        ISHOEJ,
        "--rules",
        "genopretning-2020",
        "--period",
        "2022-09..2022-11",
        "--municipality",
        "183",
      ],
    ],
    [
      "letter henvendelse 2024 (html)",
      ["letter", "--input", SYNTHETIC, "--period", "2025H1", "--municipality", "169", "--format", "html"],
    ],
  ];
  for (const [name, args] of runs) {
    it(
      name,
      async () => {
        const r = await runCli(...args);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(100);
        const text = name.includes("html") ? r.stdout.replace(/<[^>]+>/g, " ") : r.stdout;
        expect(languageProblems(text)).toEqual([]);
      },
      30_000,
    );
  }
  it("names municipalities by their official name in sentences", async () => {
    const r = await runCli("evaluate", "--input", SYNTHETIC, "--period", "2025H1");
    const lines = r.stdout.split("\n").filter((l) => l.startsWith("      "));
    expect(lines.some((l) => l.includes("Københavns Kommune"))).toBe(true);
    expect(lines.some((l) => l.includes("Bornholms Regionskommune"))).toBe(true);
    expect(lines.some((l) => /for København[:.]/.test(l))).toBe(false);
  });
  it("says '1 kommune' for one municipality", async () => {
    const r = await runCli(
      "evaluate",
      "--input",
      ISHOEJ,
      "--rules",
      "genopretning-2020",
      "--period",
      "2022-09..2022-11",
    );
    expect(r.stdout).toContain("1 kommune: 1 udpeget");
  });
});

describe("number agreement and Danish numbers", () => {
  it("agrees in number", () => {
    expect(municipalitiesCount(1)).toBe("1 kommune");
    expect(municipalitiesCount(2)).toBe("2 kommuner");
    expect(municipalitiesCount(1234)).toBe("1.234 kommuner");
    expect(otherCriteriaCount(1)).toBe("1 andet kriterium");
    expect(otherCriteriaCount(2)).toBe("2 andre kriterier");
    expect(countOf(1, "brev", "breve")).toBe("1 brev");
    expect(monthsOfWindow(6, 6)).toBe("i alle seks måneder");
    expect(monthsOfWindow(4, 6)).toBe("i fire af seks måneder");
    expect(monthsOfWindow(0, 3)).toBe("i ingen af de tre måneder");
    expect(populationsPhrase([6, 6])).toBe("(6 og 6 borgere)");
    expect(populationsPhrase([1])).toBe("(1 borger)");
  });
  it("puts a no-break space before the percent sign", () => {
    expect(formatPercent(34.6)).toBe("34,6\u00a0%");
    expect(formatPercentParameter(80)).toBe("80\u00a0%");
    expect(formatPercent(34.6)).not.toContain(" ");
  });
  it("has the official status names, with the minimum population in the long not-covered label", () => {
    expect(STATUS_SHORT.compliant).toBe("Ikke udpeget");
    expect(STATUS_SHORT["insufficient-data"]).toBe("Kan ikke vurderes");
    expect(statusLong("not-covered", 12)).toBe("Ikke omfattet af handlekriteriet – færre end 12 borgere i en måned");
    expect(municipalityByCode("101")!.officialName).toBe("Københavns Kommune");
    expect(municipalityByCode("400")!.officialName).toBe("Bornholms Regionskommune");
  });
});

describe("the site's sentences from the label module", () => {
  it("agree in number and keep the no-break space before %", () => {
    expect(LETTERS_PAGE_TEXT.count(1, "2. halvår 2025")).toBe(" brev for 2. halvår 2025.");
    expect(LETTERS_PAGE_TEXT.showAll(2)).toBe("Vis alle 2 breve");
    expect(SQL_TEXT.done(1, 3, 500)).toBe("1 række på 3 ms.");
    expect(SQL_TEXT.done(1234, 3, 500)).toBe("1.234 rækker på 3 ms (viser de første 500).");
    expect(OWN_DATA_TEXT.loadedSummary("ishoej.csv", 12, 1, "2022-09", "2022-11")).toBe(
      "ishoej.csv — 12 celler, 1 kommune, sep. 2022–nov. 2022. Data findes kun i denne fane.",
    );
    expect(MULTIPLES_TEXT.summary(20, 4, 6, 2, { month: "2025-12", share: 22 })).toBe(
      "Over grænsen på 20\u00a0% i fire af seks måneder, ukendt i to; seneste kendte andel 22,0\u00a0% (dec. 2025).",
    );
    expect(MULTIPLES_TEXT.summary(20, 0, 6, 0, null)).toMatch(/, ukendt i ingen\.$/);
    const cell = HEATMAP_TEXT.cell({
      name: "Allerød",
      month: "2025-10",
      share: 22,
      population: 1234,
      populationIsLowerBound: false,
      fed: true,
      breach: true,
      belowMinimum: false,
      limit: 20,
      minPopulation: 10,
    });
    expect(cell).toBe("Allerød, okt. 2025: 22,0\u00a0% uden indsats (1.234 borgere); over grænsen på 20\u00a0%");
    expect(OUTLOOK_TEXT.published("jul.–sep. 2025", 3, 6)).toBe("Offentliggjort: jul.–sep. 2025 (3 af 6 måneder).");
    const sentences = [
      cell,
      OUTLOOK_TEXT.noneAtRisk("2025-09"),
      SQL_TEXT.exampleExactlyTwenty,
      OUTLOOK_TEXT.allPublished,
    ];
    expect(sentences.flatMap(languageProblems)).toEqual([]);
  });

  it("tell the 2020 process with its real dates (Ishøj: plan due 7 March 2023)", async () => {
    const { timeline } = await import("../lib/rules/timeline.ts");
    const { MeasurementIndex } = await import("../lib/rules/measurement-index.ts");
    const index = new MeasurementIndex(readMeasurements(readFileSync(ISHOEJ), ISHOEJ));
    const [t] = timeline(index, {
      initial: new Map([
        ["183", { stage: "contacted", underRestoration: ["sygedagpenge:samtaler", "dagpenge:tilbud"] }],
      ]),
      letterDate: "2023-02-20",
    });
    const text = t!.events.map(timelineEventSentence).join("\n");
    expect(text).toContain("7. marts 2023");
    expect(languageProblems(text)).toEqual([]);
  });
});

describe("importer messages in Danish (for the browser)", () => {
  /** Every issue the importer gives for the bad fixtures (long CSV and wide tables). */
  function fixtureIssues(): InputIssue[] {
    const dir = new URL("./fixtures/bad/", import.meta.url);
    const out: InputIssue[] = [];
    for (const f of readdirSync(dir).filter((f) => /\.(csv|tsv)$/.test(f))) {
      try {
        out.push(...readMeasurements(readFileSync(new URL(f, dir)), f).warnings);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        out.push(...e.issues);
      }
    }
    return out;
  }
  it("gives every message of the bad fixtures a code and a Danish text with its figures", () => {
    const issues = fixtureIssues();
    expect(issues.length).toBeGreaterThan(15);
    for (const i of issues) {
      expect(hasDanishText(i), `${i.code}: ${i.message}`).toBe(true);
      const da = danishIssueMessage(i);
      expect(da, i.message).not.toMatch(/\b(the|is|not|expected|found|file|column|value|unknown)\b/);
    }
  });
  it("keeps the values and numbers of the message", () => {
    const msg = (code: IssueCode, message: string) => danishIssueMessage({ code, severity: "error", message });
    expect(msg("unknown-municipality", 'unknown municipality code "999"; did you mean "909"?')).toBe(
      "Ukendt kommune »999«. Mente du »909«?",
    );
    expect(msg("field-count", "expected 8 fields as in the header, found 9")).toBe(
      "Linjen har 9 felter, men overskriften har 8.",
    );
    expect(
      msg(
        "without-above-population",
        "without (12) is larger than population (10); it counts persons of the population",
      ),
    ).toContain("(12)");
    expect(
      msg(
        "bad-share",
        'share_without "2x.0" is not a number (expected a share from 0 to 100, e.g. 45.5 or 45,5; empty or . when unknown)',
      ),
    ).toBe("Andelen »2x.0« er ikke et tal (forventet en andel fra 0 til 100, fx 45,5; tom eller . når den er ukendt).");
    // A wording that does not fit its code gets the generic text, never English.
    expect(msg("bad-share", "something new the importer says")).toBe("Værdien kan ikke læses.");
  });
  it("has a Danish text for every issue code, and the CLI-only and summary issues read in Danish", () => {
    expect([...DANISH_ISSUE_CODES].sort()).toEqual([...new Set(ISSUE_CODES)].sort());
    expect(
      danishIssueMessage({ code: "more-of-kind", severity: "warning", message: "… and 49,950 more of the same kind" }),
    ).toBe("… og 49.950 mere af samme slags.");
    expect(
      danishIssueMessage({ code: "cannot-read", severity: "error", message: "cannot read the file: no such file" }),
    ).toBe("Filen findes ikke.");
  });
});
