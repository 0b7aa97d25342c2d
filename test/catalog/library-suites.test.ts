/**
 * The catalogue against the Kyverno community library's own test suites: each suite's policy file
 * is replaced by our construct's JSON (default options, renamed to the library's policy name; rule
 * names mirror the library's) and run through the offline engine's kyverno-test runner.
 */
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { CONTROL_SUITES, CONTROL_VPOL_SUITES, ENTRIES } from './entries';
import { PodSecurityControl, PodSecurityControlPolicy } from '../../src/catalog';
import { KyvernoTestReport, KyvernoTestRunner } from '../../src/engine/test-runner';
import { KyvernoPolicy } from '../../src/kyverno';
import { KyvernoTestSuite } from '../../src/testing/kyverno-test-suite';
import { describeWithShared, sharedPath } from '../support/shared';

function suiteFile(suite: string): string {
  return sharedPath('conformance', 'kyverno-policies', ...suite.split('/'), '.kyverno-test', 'kyverno-test.yaml');
}

/** Runs the suite with our policy in place of the library's. */
function runWith(suite: string, policy: KyvernoPolicy, libraryName: string): KyvernoTestReport {
  const loaded = KyvernoTestSuite.fromFile(suiteFile(suite));
  const json = policy.toJson();
  json.metadata.name = libraryName;
  return KyvernoTestRunner.run({ ...loaded.definition, policies: [json] });
}

function failures(report: KyvernoTestReport): string[] {
  return report.results.filter((r) => !r.matched).map((r) => `${r.kind}/${r.resource} ${r.rule}: expected ${r.expected}, got ${r.actual}${r.reason ? ` (${r.reason})` : ''}`);
}

/** Our policy passes every expected result of the suite. */
function expectLibraryBehaviour(suite: string, policy: KyvernoPolicy, libraryName: string): void {
  const report = runWith(suite, policy, libraryName);
  expect(report.results.length).toBeGreaterThan(0);
  expect(report.results.filter((r) => r.actual === 'unsupported')).toEqual([]);
  expect(failures(report)).toEqual([]);
}

describeWithShared('catalogue passes the Kyverno library suites', () => {
  for (const entry of ENTRIES) {
    for (const suite of entry.suites) {
      test(`${entry.className}${suite.build ? ' (with options)' : ''}: ${suite.path}`, () => {
        const chart = new Chart(Testing.app(), 'suite');
        expectLibraryBehaviour(suite.path, (suite.build ?? entry.build)(chart, 'policy'), suite.policyName);
      });
    }
  }

  for (const [control, suites] of Object.entries(CONTROL_SUITES)) {
    for (const suite of suites) {
      test(`PodSecurityControlPolicy ${control}: ${suite}`, () => {
        const chart = new Chart(Testing.app(), 'suite');
        const policy = new PodSecurityControlPolicy(chart, 'policy', { control: control as PodSecurityControl });
        expectLibraryBehaviour(suite, policy, path.basename(suite));
      });
    }
  }

  for (const { control, suite, rule } of CONTROL_VPOL_SUITES) {
    test(`PodSecurityControlPolicy ${control}: resources and results of ${suite}`, () => {
      const loaded = KyvernoTestSuite.fromFile(suiteFile(suite));
      const policy = new PodSecurityControlPolicy(new Chart(Testing.app(), 'suite'), 'policy', { control: control as PodSecurityControl }).toJson();
      const results = loaded.definition.results.map(({ isValidatingPolicy, ...r }: any) => ({ ...r, rule }));
      expect(results.every((r: any) => r.policy === policy.metadata.name)).toBe(true);
      const report = KyvernoTestRunner.run({ ...loaded.definition, policies: [policy], results });
      expect(report.results.length).toBeGreaterThan(0);
      expect(failures(report)).toEqual([]);
    });
  }

  test('every suite named in the catalogue exists', () => {
    const all = [...ENTRIES.flatMap((e) => e.suites.map((s) => s.path)), ...Object.values(CONTROL_SUITES).flat()];
    for (const s of all) expect(() => KyvernoTestSuite.fromFile(suiteFile(s))).not.toThrow();
  });
});
