/** Errors of the Jobindsats client, with the token always redacted from their text. */

export type JobindsatsErrorKind =
  | "token-rejected" // wrong or expired key (reply body or HTTP 401/403)
  | "http" // another HTTP status, after retries where they apply
  | "timeout" // no (complete) reply within the per-request timeout, after retries
  | "network" // connection failed, after retries
  | "invalid-json" // the body is not JSON (e.g. truncated)
  | "shape" // JSON, but not shaped as documented
  | "discovery" // table names did not match the configured patterns as required
  | "data"; // values that cannot be mapped (unknown area/group/period, bad numbers, duplicates)

export class JobindsatsError extends Error {
  readonly kind: JobindsatsErrorKind;
  constructor(kind: JobindsatsErrorKind, message: string) {
    super(message);
    this.name = "JobindsatsError";
    this.kind = kind;
  }
}

/** The placeholder written instead of the token. */
export const REDACTED = "[token redacted]";

/** Replaces every occurrence of `secret` in `text` (no-op for an empty secret). */
export function redact(text: string, secret: string | null | undefined): string {
  if (!secret) return text;
  return text.split(secret).join(REDACTED);
}

/** A bounded, single-line-ish excerpt of a received body for error messages. */
export function excerpt(text: string, max = 300): string {
  const oneLine = text.replace(/\r?\n/g, "⏎");
  if (oneLine.length <= max) return JSON.stringify(oneLine);
  return `${JSON.stringify(oneLine.slice(0, max))} … (${text.length} characters in all)`;
}

/** An excerpt of a JSON value (stringified), bounded. */
export function jsonExcerpt(value: unknown, max = 300): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return excerpt(s, max);
}
