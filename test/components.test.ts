// @vitest-environment happy-dom
/**
 * The site's pure components rendered in happy-dom (no browser: layout, canvas and events add
 * nothing here), each compared with its file snapshot in test/output/ and checked against the
 * CLI's verdicts on the same data. Pages, controls and the canvas heatmap are tested in
 * test/browser/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readMeasurements } from "../lib/import/index.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate } from "../lib/rules/evaluate.ts";
import type { MunicipalityStatus } from "../lib/rules/trace.ts";
import { STATUS_LABELS, SYNTHETIC_BANNER } from "../lib/index.ts";
import { legendHtml } from "../src/components/heatmap.ts";
import type { Provenance } from "../src/components/data.ts";
import { letterElement } from "../src/components/letter.ts";
import { tileMap, tileMapView } from "../src/components/tilemap.ts";
import { traceView } from "../src/components/trace-view.ts";
import { cliEvaluate, cliStatuses, PROJECT_ROOT, SYNTHETIC } from "./helpers/cli.ts";
import { expectHtmlSnapshot } from "./helpers/snapshot.ts";

const ISHOEJ = "test/fixtures/import/ishoej-2022-09-11.csv";
const read = (path: string) => readMeasurements(readFileSync(join(PROJECT_ROOT, path)), path);
const H2_2025 = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"];
const ishoejIndex = new MeasurementIndex(read(ISHOEJ));
const ishoej = evaluate(ishoejIndex, {
  ruleSet: "genopretning-2020",
  window: ["2022-09", "2022-10", "2022-11"],
  period: "2022-09..2022-11",
});

/** The tiles' statuses by municipality code. */
function tileStatuses(root: Element): Map<string, string> {
  return new Map(
    Array.from(root.querySelectorAll("a[data-tile]"), (a) => [
      a.getAttribute("data-tile")!,
      a.getAttribute("data-status")!,
    ]),
  );
}

describe("tile map", () => {
  it("colours each of the 98 tiles by the CLI's verdict, with symbol and label, and a counted legend", async () => {
    const cli = (await cliStatuses("--period", "2025H2")) as Map<string, MunicipalityStatus>;
    const map = tileMap({ status: cli });
    expect(tileStatuses(map)).toEqual(cli);
    for (const a of Array.from(map.querySelectorAll("a[data-tile]"))) {
      expect(a.querySelector(".tile-symbol")!.textContent).not.toBe("");
      // the link's accessible name is its <title>: the municipality and its verdict
      expect(a.querySelector("title")!.textContent).toContain(STATUS_LABELS[cli.get(a.getAttribute("data-tile")!)!]);
    }
    const flagged = [...cli.values()].filter((s) => s === "flagged").length;
    expect(map.querySelector(".tilemap-legend")!.textContent).toContain(`${STATUS_LABELS.flagged} (${flagged})`);
    expectHtmlSnapshot("tilemap-2025H2", map);
  });

  it("updates in place: the same elements, only the changed tiles touched", async () => {
    const at80 = (await cliStatuses("--period", "2025H2")) as Map<string, MunicipalityStatus>;
    const at85 = (await cliStatuses("--period", "2025H2", "--threshold", "85")) as Map<string, MunicipalityStatus>;
    const view = tileMapView({});
    view.update(at80);
    const before = Array.from(view.element.querySelectorAll("a[data-tile]"));
    const changed = new Set<string>();
    new MutationObserver((records) => {
      for (const r of records)
        changed.add((r.target as Element).closest("a[data-tile]")?.getAttribute("data-tile") ?? "");
    }).observe(view.element.querySelector("svg")!, { subtree: true, attributes: true, childList: true });
    view.update(at85);
    await Promise.resolve(); // deliver the mutation records
    expect(Array.from(view.element.querySelectorAll("a[data-tile]"))).toEqual(before);
    expect(tileStatuses(view.element)).toEqual(at85);
    const expected = [...at85].filter(([code, s]) => at80.get(code) !== s).map(([code]) => code);
    expect(expected.length).toBeGreaterThan(0);
    expect([...changed].filter((c) => c !== "").sort()).toEqual(expected.sort());
  });
});

