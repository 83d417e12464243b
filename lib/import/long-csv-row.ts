/**
 * One data row of a long CSV (docs/data-format.md §1), checked and appended to typed columns. The row
 * comes as field spans of a source string (csv.ts), so a valid row makes no substring: the usual
 * forms of each value (3-digit codes, `YYYY-MM`, plain counts, `45.5`) are read from the
 * characters directly, and anything else takes the general path with the full checks and
 * messages. No buffering and no state but the columns and per-parse caches: the caller
 * (long-csv.ts) owns the text. Browser-safe.
 */
import type { BenefitGroupId, Decimal, Measure, Month } from "../domain/types.ts";
import type { IssueCode } from "../domain/issues.ts";
import { BENEFIT_GROUP_IDS, MEASURES } from "../domain/types.ts";
import { decimalExponent, type MeasurementColumns } from "../domain/columns.ts";
import { BENEFIT_GROUPS, isRequired, resolveBenefitGroup } from "../domain/benefit-groups.ts";
import { MUNICIPALITIES, municipalityByCode, municipalityCodeByName } from "../domain/municipalities.ts";
import { monthIndex, parseMonth } from "../domain/month.ts";
import { nearest } from "../domain/suggest.ts";
import type { FieldSpans, Separator } from "./csv.ts";
import { LONG_COLUMNS, type LongHeader } from "./long-csv-header.ts";
import { MAX_ROWS, MUNICIPALITY_INDEX_BY_NUMBER } from "./cell-key.ts";
import {
  COUNT_INVALID,
  COUNT_UNKNOWN,
  countProblem,
  countsAgreeWithShare,
  countsAgreeWithShareOf,
  disagreementMessage,
  NotRequiredTracker,
  parseCount,
  parseShare,
  quoted,
  shareAllowedForEmptyPopulation,
  type IssueCollector,
  type ShareResult,
} from "./common.ts";

/** Suggestion candidates for an unknown benefit group: ids first, then Jobindsats labels. */
const GROUP_CANDIDATES = [...BENEFIT_GROUPS.map((g) => g.id as string), ...BENEFIT_GROUPS.map((g) => g.label)];

/** Shares seen per parse are cached (they repeat); the cache is bounded for adversarial input. */
const SHARE_CACHE_MAX = 20_000;
/** Distinct spellings of a benefit group compared in place before a Map lookup. */
const GROUP_SPELLINGS_MAX = 32;

interface CodeEntry {
  readonly code: string;
  readonly name: string;
  /** Position in MUNICIPALITIES (< 128), for the duplicate key. */
  readonly index: number;
  /** The name in UTF-8, for fastRow. */
  readonly nameBytes: Uint8Array;
}
interface GroupEntry {
  readonly id: BenefitGroupId;
  readonly index: number;
  /** Whether the measure is required by Table 1, or the group is the aggregate `alle`. */
  readonly required: Readonly<Record<Measure, boolean>>;
}
interface MonthEntry {
  readonly month: Month;
  readonly index: number;
}

const UTF8 = new TextEncoder();
const CODE_ENTRIES: readonly CodeEntry[] = MUNICIPALITIES.map((m, index) => ({
  code: m.code,
  name: m.name,
  index,
  nameBytes: UTF8.encode(m.name),
}));
const MUNICIPALITY_INDEX = new Map(MUNICIPALITIES.map((m, i) => [m.code, i]));

function codeEntry(raw: string): CodeEntry | null {
  const code = raw.trim();
  const m = municipalityByCode(code);
  return m ? CODE_ENTRIES[MUNICIPALITY_INDEX.get(m.code)!]! : null;
}

function groupEntry(raw: string): GroupEntry | null {
  const id = resolveBenefitGroup(raw);
  if (id === null) return null;
  return {
    id,
    index: BENEFIT_GROUP_IDS.indexOf(id),
    required: {
      samtaler: id === "alle" || isRequired(id, "samtaler"),
      tilbud: id === "alle" || isRequired(id, "tilbud"),
    },
  };
}

function didYouMean(value: string, candidates: readonly string[]): string {
  const s = nearest(value.trim(), candidates);
  return s ? `; did you mean "${s}"?` : "";
}

