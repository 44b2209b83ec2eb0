// Exact decimal arithmetic on literal text with BigInt, so Decimal literals reach SQL as exact
// scaled integers — never through a JS float (model.md: decimals compare exactly).

/** value = unscaled × 10^-scale, e.g. "-12.50" → { unscaled: -1250n, scale: 2 } */
export interface ExactDecimal {
  readonly unscaled: bigint;
  readonly scale: number;
}

const PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const SCIENTIFIC = /^([+-]?)(\d+)(?:\.(\d+))?[eE]([+-]?\d{1,4})$/;

/** Parses "42", "-1.50", "1.5E-3" exactly; undefined for anything else (INF, NaN, garbage). */
export function parseExactDecimal(text: string): ExactDecimal | undefined {
  const m = PLAIN.exec(text) ?? SCIENTIFIC.exec(text);
  if (!m) return undefined;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const digits = BigInt(int + frac) * (sign === '-' ? -1n : 1n);
  const scale = frac.length - Number(exp);
  return scale >= 0 ? { unscaled: digits, scale } : { unscaled: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** Canonical text of an exact decimal ("-0.05", "150", "1.50"). */
export function formatExactDecimal(d: ExactDecimal): string {
  const negative = d.unscaled < 0n;
  const abs = (negative ? -d.unscaled : d.unscaled).toString();
  if (d.scale === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(d.scale + 1, '0');
  const cut = padded.length - d.scale;
  return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/**
 * The literal expressed in units of 10^-scale: floor of value × 10^scale and whether that is exact.
 * Used to compare an integer column of that scale with a literal that has more fractional digits.
 */
export function rescaleFloor(d: ExactDecimal, scale: number): { readonly floor: bigint; readonly exact: boolean } {
  if (scale >= d.scale) return { floor: d.unscaled * 10n ** BigInt(scale - d.scale), exact: true };
  const divisor = 10n ** BigInt(d.scale - scale);
  const q = d.unscaled / divisor;
  const r = d.unscaled % divisor;
  return { floor: r < 0n ? q - 1n : q, exact: r === 0n };
}

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
