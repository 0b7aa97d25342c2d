/**
 * Agreement with Kyverno's expected results on the CEL, ValidatingPolicy and podSecurity folders
 * of the conformance corpus, read through the one Test file loader (KyvernoTestSuite) and run by
 * the engine's runner: every expected result of those folders counts (but for mutate and generate
 * rules, which `npm run conformance` counts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { KyvernoTestSuite } from '../../../src/testing';
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

  test.each(cases)('%s: every expected result agrees with Kyverno', (name, pattern) => {
    const files = KyvernoTestSuite.discover(groups(pattern).map(g => path.join(ROOT(), g)));
    // mutate and generate rules in these folders (psa/add-psa-labels) are the mutate and generate
    // engines' business: `npm run conformance` counts them
    const results = files.flatMap(f => KyvernoTestSuite.load(f).flatMap(s => s.run().results))
      .filter(r => r.category !== 'mutate' && r.category !== 'generate');
    const mismatches = results.filter(r => !r.matched);
    // figures for the report; mismatches are listed by the assertion below
    // eslint-disable-next-line no-console
    console.log(`${name}: ${results.length - mismatches.length}/${results.length} agree`);
    expect(results.length).toBeGreaterThan(0);
    expect(mismatches.map(m => `${m.test} ${m.policy}/${m.rule} ${m.kind}/${m.resource}: expected ${m.expected}, got ${m.actual} (${m.reason ?? ''})`)).toEqual([]);
  });
});
