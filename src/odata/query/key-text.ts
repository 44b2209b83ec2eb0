// Canonical key predicate text for URLs: ('10042'), (7), (CustomerID='1',ProductID='A-1').
// String values double their quotes and are percent-encoded like a URL segment.

const literal = (v: string | number): string =>
  typeof v === 'number' ? String(v) : `'${encodeURIComponent(v.replace(/'/g, "''"))}'`;

export function keyPredicateText(key: Readonly<Record<string, string | number>>): string {
  const entries = Object.entries(key);
  const [only] = entries;
  if (entries.length === 1 && only) return `(${literal(only[1])})`;
  return `(${entries.map(([k, v]) => `${k}=${literal(v)}`).join(',')})`;
}
