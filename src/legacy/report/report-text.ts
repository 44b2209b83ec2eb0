// The migration report as text for `b2x-gateway migration report`: per tenant one table of entity
// sets, the legacy traffic of the last 24 h, and the verdict with its blockers and notes.
import type { EntitySetReport, MigrationReport, TenantReport } from './report-types';

const HEAD = ['entity set', 'mode', 'primary', 'odata', 'erp', 'compared', 'differed', 'rate', 'last compared'];

const rate = (r: number | null): string => (r === null ? '-' : `${(r * 100).toFixed(1)} %`);

const row = (s: EntitySetReport): string[] => [
  s.entitySet, s.explicit ? s.mode : `${s.mode}*`, s.primary, String(s.odata), String(s.erp),
  String(s.shadow.compared), String(s.shadow.differed), rate(s.shadow.differenceRate), s.shadow.lastComparedHour ?? 'never',
];

function table(rows: readonly string[][]): string[] {
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `  ${r.map((c, i) => (i >= 3 && i <= 7 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd()}`);
}

function surfaceLine(t: TenantReport): string {
  const s = t.surface;
  const parts = [s.deprecation && `deprecation ${s.deprecation}`, s.sunset && `sunset ${s.sunset}`, s.link && `link ${s.link}`].filter(Boolean);
  return `${t.tenant}: legacy surface ${s.state}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

function differenceLines(t: TenantReport): string[] {
  return t.entitySets.flatMap((s) => s.shadow.latestDifferences.slice(0, 1).map((d) =>
    `  latest ${s.entitySet} difference ${d.at} ${d.request} at ${d.path}: ${d.primary} ${d.primaryValue} ≠ ${d.secondaryValue}`));
}

function tenantText(t: TenantReport): string[] {
  const l = t.legacyLast24h;
  const v = t.verdict;
  return [
    surfaceLine(t),
    ...table([HEAD, ...t.entitySets.map(row)]),
    `  other requests (no entity set): odata ${t.otherRequests.odata}, erp ${t.otherRequests.erp}`,
    `  legacy OData requests in the last 24 h: ${l.requests}${l.lastAt ? ` (last at ${l.lastAt})` : ''}`,
    ...differenceLines(t),
    v.canSwitchOff ? '  verdict: the legacy surface can be switched off' : `  verdict: NOT ready to switch the legacy surface off (${v.blockers.length} blocker(s))`,
    ...v.blockers.map((b) => `    - ${b}`),
    ...(v.notes.length > 0 ? ['  notes:', ...v.notes.map((n) => `    - ${n}`)] : []),
  ];
}

export function reportText(r: MigrationReport): string {
  const head = `Migration report ${r.from} – ${r.to} (${r.granularity} buckets; * = default mode)`;
  if (r.tenants.length === 0) return `${head}\n\nNo tenants.`;
  return [head, ...r.tenants.flatMap((t) => ['', ...tenantText(t)])].join('\n');
}
