// Can this tenant's legacy OData surface be switched off? Pure rules over the report (README
// "Migration report"). Switching off means /odata refuses the tenant and the legacy service is no
// longer needed for it, so everything that still depends on either blocks:
//  1. a set still served by the legacy service (mode upstream);
//  2. a set shadowed with the legacy side primary — the client still gets the legacy answer;
//  3. a set with shadow differences in the window, whatever its mode now — the answers disagree;
//  4. a set the gateway serves that was never shadow-compared — no evidence the answers match;
//  5. legacy OData requests in the 24 h before the report's end while the surface still answers
//     (read-write or read-only): a client would break. Once it is off they are refused anyway,
//     so they become a note.
import type { EntitySetReport, LegacyTraffic, TenantReport, Verdict } from './report-types';

export type VerdictInput = Pick<TenantReport, 'surface' | 'entitySets' | 'legacyLast24h'>;

const percent = (rate: number | null): string => `${((rate ?? 0) * 100).toFixed(1)} %`;

function setBlockers(s: EntitySetReport): string[] {
  const out: string[] = [];
  if (s.mode === 'upstream') out.push(`${s.entitySet} is still served by the legacy service (mode upstream): move it to shadow, then to local.`);
  if (s.mode === 'shadow' && s.primary === 'upstream') {
    out.push(`${s.entitySet} is shadowed with the legacy service answering clients (primary upstream): make the gateway primary, then local.`);
  }
  if (s.shadow.differed > 0) {
    const latest = s.shadow.latestDifferences[0];
    const where = latest ? ` (latest at ${latest.at}, first difference at ${latest.path})` : '';
    out.push(`${s.entitySet}: ${s.shadow.differed} of ${s.shadow.compared} shadow comparisons in the window differed (${percent(s.shadow.differenceRate)})${where}.`);
  }
  if (s.mode !== 'upstream' && !(s.mode === 'shadow' && s.primary === 'upstream') && s.shadow.comparedEver === 0) {
    out.push(`${s.entitySet} is served by the gateway but was never shadow-compared with the legacy service: no evidence its answers match; run it in shadow mode first.`);
  }
  return out;
}

const describeTraffic = (t: LegacyTraffic): string =>
  Object.entries(t.byTarget).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');

function trafficFindings(input: VerdictInput): { blockers: string[]; notes: string[] } {
  const t = input.legacyLast24h;
  if (t.requests === 0) return { blockers: [], notes: [] };
  if (input.surface.state === 'off') {
    return { blockers: [], notes: [`${t.requests} legacy OData requests in the last 24 h were refused (surface off; last at ${t.lastAt ?? '?'}): a client still calls it.`] };
  }
  return {
    blockers: [`Clients used the legacy OData surface ${t.requests} times in the last 24 h (last at ${t.lastAt ?? '?'}; ${describeTraffic(t)}): they would be refused; move them to /api/erp.`],
    notes: [],
  };
}

function surfaceNotes(input: VerdictInput): string[] {
  const s = input.surface;
  if (s.state === 'off') return ['The legacy surface is already off.'];
  const notes: string[] = [];
  if (s.deprecation === undefined && s.sunset === undefined) notes.push('No Deprecation or Sunset has been announced to legacy clients yet.');
  const stillShadowed = input.entitySets.filter((e) => e.mode === 'shadow' && e.primary === 'local').map((e) => e.entitySet);
  if (stillShadowed.length > 0) notes.push(`Still shadowed with the gateway primary: ${stillShadowed.join(', ')} (set them to local once satisfied).`);
  return notes;
}

export function verdictOf(input: VerdictInput): Verdict {
  const traffic = trafficFindings(input);
  const blockers = [...input.entitySets.flatMap(setBlockers), ...traffic.blockers];
  return { canSwitchOff: blockers.length === 0, blockers, notes: [...traffic.notes, ...surfaceNotes(input)] };
}
