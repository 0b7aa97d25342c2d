/**
 * The generatedResource(s) check of kyverno test results: labels fixed up as the CLI does, empty
 * values tidied, namespace defaulted, differences reported by path; the runner fails a result
 * whose generated resource differs and names the file.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import { KyvernoTestRunner } from '../../../src/engine';
import { checkGeneratedResources, checkResultGeneratedResources } from '../../../src/engine/generated-resource-check';

const generated = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'default-deny', namespace: 'team', labels: { 'app.kubernetes.io/managed-by': 'kyverno', 'generate.kyverno.io/policy-name': 'p', 'team': 'a' } },
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
};
const expected = (patch: any = {}) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'default-deny', namespace: 'team', labels: { team: 'a' }, ...(patch.metadata ?? {}) },
  spec: { policyTypes: ['Ingress', 'Egress'], ...(patch.spec ?? {}) },
});

test('generate labels and managed-by are fixed up on both sides, empty maps and nulls are tidied away', () => {
  expect(checkGeneratedResources([expected({ spec: { podSelector: {}, ingress: null } })], [generated], 'g.yaml')).toEqual({ ok: true });
});

test('a differing value, a missing label or an extra field is reported by path', () => {
  const want = expected({ metadata: { labels: { team: 'b' } }, spec: { policyTypes: ['Ingress'], podSelector: { matchLabels: { app: 'x' } } } });
  expect(checkGeneratedResources([want], [generated], 'g.yaml')).toEqual({
    ok: false,
    reason: 'generated resource networking.k8s.io/v1/NetworkPolicy team/default-deny differs from g.yaml: metadata.labels.team: expected "b", got "a"; '
      + 'spec.podSelector: expected {"matchLabels":{"app":"x"}}, got (absent); spec.policyTypes: expected 1 item(s), got 2',
  });
});

test('an expected document without a namespace is in default, as the CLI loader puts it', () => {
  const clusterScoped = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: '1' } };
  expect(checkGeneratedResources([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }], [clusterScoped], 'f').ok).toBe(true);
  const elsewhere = { ...clusterScoped, metadata: { name: 'c', namespace: 'other' } };
  expect(checkGeneratedResources([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }], [elsewhere], 'f').reason)
    .toBe('generated resource v1/ConfigMap other/c differs from f: metadata.namespace: expected "default", got "other"');
});

test('several expected documents are matched by identity; a missing one is named', () => {
  const a = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a', namespace: 'n' } };
  const b = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'b', namespace: 'n' } };
  expect(checkGeneratedResources([b, a], [a, b], 'f').ok).toBe(true);
  expect(checkGeneratedResources([a, b], [a], 'f').reason).toBe('generated resource v1/Secret n/b (f) not found: the rule generated v1/Secret n/a');
  expect(checkGeneratedResources([a], [], 'f').reason).toBe('generated resource v1/Secret n/a (f) not found: the rule generated nothing');
});

test('the result check reads generatedResource and generatedResources files; a missing file fails the result', () => {
  const files = { 'one.yaml': [expected({ spec: { podSelector: {} } })], 'two.yaml': [expected()] };
  expect(checkResultGeneratedResources({ rule: 'r' }, [generated], files)).toBeUndefined();
  expect(checkResultGeneratedResources({ generatedResource: 'one.yaml' }, [generated], files)).toEqual({ ok: true });
  expect(checkResultGeneratedResources({ generatedResources: ['one.yaml', 'two.yaml'] }, [generated], files)).toEqual({ ok: true });
  expect(checkResultGeneratedResources({ generatedResource: 'gone.yaml' }, [generated], files))
    .toEqual({ ok: false, reason: 'failed to load generated resource file "gone.yaml" (it does not exist)' });
});

// a suite in the format of Kyverno's test/cli/test-generate/sync-secrets
const syncSecrets = {
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name: 'sync-secrets' },
  spec: {
    rules: [{
      name: 'sync-image-pull-secret',
      match: { resources: { kinds: ['Namespace'] } },
      generate: { apiVersion: 'v1', kind: 'Secret', name: 'regcred', namespace: '{{request.object.metadata.name}}', synchronize: true, clone: { namespace: 'default', name: 'regcred' } },
    }],
  },
};
const source = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'default' }, type: 'Opaque', data: { password: 'MWYyZDFlMmU2N2Rm' } };
const want = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'hello-world-namespace' }, type: 'Opaque', data: { password: 'MWYyZDFlMmU2N2Rm' } };
const suite = (generatedFile: any[], result: any = {}) => KyvernoTestRunner.run({
  name: 'sync',
  policies: [syncSecrets],
  resources: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'hello-world-namespace' } }],
  results: [{
    cloneSourceResource: 'cloneSourceResource.yaml',
    generatedResource: 'generatedResource.yaml',
    kind: 'Namespace',
    policy: 'sync-secrets',
    resources: ['hello-world-namespace'],
    result: 'pass',
    rule: 'sync-image-pull-secret',
    ...result,
  }],
  resultFiles: { 'cloneSourceResource.yaml': [source], 'generatedResource.yaml': generatedFile },
});

test('runner: a clone suite with cloneSourceResource is in scope and matches', () => {
  const report = suite([want]);
  expect(report.results.filter((r) => r.actual === 'unsupported')).toEqual([]);
  expect(report.results.map((r) => [r.actual, r.matched, r.category])).toEqual([['pass', true, 'generate']]);
});

test('runner: a generated resource that differs fails the result with the diff as reason', () => {
  const report = suite([{ ...want, data: { password: 'b3RoZXI=' } }]);
  expect(report.passed).toBe(false);
  expect(report.results.map((r) => [r.actual, r.matched, r.reason])).toEqual([[
    'pass', false, 'generated resource v1/Secret hello-world-namespace/regcred differs from generatedResource.yaml: data.password: expected "b3RoZXI=", got "MWYyZDFlMmU2N2Rm"',
  ]]);
});

test('runner: without the clone source the rule passes, generates nothing and the expected resource is not found', () => {
  const report = suite([want], { cloneSourceResource: undefined });
  expect(report.results.map((r) => [r.actual, r.matched, r.reason])).toEqual([[
    'pass', false, 'generated resource v1/Secret hello-world-namespace/regcred (generatedResource.yaml) not found: the rule generated nothing',
  ]]);
});
