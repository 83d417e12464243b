/**
 * What-if helpers for the site's /hvad-hvis page: a threshold sweep (how many municipalities a
 * rule set flags at each threshold) and the municipalities whose verdict flips between two
 * parameter sets. Every status comes from the rules engine (verdictStatuses / evaluate); nothing
 * here decides a verdict.
 */
import { verdictStatuses, countStatuses } from "../rules/fast-verdicts.ts";
import type { Evaluation } from "../rules/evaluate.ts";
import type { MeasurementIndex } from "../rules/measurement-index.ts";
import type { MunicipalityVerdict } from "../rules/trace.ts";
import { viewRequest, type ViewState } from "./state.ts";

/** One point of a sweep: at this threshold, this many municipalities are flagged. */
export interface SweepPoint {
  readonly threshold: number;
  /** Municipalities with status `flagged` (trigger) or `not-restored` (restoration mode). */
  readonly flagged: number;
}

/**
 * Thresholds from `from` to `to` (inclusive) in steps of `step`, without binary drift
 * (50, 50.5, 51, … exactly as typed). Throws on a non-positive step or from > to.
 */
export function thresholdRange(from: number, to: number, step: number): number[] {
  if (!(step > 0) || !(from <= to) || !Number.isFinite(from) || !Number.isFinite(to)) {
    throw new RangeError(`invalid threshold range ${from}–${to} step ${step}`);
  }
  const scale = 1000;
  const a = Math.round(from * scale);
  const b = Math.round(to * scale);
  const s = Math.round(step * scale);
  if (s <= 0) throw new RangeError(`step ${step} is too small`);
  const out: number[] = [];
  for (let x = a; x <= b; x += s) out.push(x / scale);
  return out;
}

/** The status that counts as "flagged" for a view: not-restored in restoration mode. */
export function flaggedStatusOf(state: Pick<ViewState, "rules" | "mode">): "flagged" | "not-restored" {
  return state.rules === "genopretning-2020" && state.mode === "restoration" ? "not-restored" : "flagged";
}

/** Flagged count at each threshold, everything else as in `state` (its period, rule set, …). */
export function sweepThresholds(
  index: MeasurementIndex,
  state: ViewState,
  thresholds: readonly number[],
): SweepPoint[] {
  const status = flaggedStatusOf(state);
  return thresholds.map((threshold) => {
    const counts = countStatuses(verdictStatuses(index, viewRequest({ ...state, threshold })));
    return { threshold, flagged: counts[status] };
  });
}

/** A municipality whose status differs between two evaluations (A and B). */
export interface VerdictFlip {
  readonly code: string;
  readonly name: string;
  /** The verdict under A, or null when A does not evaluate the municipality. */
  readonly a: MunicipalityVerdict | null;
  readonly b: MunicipalityVerdict | null;
}

/** The municipalities whose status differs between A and B, in code order. */
export function verdictFlips(a: Evaluation, b: Evaluation): VerdictFlip[] {
  const byCodeA = new Map(a.municipalities.map((m) => [m.code, m]));
  const byCodeB = new Map(b.municipalities.map((m) => [m.code, m]));
  const codes = [...new Set([...byCodeA.keys(), ...byCodeB.keys()])].sort();
  const out: VerdictFlip[] = [];
  for (const code of codes) {
    const va = byCodeA.get(code) ?? null;
    const vb = byCodeB.get(code) ?? null;
    if (va?.status === vb?.status) continue;
    out.push({ code, name: (va ?? vb)!.name, a: va, b: vb });
  }
  return out;
}
