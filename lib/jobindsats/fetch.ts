/**
 * The Jobindsats loader: discovers the three early-effort tables of subject 1815 by name (or takes
 * explicit ids), reads their metadata, fetches the data in batches of months and maps it to
 * canonical cells. Browser-safe; writing files is the caller's job (cli/fetch.ts).
 */
import type { Cell, Month } from "../domain/types.ts";
import { monthIndex, monthRange, toJobindsatsPeriod } from "../domain/month.ts";
import { cellKey } from "../domain/measurements.ts";
import { MUNICIPALITIES } from "../domain/municipalities.ts";
import { BENEFIT_GROUP_IDS } from "../domain/types.ts";
import { JobindsatsError } from "./errors.ts";
import { JobindsatsHttp, type HttpOptions } from "./http.ts";
import {
  DEFAULT_BATCH_MONTHS,
  DEFAULT_DAGPENGE_JOBCENTER_FROM,
  DEFAULT_SKIP_AREAS,
  DEFAULT_TABLE_PATTERNS,
  DEFAULT_VARIABLE_PATTERNS,
  EARLY_EFFORT_SUBJECT_ID,
  TABLE_ROLES,
  type TablePattern,
  type TableRole,
  type VariablePatterns,
} from "./config.ts";
import { parseDataReply, parseTableList, parseTableMetadata, type TableInfo } from "./parse.ts";

export interface FetchOptions extends HttpOptions {
  readonly from: Month;
  readonly to: Month;
  readonly batchMonths?: number;
  readonly subjectId?: number;
  /** Explicit table ids per role (skip discovery for them); null = do not fetch that role. */
  readonly tables?: Partial<Record<TableRole, string | null>>;
  readonly tablePatterns?: Partial<Record<TableRole, TablePattern>>;
  readonly variablePatterns?: Partial<VariablePatterns>;
  readonly skipAreas?: readonly RegExp[];
  readonly dagpengeJobcenterFrom?: Month;
}

export interface FetchedTable {
  readonly role: TableRole;
  readonly id: string;
  readonly name: string;
  /** How the table was chosen. */
  readonly via: "discovered" | "explicit";
  readonly rowsReceived: number;
  readonly cells: number;
  readonly columnMapping: string;
  readonly skippedAreas: readonly string[];
  readonly ignoredGroups: Readonly<Record<string, number>>;
  /** Requested months the table's metadata does not offer (not requested). */
  readonly unavailableMonths: readonly Month[];
}

export interface FetchResult {
  /** In canonical order: municipality, measure, group (`alle` first), month. */
  readonly cells: readonly Cell[];
  readonly tables: readonly FetchedTable[];
  readonly months: { readonly from: Month; readonly to: Month };
  readonly requests: number;
}

/** Picks the table for each role from the subject's list; throws listing the tables when ambiguous. */
export function matchTables(
  list: readonly TableInfo[],
  roles: readonly TableRole[],
  patterns: Readonly<Record<TableRole, TablePattern>>,
  subjectId: number,
): Record<TableRole, TableInfo> {
  const out = {} as Record<TableRole, TableInfo>;
  const problems: string[] = [];
  for (const role of roles) {
    const p = patterns[role];
    const hits = list.filter(
      (t) => p.include.every((re) => re.test(t.name)) && !p.exclude.some((re) => re.test(t.name)),
    );
    if (hits.length === 1) out[role] = hits[0]!;
    else {
      const rule = `name matching ${p.include.map(String).join(" and ")}${p.exclude.length ? ` but not ${p.exclude.map(String).join(", ")}` : ""}`;
      problems.push(
        hits.length === 0
          ? `no table for "${role}" (${p.description}; ${rule})`
          : `${hits.length} tables for "${role}" (${p.description}; ${rule}): ${hits.map((t) => `${t.id} "${t.name}"`).join(", ")}`,
      );
    }
  }
  if (problems.length) {
    const shown = list.slice(0, 60).map((t) => `  - ${t.id}: ${t.name}`);
    if (list.length > 60) shown.push(`  … and ${list.length - 60} more`);
    throw new JobindsatsError(
      "discovery",
      `could not identify the tables of subject ${subjectId}:\n  ${problems.join("\n  ")}\n` +
        `Tables received (${list.length}):\n${shown.join("\n") || "  (none)"}\n` +
        `Give the ids explicitly with --tables samtaler=ID,samtaler-dagpenge=ID,tilbud=ID (or ROLE=none to skip one).`,
    );
  }
  return out;
}

