/**
 * Web Worker for /udforsk: reads and parses the user's own files or pasted text with lib's
 * importer off the main thread, so a large file does not freeze the page. Nothing is sent
 * anywhere: the data stays in this browser tab.
 *
 * In:  { id, inputs: ({ kind: "file", file: File } | { kind: "text", name, text })[] }
 * Out: { id, type: "progress", text, fraction } … then
 *      { id, type: "done", packed (typed arrays, transferred), formats } or { id, type: "error", issues, message }.
 */
import { packMeasurements, transferables, type PackedMeasurements } from "./cells-transfer.js";
import {
  OWN_DATA_TEXT,
  InputError,
  detectFormat,
  mergeMeasurements,
  readMeasurements,
  type InputIssue,
  type Measurements,
} from "./_gen/tidlig.js";

export type ParseInput = { kind: "file"; file: File } | { kind: "text"; name: string; text: string };
export interface ParseRequest {
  readonly id: number;
  readonly inputs: readonly ParseInput[];
}
export type ParseMessage =
  | { id: number; type: "progress"; text: string; fraction: number | null }
  | { id: number; type: "done"; packed: PackedMeasurements; formats: string[] }
  | { id: number; type: "error"; issues: InputIssue[]; message: string };

const scope = self as unknown as {
  postMessage(message: ParseMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
};

async function readFile(id: number, file: File, k: number, n: number): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.length;
    const now = performance.now();
    if (now - lastReport > 50) {
      lastReport = now;
      scope.postMessage({
        id,
        type: "progress",
        text: OWN_DATA_TEXT.reading(file.name, k + 1, n),
        fraction: file.size ? at / file.size : null,
      });
    }
  }
  return at === out.length ? out : out.subarray(0, at);
}

scope.onmessage = async (event) => {
  const { id, inputs } = event.data;
  try {
    const parts: Measurements[] = [];
    const formats: string[] = [];
    const n = inputs.length;
    for (const [k, input] of inputs.entries()) {
      const name = input.kind === "file" ? input.file.name : input.name;
      const content = input.kind === "file" ? await readFile(id, input.file, k, n) : input.text;
      scope.postMessage({
        id,
        type: "progress",
        text: OWN_DATA_TEXT.parsing(name, k + 1, n),
        fraction: (k + 0.5) / n,
      });
      const m = readMeasurements(content, name);
      formats.push(typeof content === "string" ? detectFormat(content) : "bytes"); // a code, never shown
      parts.push(m);
    }
    scope.postMessage({ id, type: "progress", text: OWN_DATA_TEXT.merging, fraction: 0.95 });
    const measurements = mergeMeasurements(parts);
    const packed = packMeasurements(measurements);
    scope.postMessage({ id, type: "done", packed, formats }, transferables(packed));
  } catch (e) {
    if (e instanceof InputError) scope.postMessage({ id, type: "error", issues: [...e.issues], message: e.message });
    else scope.postMessage({ id, type: "error", issues: [], message: (e as Error).message ?? String(e) });
  }
};
