/**
 * Pieces shared by the long-CSV and the wide-table importers: issue collection with a cap,
 * value parsing (counts, shares, suppressed markers), the counts-vs-share agreement check,
 * and where each imported cell came from (for duplicate messages across files).
 */
import type { InputIssue, IssueCode } from "../domain/issues.ts";
import { clipValue, InputError } from "../domain/issues.ts";
import type { BenefitGroupId, Cell, Decimal, Measure } from "../domain/types.ts";
import { parseDecimal, formatDecimal } from "../domain/decimal.ts";
import { isRequired } from "../domain/benefit-groups.ts";
import type { Measurements } from "../domain/measurements.ts";

/** Default number of errors collected before reading stops (the rest of the file is not checked). */
export const DEFAULT_MAX_ERRORS = 50;

export interface ImportOptions {
  /** Stop after this many errors (default 50); the thrown InputError says it was truncated. */
  readonly maxErrors?: number;
  /** Keep this many warnings of one kind (default 50); the rest are counted in one line. */
  readonly maxWarnings?: number;
  /** Warnings found before parsing (e.g. by decodeInput); reported first, with the parser's own. */
  readonly warnings?: readonly InputIssue[];
  /** Bytes decoded and parsed at a time when a long CSV is read from bytes (default 16 KB). */
  readonly chunkSize?: number;
  /**
   * False reads every row of a long CSV with the general checks instead of the one-pass reader
   * of the usual row (LongRowParser.fastRow). The result is the same, only slower: for tests.
   */
  readonly fastRows?: boolean;
}

/** Where and what one issue is; only `code`, `line` and `message` are required. */
export interface IssueSpec {
  readonly code: IssueCode;
  /** 1-based line, or null for the whole file. */
  readonly line: number | null;
  readonly column?: number | null;
  readonly columnName?: string | null;
  /** The offending value as written (cut to MAX_QUOTED_LENGTH when printed). */
  readonly value?: string | null;
  readonly message: string;
  /** Warnings of one kind are capped (maxWarnings); default: the message itself. */
  readonly kind?: string;
}

/** Default number of warnings of one kind kept; the rest are counted in one summary warning. */
export const DEFAULT_MAX_WARNINGS = 50;

/**
 * Collects errors (up to a cap) and warnings (up to a cap per kind) of one input; throws them all
 * at the end. A file of 50,000 identical problems gives 50 messages and one "… and 49,950 more".
 */
export class IssueCollector {
  readonly errors: InputIssue[] = [];
  private readonly warningList: InputIssue[] = [];
  /** Per warning kind: how many were seen, and where its summary line is. */
  private readonly warningKinds = new Map<string, { seen: number; summaryAt: number }>();
  /** True once an error beyond the cap was seen: stop reading. */
  truncated = false;
  readonly maxErrors: number;
  readonly maxWarnings: number;

  constructor(
    readonly file: string,
    options: ImportOptions = {},
  ) {
    this.maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
    this.maxWarnings = options.maxWarnings ?? DEFAULT_MAX_WARNINGS;
    if (options.warnings) this.warningList.push(...options.warnings);
  }

  /** The warnings kept, each capped kind followed by its "… and N more of the same kind". */
  get warnings(): readonly InputIssue[] {
    return this.warningList;
  }

  /** Records an error; returns false when the cap is exceeded and reading should stop. */
  error(at: IssueSpec): boolean {
    if (this.errors.length >= this.maxErrors) {
      this.truncated = true;
      return false;
    }
    this.errors.push(this.issue("error", at));
    return true;
  }

  warn(at: IssueSpec): void {
    const kind = at.kind ?? at.message;
    let k = this.warningKinds.get(kind);
    if (!k) this.warningKinds.set(kind, (k = { seen: 0, summaryAt: -1 }));
    k.seen++;
    if (k.seen <= this.maxWarnings) {
      this.warningList.push(this.issue("warning", at));
      return;
    }
    const more = k.seen - this.maxWarnings;
    const summary = this.issue("warning", {
      code: "more-of-kind",
      line: null,
      message: `… and ${more.toLocaleString("en-US")} more of the same kind`,
    });
    if (k.summaryAt < 0) k.summaryAt = this.warningList.push(summary) - 1;
    else this.warningList[k.summaryAt] = summary;
  }

