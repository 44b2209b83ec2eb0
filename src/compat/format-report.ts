// The human-readable form of a CompatReport: breaking differences first, then information,
// each with both sides' values and the reason, and a one-line verdict at the end.
import type { Difference } from './classify';
import type { CompatReport } from './check-compat';

const value = (v: string | null): string => (v === null ? '(absent)' : v);

function entry(d: Difference): string {
  return [`  - ${d.path} [${d.kind}]`, `      legacy: ${value(d.legacy)}   ours: ${value(d.ours)}`, `      why: ${d.reason}`].join('\n');
}

function group(title: string, list: readonly Difference[]): string[] {
  return list.length === 0 ? [] : [`${title} (${list.length})`, ...list.map(entry), ''];
}

/** Renders the report as text for a terminal. */
export function formatReport(r: CompatReport): string {
  const verdict = r.breaking > 0 ? 'NOT compatible: a client generated from the legacy $metadata would break' : 'compatible: no breaking differences';
  return [
    `Legacy: ${r.legacy.source} (${r.legacy.namespaces.join(', ')}; container ${r.legacy.container ?? 'none'})`,
    `Ours:   ${r.ours.source} (${r.ours.namespaces.join(', ')}; container ${r.ours.container ?? 'none'})`,
    '',
    ...group('BREAKING', r.differences.filter((d) => d.severity === 'breaking')),
    ...group('INFO', r.differences.filter((d) => d.severity === 'info')),
    `Summary: ${r.breaking} breaking, ${r.info} info — ${verdict}`,
  ].join('\n');
}