const MUNI_ORDER = new Map(MUNICIPALITIES.map((m, i) => [m.code, i]));
const GROUP_ORDER = new Map<string, number>(
  BENEFIT_GROUP_IDS.map((g, i) => [g, g === "alle" ? -1 : i] as [string, number]),
);

export function canonicalOrder(a: Cell, b: Cell): number {
  return (
    MUNI_ORDER.get(a.municipalityCode)! - MUNI_ORDER.get(b.municipalityCode)! ||
    (a.measure === b.measure ? 0 : a.measure === "samtaler" ? -1 : 1) ||
    GROUP_ORDER.get(a.benefitGroup)! - GROUP_ORDER.get(b.benefitGroup)! ||
    monthIndex(a.month) - monthIndex(b.month)
  );
}

export async function fetchJobindsats(options: FetchOptions): Promise<FetchResult> {
  const log = options.log ?? (() => {});
  const http = new JobindsatsHttp(options);
  const subjectId = options.subjectId ?? EARLY_EFFORT_SUBJECT_ID;
  const patterns = { ...DEFAULT_TABLE_PATTERNS, ...options.tablePatterns };
  const vp: VariablePatterns = { ...DEFAULT_VARIABLE_PATTERNS, ...options.variablePatterns };
  const skipAreas = options.skipAreas ?? DEFAULT_SKIP_AREAS;
  const batch = options.batchMonths ?? DEFAULT_BATCH_MONTHS;
  if (!(Number.isInteger(batch) && batch >= 1)) throw new RangeError("batchMonths must be a whole number ≥ 1");
  const wanted = monthRange(options.from, options.to);
  if (wanted.length === 0) throw new RangeError(`--to ${options.to} comes before --from ${options.from}`);
  let requests = 0;
  const counted = async <T>(p: () => Promise<T>): Promise<T> => {
    requests++;
    return p();
  };

  // 1. Which tables.
  const explicit = options.tables ?? {};
  const roles = TABLE_ROLES.filter((r) => explicit[r] !== null);
  const toDiscover = roles.filter((r) => explicit[r] === undefined);
  const chosen = new Map<TableRole, { id: string; via: "discovered" | "explicit" }>();
  if (toDiscover.length) {
    log(`Finding the tables of subject ${subjectId} …`);
    const what = `GET ${http.url(`tables/?subjectid=${subjectId}`)}`;
    const list = parseTableList(await counted(() => http.get(`tables/?subjectid=${subjectId}`)), what);
    const found = matchTables(list, toDiscover, patterns, subjectId);
    for (const r of toDiscover) {
      chosen.set(r, { id: found[r].id, via: "discovered" });
      log(`  ${r}: table ${found[r].id} "${found[r].name}"`);
    }
  }
  for (const r of roles) if (explicit[r]) chosen.set(r, { id: explicit[r]!, via: "explicit" });
  if (chosen.size === 0) throw new JobindsatsError("discovery", "every table role was skipped: nothing to fetch");

  // 2. Metadata and data per table.
  const perRole = new Map<TableRole, Map<string, Cell>>();
  const tables: FetchedTable[] = [];
  for (const role of roles) {
    const { id, via } = chosen.get(role)!;
    const path = `tables/${encodeURIComponent(id)}/`;
    const meta = parseTableMetadata(await counted(() => http.get(path)), id, `GET ${http.url(path)}`, vp);
    if (via === "explicit") log(`  ${role}: table ${id} "${meta.name}" (given with --tables)`);
    const available = meta.months ? new Set(meta.months) : null;
    const months = available ? wanted.filter((m) => available.has(m)) : wanted;
    const unavailable = available ? wanted.filter((m) => !available.has(m)) : [];
    if (months.length === 0) {
      throw new JobindsatsError(
        "data",
        `table ${id} "${meta.name}" offers none of the months ${options.from}..${options.to}` +
          (meta.months?.length ? ` (it has ${meta.months[0]}..${meta.months[meta.months.length - 1]})` : ""),
      );
    }
    if (unavailable.length)
      log(
        `  ${role}: ${unavailable.length} requested month(s) not offered by the table: ${summarizeMonths(unavailable)}`,
      );
    const measure = patterns[role].measure;
    const cells = new Map<string, Cell>();
    const skipped = new Set<string>();
    const ignored: Record<string, number> = {};
    let rowsReceived = 0;
    let mapping = "";
    const batches: Month[][] = [];
    for (let i = 0; i < months.length; i += batch) batches.push(months.slice(i, i + batch));
    for (const [bi, ms] of batches.entries()) {
      const periods = ms.map(toJobindsatsPeriod);
      const body: Record<string, unknown> = { area: "*", period: periods };
      if (meta.groupDimensionId) body[meta.groupDimensionId] = ["*"];
      const dpath = `data/${encodeURIComponent(id)}/json`;
      const span = `${periods[0]}–${periods[periods.length - 1]}`;
      const json = await counted(() => http.post(dpath, body));
      const res = parseDataReply(json, {
        what: `table ${id} "${meta.name}", ${span}`,
        measure,
        defaultGroup: role === "samtaler-dagpenge" ? "dagpenge" : null,
        onlyGroup: role === "samtaler-dagpenge" ? "dagpenge" : null,
        patterns: vp,
        skipAreas,
      });
      if (!mapping && res.columnMapping) {
        mapping = res.columnMapping;
        log(`  ${role}: columns ${mapping}`);
      }
      rowsReceived += res.rows;
      res.skippedAreas.forEach((a) => skipped.add(a));
      for (const [g, n] of res.ignoredGroups) ignored[g] = (ignored[g] ?? 0) + n;
      for (const c of res.cells) {
        const k = cellKey(c);
        if (cells.has(k)) {
          throw new JobindsatsError(
            "data",
            `table ${id} "${meta.name}": two rows for municipality ${c.municipalityCode}, ${c.benefitGroup}, ${c.month} ` +
              `(does the table have more dimensions than the benefit group? dimensions: ${meta.dimensions.map((d) => `${d.id} "${d.name}"`).join(", ") || "none listed"})`,
          );
        }
        cells.set(k, c);
      }
      log(`  [${role} ${bi + 1}/${batches.length}] ${span}: ${res.rows} rows, ${res.cells.length} municipality cells`);
    }
    perRole.set(role, cells);
    tables.push({
      role,
      id,
      name: meta.name,
      via,
      rowsReceived,
      cells: cells.size,
      columnMapping: mapping,
      skippedAreas: [...skipped].sort(),
      ignoredGroups: ignored,
      unavailableMonths: unavailable,
    });
  }

  // 3. Merge (see DEFAULT_DAGPENGE_JOBCENTER_FROM for the dagpenge conversations).
  const dpFrom = options.dagpengeJobcenterFrom ?? DEFAULT_DAGPENGE_JOBCENTER_FROM;
  const merged = new Map<string, Cell>(perRole.get("samtaler") ?? []);
  for (const [k, c] of perRole.get("samtaler-dagpenge") ?? []) {
    if (c.month >= dpFrom || !merged.has(k)) merged.set(k, c);
  }
  for (const [k, c] of perRole.get("tilbud") ?? []) merged.set(k, c);
  const cells = [...merged.values()].sort(canonicalOrder);
  if (cells.length === 0) {
    throw new JobindsatsError("data", `the tables returned no municipality rows for ${options.from}..${options.to}`);
  }
  return { cells, tables, months: { from: options.from, to: options.to }, requests };
}

function summarizeMonths(ms: readonly Month[]): string {
  return ms.length <= 6 ? ms.join(", ") : `${ms.slice(0, 3).join(", ")}, … , ${ms[ms.length - 1]}`;
}
