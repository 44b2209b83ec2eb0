// Structural differences between two OData JSON bodies, for the pre-timing answer check: numbers
// compare by value (1000.5 = 1000.50), context URLs by their part after `#` (hosts/ports differ).

export interface Difference {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

const MISSING = '<missing>';

function normalizeLeaf(key: string, v: unknown): unknown {
  if (key.endsWith('@odata.context') && typeof v === 'string') return v.slice(v.indexOf('#'));
  return v;
}

function walk(path: string, key: string, a: unknown, b: unknown, out: Difference[], limit: number): void {
  if (out.length >= limit) return;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push({ path: `${path}.length`, expected: a.length, actual: b.length });
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(`${path}[${i}]`, '', a[i], b[i], out, limit);
      return;
    }
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
      walk(`${path}.${k}`, k, k in ao ? ao[k] : MISSING, k in bo ? bo[k] : MISSING, out, limit);
    }
    return;
  }
  const x = normalizeLeaf(key, a);
  const y = normalizeLeaf(key, b);
  if (x !== y) out.push({ path, expected: x, actual: y });
}

/** Up to `limit` differences of `actual` from `expected` ($ = the body root). */
export function jsonDiff(expected: unknown, actual: unknown, limit = 10): Difference[] {
  const out: Difference[] = [];
  walk('$', '', expected, actual, out, limit);
  return out;
}