/** Whether src[s, e) is `text` (a loop the compiler inlines: cheaper than a native call here). */
function spanEquals(src: string, s: number, e: number, text: string): boolean {
  if (e - s !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (src.charCodeAt(s + i) !== text.charCodeAt(i)) return false;
  return true;
}

/** The value of a span of digits only (at most 15), or -1. */
function digitsValue(src: string, s: number, e: number): number {
  if (e <= s || e - s > 15) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = src.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Month index of `YYYY-MM` or `YYYYMmm` written exactly (no spaces), or -1. */
function monthIndexAt(src: string, s: number, e: number): number {
  if (e - s !== 7) return -1;
  return monthIndexOf(digitsValue(src, s, s + 4), src.charCodeAt(s + 4), digitsValue(src, s + 5, s + 7));
}

/**
 * The month index of a year, the character between year and month, and a month written with
 * digits only (-1 when they were not); -1 unless the month is 1–12 and the separator `-`, `M`, `m`.
 */
function monthIndexOf(year: number, separator: number, month: number): number {
  if (year < 0 || month < 1 || month > 12 || (separator !== 45 && separator !== 77 && separator !== 109)) return -1;
  return year * 12 + month - 1;
}

/** Where a row's checks stopped: more rows may follow, or reading must stop. */
export const ROW_OK = 0;
export const ROW_REJECTED = 1;
export const ROW_STOP = 2;
export type RowOutcome = typeof ROW_OK | typeof ROW_REJECTED | typeof ROW_STOP;

/** What a row parser needs: the mapped header, the separator, where issues go and rows go. */
export interface LongRowParserOptions {
  readonly header: LongHeader;
  readonly separator: Separator;
  readonly issues: IssueCollector;
  readonly columns: MeasurementColumns;
  /**
   * Whether fastRow may take the usual rows (default true). False reads every row by row(): the
   * result is the same, only slower (tests compare the two).
   */
  readonly fastRows?: boolean;
}

/** Checks rows against one header and appends the valid ones to `columns`. */
export class LongRowParser {
  /** Rows that were not blank (valid or not). */
  dataRows = 0;
  /** Names as written in the input, by code (informative only). */
  readonly namesByCode = new Map<string, string>();
  readonly notRequired = new NotRequiredTracker();

  private readonly issues: IssueCollector;
  private readonly cols: MeasurementColumns;
  private readonly sep: Separator;
  private readonly head: readonly string[];
  private readonly width: number;
  private readonly cCode: number;
  private readonly cName: number;
  private readonly cGroup: number;
  private readonly cMeasure: number;
  private readonly cMonth: number;
  private readonly cPop: number;
  private readonly cWithout: number;
  private readonly cShare: number;

  private readonly codeCache = new Map<string, CodeEntry | null>();
  private readonly groupCache = new Map<string, GroupEntry | null>();
  /** Spellings of benefit groups seen, compared in place before a Map lookup, and their groups. */
  private readonly spellingTexts: string[] = [];
  private readonly spellingGroups: GroupEntry[] = [];
  private lastSpelling = -1;
  private readonly monthCache = new Map<string, MonthEntry | null>();
  private readonly shareCache = new Map<string, ShareResult>();
  private readonly nameCache = new Map<string, string | null>();
  private readonly nameWarned = new Set<string>();
  /** 1 once namesByCode has the municipality (by index). */
  private readonly named = new Uint8Array(MUNICIPALITIES.length);

  /**
   * Whether fastRow applies: the header is the canonical one (docs/data-format.md §1: the eight
   * columns in their order) and the separator a comma.
   */
  readonly fastRowsApply: boolean;
  /** Spellings of benefit groups that fastRow compares in place (no quote, see fastRow). */
  private readonly fastSpellings: Uint8Array[] = [];
  private readonly fastSpellingGroups: GroupEntry[] = [];
  private lastFastSpelling = -1;

  /** Values of the row being read (set by the field readers). */
  private population = NaN;
  private without = NaN;
  private shareNum = 0;
  private shareExp = -1;

  constructor(o: LongRowParserOptions) {
    this.issues = o.issues;
    this.cols = o.columns;
    this.sep = o.separator;
    this.head = o.header.names;
    this.width = o.header.names.length;
    const c = o.header.columns;
    this.cCode = c.municipality_code;
    this.cName = c.municipality_name;
    this.cGroup = c.benefit_group;
    this.cMeasure = c.measure;
    this.cMonth = c.month;
    this.cPop = c.population;
    this.cWithout = c.without;
    this.cShare = c.share_without;
    this.fastRowsApply =
      o.fastRows !== false && o.separator === "," && LONG_COLUMNS.every((k, i) => c[k] === i) && this.width === 8;
  }

  /**
   * Reads the usual row in one pass over its UTF-8 bytes, or leaves it to row(): the canonical
   * columns, no quotes, a known 3-digit code, the official name or none, a benefit group spelled
   * as in an earlier row, `samtaler`/`tilbud`, a `YYYY-MM` month, plain counts and a plain share
   * that agree. Such a row is one that row() accepts without any issue, and it is stored exactly
   * as row() stores it; anything else — every row with a problem — returns -1 before anything is
   * stored, and row() reads it (decoded) with all checks and messages. Every byte of an accepted
   * row is ASCII except those of the official name, so the row is valid UTF-8 without decoding it.
   * Why: decoding, finding the fields and then reading each field again was most of the import.
   *
   * `bytes[pos]` starts a row; `end` bounds the bytes. Returns the position after the row's line
   * break (LF or CRLF), or -1.
   */
  fastRow(bytes: Uint8Array, pos: number, end: number, line: number): number {
    let i = pos;
    // municipality_code: three digits
    if (i + 4 > end || bytes[i + 3] !== COMMA) return -1;
    const d0 = bytes[i]! - 48;
    const d1 = bytes[i + 1]! - 48;
    const d2 = bytes[i + 2]! - 48;
    if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
    const codeIndex = MUNICIPALITY_INDEX_BY_NUMBER[d0 * 100 + d1 * 10 + d2]!;
    if (codeIndex < 0) return -1;
    const c = CODE_ENTRIES[codeIndex]!;
    i += 4;
    // municipality_name: empty, or the name of the list
    let named = false;
    if (bytes[i] !== COMMA) {
      const name = c.nameBytes;
      if (!bytesAt(bytes, i, end, name)) return -1;
      i += name.length;
      if (bytes[i] !== COMMA) return -1;
      named = true;
    }
    i++;
    // benefit_group: a spelling row() resolved before; rows of one group often come together
    const spellings = this.fastSpellings;
    let k = this.lastFastSpelling;
    if (k < 0 || !bytesAt(bytes, i, end, spellings[k]!) || bytes[i + spellings[k]!.length] !== COMMA) {
      for (k = 0; k < spellings.length; k++) {
        const t = spellings[k]!;
        if (bytesAt(bytes, i, end, t) && bytes[i + t.length] === COMMA) break;
      }
      if (k === spellings.length) return -1;
      this.lastFastSpelling = k;
    }
    const g = this.fastSpellingGroups[k]!;
    i += spellings[k]!.length + 1;
    // measure
    let measure: 0 | 1;
    if (bytesAt(bytes, i, end, SAMTALER)) {
      measure = 0;
      i += SAMTALER.length;
    } else if (bytesAt(bytes, i, end, TILBUD)) {
      measure = 1;
      i += TILBUD.length;
    } else return -1;
    // month: YYYY-MM or YYYYMmm
    if (i + 8 > end || bytes[i + 7] !== COMMA) return -1;
    const month = monthIndexOfBytes(bytes, i);
    if (month < 0) return -1;
    i += 8;
    // population, without: digits (at most 15) or empty
    let v = 0;
    let a = i;
    let d = 0;
    for (; i < end && (d = bytes[i]! - 48) >= 0 && d <= 9; i++) v = v * 10 + d;
    if (i - a > MAX_COUNT_DIGITS || bytes[i] !== COMMA) return -1;
    const population = i === a ? NaN : v;
    a = ++i;
    v = 0;
    for (; i < end && (d = bytes[i]! - 48) >= 0 && d <= 9; i++) v = v * 10 + d;
    if (i - a > MAX_COUNT_DIGITS || bytes[i] !== COMMA) return -1;
    const without = i === a ? NaN : v;
    if (without > population) return -1;
    i++;
    // share_without: empty, or digits with an optional point and more digits (at most 15, ≤ 100)
    let shareNum = 0;
    let shareExp = -1;
    let num = 0;
    let digits = 0;
    let frac = -1;
    let ch = -1;
    for (; i < end; i++) {
      ch = bytes[i]!;
      d = ch - 48;
      if (d >= 0 && d <= 9) {
        num = num * 10 + d;
        digits++;
        if (frac >= 0) frac++;
      } else if (ch === POINT && frac < 0 && digits > 0) frac = 0;
      else break;
    }
    if (digits > 0) {
      if (frac === 0 || digits > MAX_COUNT_DIGITS) return -1;
      shareExp = frac < 0 ? 0 : frac;
      const den = POW10_LOCAL[shareExp]!;
      if (num > 100 * den) return -1;
      if (population === 0) {
        if (!shareAllowedForEmptyPopulation({ num, den })) return -1;
      } else if (population === population && without === without) {
        if (!countsAgreeWithShareOf(without, population, num, den)) return -1;
      }
      shareNum = num;
    }
    // the line break
    if (i >= end) return -1;
    if (ch === CR) {
      if (++i >= end) return -1;
      ch = bytes[i]!;
    }
    if (ch !== LF) return -1;
    if (this.cols.length >= MAX_ROWS) return -1;
    this.dataRows++;
    if (named && this.named[c.index] === 0) this.nameAs(c, c.name);
    const m = MEASURES[measure];
    if (!g.required[m]) this.notRequired.note(g.id, m, line);
    this.cols.push(c.index, g.index, measure, month, population, without, shareNum, shareExp, line);
    return i + 1;
  }

  /**
   * Reads one record. `line` is the line it starts on, `fieldLines` each field's line when it
   * spans several. Returns ROW_STOP when the error cap is reached.
   */
  row(src: string, f: FieldSpans, line: number, fieldLines: number[] | null): RowOutcome {
    const n = f.count;
    const st = f.start;
    const en = f.end;
    if (isBlankRecord(src, f)) return ROW_OK; // blank lines and Excel's rows of bare separators
    this.dataRows++;
    if (n !== this.width) {
      const r = this.fieldCount(src, f, line, fieldLines);
      if (r !== ROW_OK) return r;
    }
    let ok = true;

    // municipality_code
    let code: CodeEntry | null | undefined;
    const num = digitsValue(src, st[this.cCode]!, en[this.cCode]!);
    if (num >= 0 && num < 1000 && en[this.cCode]! - st[this.cCode]! === 3 && MUNICIPALITY_INDEX_BY_NUMBER[num]! >= 0)
      code = CODE_ENTRIES[MUNICIPALITY_INDEX_BY_NUMBER[num]!]!;
    else {
      const raw = this.field(src, f, this.cCode);
      code = this.codeCache.get(raw);
      if (code === undefined) this.codeCache.set(raw, (code = codeEntry(raw)));
      if (code === null) {
        ok = false;
        const t = raw.trim();
        const byName = municipalityCodeByName(t);
        const hint = byName
          ? `; "${t}" is a name, its code is ${byName}`
          : /^\d{1,2}$/.test(t)
            ? " (codes have 3 digits, e.g. 101, 183)"
            : "";
        if (
          !this.err(
            "unknown-municipality",
            fieldLines,
            line,
            this.cCode,
            raw,
            `unknown municipality code ${quoted(t)}${hint}`,
          )
        )
          return ROW_STOP;
      }
    }

    // benefit_group
    const group = this.group(src, f);
    if (group === null) {
      ok = false;
      const raw = this.field(src, f, this.cGroup);
      const message = `unknown benefit group ${quoted(raw)}${didYouMean(raw, GROUP_CANDIDATES)}`;
      if (!this.err("unknown-group", fieldLines, line, this.cGroup, raw, message)) return ROW_STOP;
    }

    // measure
    let measure: Measure | null = null;
    const ms = st[this.cMeasure]!;
    const me = en[this.cMeasure]!;
    if (spanEquals(src, ms, me, "samtaler")) measure = "samtaler";
    else if (spanEquals(src, ms, me, "tilbud")) measure = "tilbud";
    else {
      const raw = this.field(src, f, this.cMeasure);
      const t = raw.trim().toLowerCase();
      if (t === "samtaler" || t === "tilbud") measure = t;
      else {
        ok = false;
        const message = `unknown measure ${quoted(raw)}; expected samtaler or tilbud${didYouMean(t, MEASURES)}`;
        if (!this.err("unknown-measure", fieldLines, line, this.cMeasure, raw, message)) return ROW_STOP;
      }
    }

    // month
    let month = monthIndexAt(src, st[this.cMonth]!, en[this.cMonth]!);
    if (month < 0) {
      const raw = this.field(src, f, this.cMonth);
      let entry = this.monthCache.get(raw);
      if (entry === undefined) {
        const m = parseMonth(raw);
        this.monthCache.set(raw, (entry = m === null ? null : { month: m, index: monthIndex(m) }));
      }
      if (entry === null) {
        ok = false;
        const message = `${quoted(raw)} is not a month; expected YYYY-MM (2022-09) or YYYYMmm (2022M09)`;
        if (!this.err("bad-month", fieldLines, line, this.cMonth, raw, message)) return ROW_STOP;
      } else month = entry.index;
    }

    // population, without
    const counts = this.counts(src, f, line, fieldLines);
    if (counts === ROW_STOP) return ROW_STOP;
    if (counts === ROW_REJECTED) ok = false;

    // share_without
    const share = this.share(src, f, line, fieldLines, counts === ROW_OK);
    if (share === ROW_STOP) return ROW_STOP;
    if (share === ROW_REJECTED || !ok) return ROW_REJECTED;

    if (this.cols.length >= MAX_ROWS) {
      const message = `too many rows: at most ${MAX_ROWS - 1} rows can be read`;
      return this.issues.error({ code: "too-many-rows", line, message }) ? ROW_REJECTED : ROW_STOP;
    }
    const c = code!;
    const g = group!;
    if (this.cName >= 0) this.name(src, f, line, fieldLines, c);
    if (!g.required[measure!]) this.notRequired.note(g.id, measure!, line);
    this.cols.push(
      c.index,
      g.index,
      measure === "samtaler" ? 0 : 1,
      month,
      this.population,
      this.without,
      this.shareNum,
      this.shareExp,
      line,
    );
    return ROW_OK;
  }

  /** A record with another number of fields than the header: an error unless the extra are empty. */
  private fieldCount(src: string, f: FieldSpans, line: number, fieldLines: number[] | null): RowOutcome {
    const n = f.count;
    const width = this.width;
    if (n < width) {
      const hint =
        this.sep !== "," && n === 1 && this.field(src, f, 0).includes(",")
          ? ` (the header is separated by "${sepName(this.sep)}" but this line seems to use ",")`
          : "";
      this.issues.error({
        code: "field-count",
        line: lineAt(fieldLines, line, n - 1),
        column: n + 1,
        columnName: this.head[n]!,
        message: `expected ${width} fields as in the header, found ${n}${hint}`,
      });
      return this.issues.stopped ? ROW_STOP : ROW_REJECTED;
    }
    for (let i = width; i < n; i++) {
      if (f.end[i]! > f.start[i]! && this.field(src, f, i).trim() !== "") {
        const hint = this.sep === "," ? ' (a decimal comma in a comma-separated file must be quoted, e.g. "45,5")' : "";
        this.issues.error({
          code: "field-count",
          line: lineAt(fieldLines, line, i),
          column: i + 1,
          value: this.field(src, f, i),
          message: `expected ${width} fields as in the header, found ${n}${hint}`,
        });
        return this.issues.stopped ? ROW_STOP : ROW_REJECTED;
      }
    }
    return ROW_OK; // more fields than the header, but the extra ones are empty (trailing separators)
  }

  private group(src: string, f: FieldSpans): GroupEntry | null {
    const s = f.start[this.cGroup]!;
    const e = f.end[this.cGroup]!;
    // Rows of one group often come together: the last spelling first, then the others.
    const texts = this.spellingTexts;
    const last = this.lastSpelling;
    if (last >= 0 && spanEquals(src, s, e, texts[last]!)) return this.spellingGroups[last]!;
    for (let k = 0; k < texts.length; k++) {
      if (spanEquals(src, s, e, texts[k]!)) {
        this.lastSpelling = k;
        return this.spellingGroups[k]!;
      }
    }
    const raw = this.field(src, f, this.cGroup);
    let g = this.groupCache.get(raw);
    if (g === undefined) this.groupCache.set(raw, (g = groupEntry(raw)));
    if (g !== null && texts.length < GROUP_SPELLINGS_MAX) {
      texts.push(raw);
      this.spellingGroups.push(g);
      if (raw !== "" && !raw.includes('"') && !raw.includes(",") && !raw.includes("\n")) {
        this.fastSpellings.push(UTF8.encode(raw));
        this.fastSpellingGroups.push(g);
      }
    }
    return g;
  }

  /** Reads population and without into this.population/this.without (NaN: unknown). */
  private counts(src: string, f: FieldSpans, line: number, fieldLines: number[] | null): RowOutcome {
    const p = this.count(src, f, line, fieldLines, this.cPop, "population");
    if (p === COUNT_STOP) return ROW_STOP;
    const w = this.count(src, f, line, fieldLines, this.cWithout, "without");
    if (w === COUNT_STOP) return ROW_STOP;
    this.population = p >= 0 ? p : NaN;
    this.without = w >= 0 ? w : NaN;
    if (p === COUNT_INVALID || w === COUNT_INVALID) return ROW_REJECTED;
    if (w > p && p >= 0) {
      const raw = this.field(src, f, this.cWithout);
      if (!this.err("without-above-population", fieldLines, line, this.cWithout, raw, tooMany(w, p))) return ROW_STOP;
      return ROW_REJECTED;
    }
    return ROW_OK;
  }

  /** One count: ≥ 0, COUNT_UNKNOWN, COUNT_INVALID (reported) or COUNT_STOP (the cap is reached). */
  private count(
    src: string,
    f: FieldSpans,
    line: number,
    fieldLines: number[] | null,
    col: number,
    what: "population" | "without",
  ): number {
    if (col < 0) return COUNT_UNKNOWN;
    const s = f.start[col]!;
    const e = f.end[col]!;
    if (e === s) return COUNT_UNKNOWN;
    const v = digitsValue(src, s, e);
    if (v >= 0) return v;
    const raw = this.field(src, f, col);
    const c = parseCount(
      raw.length && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw,
    );
    if (c !== COUNT_INVALID) return c;
    const message = `${what} ${countProblem(raw.trim())}; expected a whole number ≥ 0, or empty when unknown`;
    const code = what === "population" ? "bad-population" : "bad-without";
    return this.err(code, fieldLines, line, col, raw, message) ? COUNT_INVALID : COUNT_STOP;
  }

  /**
   * Reads share_without into this.shareNum/shareExp (-1: unknown) and checks it against the
   * counts (when `countsOk`).
   */
  private share(src: string, f: FieldSpans, line: number, fieldLines: number[] | null, countsOk: boolean): RowOutcome {
    this.shareNum = 0;
    this.shareExp = -1;
    const col = this.cShare;
    if (col < 0) return ROW_OK;
    const s = f.start[col]!;
    const e = f.end[col]!;
    if (e === s) return ROW_OK;
    let share: Decimal | null = null;
    // Fast path: digits, optionally a point or comma and more digits; at most 15 digits, ≤ 100.
    let num = 0;
    let digits = 0;
    let frac = -1;
    let i = s;
    for (; i < e; i++) {
      const c = src.charCodeAt(i);
      const d = c - 48;
      if (d >= 0 && d <= 9) {
        num = num * 10 + d;
        digits++;
        if (frac >= 0) frac++;
      } else if ((c === 46 || c === 44) && frac < 0 && i > s) frac = 0;
      else break;
    }
    if (i === e && frac !== 0 && digits <= 15) {
      const exp = frac < 0 ? 0 : frac;
      const den = POW10_LOCAL[exp]!;
      if (num <= 100 * den) share = { num, den };
    }
    if (share === null) {
      const raw = this.field(src, f, col);
      let r = this.shareCache.get(raw);
      if (r === undefined) {
        r = parseShare(raw.trim());
        if (this.shareCache.size < SHARE_CACHE_MAX) this.shareCache.set(raw, r);
      }
      if (typeof r === "string") {
        const message = `share_without ${quoted(raw)} ${r}`;
        return this.err("bad-share", fieldLines, line, col, raw, message) ? ROW_REJECTED : ROW_STOP;
      }
      if (r === null) return ROW_OK;
      share = r;
    }
    const p = this.population;
    const w = this.without;
    if (p === 0) {
      if (!shareAllowedForEmptyPopulation(share)) {
        const message = `share_without is given but population is 0, so there is no share; leave share_without empty`;
        return this.err("share-without-population", fieldLines, line, col, this.field(src, f, col), message)
          ? ROW_REJECTED
          : ROW_STOP;
      }
    } else if (countsOk && p === p && w === w && !countsAgreeWithShare(w, p, share)) {
      const message = disagreementMessage(w, p, share);
      return this.err("share-disagrees", fieldLines, line, col, this.field(src, f, col), message)
        ? ROW_REJECTED
        : ROW_STOP;
    }
    this.shareNum = share.num;
    this.shareExp = share.den === 10 ? 1 : decimalExponent(share.den);
    return ROW_OK;
  }

  /** municipality_name: informative; a contradiction is a warning (once per code and name). */
  private name(src: string, f: FieldSpans, line: number, fieldLines: number[] | null, c: CodeEntry): void {
    const s = f.start[this.cName]!;
    const e = f.end[this.cName]!;
    if (e === s) return;
    if (spanEquals(src, s, e, c.name)) {
      if (this.named[c.index] === 0) this.nameAs(c, c.name);
      return;
    }
    const name = this.field(src, f, this.cName).trim();
    if (name === "") return;
    let byName = this.nameCache.get(name);
    if (byName === undefined) this.nameCache.set(name, (byName = municipalityCodeByName(name)));
    if (byName === c.code) {
      if (this.named[c.index] === 0) this.nameAs(c, name);
      return;
    }
    const k = `${c.code}|${name}`;
    if (this.nameWarned.has(k)) return;
    this.nameWarned.add(k);
    this.issues.warn({
      code: "name-mismatch",
      line: lineAt(fieldLines, line, this.cName),
      column: this.cName + 1,
      columnName: this.head[this.cName]!,
      value: name,
      kind: "municipality_name",
      message: byName
        ? `municipality_name ${quoted(name)} is the name of ${byName}, not of ${c.code} (${c.name}); the code is used`
        : `municipality_name ${quoted(name)} does not match code ${c.code} (${c.name}); the code is used`,
    });
  }

  /** The first name given for a municipality is kept. */
  private nameAs(c: CodeEntry, name: string): void {
    this.named[c.index] = 1;
    this.namesByCode.set(c.code, name);
  }

  private field(src: string, f: FieldSpans, c: number): string {
    return src.slice(f.start[c], f.end[c]);
  }

  /** Reports an error in field `c`; false when the cap is reached. */
  private err(
    code: IssueCode,
    fieldLines: number[] | null,
    line: number,
    c: number,
    value: string | null,
    message: string,
  ): boolean {
    return this.issues.error({
      code,
      line: lineAt(fieldLines, line, c),
      column: c + 1,
      columnName: this.head[c]!,
      value,
      message,
    });
  }
}

const COMMA = 44;
/** Counts and shares have at most 15 digits (exact in a double). */
const MAX_COUNT_DIGITS = 15;

const CR = 13;
const LF = 10;

const POINT = 46;
const SAMTALER = UTF8.encode("samtaler,");
const TILBUD = UTF8.encode("tilbud,");

/** Whether `text` is written in bytes at `pos` (false when `end` comes before). */
function bytesAt(bytes: Uint8Array, pos: number, end: number, text: Uint8Array): boolean {
  if (pos + text.length > end) return false;
  for (let k = 0; k < text.length; k++) if (bytes[pos + k] !== text[k]) return false;
  return true;
}

/** monthIndexAt of the 7 bytes at `pos`. */
function monthIndexOfBytes(bytes: Uint8Array, pos: number): number {
  return monthIndexOf(digitsOfBytes(bytes, pos, 4), bytes[pos + 4]!, digitsOfBytes(bytes, pos + 5, 2));
}

/** The value of the `n` digits at `pos`, or -1 when one is not a digit. */
function digitsOfBytes(bytes: Uint8Array, pos: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = bytes[pos + k]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** count(): the error cap was reached. */
const COUNT_STOP = -3;

const POW10_LOCAL: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

function tooMany(without: number, population: number): string {
  return `without (${without}) is larger than population (${population}); it counts persons of the population`;
}

/** The line of field `c` of a record (fields of a multi-line record can be on later lines). */
function lineAt(fieldLines: number[] | null, line: number, c: number): number {
  return fieldLines ? fieldLines[Math.max(0, Math.min(c, fieldLines.length - 1))]! : line;
}

/** A record of only white space and separators (a blank line, Excel's empty rows). */
function isBlankRecord(src: string, f: FieldSpans): boolean {
  const s = f.start[0]!;
  if (f.end[0]! > s) {
    const c = src.charCodeAt(s);
    if (c > 32 && c < 127) return false; // the usual case: a value right at the start
  }
  for (let i = 0; i < f.count; i++) if (src.slice(f.start[i], f.end[i]).trim() !== "") return false;
  return true;
}

function sepName(sep: Separator): string {
  return sep === "\t" ? "tab" : sep;
}
