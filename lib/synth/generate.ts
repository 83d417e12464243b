/**
 * Deterministic synthetic measurements for all 98 municipalities, 2021-01…2025-12 — the default
 * data set when no live Jobindsats snapshot exists. Browser-safe (no node imports).
 *
 * The figures are invented. They are shaped like the Jobindsats tables (docs/data-format.md §1): for every
 * municipality and month, `samtaler` for the nine benefit groups and `tilbud` for the four offer
 * groups, plus the aggregate `alle` row of each measure (ΣW/ΣP over the groups of that measure),
 * with integer counts and share_without = 100·W/P rounded half up to one decimal. The calibration
 * choices (sizes, effects, scenarios, suppression) are the constants below and are described in
 * lib/synth/README.md.
 */
import type { BenefitGroupId, Cell, Decimal, Measure, Month } from "../domain/types.ts";
import { MUNICIPALITIES } from "../domain/municipalities.ts";
import { OFFER_GROUPS, REQUIRING_GROUPS } from "../domain/benefit-groups.ts";
import { monthIndex, monthRange } from "../domain/month.ts";
import { writeLongCsv } from "../io/long-csv-writer.ts";
import { rngFor } from "./prng.ts";
import { APPROX_INHABITANTS_THOUSANDS } from "./sizes.ts";

export const GENERATOR_NAME = "tidlig-indsats synth";
/** Bump on any change that alters the output for a given seed. */
export const GENERATOR_VERSION = "1.0.0";
export const DEFAULT_SEED = 2024;
export const SYNTH_FROM: Month = "2021-01";
export const SYNTH_TO: Month = "2025-12";

type GroupId = Exclude<BenefitGroupId, "alle">;

/** The nine groups in Table 1 order, and the four offer groups. */
const GROUPS: readonly GroupId[] = REQUIRING_GROUPS.map((g) => g.id as GroupId);
const OFFER: readonly GroupId[] = OFFER_GROUPS.map((g) => g.id as GroupId);
const GROUPS_OF: Readonly<Record<Measure, readonly GroupId[]>> = { samtaler: GROUPS, tilbud: OFFER };
const MEASURE_LIST: readonly Measure[] = ["samtaler", "tilbud"];

/** Calibration constants (shares in percentage points; populations per 1 000 inhabitants). */
export const CALIBRATION = {
  /** Persons per 1 000 inhabitants reaching six months of benefit seniority in a month. */
  inflowPerThousand: {
    dagpenge: 0.6,
    sygedagpenge: 0.8,
    kontanthjaelp: 0.35,
    uddannelseshjaelp: 0.2,
    revalidering: 0.03,
    ressourceforloeb: 0.12,
    jobafklaring: 0.25,
    ledighedsydelse: 0.1,
    overgangsydelse: 0.04,
  } satisfies Record<GroupId, number>,
  /** Persistent municipality multiplier of the inflow: 1 + sd·z, clamped. */
  needSd: 0.25,
  needRange: [0.6, 1.6] as const,
  /** Base share without the effort, before group and municipality effects. */
  baseShareWithout: { samtaler: 11, tilbud: 12.5 } satisfies Record<Measure, number>,
  /** Group effects: sickness and job clarification conversations harder, dagpenge offers easier. */
  groupEffect: {
    samtaler: {
      dagpenge: -5,
      sygedagpenge: 8,
      kontanthjaelp: 2,
      uddannelseshjaelp: 3,
      revalidering: -3,
      ressourceforloeb: 4,
      jobafklaring: 8,
      ledighedsydelse: 3,
      overgangsydelse: 5,
    },
    tilbud: { dagpenge: -4, kontanthjaelp: 6, uddannelseshjaelp: 4, overgangsydelse: 3 },
  } satisfies { samtaler: Record<GroupId, number>; tilbud: Partial<Record<GroupId, number>> },
  /** Standard deviations of the random effects (percentage points). */
  municipalitySd: 4,
  municipalityMeasureSd: 2,
  municipalityGroupSd: 3,
  monthShockSd: 2,
  cellNoiseSd: 2,
  /** Persistent extra share without of the "failing" municipalities: uniform in this range. */
  failingEffect: [19, 25] as const,
  /** Share-without bounds for the binomial draw. */
  shareBounds: [0.5, 97] as const,
  /** Cells (group or aggregate) with a population below this are suppressed (all unknown). */
  suppressBelow: 5,
  /** Candidates for the scenario roles: municipalities of this approximate size (thousands). */
  scenarioSizeRange: [25, 130] as const,
  /** Targets (tenths of a percent) for the recovering municipality's samtaler aggregate in 2025H1. */
  recoveringTargets: [340, 310, 285, 260, 240, 222] as const,
} as const;

