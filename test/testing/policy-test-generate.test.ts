/**
 * PolicyTest for generate rules: the expected generated manifests and the clone sources reach the
 * engine and the written suite (generatedResources / cloneSourceResource files), which our runner
 * reads back from disk with the same results.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Testing } from 'cdk8s';
import { writeFiles } from '../../src/core/file-writer';
import { ClusterPolicy } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { KyvernoTestSuite, PolicyTest } from '../../src/testing';

const regcred = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'default' }, type: 'Opaque', data: { password: 'MWYyZDFlMmU2N2Rm' } };

/** The documented sync-secrets and add-networkpolicy policies. */
function fixture() {
  const app: App = Testing.app();
  const repo = new PolicyRepo(app, 'platform', { environments: ['dev'] });
  const set = new PolicySet(repo, 'tenancy', { version: '1.0.0' });
  new ClusterPolicy(set, 'sync-secrets', {
    rules: [{
      name: 'sync-image-pull-secret',
      match: { any: [{ resources: { kinds: ['Namespace'] } }] },
      generate: { apiVersion: 'v1', kind: 'Secret', name: 'regcred', namespace: '{{request.object.metadata.name}}', synchronize: true, clone: { namespace: 'default', name: 'regcred' } },
    }],
  });
  new ClusterPolicy(set, 'add-networkpolicy', {
    rules: [{
      name: 'default-deny',
      match: { any: [{ resources: { kinds: ['Namespace'] } }] },
      generate: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        name: 'default-deny',
        namespace: '{{request.object.metadata.name}}',
        data: { spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
      },
    }],
  });
  const test = new PolicyTest(set, 'tenants', { cloneSources: [regcred] });
  const team = new ApiObject(test, 'team', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
  return { repo, test, team };
}

const secretIn = (ns: string) => ({ ...regcred, metadata: { name: 'regcred', namespace: ns } });
const denyIn = (ns: string) => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: ns }, spec: { policyTypes: ['Ingress', 'Egress'] },
});

test('expectGenerated checks what a clone and a data rule generate', () => {
  const { test, team } = fixture();
  test.expectGenerated(team, 'sync-secrets', 'sync-image-pull-secret', [secretIn('team-a')]);
  test.expectGenerated(team, 'add-networkpolicy', 'default-deny', [denyIn('team-a')]);
  const report = test.run();
  expect(report.results.map((r) => [r.policy, r.actual, r.matched])).toEqual([['add-networkpolicy', 'pass', true], ['sync-secrets', 'pass', true]]);
});

test('a wrong expected manifest is a mismatch with the difference', () => {
  const { test, team } = fixture();
  test.expectGenerated(team, 'add-networkpolicy', 'default-deny', [{ ...denyIn('team-a'), spec: { policyTypes: ['Ingress'] } }]);
  expect(() => test.verify()).toThrow('add-networkpolicy/default-deny on Namespace team-a: expected pass, got pass (generated resource networking.k8s.io/v1/NetworkPolicy '
    + 'team-a/default-deny differs from generated-add-networkpolicy-default-deny-team-a.yaml: spec.policyTypes: expected 1 item(s), got 2)');
});

test('the suite names the generated and clone source files, and reads back from disk with the same results', () => {
  const { repo, test, team } = fixture();
  test.expectGenerated(team, 'sync-secrets', 'sync-image-pull-secret', [secretIn('team-a')]);
  test.expectGenerated(team, 'add-networkpolicy', 'default-deny', [denyIn('team-a')]);
  const files = repo.synthFiles().filter((f) => f.path.startsWith('tests/tenancy/tenants/.kyverno-test/'));
  expect(files.map((f) => path.basename(f.path))).toEqual([
    'clone-sources.yaml', 'generated-add-networkpolicy-default-deny-team-a.yaml', 'generated-sync-secrets-sync-image-pull-secret-team-a.yaml',
    'kyverno-test.yaml', 'policies.yaml', 'resources.yaml',
  ]);
  const kyvernoTest = files.find((f) => f.path.endsWith('kyverno-test.yaml'))!.content;
  expect(kyvernoTest).toContain('cloneSourceResource: clone-sources.yaml');
  expect(kyvernoTest).toContain('generatedResource: generated-sync-secrets-sync-image-pull-secret-team-a.yaml');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-test-generate-'));
  try {
    writeFiles(tmp, files);
    const report = KyvernoTestSuite.fromFile(path.join(tmp, 'tests', 'tenancy', 'tenants', '.kyverno-test', 'kyverno-test.yaml')).run();
    expect(report.results.filter((r) => r.actual === 'unsupported')).toEqual([]);
    expect(report.results.map((r) => [r.policy, r.actual, r.matched])).toEqual([['add-networkpolicy', 'pass', true], ['sync-secrets', 'pass', true]]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('several expected manifests (cloneList) are written one per file and listed in generatedResources', () => {
  const app: App = Testing.app();
  const repo = new PolicyRepo(app, 'platform', { environments: ['dev'] });
  const set = new PolicySet(repo, 'tenancy', { version: '1.0.0' });
  new ClusterPolicy(set, 'clone-list-secrets', {
    rules: [{
      name: 'clone-list-labelled-secrets',
      match: { any: [{ resources: { kinds: ['Namespace'] } }] },
      generate: { namespace: '{{request.object.metadata.name}}', cloneList: { namespace: 'default', kinds: ['v1/Secret'], selector: { matchLabels: { allowedToBeCloned: 'true' } } } },
    }],
  });
  const labelled = (name: string, ns: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns, labels: { allowedToBeCloned: 'true' } }, data: { k: 'dg==' } });
  const test = new PolicyTest(set, 'clones', { cloneSources: [labelled('a', 'default'), labelled('b', 'default')] });
  const team = new ApiObject(test, 'team', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-b' } });
  test.expectGenerated(team, 'clone-list-secrets', 'clone-list-labelled-secrets', [labelled('b', 'team-b'), labelled('a', 'team-b')]);
  expect(test.run().results.map((r) => [r.actual, r.matched])).toEqual([['pass', true]]);
  expect(test.definition().results).toEqual([{
    policy: 'clone-list-secrets',
    rule: 'clone-list-labelled-secrets',
    kind: 'Namespace',
    result: 'pass',
    resources: ['team-b'],
    generatedResources: [
      'generated-clone-list-secrets-clone-list-labelled-secrets-team-b-Secret-team-b-b.yaml',
      'generated-clone-list-secrets-clone-list-labelled-secrets-team-b-Secret-team-b-a.yaml',
    ],
    cloneSourceResource: 'clone-sources.yaml',
  }]);
});