  private issue(severity: "error" | "warning", at: IssueSpec): InputIssue {
    return {
      code: at.code,
      severity,
      file: this.file,
      line: at.line,
      column: at.column ?? null,
      columnName: at.columnName ?? null,
      value: at.value ?? null,
      message: at.message,
    };
  }

  /**
   * Adds errors found after reading (sorted by line) among those found while reading, in line
   * order, keeping the cap.
   */
  addSorted(extra: readonly InputIssue[]): void {
    if (extra.length === 0) return;
    const all = [...this.errors, ...extra].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (all.length > this.maxErrors) {
      all.length = this.maxErrors;
      this.truncated = true;
    }
    this.errors.length = 0;
    this.errors.push(...all);
  }

  get stopped(): boolean {
    return this.truncated;
  }

  /** Throws InputError (errors first, then a truncation note, then warnings) if any error was seen. */
  throwIfErrors(): void {
    if (this.errors.length === 0) return;
    const issues: InputIssue[] = [...this.errors];
    if (this.truncated) {
      issues.push(
        this.issue("warning", {
          code: "too-many-errors",
          line: null,
          message: `stopped after ${this.maxErrors} errors; the rest of the file was not checked`,
        }),
      );
    }
    issues.push(...this.warningList);
    throw new InputError(issues, this.truncated);
  }
}

/** A value quoted in a message, trimmed and cut to a readable length. */
export function quoted(value: string): string {
  return `"${clipValue(value.trim())}"`;
}

/** Values Jobindsats writes for a suppressed or missing figure; all mean "unknown". */
export function isSuppressed(t: string): boolean {
  return t === "" || t === "." || t === ".." || t === "-";
}

/** Result codes of parseCount besides a count ≥ 0. */
export const COUNT_UNKNOWN = -1;
export const COUNT_INVALID = -2;

/**
 * A count: a whole number ≥ 0 (→ the number), empty or a suppression marker (→ COUNT_UNKNOWN),
 * anything else (→ COUNT_INVALID; countProblem() says why). `t` must be trimmed.
 */
export function parseCount(t: string): number {
  const n = t.length;
  if (n === 0) return COUNT_UNKNOWN;
  if (n > 15) return isSuppressed(t) ? COUNT_UNKNOWN : COUNT_INVALID;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return isSuppressed(t) ? COUNT_UNKNOWN : COUNT_INVALID;
    v = v * 10 + c;
  }
  return v;
}

export function countProblem(t: string): string {
  // Long values are classified by a loop: the patterns below would backtrack over megabytes.
  if (t.length > 64) return /^\d+$/.test(t.slice(0, 64)) && isDigits(t) ? "is too large" : "is not a whole number";
  if (/^-\s*\d+([.,]\d+)?$/.test(t)) return "must not be negative";
  if (/^\d+[.,]\d+$/.test(t)) return "must be a whole number (no decimals or thousands separators)";
  if (/^\d{16,}$/.test(t)) return "is too large";
  return "is not a whole number";
}

function isDigits(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return t.length > 0;
}

/** Result of parseShare. */
export type ShareResult = Decimal | null | string;

/**
 * A published share 0–100 with a decimal point or Danish comma (a trailing `%` is allowed):
 * the exact Decimal, null when empty or suppressed, or an error message. `t` must be trimmed.
 */
export function parseShare(t: string): ShareResult {
  if (isSuppressed(t)) return null;
  if (t.length > 64) {
    return isDigits(t.replace(/[.,]/, ""))
      ? "has too many digits to be kept exactly (at most 15)"
      : "is not a number (expected a share from 0 to 100, e.g. 45.5 or 45,5; empty or . when unknown)";
  }
  let s = t;
  if (s.endsWith("%")) s = s.slice(0, -1).trimEnd();
  const d = parseDecimal(s);
  if (d === null) {
    if (/^-\s*\d+([.,]\d+)?$/.test(s)) return "must be a share from 0 to 100, not negative";
    if (/^\d{1,3}([.,]\d{3})+[.,]\d+$/.test(s)) return "is not a share from 0 to 100 (thousands separators?)";
    if (/^\d+([.,]\d+)?$/.test(s)) return "has too many digits to be kept exactly (at most 15)";
    return "is not a number (expected a share from 0 to 100, e.g. 45.5 or 45,5; empty or . when unknown)";
  }
  if (d.num > 100 * d.den) return "is above 100 (a share is a percentage from 0 to 100)";
  return d;
}