/** Period effects (pp): early 2021 worse (requirements suspended during COVID-19), etc. */
function periodEffect(month: Month, measure: Measure, group: GroupId): number {
  let e = 0;
  if (month <= "2021-06") e += 6;
  else if (month <= "2021-12") e += 2;
  // From 2024-01 only the jobcenter's 3 conversations in months 4–6 count for dagpenge: a transition.
  if (group === "dagpenge" && measure === "samtaler") {
    if (month >= "2024-01" && month <= "2024-06") e += 4;
    else if (month >= "2024-07") e += 1;
  }
  return e;
}

/** Seasonality of the share without (pp): summer holidays, Christmas. */
const SEASON_SHARE = [1, 0, 0, 0, 0, 0.5, 4, 1, 0, 0, 0, 2] as const;
/** Seasonality of the inflow of dagpenge (winter unemployment) and sickness (winter). */
const SEASON_POP_DAGPENGE = [1.2, 1.15, 1.1, 1.0, 0.95, 0.9, 0.9, 0.95, 1.0, 1.0, 1.05, 1.1] as const;
const SEASON_POP_SYG = [1.08, 1.08, 1.05, 1, 1, 0.95, 0.92, 0.95, 1, 1, 1.02, 1.05] as const;
/** Business-cycle level of the inflow by year. */
const LEVEL_DAGPENGE: Readonly<Record<string, number>> = {
  "2021": 1.3,
  "2022": 0.8,
  "2023": 0.9,
  "2024": 1.0,
  "2025": 1.05,
};
const LEVEL_SYG: Readonly<Record<string, number>> = {
  "2021": 0.95,
  "2022": 1.05,
  "2023": 1.05,
  "2024": 1.0,
  "2025": 1.0,
};

/** Special municipalities and cells, chosen from the seed; documented in README.md. */
export interface SynthScenario {
  /** Persistently failing: a large extra share without on the listed measures, every month. */
  readonly failing: readonly { readonly code: string; readonly measures: readonly Measure[] }[];
  /** Failing until 2024, steadily improving through 2025H1 (flagged + positive trend on samtaler). */
  readonly recovering: string;
  /** Failing in 2021–2022, improving through 2023H1 to below the limit. */
  readonly improving2023: string;
  /** Fine until 2023, deteriorating through 2024, failing in 2025. */
  readonly deteriorating: string;
  /** A reporting gap: every cell of the municipality in that month is unknown. */
  readonly gaps: readonly { readonly code: string; readonly month: Month }[];
  /** Both aggregates forced to exactly 20.0 % (W = P/5) in that month. */
  readonly exact20Aggregate: { readonly code: string; readonly month: Month };
  /** Group cells forced to exactly 20.0 % (P a multiple of 5, W = P/5). */
  readonly exact20Cells: readonly {
    readonly code: string;
    readonly group: GroupId;
    readonly measure: Measure;
    readonly month: Month;
  }[];
}

// Stream tags, so that each random quantity has its own independent stream.
const TAG = { scenario: 1, muni: 2, pop: 3, without: 4, shock: 5, exact: 6 } as const;
const GROUP_INDEX: ReadonlyMap<GroupId, number> = new Map(GROUPS.map((g, i) => [g, i]));
const MEASURE_INDEX: Readonly<Record<Measure, number>> = { samtaler: 0, tilbud: 1 };

