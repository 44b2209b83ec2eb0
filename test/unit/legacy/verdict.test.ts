// The verdict rules of the migration report (src/legacy/report/verdict.ts), one behaviour each.
import { describe, expect, it } from 'vitest';
import { verdictOf, type VerdictInput } from '../../../src/legacy/report/verdict';
import type { EntitySetReport } from '../../../src/legacy/report/report-types';

const set = (over: Partial<EntitySetReport> & { entitySet: string }, shadow: Partial<EntitySetReport['shadow']> = {}): EntitySetReport => ({
  mode: 'local', primary: 'local', explicit: true, odata: 0, erp: 0, series: [],
  shadow: { compared: 10, differed: 0, differenceRate: 0, comparedEver: 10, lastComparedHour: '2026-03-01T00:00:00.000Z', latestDifferences: [], ...shadow },
  ...over,
});

const input = (entitySets: EntitySetReport[], over: Partial<VerdictInput> = {}): VerdictInput => ({
  surface: { state: 'read-only', sunset: '2026-06-01T00:00:00.000Z', updatedAt: null },
  entitySets,
  legacyLast24h: { requests: 0, lastAt: null, byTarget: {} },
  ...over,
});

describe('migration verdict', () => {
  it('allows switching off when every set is local, compared without differences, and nobody used the legacy surface', () => {
    expect(verdictOf(input([set({ entitySet: 'Customers' })]))).toEqual({ canSwitchOff: true, blockers: [], notes: [] });
  });

  it('blocks a set still served upstream, without also demanding shadow evidence for it', () => {
    const v = verdictOf(input([set({ entitySet: 'Customers', mode: 'upstream', primary: 'upstream' }, { comparedEver: 0 })]));
    expect(v.blockers).toEqual([expect.stringMatching(/^Customers is still served by the legacy service/)]);
  });

  it('blocks a set shadowed with the legacy side primary', () => {
    const v = verdictOf(input([set({ entitySet: 'Products', mode: 'shadow', primary: 'upstream' })]));
    expect(v.blockers).toEqual([expect.stringMatching(/^Products is shadowed with the legacy service answering clients/)]);
  });

  it('blocks differences in the window whatever the mode, naming the rate and first differing path', () => {
    const latest = { at: '2026-03-02T00:00:00.000Z', requestId: 'r', request: 'GET /Products', primary: 'local' as const, path: '/value/3/Name', primaryValue: '"a"', secondaryValue: '"b"' };
    const v = verdictOf(input([set({ entitySet: 'Products' }, { compared: 200, differed: 3, differenceRate: 0.015, latestDifferences: [latest] })]));
    expect(v.blockers).toEqual(['Products: 3 of 200 shadow comparisons in the window differed (1.5 %) (latest at 2026-03-02T00:00:00.000Z, first difference at /value/3/Name).']);
  });

  it('blocks a set the gateway serves that was never compared: no evidence', () => {
    const v = verdictOf(input([set({ entitySet: 'Categories' }, { compared: 0, differenceRate: null, comparedEver: 0, lastComparedHour: null })]));
    expect(v.blockers).toEqual([expect.stringMatching(/^Categories is served by the gateway but was never shadow-compared/)]);
  });

  it('blocks legacy traffic in the last 24 h while the surface still answers, listing what was called', () => {
    const legacyLast24h = { requests: 12, lastAt: '2026-03-07T23:59:00.000Z', byTarget: { Customers: 2, $batch: 10 } };
    const v = verdictOf(input([set({ entitySet: 'Customers' })], { legacyLast24h }));
    expect(v.blockers).toEqual(['Clients used the legacy OData surface 12 times in the last 24 h (last at 2026-03-07T23:59:00.000Z; $batch 10, Customers 2): they would be refused; move them to /api/erp.']);
  });

  it('turns legacy traffic into a note once the surface is off', () => {
    const legacyLast24h = { requests: 4, lastAt: '2026-03-07T23:59:00.000Z', byTarget: { Customers: 4 } };
    const v = verdictOf(input([set({ entitySet: 'Customers' })], { legacyLast24h, surface: { state: 'off', updatedAt: null } }));
    expect(v).toEqual({ canSwitchOff: true, blockers: [], notes: [expect.stringMatching(/^4 legacy OData requests .* refused/), 'The legacy surface is already off.'] });
  });

  it('notes missing Deprecation/Sunset announcements and sets still shadowed with the gateway primary', () => {
    const v = verdictOf(input([set({ entitySet: 'Products', mode: 'shadow', primary: 'local' })], { surface: { state: 'read-write', updatedAt: null } }));
    expect(v.canSwitchOff).toBe(true);
    expect(v.notes).toEqual(['No Deprecation or Sunset has been announced to legacy clients yet.', 'Still shadowed with the gateway primary: Products (set them to local once satisfied).']);
  });
});
