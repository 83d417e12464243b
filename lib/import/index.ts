/** Importers for measurement files and pasted tables (docs/data-format.md §1–2). Browser-safe. */
export { decodeInput, firstInvalidUtf8, type DecodedInput } from "./decode.ts";
export {
  detectSeparator,
  forEachCsvRecord,
  scanCsvRecords,
  parseCsv,
  type CsvScanResult,
  type Separator,
  type RecordHandler,
  type SyntaxErrorHandler,
} from "./csv.ts";
export { parseLongCsv, looksLikeLongHeader, LONG_COLUMNS, REQUIRED_LONG_COLUMNS, type LongColumn } from "./long-csv.ts";
export { parseWideTable, parseDanishMonth, measureFromTitle } from "./wide.ts";
export { readMeasurements, readWhole, mergeMeasurements, detectFormat, type InputFormat } from "./read.ts";
export { readMeasurementsFromSource, bytesSource, DEFAULT_CHUNK_SIZE, type ByteSource } from "./stream.ts";
export { longCsvParser, type LongCsvParser } from "./long-csv.ts";
export {
  DEFAULT_MAX_ERRORS,
  cellOrigin,
  countsAgreeWithShare,
  parseShare,
  parseCount,
  isSuppressed,
  type ImportOptions,
  type CellOrigins,
} from "./common.ts";