export function synthScenario(seed: number): SynthScenario {
  const [lo, hi] = CALIBRATION.scenarioSizeRange;
  const candidates = MUNICIPALITIES.map((m) => m.code).filter((c) => {
    const size = APPROX_INHABITANTS_THOUSANDS[c] ?? 0;
    return size >= lo && size <= hi;
  });
  const rng = rngFor(seed, TAG.scenario);
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, recovering, improving2023, deteriorating] = candidates as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const big = MUNICIPALITIES.map((m) => m.code).filter((c) => (APPROX_INHABITANTS_THOUSANDS[c] ?? 0) >= 20);
  const months = monthRange(SYNTH_FROM, SYNTH_TO);
  const randomExact = Array.from({ length: 3 }, () => {
    const measure: Measure = rng.int(2) === 0 ? "samtaler" : "tilbud";
    const groups = GROUPS_OF[measure];
    return {
      code: big[rng.int(big.length)]!,
      group: groups[rng.int(groups.length)]!,
      measure,
      month: months[rng.int(months.length)]!,
    };
  });
  return {
    failing: [
      { code: f0, measures: ["samtaler", "tilbud"] },
      { code: f1, measures: ["samtaler", "tilbud"] },
      { code: f2, measures: ["samtaler", "tilbud"] },
      { code: f3, measures: ["samtaler", "tilbud"] },
      { code: f4, measures: ["samtaler"] },
      { code: f5, measures: ["samtaler"] },
      { code: f6, measures: ["tilbud"] },
      { code: f7, measures: ["tilbud"] },
      { code: f8, measures: ["samtaler", "tilbud"] },
      { code: f9, measures: ["samtaler"] },
    ],
    recovering,
    improving2023,
    deteriorating,
    gaps: [
      { code: f1, month: "2025-04" },
      { code: f2, month: "2022-10" },
    ],
    exact20Aggregate: { code: f0, month: "2024-03" },
    exact20Cells: [
      { code: improving2023, group: "sygedagpenge", measure: "samtaler", month: "2022-11" },
      { code: deteriorating, group: "dagpenge", measure: "tilbud", month: "2025-02" },
      { code: f3, group: "kontanthjaelp", measure: "tilbud", month: "2023-05" },
      ...randomExact,
    ],
  };
}

/** Extra share without (pp) of a scenario role in a month. */
function scenarioEffect(s: SynthScenario, code: string, measure: Measure, month: Month, failingSize: number): number {
  for (const f of s.failing) if (f.code === code && f.measures.includes(measure)) return failingSize;
  const i = monthIndex(month);
  if (code === s.recovering) {
    if (month < "2025-01") return 15;
    if (month <= "2025-06") return 13 - 2 * (i - monthIndex("2025-01"));
    return 0;
  }
  if (code === s.improving2023) {
    if (month < "2023-01") return 14;
    if (month <= "2023-06") return 14 - 3.2 * (i - monthIndex("2023-01"));
    return -2;
  }
  if (code === s.deteriorating) {
    if (month < "2024-01") return 0;
    if (month <= "2024-12") return (14 * (i - monthIndex("2024-01") + 1)) / 12;
    return 14;
  }
  return 0;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** share_without in tenths of a percent, 100·W/P rounded half up to one decimal (exact). */
export function shareTenths(without: number, population: number): number {
  return Math.floor((2000 * without + population) / (2 * population));
}

function shareDecimal(without: number, population: number): Decimal {
  return { num: shareTenths(without, population), den: 10 };
}

interface MuniData {
  /** pop[t][g] — the population of group g in month t (shared by both measures). */
  pop: number[][];
  /** wo[m][t][g] — persons without the effort. */
  wo: Record<Measure, number[][]>;
}

function generateMunicipality(seed: number, code: string, months: readonly Month[], s: SynthScenario): MuniData {
  const c = CALIBRATION;
  const codeNum = Number(code);
  const size = APPROX_INHABITANTS_THOUSANDS[code] ?? 30;
  const mr = rngFor(seed, TAG.muni, codeNum);
  const need = clamp(1 + c.needSd * mr.normal(), c.needRange[0], c.needRange[1]);
  const muniEffect = c.municipalitySd * mr.normal();
  const measureEffect: Record<Measure, number> = {
    samtaler: c.municipalityMeasureSd * mr.normal(),
    tilbud: c.municipalityMeasureSd * mr.normal(),
  };
  const groupEffect = GROUPS.map(() => [c.municipalityGroupSd * mr.normal(), c.municipalityGroupSd * mr.normal()]);
  const failingSize = c.failingEffect[0] + (c.failingEffect[1] - c.failingEffect[0]) * mr.next();

  const pop: number[][] = [];
  const wo: Record<Measure, number[][]> = { samtaler: [], tilbud: [] };
  months.forEach((month, t) => {
    const moy = Number(month.slice(5, 7)) - 1;
    const year = month.slice(0, 4);
    const row = GROUPS.map((g, gi) => {
      let mean = size * c.inflowPerThousand[g] * need;
      if (g === "dagpenge") mean *= SEASON_POP_DAGPENGE[moy]! * (LEVEL_DAGPENGE[year] ?? 1);
      if (g === "sygedagpenge") mean *= SEASON_POP_SYG[moy]! * (LEVEL_SYG[year] ?? 1);
      const r = rngFor(seed, TAG.pop, codeNum, t, gi);
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * r.normal()));
    });
    pop.push(row);
    for (const m of MEASURE_LIST) {
      const mi = MEASURE_INDEX[m];
      const shock = c.monthShockSd * rngFor(seed, TAG.shock, codeNum, mi, t).normal();
      const wRow = GROUPS.map((g, gi) => {
        const ge = (c.groupEffect[m] as Partial<Record<GroupId, number>>)[g];
        if (ge === undefined) return 0; // measure not required for this group: no cell
        const r = rngFor(seed, TAG.without, codeNum, mi, t, gi);
        const p =
          c.baseShareWithout[m] +
          ge +
          muniEffect +
          measureEffect[m] +
          groupEffect[gi]![mi]! +
          periodEffect(month, m, g) +
          SEASON_SHARE[moy]! +
          scenarioEffect(s, code, m, month, failingSize) +
          shock +
          c.cellNoiseSd * r.normal();
        const prob = clamp(p, c.shareBounds[0], c.shareBounds[1]) / 100;
        let w = 0;
        for (let i = 0; i < row[gi]!; i++) if (r.next() < prob) w++;
        return w;
      });
      wo[m].push(wRow);
    }
  });
  return { pop, wo };
}

