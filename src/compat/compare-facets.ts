// Facets of one property present on both sides with the same type. "Narrower on ours" means a
// value the legacy service accepted may be refused or rounded by ours (CSDL §7.2: an absent
// MaxLength is unbounded, an absent temporal Precision is 0, an absent Scale is 0).
import { show, type Report } from './finding';
import type { NProperty } from './normal-model';

const TEMPORAL = new Set(['Edm.DateTimeOffset', 'Edm.TimeOfDay', 'Edm.Duration']);

function order(path: string, facet: string, legacy: number, ours: number, report: Report, shown: [string | null, string | null]): void {
  if (legacy === ours) return;
  report({ kind: ours < legacy ? 'facet-narrower' : 'facet-wider', path, legacy: shown[0], ours: shown[1], detail: `${facet} ${shown[0] ?? 'unset'} → ${shown[1] ?? 'unset'}` });
}

function maxLength(path: string, l: NProperty, o: NProperty, report: Report): void {
  const size = (p: NProperty) => (p.maxLength === undefined || p.maxLength === 'max' ? Infinity : p.maxLength);
  order(path, 'MaxLength', size(l), size(o), report, [show(l.maxLength), show(o.maxLength)]);
}

function precision(path: string, l: NProperty, o: NProperty, report: Report): void {
  const shown: [string | null, string | null] = [show(l.precision), show(o.precision)];
  if (TEMPORAL.has(l.type)) return order(path, 'Precision', l.precision ?? 0, o.precision ?? 0, report, shown);
  if (l.type !== 'Edm.Decimal') return;
  if (l.precision === undefined && o.precision !== undefined) {
    return report({ kind: 'precision-unspecified-legacy', path, legacy: null, ours: shown[1] });
  }
  order(path, 'Precision', l.precision ?? Infinity, o.precision ?? Infinity, report, shown);
}

function scale(path: string, l: NProperty, o: NProperty, report: Report): void {
  if (l.type !== 'Edm.Decimal') return;
  const shown: [string | null, string | null] = [show(l.scale), show(o.scale)];
  const free = (s: NProperty['scale']) => s === 'variable' || s === 'floating';
  if (free(l.scale) && !free(o.scale)) return report({ kind: 'scale-variable-legacy', path, legacy: shown[0], ours: shown[1] });
  const digits = (s: NProperty['scale']) => (free(s) ? Infinity : typeof s === 'number' ? s : 0);
  order(path, 'Scale', digits(l.scale), digits(o.scale), report, shown);
}

/** Reports facet differences of two properties of the same type. */
export function compareFacets(path: string, l: NProperty, o: NProperty, report: Report): void {
  maxLength(path, l, o, report);
  precision(path, l, o, report);
  scale(path, l, o, report);
  if ((l.srid ?? '') !== (o.srid ?? '')) report({ kind: 'facet-changed', path, legacy: show(l.srid), ours: show(o.srid), detail: 'SRID' });
}
