/** Exact decimals for published shares: "45,5" is kept as 455/10, never as a binary float. */
import type { Decimal } from "./types.ts";

const DECIMAL_RE = /^(\d+)(?:[.,](\d+))?$/;

/** Parses a non-negative decimal with a point or a Danish comma; null when it is not one. */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const frac = m[2] ?? "";
  if (m[1]!.length + frac.length > 15) return null; // beyond exact integers in a double
  return { num: Number(m[1]! + frac), den: 10 ** frac.length };
}

export function decimalFromNumber(value: number, digits = 1): Decimal {
  const den = 10 ** digits;
  return { num: Math.round(value * den), den };
}

export function decimalToNumber(d: Decimal): number {
  return d.num / d.den;
}

/** Canonical text with a decimal point and at least one decimal ("45.5", "20.0"). */
export function formatDecimal(d: Decimal): string {
  const digits = Math.max(1, Math.round(Math.log10(d.den)));
  return (d.num / d.den).toFixed(digits);
}
