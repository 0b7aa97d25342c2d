/**
 * Generate suites in the layout of Kyverno's test/cli/test-generate, read from disk: the loader
 * reads cloneSourceResource and generatedResource(s) relative to the test file, and every
 * expected result agrees with the engine.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KyvernoTestRunner } from '../../../src/engine';
import { KyvernoTestSuite } from '../../../src/testing';

const FIXTURES = path.join(__dirname, 'fixtures');

test.each(['namespaced-clone-source', 'variable-target-offline', 'clone-list'])('%s', (suite) => {
  const report = KyvernoTestSuite.fromFile(path.join(FIXTURES, suite, 'kyverno-test.yaml')).run();
  expect(report.results.filter((r) => r.actual === 'unsupported')).toEqual([]);
  expect(report.results.map((r) => [r.resource, r.actual, r.matched, r.matched ? '' : r.reason])).toEqual(report.results.map((r) => [r.resource, 'pass', true, '']));
  expect(report.results).toHaveLength(1);
});

test('the unselected clone source is not generated (clone-list): an expected copy of it is not found', () => {
  const suite = KyvernoTestSuite.fromFile(path.join(FIXTURES, 'clone-list', 'kyverno-test.yaml'));
  const def = suite.definition;
  const privateCopy = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'private', namespace: 'hello-world-namespace' }, data: { token: 'c2VjcmV0' } };
  const report = KyvernoTestRunner.run({ ...def, resultFiles: { ...def.resultFiles, 'generatedSecret.yaml': [privateCopy] } });
  expect(report.results[0].reason).toBe('generated resource v1/Secret hello-world-namespace/private (generatedSecret.yaml) not found: '
    + 'the rule generated v1/Secret hello-world-namespace/regcred, v1/ConfigMap hello-world-namespace/settings');
});

test('a generatedResource file that does not exist fails that result only, naming the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-missing-'));
  try {
    fs.cpSync(path.join(FIXTURES, 'variable-target-offline'), dir, { recursive: true });
    fs.rmSync(path.join(dir, 'generated-resource.yaml'));
    const report = KyvernoTestSuite.fromFile(path.join(dir, 'kyverno-test.yaml')).run();
    expect(report.results.map((r) => [r.actual, r.matched, r.reason])).toEqual([
      ['pass', false, 'failed to load generated resource file "generated-resource.yaml" (it does not exist)'],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
