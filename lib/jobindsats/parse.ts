/**
 * Reading the documented Jobindsats v2 JSON replies (docs/data-format.md §4): the table list, a table's
 * metadata, and data replies (`[{ Variables: [{Label}], Data: [[…], …] }]`) into canonical cells.
 * Anything shaped otherwise is an error that shows (an excerpt of) what was received.
 */
import type { BenefitGroupId, Cell, Decimal, Measure, Month } from "../domain/types.ts";
import { isRequired, knownBenefitGroupNames, resolveBenefitGroup } from "../domain/benefit-groups.ts";
import { MUNICIPALITIES, municipalityCodeByName } from "../domain/municipalities.ts";
import { parseMonth } from "../domain/month.ts";
import { formatDecimal } from "../domain/decimal.ts";
import { nearest } from "../domain/suggest.ts";
import { countsAgreeWithShare, isSuppressed, parseShare } from "../import/index.ts";
import { JobindsatsError, jsonExcerpt } from "./errors.ts";
import type { VariablePatterns } from "./config.ts";

export interface TableInfo {
  readonly id: string;
  readonly name: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function idText(x: unknown): string | null {
  if (typeof x === "string" && x.trim() !== "") return x.trim();
  if (typeof x === "number" && Number.isFinite(x)) return String(x);
  return null;
}

/** `GET tables/?subjectid=…`: an array of `{TableID, TableName, …}`. */
export function parseTableList(json: unknown, what: string): TableInfo[] {
  if (!Array.isArray(json)) {
    throw new JobindsatsError(
      "shape",
      `${what}: expected an array of tables ({TableID, TableName, …}); received ${jsonExcerpt(json)}`,
    );
  }
  return json.map((t, i) => {
    const id = isRecord(t) ? idText(t.TableID) : null;
    const name = isRecord(t) && typeof t.TableName === "string" ? t.TableName : null;
    if (id === null || name === null) {
      throw new JobindsatsError(
        "shape",
        `${what}: table ${i + 1} has no TableID/TableName; received ${jsonExcerpt(t)}`,
      );
    }
    return { id, name };
  });
}

export interface TableMetadata extends TableInfo {
  /** The months the table offers, or null when the metadata does not list periods. */
  readonly months: readonly Month[] | null;
  /** The id of the benefit-group dimension (body key), or null when the table has none. */
  readonly groupDimensionId: string | null;
  readonly dimensions: readonly { readonly id: string; readonly name: string }[];
}

/** `GET tables/{id}/`: an object (or a one-element array) with TableID, TableName, Period[], Dimensions[]. */
export function parseTableMetadata(json: unknown, id: string, what: string, patterns: VariablePatterns): TableMetadata {
  const obj = Array.isArray(json) && json.length === 1 ? json[0] : json;
  if (!isRecord(obj)) {
    throw new JobindsatsError(
      "shape",
      `${what}: expected the table's metadata object ({TableID, TableName, Period, Dimensions, …}); received ${jsonExcerpt(json)}`,
    );
  }
  const name = typeof obj.TableName === "string" ? obj.TableName : null;
  if (name === null)
    throw new JobindsatsError("shape", `${what}: the metadata has no TableName; received ${jsonExcerpt(json)}`);
  let months: Month[] | null = null;
  if (obj.Period !== undefined) {
    if (!Array.isArray(obj.Period))
      throw new JobindsatsError("shape", `${what}: Period is not a list; received ${jsonExcerpt(obj.Period)}`);
    months = [];
    for (const p of obj.Period) {
      const m = typeof p === "string" ? parseMonth(p) : null;
      if (m) months.push(m); // other period kinds (years, quarters) are not used
    }
  }
  const dimensions: { id: string; name: string }[] = [];
  if (obj.Dimensions !== undefined) {
    if (!Array.isArray(obj.Dimensions))
      throw new JobindsatsError("shape", `${what}: Dimensions is not a list; received ${jsonExcerpt(obj.Dimensions)}`);
    for (const d of obj.Dimensions) {
      const did = isRecord(d) ? idText(d.DimensionID ?? d.ID) : null;
      const dname = isRecord(d) ? (d.DimensionName ?? d.Name) : null;
      if (did === null || typeof dname !== "string") {
        throw new JobindsatsError(
          "shape",
          `${what}: a dimension has no DimensionID/DimensionName; received ${jsonExcerpt(d)}`,
        );
      }
      dimensions.push({ id: did, name: dname });
    }
  }
  const groupDims = dimensions.filter((d) => patterns.group.test(d.name) || /ygrp|ydelse/i.test(d.id));
  let groupDimensionId: string | null = null;
  if (groupDims.length === 1) groupDimensionId = groupDims[0]!.id;
  else if (groupDims.length === 0 && dimensions.length === 1) groupDimensionId = dimensions[0]!.id;
  else if (groupDims.length > 1) {
    throw new JobindsatsError(
      "shape",
      `${what}: several dimensions look like the benefit group: ${groupDims.map((d) => `${d.id} "${d.name}"`).join(", ")}`,
    );
  }
  return { id, name, months, groupDimensionId, dimensions };
}

export interface DataContext {
  /** For messages: `table 1234 "Name", 2024M01–2024M12`. */
  readonly what: string;
  readonly measure: Measure;
  /** Group of every row when the table has no group column (the dagpenge table); null: column required. */
  readonly defaultGroup: BenefitGroupId | null;
  /** When set, rows of other groups are ignored (counted). */
  readonly onlyGroup: BenefitGroupId | null;
  readonly patterns: VariablePatterns;
  readonly skipAreas: readonly RegExp[];
}

export interface DataResult {
  readonly cells: Cell[];
  /** Data rows received. */
  readonly rows: number;
  /** Area names skipped as aggregates (e.g. "Hele landet"). */
  readonly skippedAreas: ReadonlySet<string>;
  /** Rows of groups this table is not used for, or that Table 1 does not require for the measure. */
  readonly ignoredGroups: ReadonlyMap<string, number>;
  /** Column labels that are neither area, period, group nor a measurement used. */
  readonly ignoredColumns: readonly string[];
  /** How the columns were read, e.g. `population = "Antal personer i målgruppen"`. */
  readonly columnMapping: string;
}

interface Columns {
  area: number;
  period: number;
  group: number | null;
  population: number | null;
  without: number | null;
  share: number | null;
  ignored: number[];
}

function mapColumns(labels: readonly string[], ctx: DataContext, received: string): Columns {
  const p = ctx.patterns;
  const find = (re: RegExp) => labels.findIndex((l) => re.test(l.trim()));
  let area = find(p.area);
  let period = find(p.period);
  if (area < 0) area = 0;
  if (period < 0) period = area === 1 ? 0 : 1;
  if (labels.length < 3 || area === period) {
    throw new JobindsatsError(
      "shape",
      `${ctx.what}: too few columns to hold area, period and measurements; received ${received}`,
    );
  }
  const roles: Record<"share" | "without" | "population" | "group", number[]> = {
    share: [],
    without: [],
    population: [],
    group: [],
  };
  const ignored: number[] = [];
  labels.forEach((l, i) => {
    if (i === area || i === period) return;
    const s = p.share.test(l);
    const w = p.without.test(l);
    if (s && w) roles.share.push(i);
    else if (w && !s) roles.without.push(i);
    else if (!s && p.population.test(l)) roles.population.push(i);
    else if (!s && p.group.test(l)) roles.group.push(i);
    else ignored.push(i);
  });
  for (const [role, idx] of Object.entries(roles)) {
    if (idx.length > 1) {
      throw new JobindsatsError(
        "shape",
        `${ctx.what}: several columns look like the ${role === "share" ? "share without" : role} column: ` +
          `${idx.map((i) => JSON.stringify(labels[i])).join(", ")}; configure the label pattern. All columns: ${received}`,
      );
    }
  }
  const one = (r: number[]) => (r.length ? r[0]! : null);
  const cols: Columns = {
    area,
    period,
    group: one(roles.group),
    population: one(roles.population),
    without: one(roles.without),
    share: one(roles.share),
    ignored,
  };
  if (cols.share === null && (cols.population === null || cols.without === null)) {
    throw new JobindsatsError(
      "shape",
      `${ctx.what}: no measurement columns recognised (need the share without, or population and without). ` +
        `Columns received: ${received}. Patterns: population ${p.population}, without ${p.without}, share ${p.share} ` +
        `(a share column must match both share and without)`,
    );
  }
  if (cols.group === null && ctx.defaultGroup === null) {
    throw new JobindsatsError(
      "shape",
      `${ctx.what}: no benefit-group column (label matching ${p.group}); columns received: ${received}`,
    );
  }
  return cols;
}

function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

/** A count: digits, Danish thousands separators ("1.234"), or a whole number with zero decimals. */
function parseCountText(t: string): number | null | "invalid" {
  if (isSuppressed(t)) return null;
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ""));
  if (/^\d+[.,]0+$/.test(t)) return Number(t.replace(/[.,]0+$/, ""));
  return "invalid";
}