/**
 * Forces the aggregate of (month t, measure m) to a target share by moving W between the unlocked
 * groups: `target` in tenths of a percent, or "exact20" for exactly 20 % (the population total is
 * first raised to a multiple of 5 through one unlocked group, in both measures).
 */
function forceAggregate(
  d: MuniData,
  t: number,
  m: Measure,
  target: number | "exact20",
  locked: ReadonlySet<number>,
): void {
  const groups = GROUPS_OF[m];
  const gis = groups.map((g) => GROUP_INDEX.get(g)!).filter((gi) => !locked.has(gi));
  const pops = d.pop[t]!;
  let ptot = groups.reduce((a, g) => a + pops[GROUP_INDEX.get(g)!]!, 0);
  let wTarget: number;
  if (target === "exact20") {
    const r = ptot % 5;
    if (r !== 0) {
      // Raise a group that only this measure's total sees first when possible (tilbud: an offer
      // group; samtaler: a non-offer group), so forcing tilbud then samtaler keeps both exact.
      const pool = m === "tilbud" ? gis : gis.filter((gi) => !OFFER.includes(GROUPS[gi]!));
      const bump = [...(pool.length ? pool : gis)].sort((a, b) => pops[b]! - pops[a]! || a - b)[0]!;
      pops[bump] = pops[bump]! + (5 - r);
      ptot += 5 - r;
    }
    wTarget = ptot / 5;
  } else {
    wTarget = Math.floor((2 * ptot * target + 1000) / 2000);
  }
  const w = d.wo[m][t]!;
  let diff = wTarget - groups.reduce((a, g) => a + w[GROUP_INDEX.get(g)!]!, 0);
  const order = [...gis].sort((a, b) => pops[b]! - pops[a]! || a - b);
  for (const gi of order) {
    if (diff === 0) break;
    const step = diff > 0 ? Math.min(diff, pops[gi]! - w[gi]!) : -Math.min(-diff, w[gi]!);
    w[gi] = w[gi]! + step;
    diff -= step;
  }
}

function cell(
  code: string,
  group: BenefitGroupId,
  measure: Measure,
  month: Month,
  p: number | null,
  w: number | null,
): Cell {
  if (p === null || w === null || p < CALIBRATION.suppressBelow) {
    return {
      municipalityCode: code,
      benefitGroup: group,
      measure,
      month,
      population: null,
      without: null,
      shareWithout: null,
    };
  }
  return {
    municipalityCode: code,
    benefitGroup: group,
    measure,
    month,
    population: p,
    without: w,
    shareWithout: shareDecimal(w, p),
  };
}