/**
 * Whether counts W of P and a published share s = num/den (den = 10^k) agree within the share's
 * rounding: |100·W/P − s| ≤ ½·10^−k, inclusive. Multiplying by 2·P·den (> 0) gives the exact
 * integer test |200·W·den − 2·num·P| ≤ P, computed with BigInt when doubles could lose digits.
 * Requires P > 0.
 */
export function countsAgreeWithShare(without: number, population: number, share: Decimal): boolean {
  return countsAgreeWithShareOf(without, population, share.num, share.den);
}

/** countsAgreeWithShare of a share given as num/den (no object: the importer's hot path). */
export function countsAgreeWithShareOf(without: number, population: number, num: number, den: number): boolean {
  const a = 200 * without * den;
  const b = 2 * num * population;
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return Math.abs(a - b) <= population;
  const diff = 200n * BigInt(without) * BigInt(den) - 2n * BigInt(num) * BigInt(population);
  return (diff < 0n ? -diff : diff) <= BigInt(population);
}

/** Explains a disagreement, e.g. "7/35 = 20.000 %". */
export function disagreementMessage(without: number, population: number, share: Decimal): string {
  const digits = Math.max(0, Math.round(Math.log10(share.den)));
  const exact = ((100 * without) / population).toFixed(digits + 2);
  const tolerance = (0.5 / share.den).toString();
  return (
    `share_without ${formatDecimal(share)} does not agree with without/population = ${without}/${population} = ${exact} % ` +
    `(a share published with ${digits} decimal${digits === 1 ? "" : "s"} may differ by at most ±${tolerance})`
  );
}

/**
 * Decision — P = 0: with nobody in the population there is no share to publish, so the share must
 * be empty/suppressed; "0" (any number of decimals) is tolerated because some exports write 0 for
 * an empty group. Any other share with P = 0 is an error. (W ≤ P already forces W = 0.)
 */
export function shareAllowedForEmptyPopulation(share: Decimal): boolean {
  return share.num === 0;
}

/** Warns once per (group, measure) that Table 1 does not require, counting the rows. */
export class NotRequiredTracker {
  private readonly seen = new Map<BenefitGroupId, { samtaler?: NotRequiredEntry; tilbud?: NotRequiredEntry }>();

  note(group: BenefitGroupId, measure: Measure, line: number | null): void {
    if (group === "alle" || isRequired(group, measure)) return;
    let g = this.seen.get(group);
    if (!g) this.seen.set(group, (g = {}));
    const s = g[measure];
    if (s) s.count++;
    else g[measure] = { line, count: 1, group, measure };
  }

  flush(issues: IssueCollector, columnName: string | null, column: number | null): void {
    for (const g of this.seen.values()) {
      for (const s of [g.samtaler, g.tilbud]) {
        if (!s) continue;
        issues.warn({
          code: "not-required",
          line: s.line,
          column,
          columnName,
          value: s.measure,
          message:
            `Table 1 (docs/rules.md §2) does not require "${s.measure}" for benefit group "${s.group}"; ` +
            `${s.count} such row${s.count === 1 ? " is" : "s are"} kept but ignored by the rules`,
        });
      }
    }
  }
}

interface NotRequiredEntry {
  readonly line: number | null;
  count: number;
  readonly group: BenefitGroupId;
  readonly measure: Measure;
}

export { numericCellKey } from "./cell-key.ts";

/** Where the cells of a Measurements came from: file and 1-based line of each cell, in order. */
export interface CellOrigins {
  readonly files: readonly string[];
  /** Index into `files` per cell; null when all cells come from files[0]. */
  readonly fileIndex: readonly number[] | null;
  readonly lines: ArrayLike<number>;
}

const ORIGINS = new WeakMap<Measurements, CellOrigins>();

export function registerOrigins(m: Measurements, origins: CellOrigins): Measurements {
  ORIGINS.set(m, origins);
  return m;
}

/** File and line of cell `index` of a Measurements produced by these importers, or null. */
export function cellOrigin(m: Measurements, index: number): { file: string; line: number } | null {
  const o = ORIGINS.get(m);
  if (!o || index < 0 || index >= o.lines.length) return null;
  return { file: o.files[o.fileIndex ? o.fileIndex[index]! : 0]!, line: o.lines[index]! };
}

export type { Cell };
