/**
 * Measurements as typed columns in one binary file, for the site: the rows of the canonical CSV
 * (≈28 bytes a row instead of ≈50, and nothing to parse in the browser, which only wraps the
 * columns). Written by the site's one data decision from the very CSV it ships (cli/site-data.ts);
 * the CSV stays the canonical, downloadable form. Little-endian, as every browser is (checked).
 *
 * Layout: 16-byte header ("TIMB" · u32 version 1 · u32 byte-order mark 0x01020304 · u32 rows n),
 * then u8 code[n], u8 group[n], u8 measure[n], i8 shareExp[n], zero padding to a multiple of 8,
 * f64 shareNum[n], i32 month[n], i32 population[n], i32 without[n] (−1 = unknown), i32 line[n],
 * u32 length and the UTF-8 JSON of the names as written ([[code, name], …]).
 */
import { MeasurementColumns, columnarMeasurements } from "../domain/columns.ts";
import type { Measurements } from "../domain/measurements.ts";

const MAGIC = 0x424d4954; // "TIMB" read as a little-endian u32
const VERSION = 1;
const BOM = 0x01020304;

/** The columns of `m` (those of a columnar Measurements, else built from its cells). */
function columnsOf(m: Measurements): MeasurementColumns {
  return m.columns ?? MeasurementColumns.fromCells(m.cells);
}

const pad8 = (n: number) => (n + 7) & ~7;

export function encodeMeasurementsBinary(m: Measurements): Uint8Array {
  const c = columnsOf(m);
  const n = c.length;
  const names = new TextEncoder().encode(JSON.stringify([...m.names]));
  const afterBytes = pad8(16 + 4 * n);
  const afterShare = afterBytes + 8 * n;
  const afterInts = afterShare + 16 * n;
  const buffer = new ArrayBuffer(afterInts + 4 + names.length);
  const head = new Uint32Array(buffer, 0, 4);
  head.set([MAGIC, VERSION, BOM, n]);
  const bytes = new Uint8Array(buffer);
  bytes.set(c.code.subarray(0, n), 16);
  bytes.set(c.group.subarray(0, n), 16 + n);
  bytes.set(c.measure.subarray(0, n), 16 + 2 * n);
  new Int8Array(buffer, 16 + 3 * n, n).set(c.shareExp.subarray(0, n));
  new Float64Array(buffer, afterBytes, n).set(c.shareNum.subarray(0, n));
  const ints = new Int32Array(buffer, afterShare, 4 * n);
  ints.set(c.month.subarray(0, n), 0);
  for (let i = 0; i < n; i++) {
    const p = c.population[i]!;
    const w = c.without[i]!;
    // Counts are whole numbers ≥ 0 (the importer checks); anything else cannot be stored here.
    if (!(Number.isNaN(p) || (Number.isInteger(p) && p >= 0 && p < 2 ** 31))) throw new RangeError(`population ${p}`);
    if (!(Number.isNaN(w) || (Number.isInteger(w) && w >= 0 && w < 2 ** 31))) throw new RangeError(`without ${w}`);
    ints[n + i] = Number.isNaN(p) ? -1 : p;
    ints[2 * n + i] = Number.isNaN(w) ? -1 : w;
  }
  ints.set(c.line.subarray(0, n), 3 * n);
  new DataView(buffer).setUint32(afterInts, names.length, true);
  bytes.set(names, afterInts + 4);
  return bytes;
}

/** The Measurements of a file written by encodeMeasurementsBinary; throws on anything else. */
export function decodeMeasurementsBinary(data: ArrayBuffer | Uint8Array, file: string): Measurements {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // Typed-array views need aligned offsets: work on an aligned copy when the input is not.
  const buffer = bytes.byteOffset % 8 === 0 ? bytes.buffer : bytes.slice().buffer;
  const base = bytes.byteOffset % 8 === 0 ? bytes.byteOffset : 0;
  const fail = (why: string): never => {
    throw new Error(`${file}: not a measurements binary file (${why})`);
  };
  if (bytes.length < 16) fail("too short");
  const [magic, version, bom, n] = new Uint32Array(buffer, base, 4) as unknown as [number, number, number, number];
  if (magic !== MAGIC) fail("wrong magic number");
  if (bom !== BOM) fail("byte order of this machine differs");
  if (version !== VERSION) fail(`version ${version}, expected ${VERSION}`);
  const afterBytes = pad8(16 + 4 * n);
  const afterShare = afterBytes + 8 * n;
  const afterInts = afterShare + 16 * n;
  if (bytes.length < afterInts + 4) fail("truncated");
  const namesLength = new DataView(buffer, base + afterInts, 4).getUint32(0, true);
  if (bytes.length !== afterInts + 4 + namesLength) fail("wrong length");
  const ints = new Int32Array(buffer, base + afterShare, 4 * n);
  const population = new Float64Array(n);
  const without = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = ints[n + i]!;
    const w = ints[2 * n + i]!;
    population[i] = p < 0 ? NaN : p;
    without[i] = w < 0 ? NaN : w;
  }
  const c = MeasurementColumns.wrap({
    length: n,
    code: new Uint8Array(buffer, base + 16, n),
    group: new Uint8Array(buffer, base + 16 + n, n),
    measure: new Uint8Array(buffer, base + 16 + 2 * n, n),
    shareExp: new Int8Array(buffer, base + 16 + 3 * n, n),
    shareNum: new Float64Array(buffer, base + afterBytes, n),
    month: ints.subarray(0, n),
    population,
    without,
    line: ints.subarray(3 * n, 4 * n),
  });
  const names = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, base + afterInts + 4, namesLength))) as [
    string,
    string,
  ][];
  return columnarMeasurements(c, new Map(names), []);
}
