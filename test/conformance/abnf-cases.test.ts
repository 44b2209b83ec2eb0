// The OASIS OData ABNF test cases that fall inside our surface (selection rule in abnf-selection.ts)
// keep passing at least at the rates the parser reached; the figures are printed on every run.
import { describe, expect, it } from 'vitest';
import { loadCases, runCase, summarise } from './abnf-runner';
import { selectCases, testModel } from './abnf-selection';
import { conformanceFile } from './shared-dir';

/** Set just below what the parser reaches (344/344 valid accepted, 52/53 invalid rejected). */
const MIN_ACCEPTANCE = 0.99;
const MIN_REJECTION = 0.96;

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

describe('OASIS OData ABNF test cases within our surface', () => {
  const { cases, constraints } = loadCases(conformanceFile('odata-abnf-testcases.yaml'));
  const selection = selectCases(cases, testModel(constraints));
  const summary = summarise(selection.included.map(runCase));

  it('reports acceptance and rejection figures', () => {
    const byRule = [...selection.excluded].filter(([reason]) => reason.startsWith('rule '));
    const ruleCount = byRule.reduce((sum, [, n]) => sum + n, 0);
    const excluded = [...selection.excluded]
      .filter(([reason]) => !reason.startsWith('rule '))
      .map(([reason, n]) => `  ${String(n).padStart(3)}  ${reason}`)
      .concat(`  ${String(ruleCount).padStart(3)}  rules outside the surface (${byRule.map(([r]) => r.slice(5)).join(', ')})`)
      .join('\n');
    const misses = summary.misses.map((m) => `  ${m.valid ? 'valid rejected' : 'invalid accepted'}: [${m.case.Rule}] ${m.case.Input}  ${m.error ?? ''}`).join('\n');
    console.log(
      [
        `ABNF cases: ${cases.length} in the file, ${selection.included.length} within our surface`,
        `valid accepted:   ${summary.validAccepted}/${summary.validTotal} (${percent(summary.acceptanceRate)})`,
        `invalid rejected: ${summary.invalidRejected}/${summary.invalidTotal} (${percent(summary.rejectionRate)})`,
        `misses:\n${misses || '  none'}`,
        `excluded (reason → cases):\n${excluded}`,
      ].join('\n'),
    );
    expect(selection.included.length).toBeGreaterThan(300);
  });

  it(`accepts at least ${percent(MIN_ACCEPTANCE)} of the valid cases`, () => {
    expect(summary.acceptanceRate).toBeGreaterThanOrEqual(MIN_ACCEPTANCE);
  });

  it(`rejects at least ${percent(MIN_REJECTION)} of the invalid cases`, () => {
    expect(summary.rejectionRate).toBeGreaterThanOrEqual(MIN_REJECTION);
  });
});