const MUNICIPALITY_NAMES = MUNICIPALITIES.map((m) => m.name);

/** A data reply into cells (no merging or de-duplication across replies here). */
export function parseDataReply(json: unknown, ctx: DataContext): DataResult {
  const parts = Array.isArray(json) ? json : null;
  const first = parts?.[0];
  if (
    !parts ||
    parts.length === 0 ||
    !isRecord(first) ||
    !Array.isArray(first.Variables) ||
    !Array.isArray(first.Data)
  ) {
    if (Array.isArray(json) && json.length === 0) {
      return {
        cells: [],
        rows: 0,
        skippedAreas: new Set(),
        ignoredGroups: new Map(),
        ignoredColumns: [],
        columnMapping: "",
      };
    }
    throw new JobindsatsError(
      "shape",
      `${ctx.what}: expected an array whose first element has Variables and Data; received ${jsonExcerpt(json)}`,
    );
  }
  const labels = first.Variables.map((v, i) => {
    const l = isRecord(v) ? (v.Label ?? v.Name) : null;
    if (typeof l !== "string")
      throw new JobindsatsError("shape", `${ctx.what}: variable ${i + 1} has no Label; received ${jsonExcerpt(v)}`);
    return l;
  });
  const received = labels.map((l) => JSON.stringify(l)).join(", ");
  // Further elements are accepted only as continuations with the same columns.
  const rowsIn: unknown[] = [...first.Data];
  for (const more of parts.slice(1)) {
    const sameColumns =
      isRecord(more) &&
      Array.isArray(more.Variables) &&
      Array.isArray(more.Data) &&
      JSON.stringify(more.Variables.map((v) => (isRecord(v) ? (v.Label ?? v.Name) : null))) === JSON.stringify(labels);
    if (!sameColumns) {
      throw new JobindsatsError(
        "shape",
        `${ctx.what}: the reply has a further element not shaped like the first; received ${jsonExcerpt(more)}`,
      );
    }
    rowsIn.push(...(more.Data as unknown[]));
  }
  const cols = mapColumns(labels, ctx, received);
  const cells: Cell[] = [];
  const skippedAreas = new Set<string>();
  const ignoredGroups = new Map<string, number>();
  const bad = (row: unknown, message: string) =>
    new JobindsatsError("data", `${ctx.what}: ${message}; row ${jsonExcerpt(row, 200)}`);

  for (const row of rowsIn) {
    if (!Array.isArray(row) || row.length !== labels.length) {
      throw new JobindsatsError(
        "shape",
        `${ctx.what}: a data row is not a list of ${labels.length} values (${received}); received ${jsonExcerpt(row, 200)}`,
      );
    }
    const text = row.map(cellText);
    const at = (i: number | null): string => {
      if (i === null) return "";
      const t = text[i];
      if (t === null || t === undefined)
        throw bad(row, `column ${JSON.stringify(labels[i])} holds ${jsonExcerpt(row[i])}, not a text or number`);
      return t;
    };
    const areaName = at(cols.area);
    const code = municipalityCodeByName(areaName);
    if (code === null) {
      if (ctx.skipAreas.some((re) => re.test(areaName))) {
        skippedAreas.add(areaName);
        continue;
      }
      const hint = nearest(areaName, MUNICIPALITY_NAMES);
      throw bad(
        row,
        `unknown area name ${JSON.stringify(areaName)}${hint ? ` (did you mean "${hint}"?)` : ""}: not one of the 98 municipalities, ` +
          `their aliases or the aggregates skipped on purpose`,
      );
    }
    const periodText = at(cols.period);
    const month = parseMonth(periodText);
    if (month === null) throw bad(row, `period ${JSON.stringify(periodText)} is not a month like 2022M09`);
    let group: BenefitGroupId;
    if (cols.group !== null) {
      const label = at(cols.group);
      const g = resolveBenefitGroup(label);
      if (g === null) {
        const hint = nearest(label, knownBenefitGroupNames());
        throw bad(row, `unknown benefit group ${JSON.stringify(label)}${hint ? ` (did you mean "${hint}"?)` : ""}`);
      }
      group = g;
    } else {
      group = ctx.defaultGroup!;
    }
    if ((ctx.onlyGroup !== null && group !== ctx.onlyGroup) || (group !== "alle" && !isRequired(group, ctx.measure))) {
      ignoredGroups.set(group, (ignoredGroups.get(group) ?? 0) + 1);
      continue;
    }
    const count = (i: number | null, name: string): number | null => {
      if (i === null) return null;
      const v = parseCountText(at(i));
      if (v === "invalid")
        throw bad(row, `${name} ${JSON.stringify(at(i))} (column ${JSON.stringify(labels[i])}) is not a whole number`);
      return v;
    };
    const population = count(cols.population, "population");
    const without = count(cols.without, "without");
    let share: Decimal | null = null;
    if (cols.share !== null) {
      const s = parseShare(at(cols.share));
      if (typeof s === "string")
        throw bad(row, `share ${JSON.stringify(at(cols.share))} (column ${JSON.stringify(labels[cols.share])}) ${s}`);
      share = s;
    }
    if (population !== null && without !== null && without > population) {
      throw bad(row, `without (${without}) exceeds population (${population})`);
    }
    if (population !== null && without !== null && share !== null) {
      if (population === 0 ? share.num !== 0 : !countsAgreeWithShare(without, population, share)) {
        throw bad(
          row,
          `the share ${formatDecimal(share)} does not agree with without/population = ${without}/${population}`,
        );
      }
    }
    cells.push({
      municipalityCode: code,
      benefitGroup: group,
      measure: ctx.measure,
      month,
      population,
      without,
      shareWithout: share,
    });
  }
  const mapping = [
    `area = ${JSON.stringify(labels[cols.area])}`,
    `period = ${JSON.stringify(labels[cols.period])}`,
    cols.group !== null
      ? `group = ${JSON.stringify(labels[cols.group])}`
      : `group = ${ctx.defaultGroup} (no group column)`,
    cols.population !== null ? `population = ${JSON.stringify(labels[cols.population])}` : "population = (none)",
    cols.without !== null ? `without = ${JSON.stringify(labels[cols.without])}` : "without = (none)",
    cols.share !== null ? `share without = ${JSON.stringify(labels[cols.share])}` : "share without = (none)",
  ].join(", ");
  return {
    cells,
    rows: rowsIn.length,
    skippedAreas,
    ignoredGroups,
    ignoredColumns: cols.ignored.map((i) => labels[i]!),
    columnMapping: mapping,
  };
}
