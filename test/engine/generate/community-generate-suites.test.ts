/**
 * The Kyverno community library's generate suites run as kyverno test runs them: every expected
 * result agrees, and each one's generated resource matches its generatedResource file. A copy of
 * a suite with a changed expected resource fails, so the comparison is really made.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KyvernoTestSuite } from '../../../src/testing';
import { describeWithShared, sharedPath } from '../../support/shared';

const GENERATE_SUITES = [
  'best-practices/add-network-policy',
  'best-practices/add-ns-quota',
  'kasten/kasten-generate-example-backup-policy',
  'kasten/kasten-generate-policy-by-preset-label',
  'kubevirt/add-services',
  'other/create-default-pdb',
];

const testFile = (suite: string) => sharedPath('conformance', 'kyverno-policies', suite, '.kyverno-test', 'kyverno-test.yaml');

describeWithShared('Kyverno community library generate suites', () => {
  test.each(GENERATE_SUITES)('%s', (suite) => {
    const report = KyvernoTestSuite.fromFile(testFile(suite)).run();
    expect(report.results.filter((r) => r.actual === 'unsupported')).toEqual([]);
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.map((r) => [r.category, r.actual, r.matched, r.matched ? '' : r.reason])).toEqual(report.results.map(() => ['generate', 'pass', true, '']));
  });

  test('a changed expected resource fails the result with the difference', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-suite-'));
    try {
      const src = path.dirname(path.dirname(testFile('other/create-default-pdb')));
      fs.cpSync(src, dir, { recursive: true });
      const expectedFile = path.join(dir, '.kyverno-test', 'generatedResource.yaml');
      fs.writeFileSync(expectedFile, fs.readFileSync(expectedFile, 'utf8').replace('minAvailable: 1', 'minAvailable: 2'));
      const report = KyvernoTestSuite.fromFile(path.join(dir, '.kyverno-test', 'kyverno-test.yaml')).run();
      expect(report.results.map((r) => [r.actual, r.matched, r.reason])).toEqual([[
        'pass', false,
        'generated resource policy/v1/PodDisruptionBudget hello-world/nginx-deployment-default-pdb differs from generatedResource.yaml: spec.minAvailable: expected 2, got 1',
      ]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
