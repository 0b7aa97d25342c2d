/**
 * Agreement with Kyverno's expected results on the CEL, ValidatingPolicy and podSecurity suites
 * of the conformance corpus, for the results that only need this module (see conformance-support).
 */
import * as fs from 'fs';
import { agreement, findTestFiles, runSuite } from './conformance-support';
import { describeWithShared, sharedPath } from '../../support/shared';

const ROOT = () => sharedPath('conformance', 'kyverno-policies');

function groups(pattern: RegExp): string[] {
  return fs.readdirSync(ROOT()).filter(d => pattern.test(d)).sort();
}

describeWithShared('conformance: CEL, ValidatingPolicy and podSecurity suites', () => {
  const cases: Array<[string, RegExp]> = [
    ['ValidatingPolicy (*-vpol)', /-vpol$/],
    ['validate.cel (*-cel)', /-cel$/],
    ['podSecurity (pod-security, psa)', /^(pod-security|psa)$/],
  ];

  test.each(cases)('%s: every checked result agrees with Kyverno', (name, pattern) => {
    const outcomes = groups(pattern).flatMap(g => findTestFiles(`${ROOT()}/${g}`).map(f => runSuite(f, ROOT())));
    const a = agreement(outcomes);
    const outOfScope = outcomes.reduce((n, o) => n + o.outOfScope.length, 0);
    // figures for the report; mismatches are listed by the assertion below
    // eslint-disable-next-line no-console
    console.log(`${name}: ${a.matched}/${a.total} agree; ${outOfScope} expected results out of this module's scope`);
    expect(a.total).toBeGreaterThan(0);
    expect(a.mismatches.map(m => `${m.suite} ${m.resource}: expected ${m.expected}, got ${m.actual} (${m.message ?? ''})`)).toEqual([]);
  });
});

