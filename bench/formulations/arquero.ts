/**
 * The verdicts of the full evaluation as an arquero pipeline over the raw cells: the same steps as
 * the SQL formulation (join cells to criteria, alle precedence / ΣW·ΣP / partial sums, window
 * grid, three-valued clauses, municipality status), in arquero verbs. Tables are built once (not
 * timed); `run()` does the whole evaluation from scratch.
 */
import * as aq from "arquero";
import { criterionRows, type RawCells, type RequestRow, type Verdicts } from "./plan.ts";

const { op } = aq;
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type ColumnTable = ReturnType<typeof aq.table>;

export interface ArqueroFormulation {
  run(): ColumnTable;
  verdicts(t: ColumnTable): Verdicts;
}

const KEY = ["code", "crit_set", "crit", "mi"];

export function arqueroFormulation(cells: RawCells, requests: readonly RequestRow[]): ArqueroFormulation {
  const cellTable = aq.table({
    code: cells.code,
    grp: cells.group,
    measure: cells.measure,
    mi: Array.from(cells.month),
    pop: cells.population,
    wo: cells.without,
    snum: cells.shareNum,
    sden: cells.shareDen,
  });
  const c = criterionRows();
  const crit = aq.table({ crit_set: c.critSet, crit: c.crit, measure: c.measure, grp: c.group, role: c.role });
  const reqs = aq.table({
    req: requests.map((r) => r.req),
    crit_set: requests.map((r) => r.critSet),
    lnum: requests.map((r) => r.limitNum),
    lden: requests.map((r) => r.limitDen),
    minpop: requests.map((r) => r.minPopulation),
  });
  const wm = aq.table({
    req: requests.flatMap((r) => r.months.map(() => r.req)),
    mi: requests.flatMap((r) => [...r.months]),
  });

  const run = (): ColumnTable => {
    const rowfig = cellTable
      .join(crit, [
        ["measure", "grp"],
        ["measure", "grp"],
      ])
      .derive({ counts: (d: Row) => d.pop != null && d.wo != null });
    const fed = rowfig.select("code", "crit_set", "crit").dedupe();
    // Own rows, and alle rows with a share or a population (precedence): counts give the exact share.
    const direct = rowfig
      .filter((d: Row) => d.role === "own" || (d.role === "alle" && (d.sden != null || d.pop != null)))
      .derive({
        lb: () => false,
        num: (d: Row) => (d.counts ? (d.pop > 0 ? 100 * d.wo : null) : d.snum),
        den: (d: Row) => (d.counts ? (d.pop > 0 ? d.pop : null) : d.sden),
      })
      .select(...KEY, "pop", "lb", "num", "den");
    // ΣW/ΣP over groups with counts; partial when a present group row lacks them.
    const summed = rowfig
      .filter((d: Row) => d.role === "sum")
      .groupby(...KEY)
      .rollup({
        pop: (d: Row) => op.sum(d.counts ? d.pop : 0),
        wo: (d: Row) => op.sum(d.counts ? d.wo : 0),
        n: (d: Row) => op.sum(d.counts ? 1 : 0),
        missing: (d: Row) => op.sum(d.counts ? 0 : 1),
      })
      .filter((d: Row) => d.n > 0)
      .antijoin(direct, [KEY, KEY])
      .derive({
        lb: (d: Row) => d.missing > 0,
        num: (d: Row) => (d.pop > 0 ? 100 * d.wo : null),
        den: (d: Row) => (d.pop > 0 ? d.pop : null),
      })
      .select(...KEY, "pop", "lb", "num", "den");
    const fig = direct.concat(summed);
    const grid = reqs.join(wm, [["req"], ["req"]]).join(fed, [["crit_set"], ["crit_set"]]);
    const critStatus = grid
      .join_left(fig, [KEY, KEY], [aq.all(), aq.not(...KEY)])
      .derive({
        small: (d: Row) => (d.pop != null && d.pop < d.minpop && !d.lb ? 1 : 0),
        calm: (d: Row) => (d.den != null && d.num * d.lden <= d.lnum * d.den ? 1 : 0),
        missing: (d: Row) => (d.den == null ? 1 : 0),
      })
      .groupby("req", "code", "crit")
      .rollup({ small: op.max("small"), calm: op.max("calm"), missing: op.max("missing") })
      .derive({
        status: (d: Row) =>
          d.small ? "not-covered" : d.calm ? "compliant" : d.missing ? "insufficient-data" : "flagged",
      })
      .select("req", "code", "crit", "status");
    const muni = reqs
      .select("req")
      .cross(cellTable.select("code").dedupe())
      .join_left(
        critStatus.groupby("req", "code").rollup({
          f: (d: Row) => op.max(d.status === "flagged" ? 1 : 0),
          i: (d: Row) => op.max(d.status === "insufficient-data" ? 1 : 0),
          c: (d: Row) => op.max(d.status === "compliant" ? 1 : 0),
        }),
        [
          ["req", "code"],
          ["req", "code"],
        ],
      )
      .derive({
        crit: () => "*",
        status: (d: Row) => (d.f ? "flagged" : d.i ? "insufficient-data" : d.c ? "compliant" : "not-covered"),
      })
      .select("req", "code", "crit", "status");
    return critStatus.concat(muni);
  };

  return {
    run,
    verdicts: (t) => {
      const out: Verdicts = new Map();
      const req = t.array("req") as ArrayLike<number>;
      const code = t.array("code") as ArrayLike<string>;
      const crit = t.array("crit") as ArrayLike<string>;
      const status = t.array("status") as ArrayLike<string>;
      for (let i = 0; i < t.numRows(); i++) out.set(`${req[i]}|${code[i]}|${crit[i]}`, status[i]!);
      return out;
    },
  };
}
