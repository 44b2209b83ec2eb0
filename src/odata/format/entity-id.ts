// Canonical entity URLs (OData URL Conventions §4.3.1): Customers('10042'), Categories(7),
// PriceAgreements(CustomerID='10042',ProductID='A-1'). Used for @odata.id, editLink and Location.
import type { EntitySet } from '../../../metadata';

function keyLiteral(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // '' doubles a quote inside a string literal; encodeURIComponent leaves ' ( ) unescaped.
  return encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
}

export function keyPredicate(key: Readonly<Record<string, string | number>>): string {
  const entries = Object.entries(key);
  const only = entries[0];
  if (entries.length === 1 && only) return `(${keyLiteral(only[1])})`;
  return `(${entries.map(([k, v]) => `${k}=${keyLiteral(v)}`).join(',')})`;
}

export const entityPath = (set: EntitySet, key: Readonly<Record<string, string | number>>): string =>
  `${set.name}${keyPredicate(key)}`;
