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

/** Fragments of the token this long or longer are redacted too (e.g. cut off in an excerpt). */
export const MIN_REDACTED_FRAGMENT = 8;

/**
 * Replaces the token in `text`: as written, JSON-escaped (as it appears in an echoed JSON body)
 * and URL-encoded, and any run of MIN_REDACTED_FRAGMENT or more of its characters (what is left
 * of it in a truncated excerpt). No-op for an empty secret.
 */
export function redact(text: string, secret: string | null | undefined): string {
  if (!secret) return text;
  const forms = [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];
  let out = text;
  for (const f of forms) out = out.split(f).join(REDACTED);
  for (const f of forms) if (f.length >= MIN_REDACTED_FRAGMENT) out = redactFragments(out, f);
  return out;
}

/** Replaces every run of text covered by MIN_REDACTED_FRAGMENT-long pieces of `secret`. */
function redactFragments(text: string, secret: string): string {
  const n = MIN_REDACTED_FRAGMENT;
  const covered = new Uint8Array(text.length);
  let any = false;
  for (let i = 0; i + n <= secret.length; i++) {
    const piece = secret.slice(i, i + n);
    for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
      covered.fill(1, at, at + n);
      any = true;
    }
  }
  if (!any) return text;
  let out = "";
  for (let i = 0; i < text.length;) {
    if (!covered[i]) {
      out += text[i++];
      continue;
    }
    while (i < text.length && covered[i]) i++;
    out += REDACTED;
  }
  return out;
}

/**
 * Why a token cannot be a Jobindsats key, or null. A key is printable ASCII; anything else (a
 * "…" copied from a shortened display, a line break, a non-breaking space) is said at once
 * instead of failing later in the HTTP layer. The message never shows the token.
 */
export function tokenProblem(token: string): string | null {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    const what =
      c === 0x2026
        ? '"…" (an ellipsis: was the key copied from a shortened display?)'
        : `U+${c.toString(16).toUpperCase().padStart(4, "0")}${c > 0x20 && c !== 0x7f && !(c >= 0x80 && c < 0xa0) ? ` "${token[i]}"` : ""}`;
    return (
      `the token in JOBINDSATS_TOKEN has character ${i + 1} of ${token.length} ${what}; a Jobindsats key is plain ` +
      "ASCII letters, digits and punctuation without spaces. Copy the key again in full"
    );
  }
  return null;
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
