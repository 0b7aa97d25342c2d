/**
 * `patchedResources` in a kyverno test suite, compared as `kyverno test` compares them
 * (https://kyverno.io/docs/kyverno-cli/usage/test/): the policy's patched resource against the
 * document of the same kind/namespace/name in the file, after dropping nulls and empty values.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KyvernoTestRunner } from '../../../src/engine';
import { patchedResourceMismatch, tidyResource } from '../../../src/engine/patched-resource-check';
import { KyvernoTestSuite } from '../../../src/testing';

const match = { any: [{ resources: { kinds: ['Pod'] } }] };
const policy = (name: string, rules: any[]) => ({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name }, spec: { rules } });
const labeler = policy('labeler', [{ name: 'add-team', match, mutate: { patchStrategicMerge: { metadata: { labels: { '+(team)': 'blue' } } } } }]);
const pod = (name: string, labels?: any) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
const result = (resource: string, file: string, want = 'pass') => ({ policy: 'labeler', rule: 'add-team', kind: 'Pod', resources: [resource], result: want, patchedResources: file });

describe('the comparison', () => {
  test('tidy drops nulls, empty maps and empty lists', () => {
    expect(tidyResource({ a: null, b: {}, c: [], d: [{}, 1], e: { f: { g: null } }, h: 'x' })).toEqual({ d: [1], h: 'x' });
  });
  test('equal after tidy, "default" namespace equal to none; a difference names the path', () => {
    const actual = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'default', labels: { x: '1' } }, spec: { volumes: [] } };
    expect(patchedResourceMismatch(actual, [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { x: '1' } } }], 'f.yaml')).toBeUndefined();
    expect(patchedResourceMismatch(actual, [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { x: '2' } } }], 'f.yaml')?.reason)
      .toBe('patched resource differs from f.yaml: /metadata/labels/x: got "1", expected "2"');
    expect(patchedResourceMismatch(actual, [{ kind: 'Pod', metadata: { name: 'b' } }], 'f.yaml'))
      .toEqual({ reason: 'f.yaml has no Pod default/a to compare the patched resource with', notInFile: true });
  });
});

describe('the runner', () => {
  const expected = [{ ...pod('a', { team: 'blue' }) }, { ...pod('b', { team: 'red' }) }];
  test('a patched resource equal to the file passes; a different one fails with the diff', () => {
    const report = KyvernoTestRunner.run({
      name: 't',
      policies: [labeler],
      resources: [pod('a'), pod('b', { team: 'red' })],
      results: [result('a', 'patched.yaml'), result('b', 'patched.yaml', 'skip'), result('a', 'wrong.yaml')],
      resultFiles: { 'patched.yaml': expected, 'wrong.yaml': [pod('a', { team: 'green' })] },
    });
    expect(report.results.filter((r) => r.actual === 'unsupported')).toEqual([]);
    expect(report.results.map((r) => [r.actual, r.matched, r.category])).toEqual([['pass', true, 'mutate'], ['skip', true, 'mutate'], ['pass', false, 'mutate']]);
    expect(report.results[2].reason).toBe('patched resource differs from wrong.yaml: /metadata/labels/team: got "blue", expected "green"');
  });
  test('a failed check counts as the expected fail, a file without the resource skips the row (kyverno test); a missing file is a miss', () => {
    const report = KyvernoTestRunner.run({
      name: 't',
      policies: [labeler],
      resources: [pod('a')],
      results: [result('a', 'wrong.yaml', 'fail'), result('a', 'other.yaml'), result('a', 'absent.yaml')],
      resultFiles: { 'wrong.yaml': [pod('a', { team: 'green' })], 'other.yaml': [pod('z')] },
    });
    expect(report.results.map((r) => r.matched)).toEqual([true, true, false]);
    expect(report.results[0].reason).toBe('not counted by kyverno test (expected fail): patched resource differs from wrong.yaml: /metadata/labels/team: got "blue", expected "green"');
    expect(report.results[1].reason).toBe('not counted by kyverno test (row skipped): other.yaml has no Pod default/a to compare the patched resource with');
    expect(report.results[2].reason).toBe('patched resource file absent.yaml was not loaded');
  });
  test('mutations of earlier policies feed the next policies and validation', () => {
    const checker = policy('checker', [{ name: 'team', match, validate: { message: 'team', pattern: { metadata: { labels: { team: 'blue' } } } } }]);
    const report = KyvernoTestRunner.run({
      name: 't',
      policies: [checker, labeler],
      resources: [pod('a')],
      results: [{ policy: 'checker', rule: 'team', kind: 'Pod', resources: ['a'], result: 'pass' }],
    });
    expect(report.results[0].actual).toBe('pass');
  });
});

test('a mutate-existing result is compared through its patched target (targetResources)', () => {
  const trigger = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'staging' } };
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'staging' } };
  const p = policy('existing', [{
    name: 'label-secret',
    match: { any: [{ resources: { kinds: ['ConfigMap'] } }] },
    mutate: { targets: [{ apiVersion: 'v1', kind: 'Secret', name: 's', namespace: 'staging' }], patchStrategicMerge: { metadata: { labels: { foo: 'bar' } } } },
  }]);
  const want = (labels: any) => ({ ...secret, metadata: { ...secret.metadata, labels } });
  const report = KyvernoTestRunner.run({
    name: 't',
    policies: [p],
    resources: [trigger],
    targetResources: [secret],
    results: ['good.yaml', 'bad.yaml'].map((f) => ({ policy: 'existing', rule: 'label-secret', kind: 'ConfigMap', resources: ['cm'], result: 'pass', patchedResources: f })),
    resultFiles: { 'good.yaml': [trigger, want({ foo: 'bar' })], 'bad.yaml': [want({ foo: 'baz' })] },
  });
  expect(report.results.map((r) => r.matched)).toEqual([true, false]);
  expect(report.results[1].reason).toBe('patched resource differs from bad.yaml: /metadata/labels/foo: got "bar", expected "baz"');
});

test('the suite loader reads patchedResources relative to the test file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutate-suite-'));
  try {
    fs.writeFileSync(path.join(dir, 'policy.yaml'), JSON.stringify(labeler));
    fs.writeFileSync(path.join(dir, 'resource.yaml'), JSON.stringify(pod('a')));
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'out', 'patched.yaml'), JSON.stringify(pod('a', { team: 'blue' })));
    fs.writeFileSync(path.join(dir, 'kyverno-test.yaml'), JSON.stringify({
      apiVersion: 'cli.kyverno.io/v1alpha1',
      kind: 'Test',
      metadata: { name: 's' },
      policies: ['policy.yaml'],
      resources: ['resource.yaml'],
      results: [result('a', 'out/patched.yaml')],
    }));
    const report = KyvernoTestSuite.fromFile(path.join(dir, 'kyverno-test.yaml')).run();
    expect(report.results.map((r) => [r.actual, r.matched])).toEqual([['pass', true]]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
