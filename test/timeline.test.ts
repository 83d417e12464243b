import { describe, expect, it } from "vitest";
import { assessmentsBetween, timeline } from "../lib/rules/timeline.ts";
import { indexOf, series } from "./helpers/cells.ts";
import type { Figure } from "./helpers/cells.ts";

const bad: Figure = [50, 40];
const good: Figure = [50, 5];

/** Sickness-benefit conversations for 183, month by month from 2022-03. */
function sick(figures: Figure[]) {
  return series("183", "sygedagpenge", "samtaler", "2022-03", figures);
}
// months 2022-03 … 2023-11 (21 months); windows Mar–May and Sep–Nov of 2022 and 2023
const months = (w: Record<string, Figure>) =>
  Array.from({ length: 21 }, (_, i) => {
    const m = ["2022-03", "2022-09", "2023-03", "2023-09"].findIndex((s) => {
      const start = Number(s.slice(0, 4)) * 12 + Number(s.slice(5)) - 1;
      const idx = 2022 * 12 + 2 + i;
      return idx >= start && idx < start + 3;
    });
    return m === -1 ? good : w[["a", "b", "c", "d"][m]!]!;
  });

describe("§4.4 the assessment calendar", () => {
  it("assesses Mar–May in August and Sep–Nov in February of the next year", () => {
    expect(assessmentsBetween("2022-01", "2023-06")).toEqual([
      { month: "2022-08", window: ["2022-03", "2022-04", "2022-05"] },
      { month: "2023-02", window: ["2022-09", "2022-10", "2022-11"] },
      { month: "2023-08", window: ["2023-03", "2023-04", "2023-05"] },
    ]);
  });
});

describe("§4.4 the process", () => {
  it("follows Ishøj's path: contacted on Mar–May 2022, plan required after Sep–Nov 2022, then escalated", () => {
    const [t] = timeline(indexOf(sick(months({ a: bad, b: bad, c: bad, d: bad }))));
    expect(t!.events.map((e) => [e.assessment, e.stageAfter])).toEqual([
      ["2022-08", "contacted"],
      ["2023-02", "plan-required"],
      ["2023-08", "escalated"],
      ["2024-02", "escalated"],
    ]);
    expect(t!.events[0]).toMatchObject({
      check: "trigger",
      underRestoration: ["sygedagpenge:samtaler"],
      deadline: "2023-02",
    });
    // The plan is due 15 days after the letter (unknown here); August 2023 is the next follow-up, not its deadline.
    expect(t!.events[1]).toMatchObject({
      check: "restoration",
      outcome: "not-restored",
      deadline: null,
      nextAssessment: "2023-08",
      nextWindow: ["2023-03", "2023-04", "2023-05"],
      plan: { planDueDays: 15, planDeadline: null, planCriteria: ["sygedagpenge:samtaler"] },
    });
  });
  it("closes when the triggering criterion is restored, and monitors again afterwards", () => {
    const [t] = timeline(indexOf(sick(months({ a: bad, b: [50, 9], c: bad, d: good }))));
    expect(t!.events.map((e) => e.stageAfter)).toEqual(["contacted", "closed", "contacted", "closed"]);
  });
  it("checks restoration only on the criteria that triggered", () => {
    const other = series("183", "kontanthjaelp", "samtaler", "2022-03", months({ a: good, b: bad, c: good, d: good }));
    const [t] = timeline(indexOf(sick(months({ a: bad, b: good, c: good, d: good })), other));
    expect(t!.events[1]).toMatchObject({ stageAfter: "closed", outcome: "restored" });
    expect(t!.events[1]!.criteria.map((c) => c.criterion)).toEqual(["sygedagpenge:samtaler"]);
  });
  it("keeps the stage when restoration cannot be decided", () => {
    const [t] = timeline(indexOf(sick(months({ a: bad, b: null, c: bad, d: bad }))));
    expect(t!.events.map((e) => e.stageAfter)).toEqual(["contacted", "contacted", "plan-required", "escalated"]);
  });
  it("can start from a known state, e.g. the contact in STAR's letter", () => {
    const idx = indexOf(series("183", "sygedagpenge", "samtaler", "2022-09", ["45.5", "52.6", "50.0"]));
    const [t] = timeline(idx, {
      initial: new Map([["183", { stage: "contacted", underRestoration: ["sygedagpenge:samtaler"] }]]),
    });
    expect(t!.events).toHaveLength(1);
    expect(t!.events[0]).toMatchObject({
      assessment: "2023-02",
      stageBefore: "contacted",
      stageAfter: "plan-required",
      deadline: null,
      nextAssessment: "2023-08",
    });
  });
});