describe("heatmap legend", () => {
  it("marks the limit and the minimum population in Danish", () => {
    const box = document.createElement("div");
    box.innerHTML = legendHtml(15, 10);
    expect(box.querySelector(".hm-legend-limit")!.textContent).toBe("▲ grænse 15\u00a0%");
    expect(box.textContent).toContain("færre end 10 borgere");
    expectHtmlSnapshot("heatmap-legend-15", box);
  });
});

describe("trace view", () => {
  it("shows Ishøj's verdict and one trace per criterion with the CLI's statuses", async () => {
    const cli = await cliEvaluate("--input", ISHOEJ, "--rules", "genopretning-2020", "--period", "2022-09..2022-11");
    const expected = cli.municipalities.find((m) => m.code === "183")!;
    const verdict = ishoej.municipalities.find((m) => m.code === "183")!;
    const view = traceView(ishoej, verdict, { synthetic: false, inputs: [ISHOEJ] });
    expect(view.getAttribute("data-status")).toBe(expected.status);
    const shown = Array.from(view.querySelectorAll(".trace-criterion"), (n) => [
      n.getAttribute("data-criterion"),
      n.getAttribute("data-status"),
    ]);
    expect(shown).toEqual(expected.criteria.map((c) => [c.id, c.status]));
    expect(view.textContent).toContain("45,5\u00a0%");
    expectHtmlSnapshot("trace-ishoej-2022", view);
  });

  it("says so when the data has no rows for the municipality", () => {
    expect(traceView(ishoej, null, { synthetic: false, inputs: [] }).textContent).toContain("ingen rækker");
  });
});

describe("letter", () => {
  const provenance = (synthetic: boolean): Provenance => ({
    kind: synthetic ? "synthetic" : "live",
    synthetic,
    file: "measurements.csv",
    manifest: synthetic ? {} : { fetchedAt: "2023-02-01T10:00:00Z" },
  });

  it("renders Ishøj's letter with one table row per flagged criterion", async () => {
    const verdict = ishoej.municipalities.find((m) => m.code === "183")!;
    const element = letterElement(verdict, ishoej, { index: ishoejIndex, provenance: provenance(false) })!;
    expect(element.getAttribute("data-municipality")).toBe("183");
    expect(element.querySelector("[data-testid=letter-synthetic]")).toBeNull();
    const cli = await cliEvaluate("--input", ISHOEJ, "--rules", "genopretning-2020", "--period", "2022-09..2022-11");
    const flagged = cli.municipalities[0]!.criteria.filter((c) => c.status === "flagged");
    expect(flagged.length).toBeGreaterThan(0);
    expect(element.querySelectorAll("li").length).toBeGreaterThanOrEqual(flagged.length);
    expect(element.textContent).toContain("Jobindsats.dk");
    expectHtmlSnapshot("letter-ishoej-2022", element);
  });

  it("carries the synthetic-data marker when the data is synthetic", async () => {
    const doc = await cliStatuses("--period", "2025H2");
    const code = [...doc].find(([, s]) => s === "flagged")![0];
    const index = new MeasurementIndex(read(SYNTHETIC));
    const e = evaluate(index, { ruleSet: "opfoelgning-2024", window: H2_2025, period: "2025H2" });
    const verdict = e.municipalities.find((m) => m.code === code)!;
    const element = letterElement(verdict, e, { index, provenance: provenance(true) })!;
    expect(element.querySelector("[data-testid=letter-synthetic]")!.textContent).toBe(SYNTHETIC_BANNER);
  });

  it("is not written for a municipality that is not flagged", async () => {
    const verdict = ishoej.municipalities.find((m) => m.code === "183")!;
    const calm = { ...verdict, status: "compliant" as const };
    expect(letterElement(calm, ishoej, { index: ishoejIndex, provenance: provenance(false) })).toBeNull();
  });
});
