/** Parsing and checking of the evaluate/timeline options (docs/cli.md). */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./io.ts";

/** util.parseArgs, with its errors turned into usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^.*?: /, ""));
  }
}

/** A percentage 0–100 with a point or a Danish comma. */
export function percentOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.trim().replace(",", "."));
  if (!/^\d+([.,]\d+)?$/.test(text.trim()) || !(value >= 0 && value <= 100)) {
    throw new UsageError(`--${name} must be a number from 0 to 100 (got "${text}")`);
  }
  return value;
}

export function countOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${name} must be a whole number ≥ 0 (got "${text}")`);
  return Number(text);
}

export function choiceOption<C extends string>(
  name: string,
  text: string | undefined,
  choices: readonly C[],
): C | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text))
    throw new UsageError(`--${name} must be one of ${choices.join(", ")} (got "${text}")`);
  return text as C;
}
