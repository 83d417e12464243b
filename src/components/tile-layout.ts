/**
 * Tile-grid layout of the municipalities: one equal square per municipality, placed from the
 * centroids on a grid with no overlaps (docs/decisions.md: equal weight, so the small Copenhagen-area
 * municipalities stay legible). Deterministic: the same centroids always give the same grid.
 *
 * Method: the centroids are projected (longitude scaled by cos 56°), then spread by blending each
 * axis with its rank (a density-equalising step: the dense capital area gets room, the sparse
 * west shrinks), scaled to the grid, and assigned to grid cells by a minimum-cost assignment
 * (squared distance), which keeps neighbours next to each other far better than greedy snapping.
 */

export interface TilePoint {
  readonly code: string;
  readonly lat: number;
  readonly lon: number;
}

export interface Tile {
  readonly code: string;
  readonly col: number;
  readonly row: number;
}

export interface TileLayout {
  readonly columns: number;
  readonly rows: number;
  readonly tiles: readonly Tile[];
}

export interface TileLayoutOptions {
  readonly columns?: number;
  readonly rows?: number;
  /** 0 = pure geography, 1 = pure rank; default 0.5. */
  readonly spread?: number;
}

/** Rank of each value in [0, 1], ties broken by the index (stable, deterministic). */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new Array<number>(values.length);
  order.forEach(([, i], r) => (out[i] = values.length > 1 ? r / (values.length - 1) : 0.5));
  return out;
}

function normalise(values: readonly number[]): number[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => (hi > lo ? (v - lo) / (hi - lo) : 0.5));
}

/**
 * Minimum-cost assignment of n rows to m ≥ n columns (Hungarian method with potentials,
 * O(n²·m)). Returns, for each row, its column.
 */
export function assign(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  const m = n ? cost[0]!.length : 0;
  if (m < n) throw new Error(`assignment needs at least as many cells (${m}) as items (${n})`);
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j] = row (1-based) assigned to column j
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(INF);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const out = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) out[p[j]! - 1] = j - 1;
  return out;
}

/** The tile grid of `input`; tiles sorted by row, then column. */
export function tileLayout(input: readonly TilePoint[], options: TileLayoutOptions = {}): TileLayout {
  // Sorted by code, so the result does not depend on the order of the input.
  const points = [...input].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const columns = options.columns ?? 13;
  const rows = options.rows ?? 11;
  const spread = options.spread ?? 0.5;
  if (columns * rows < points.length) throw new Error(`a ${columns}×${rows} grid cannot hold ${points.length} tiles`);
  const xs = points.map((p) => p.lon * Math.cos((56 * Math.PI) / 180));
  const ys = points.map((p) => -p.lat);
  const [nx, ny, rx, ry] = [normalise(xs), normalise(ys), ranks(xs), ranks(ys)];
  const target = points.map((_, i) => ({
    x: ((1 - spread) * nx[i]! + spread * rx[i]!) * (columns - 1),
    y: ((1 - spread) * ny[i]! + spread * ry[i]!) * (rows - 1),
  }));
  const cost = target.map((t) => {
    const row: number[] = [];
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) row.push((c - t.x) ** 2 + (r - t.y) ** 2);
    return row;
  });
  const cells = assign(cost);
  const tiles = points.map((p, i) => ({
    code: p.code,
    col: cells[i]! % columns,
    row: Math.floor(cells[i]! / columns),
  }));
  tiles.sort((a, b) => a.row - b.row || a.col - b.col);
  return { columns, rows, tiles };
}
