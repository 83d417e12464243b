/**
 * Measurements stored column by column in typed arrays (≈37 bytes a row instead of one `Cell`
 * object of ≈150 bytes), as the long-CSV importer produces them. Such a Measurements carries the
 * columns as its explicit `columns` field; code that knows about columns (the rules'
 * MeasurementIndex, the municipality page, row counts, the parse worker's transfer) reads them
 * and never builds a Cell. `cells` is still there for code that wants objects: built on first
 * use, visibly (ColumnarMeasurements.cells), and cached.
 */
import { BENEFIT_GROUP_IDS, MEASURES, type Cell, type Decimal } from "./types.ts";
import type { InputIssue } from "./issues.ts";
import type { Measurements } from "./measurements.ts";
import { MUNICIPALITIES } from "./municipalities.ts";
import { monthFromIndex, monthIndex } from "./month.ts";

const MUNICIPALITY_INDEX = new Map(MUNICIPALITIES.map((m, i) => [m.code, i]));
const GROUP_INDEX = new Map<string, number>(BENEFIT_GROUP_IDS.map((g, i) => [g, i]));

/** 10^k for the decimal exponents a share can have (parseDecimal keeps at most 15 digits). */
export const POW10: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The exponent k of a Decimal's denominator 10^k, or -1 when `den` is not one of POW10. */
export function decimalExponent(den: number): number {
  return POW10.indexOf(den);
}

/**
 * Growable columns, one entry per row. Municipalities, benefit groups and measures are indexes
 * into MUNICIPALITIES, BENEFIT_GROUP_IDS and MEASURES; months are month indexes (year·12 + m−1).
 */
export class MeasurementColumns {
  /** Number of rows. */
  length = 0;
  /** Index into MUNICIPALITIES. */
  code: Uint8Array;
  /** Index into BENEFIT_GROUP_IDS. */
  group: Uint8Array;
  /** Index into MEASURES. */
  measure: Uint8Array;
  /** Month index (year·12 + month−1). */
  month: Int32Array;
  /** NaN when unknown. */
  population: Float64Array;
  /** NaN when unknown. */
  without: Float64Array;
  /** Numerator of the published share (share = shareNum / 10^shareExp). */
  shareNum: Float64Array;
  /** Decimal exponent of the share's denominator; -1 when the share is unknown. */
  shareExp: Int8Array;
  /** 1-based line of the row in its file (0 when unknown). */
  line: Int32Array;

  /** Columns over existing arrays (e.g. received from a worker); `length` rows are in use. */
  static wrap(a: ColumnArrays): MeasurementColumns {
    const c = new MeasurementColumns(0);
    c.code = a.code;
    c.group = a.group;
    c.measure = a.measure;
    c.month = a.month;
    c.population = a.population;
    c.without = a.without;
    c.shareNum = a.shareNum;
    c.shareExp = a.shareExp;
    c.line = a.line;
    c.length = a.length;
    return c;
  }

  /** Columns of cells (codes must be in MUNICIPALITIES, as every importer ensures). */
  static fromCells(cells: readonly Cell[], lines?: ArrayLike<number>): MeasurementColumns {
    const c = new MeasurementColumns(cells.length);
    cells.forEach((cell, i) => {
      const code = MUNICIPALITY_INDEX.get(cell.municipalityCode);
      if (code === undefined) throw new Error(`MeasurementColumns: unknown municipality ${cell.municipalityCode}`);
      const share = cell.shareWithout;
      c.push(
        code,
        GROUP_INDEX.get(cell.benefitGroup)!,
        cell.measure === MEASURES[0] ? 0 : 1,
        monthIndex(cell.month),
        cell.population ?? NaN,
        cell.without ?? NaN,
        share ? share.num : 0,
        share ? decimalExponent(share.den) : -1,
        lines ? lines[i]! : 0,
      );
    });
    return c;
  }

  /** The rows for which `keep(row)` holds, as new columns. */
  select(keep: (row: number) => boolean): MeasurementColumns {
    const rows: number[] = [];
    for (let i = 0; i < this.length; i++) if (keep(i)) rows.push(i);
    const c = new MeasurementColumns(rows.length);
    for (const i of rows)
      c.push(
        this.code[i]!,
        this.group[i]!,
        this.measure[i]!,
        this.month[i]!,
        this.population[i]!,
        this.without[i]!,
        this.shareNum[i]!,
        this.shareExp[i]!,
        this.line[i]!,
      );
    return c;
  }

  /** The arrays, for transfer; after this the columns must not be used (their buffers move). */
  arrays(): ColumnArrays {
    const { length, code, group, measure, month, population, without, shareNum, shareExp, line } = this;
    return { length, code, group, measure, month, population, without, shareNum, shareExp, line };
  }

