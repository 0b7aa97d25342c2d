/**
 * The community library's pattern/deny `disallow-host-ports-range` (AnyNotIn with the range
 * `5000-6000`) decides as its CEL rewrite does: it runs over the pod-security-cel suite's
 * resources and must give that suite's expected results, and its own suite's.
 * @see https://kyverno.io/policies/pod-security/baseline/disallow-host-ports-range/disallow-host-ports-range/
 */
import * as fs from 'fs';
import { parseYamlDocuments } from '../../src/core/yaml';
import { KyvernoTestRunner } from '../../src/engine/test-runner';
import { KyvernoTestSuite } from '../../src/testing';
import { describeWithShared, sharedPath } from '../support/shared';

const LIBRARY = ['conformance', 'kyverno-policies'];
const PATTERN_POLICY = [...LIBRARY, 'pod-security', 'baseline', 'disallow-host-ports-range', 'disallow-host-ports-range.yaml'];
/** [suite folder, number of expected results] */
const SUITES: Array<[string, number]> = [
  ['pod-security-cel', 60],
  ['pod-security', 63],
];

describeWithShared('disallow-host-ports-range (deny with AnyNotIn 5000-6000)', () => {
  const file = sharedPath(...PATTERN_POLICY);
  const policy = parseYamlDocuments(fs.readFileSync(file, 'utf8'), file)[0];

  test('the policy is the deny/range version, not the CEL one', () => {
    expect(policy.spec.rules[0].validate.cel).toBeUndefined();
    expect(policy.spec.rules[0].validate.deny.conditions.all[0]).toMatchObject({ operator: 'AnyNotIn', value: '5000-6000' });
  });

  test.each(SUITES)('matches every expected result of %s/baseline/disallow-host-ports-range', (folder, count) => {
    const suite = KyvernoTestSuite.fromFile(sharedPath(...LIBRARY, folder, 'baseline', 'disallow-host-ports-range', '.kyverno-test', 'kyverno-test.yaml'));
    const report = KyvernoTestRunner.run({ ...suite.definition, policies: [policy] });
    const mismatches = report.results.filter((r) => !r.matched)
      .map((r) => `${r.kind}/${r.resource}: expected ${r.expected}, got ${r.actual} (${r.reason})`);
    expect(report.results.length).toBe(count);
    expect(report.results.filter((r) => r.expected === 'fail').length).toBe(30);
    expect(mismatches).toEqual([]);
  });
});
