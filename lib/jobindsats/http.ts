/**
 * HTTP access to the Jobindsats API (v2): the raw token in the `Authorization` header, a timeout
 * per request (AbortController), retries with exponential backoff on 429, 5xx, time-outs and
 * network errors (honouring Retry-After in seconds or as an HTTP date), and recognition of the
 * "wrong key" reply. Browser-safe (uses the global fetch). The token never appears in messages.
 */
import { JobindsatsError, excerpt, redact, tokenProblem } from "./errors.ts";

export interface HttpOptions {
  /** e.g. https://api.jobindsats.dk/v2 (a trailing slash is ignored). */
  readonly baseUrl: string;
  readonly token: string;
  /** Per request, including reading the body. */
  readonly timeoutMs?: number;
  /** Attempts per request, the first included (≥ 1). */
  readonly maxAttempts?: number;
  /** First backoff delay; doubled on every further attempt. */
  readonly backoffBaseMs?: number;
  /** Cap of the computed backoff delay. */
  readonly maxBackoffMs?: number;
  /** A Retry-After asking for longer than this fails instead of waiting. */
  readonly maxRetryAfterMs?: number;
  readonly fetchImpl?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Progress and retry notices, one line each (no trailing newline). */
  readonly log?: (line: string) => void;
}

export const HTTP_DEFAULTS = {
  timeoutMs: 30_000,
  maxAttempts: 5,
  backoffBaseMs: 1_000,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 120_000,
} as const;

/** The reply Jobindsats gives for a wrong or expired key (possibly with status 200). */
const WRONG_KEY_RE = /forkert\s+n(?:ø|oe)gle|n(?:ø|oe)glen\s+er\s+udl(?:ø|oe)bet/i;

export function isWrongKeyReply(body: string): boolean {
  return WRONG_KEY_RE.test(body);
}

/** Milliseconds to wait for a Retry-After header (seconds or HTTP date); null when absent/invalid. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

const TOKEN_REJECTED =
  "the token was rejected by Jobindsats (wrong or expired key). Check JOBINDSATS_TOKEN; a personal key is free on registration at jobindsats.dk";

export class JobindsatsHttp {
  private readonly o: Required<Omit<HttpOptions, "log">> & { log: (line: string) => void };

  constructor(options: HttpOptions) {
    if (!options.token) throw new JobindsatsError("token-rejected", "no token given");
    const problem = tokenProblem(options.token);
    if (problem) throw new JobindsatsError("token-rejected", problem);
    this.o = {
      ...HTTP_DEFAULTS,
      fetchImpl: (...args: Parameters<typeof fetch>) => fetch(...args),
      sleep: (ms: number) => new Promise((r) => setTimeout(r, ms)),
      now: () => Date.now(),
      log: () => {},
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    } as unknown as JobindsatsHttp["o"];
    if (!(this.o.maxAttempts >= 1)) throw new RangeError("maxAttempts must be at least 1");
  }

  url(path: string): string {
    return `${this.o.baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  }

  /** Removes the token from any text before it is shown. */
  redact(text: string): string {
    return redact(text, this.o.token);
  }

  get(path: string): Promise<unknown> {
    return this.request("GET", path);
  }

  post(path: string, body: unknown): Promise<unknown> {
    return this.request("POST", path, body);
  }

  private backoff(attempt: number): number {
    return Math.min(this.o.maxBackoffMs, this.o.backoffBaseMs * 2 ** (attempt - 1));
  }

  /** One request with retries; returns the parsed JSON body. */
  async request(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    const url = this.url(path);
    const what = `${method} ${url}`;
    const max = this.o.maxAttempts;
    for (let attempt = 1; attempt <= max; attempt++) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.o.timeoutMs);
      let status: number;
      let text: string;
      let retryAfter: string | null;
      try {
        const headers: Record<string, string> = { Authorization: this.o.token, Accept: "application/json" };
        if (body !== undefined) headers["Content-Type"] = "application/json";
        const res = await this.o.fetchImpl(url, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
        });
        status = res.status;
        retryAfter = res.headers.get("retry-after");
        text = await res.text();
      } catch (e) {
        const timedOut = controller.signal.aborted;
        const reason = timedOut
          ? `no complete reply within ${this.o.timeoutMs / 1000} s`
          : `network error: ${this.redact(describeError(e))}`;
        if (attempt < max) {
          const wait = this.backoff(attempt);
          this.o.log(`${what}: ${reason}; retrying in ${formatSeconds(wait)} (attempt ${attempt + 1} of ${max})`);
          await this.o.sleep(wait);
          continue;
        }
        throw new JobindsatsError(
          timedOut ? "timeout" : "network",
          `${what}: ${reason} (gave up after ${max} attempt${max === 1 ? "" : "s"})`,
        );
      } finally {
        clearTimeout(timer);
      }

      if (status === 401 || status === 403 || isWrongKeyReply(text)) {
        throw new JobindsatsError(
          "token-rejected",
          `${what}: ${TOKEN_REJECTED} (HTTP ${status}, reply ${this.redact(excerpt(text, 200))})`,
        );
      }
      if (status === 429 || status >= 500) {
        const ra = parseRetryAfter(retryAfter, this.o.now());
        if (ra !== null && ra > this.o.maxRetryAfterMs) {
          throw new JobindsatsError(
            "http",
            `${what}: HTTP ${status}; the server asks to wait ${formatSeconds(ra)} (Retry-After ${JSON.stringify(retryAfter)}), ` +
              `more than the allowed ${formatSeconds(this.o.maxRetryAfterMs)}; try again later`,
          );
        }
        if (attempt < max) {
          const wait = ra ?? this.backoff(attempt);
          this.o.log(
            `${what}: HTTP ${status}${ra !== null ? ` (Retry-After ${JSON.stringify(retryAfter)})` : ""}; ` +
              `retrying in ${formatSeconds(wait)} (attempt ${attempt + 1} of ${max})`,
          );
          await this.o.sleep(wait);
          continue;
        }
        throw new JobindsatsError(
          "http",
          `${what}: HTTP ${status} (gave up after ${max} attempt${max === 1 ? "" : "s"}); reply ${this.redact(excerpt(text))}`,
        );
      }
      if (status < 200 || status >= 300) {
        throw new JobindsatsError("http", `${what}: HTTP ${status}; reply ${this.redact(excerpt(text))}`);
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (e) {
        throw new JobindsatsError(
          "invalid-json",
          `${what}: the reply is not valid JSON (${(e as Error).message}); received ${this.redact(excerpt(text))}`,
        );
      }
    }
    // Unreachable: the loop either returns or throws on its last attempt.
    throw new JobindsatsError("network", `${what}: no attempt made`);
  }
}

function describeError(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as Error & { cause?: unknown }).cause;
    const c = cause instanceof Error ? `: ${(cause as Error & { code?: string }).code ?? cause.message}` : "";
    return `${e.message}${c}`;
  }
  return String(e);
}

function formatSeconds(ms: number): string {
  if (ms < 1000 && ms !== 0) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