  constructor(capacity = 1024) {
    const n = Math.max(0, Math.ceil(capacity));
    this.code = new Uint8Array(n);
    this.group = new Uint8Array(n);
    this.measure = new Uint8Array(n);
    this.month = new Int32Array(n);
    this.population = new Float64Array(n);
    this.without = new Float64Array(n);
    this.shareNum = new Float64Array(n);
    this.shareExp = new Int8Array(n);
    this.line = new Int32Array(n);
  }

  get capacity(): number {
    return this.code.length;
  }

  /** Makes room for at least `n` rows in total (no-op when there is room already). */
  reserve(n: number): void {
    if (n <= this.code.length) return;
    const grow = <T extends Uint8Array | Int8Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a.subarray(0, this.length) as never);
      return b;
    };
    this.code = grow(this.code, (k) => new Uint8Array(k));
    this.group = grow(this.group, (k) => new Uint8Array(k));
    this.measure = grow(this.measure, (k) => new Uint8Array(k));
    this.month = grow(this.month, (k) => new Int32Array(k));
    this.population = grow(this.population, (k) => new Float64Array(k));
    this.without = grow(this.without, (k) => new Float64Array(k));
    this.shareNum = grow(this.shareNum, (k) => new Float64Array(k));
    this.shareExp = grow(this.shareExp, (k) => new Int8Array(k));
    this.line = grow(this.line, (k) => new Int32Array(k));
  }

  /** Appends a row; `population`/`without` NaN when unknown, `shareExp` -1 when the share is. */
  push(
    code: number,
    group: number,
    measure: number,
    month: number,
    population: number,
    without: number,
    shareNum: number,
    shareExp: number,
    line: number,
  ): void {
    const i = this.length;
    if (i === this.code.length) this.reserve(Math.max(16, i * 2));
    this.code[i] = code;
    this.group[i] = group;
    this.measure[i] = measure;
    this.month[i] = month;
    this.population[i] = population;
    this.without[i] = without;
    this.shareNum[i] = shareNum;
    this.shareExp[i] = shareExp;
    this.line[i] = line;
    this.length = i + 1;
  }

  /** Row `i` as a Cell. */
  cell(i: number, monthText: (index: number) => string = monthFromIndex): Cell {
    const p = this.population[i]!;
    const w = this.without[i]!;
    const e = this.shareExp[i]!;
    const share: Decimal | null = e < 0 ? null : { num: this.shareNum[i]!, den: POW10[e]! };
    return {
      municipalityCode: MUNICIPALITIES[this.code[i]!]!.code,
      benefitGroup: BENEFIT_GROUP_IDS[this.group[i]!]!,
      measure: MEASURES[this.measure[i]!]!,
      month: monthText(this.month[i]!),
      population: Number.isNaN(p) ? null : p,
      without: Number.isNaN(w) ? null : w,
      shareWithout: share,
    };
  }

  /** Every row as a Cell, in order. */
  toCells(): Cell[] {
    const months = new Map<number, string>();
    const monthText = (k: number): string => {
      let s = months.get(k);
      if (s === undefined) months.set(k, (s = monthFromIndex(k)));
      return s;
    };
    const out = new Array<Cell>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.cell(i, monthText);
    return out;
  }
}

/**
 * A Measurements backed by columns. `cells` builds one Cell per row on first use (88,200 for the
 * default data) and keeps them: prefer `columns` where it will do.
 */
export class ColumnarMeasurements implements Measurements {
  private built: Cell[] | null = null;

  constructor(
    readonly columns: MeasurementColumns,
    readonly names: ReadonlyMap<string, string>,
    readonly warnings: readonly InputIssue[],
  ) {}

  get cells(): readonly Cell[] {
    return (this.built ??= this.columns.toCells());
  }

  /** Whether `cells` was used (and the Cell objects built). */
  get cellsBuilt(): boolean {
    return this.built !== null;
  }
}

/** A Measurements backed by columns (see ColumnarMeasurements). */
export function columnarMeasurements(
  columns: MeasurementColumns,
  names: ReadonlyMap<string, string>,
  warnings: readonly InputIssue[],
): Measurements {
  return new ColumnarMeasurements(columns, names, warnings);
}

/** Number of cells, without materialising the cells of a columnar Measurements. */
export function measurementCount(m: Measurements): number {
  return m.columns ? m.columns.length : m.cells.length;
}

/** The typed arrays of a MeasurementColumns, by name (what the parse worker transfers). */
export interface ColumnArrays {
  readonly length: number;
  readonly code: Uint8Array;
  readonly group: Uint8Array;
  readonly measure: Uint8Array;
  readonly month: Int32Array;
  readonly population: Float64Array;
  readonly without: Float64Array;
  readonly shareNum: Float64Array;
  readonly shareExp: Int8Array;
  readonly line: Int32Array;
}
