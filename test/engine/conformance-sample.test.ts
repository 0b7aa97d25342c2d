/**
 * A sample of the Kyverno community library suites (one per kind of policy) must agree with the
 * engine result for result; `npm run conformance` runs the whole corpus.
 */
import { KyvernoTestSuite } from '../../src/testing';
import { describeWithShared, sharedPath } from '../support/shared';

const SAMPLE = [
  'best-practices/disallow-latest-tag', // foreach + pattern, autogen
  'pod-security/baseline/disallow-host-ports-range', // deny with ranges
  'other/restrict-automount-sa-token', // preconditions with quoted keys, autogen rewrite
  'best-practices/check-deprecated-apis', // Group/*/Kind kinds, deny: {}
  'other-cel/restrict-jobs', // validate.cel with celPreconditions
  'openshift/team-validate-ns-name', // userInfo without groups
];

describeWithShared('Kyverno community library sample', () => {
  test.each(SAMPLE)('%s', (suite) => {
    const file = sharedPath('conformance', 'kyverno-policies', suite, '.kyverno-test', 'kyverno-test.yaml');
    const report = KyvernoTestSuite.fromFile(file).run();
    const mismatches = report.results.filter((r) => !r.matched).map((r) => `${r.policy}/${r.rule} ${r.kind}/${r.resource}: expected ${r.expected}, got ${r.actual} (${r.reason})`);
    expect(report.results.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });
});