export interface SyntheticDataset {
  readonly seed: number;
  readonly scenario: SynthScenario;
  /** In the fixed file order: municipality (table order), measure, group (`alle` first), month. */
  readonly cells: readonly Cell[];
}

/** Generates the whole data set for `seed`. Pure and deterministic. */
export function generateSynthetic(seed: number = DEFAULT_SEED): SyntheticDataset {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
  const months = monthRange(SYNTH_FROM, SYNTH_TO);
  const tOf = new Map(months.map((m, i) => [m, i]));
  const s = synthScenario(seed);
  const cells: Cell[] = [];
  for (const muni of MUNICIPALITIES) {
    const code = muni.code;
    const d = generateMunicipality(seed, code, months, s);
    // Group cells forced to exactly 20 %.
    const lockedAt = new Map<number, Set<number>>();
    for (const e of s.exact20Cells.filter((x) => x.code === code)) {
      const t = tOf.get(e.month)!;
      const gi = GROUP_INDEX.get(e.group)!;
      const p = Math.max(10, 5 * Math.round(d.pop[t]![gi]! / 5));
      d.pop[t]![gi] = p;
      for (const m of MEASURE_LIST) d.wo[m][t]![gi] = Math.min(d.wo[m][t]![gi]!, p);
      d.wo[e.measure][t]![gi] = p / 5;
      (lockedAt.get(t) ?? lockedAt.set(t, new Set()).get(t)!).add(gi);
    }
    const locked = (t: number): ReadonlySet<number> => lockedAt.get(t) ?? new Set();
    // Aggregates forced to exactly 20 % (tilbud first, see forceAggregate).
    if (s.exact20Aggregate.code === code) {
      const t = tOf.get(s.exact20Aggregate.month)!;
      forceAggregate(d, t, "tilbud", "exact20", locked(t));
      forceAggregate(d, t, "samtaler", "exact20", locked(t));
    }
    // The recovering municipality: strictly falling samtaler aggregate through 2025H1, all > 20 %.
    if (s.recovering === code) {
      CALIBRATION.recoveringTargets.forEach((target, i) => {
        const t = tOf.get(monthRange("2025-01", "2025-06")[i]!)!;
        forceAggregate(d, t, "samtaler", target, locked(t));
      });
    }
    const gapMonths = new Set(s.gaps.filter((g) => g.code === code).map((g) => g.month));
    for (const m of MEASURE_LIST) {
      const groups = GROUPS_OF[m];
      const gis = groups.map((g) => GROUP_INDEX.get(g)!);
      // Aggregate row first: summed from the true (unsuppressed) group counts, then suppressed itself.
      months.forEach((month, t) => {
        const gap = gapMonths.has(month);
        const p = gis.reduce((a, gi) => a + d.pop[t]![gi]!, 0);
        const w = gis.reduce((a, gi) => a + d.wo[m][t]![gi]!, 0);
        cells.push(cell(code, "alle", m, month, gap ? null : p, gap ? null : w));
      });
      for (const gi of gis) {
        months.forEach((month, t) => {
          const gap = gapMonths.has(month);
          cells.push(cell(code, GROUPS[gi]!, m, month, gap ? null : d.pop[t]![gi]!, gap ? null : d.wo[m][t]![gi]!));
        });
      }
    }
  }
  return { seed, scenario: s, cells };
}

/** The canonical long CSV of a generated data set. */
export function syntheticCsv(ds: SyntheticDataset): string {
  return writeLongCsv(ds.cells);
}

export interface SynthManifest {
  readonly synthetic: true;
  readonly generator: typeof GENERATOR_NAME;
  readonly generatorVersion: string;
  readonly seed: number;
  readonly rows: number;
  readonly municipalities: number;
  readonly months: { readonly from: Month; readonly to: Month };
  readonly sha256: string;
}

/** The provenance manifest (no timestamp, so that regeneration is byte-identical). */
export function synthManifest(ds: SyntheticDataset, sha256: string): SynthManifest {
  return {
    synthetic: true,
    generator: GENERATOR_NAME,
    generatorVersion: GENERATOR_VERSION,
    seed: ds.seed,
    rows: ds.cells.length,
    municipalities: new Set(ds.cells.map((c) => c.municipalityCode)).size,
    months: { from: SYNTH_FROM, to: SYNTH_TO },
    sha256,
  };
}

export function manifestJson(manifest: object): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}
