/**
 * generate with `clone` and `cloneList`: sources are the trigger and the test's cloneSourceResource
 * documents (what kyverno test's generate controller sees); the copy drops server-set fields and
 * takes the target's name and namespace.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/#clone-source
 */
import { PolicyEngine, RuleResult, RuleStatus } from '../../../src/engine';

const clusterPolicy = (rules: any[]) => ({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'sync' }, spec: { rules } });
const namespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const onNamespaces = { any: [{ resources: { kinds: ['Namespace'] } }] };

function only(policy: any, resource: any, cloneSources?: any[]): RuleResult {
  const results = PolicyEngine.evaluate(policy, resource, { cloneSources });
  expect(results).toHaveLength(1);
  return results[0];
}

// Kyverno's test/cli/test-generate/sync-secrets
const syncSecret = {
  name: 'sync-image-pull-secret',
  match: onNamespaces,
  generate: { apiVersion: 'v1', kind: 'Secret', name: 'regcred', namespace: '{{request.object.metadata.name}}', synchronize: true, clone: { namespace: 'default', name: 'regcred' } },
};
const regcred = {
  apiVersion: 'v1',
  kind: 'Secret',
  type: 'Opaque',
  data: { password: 'MWYyZDFlMmU2N2Rm' },
  metadata: {
    name: 'regcred',
    namespace: 'default',
    uid: 'abc',
    resourceVersion: '7',
    creationTimestamp: '2024-01-01T00:00:00Z',
    managedFields: [{ manager: 'kubectl' }],
    labels: { team: 'platform' },
    ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'x' }],
  },
};

test('clone: the source Secret copied into the new Namespace without uid, resourceVersion, timestamps, managedFields or cross-namespace owners', () => {
  const r = only(clusterPolicy([syncSecret]), namespace('hello-world-namespace'), [regcred]);
  expect(r.status).toBe(RuleStatus.PASS);
  expect(r.generatedResources).toHaveLength(1);
  const secret = r.generatedResources![0];
  expect(secret).toEqual({
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    data: { password: 'MWYyZDFlMmU2N2Rm' },
    metadata: { name: 'regcred', namespace: 'hello-world-namespace', labels: { ...secret.metadata.labels, team: 'platform' } },
  });
  expect(secret.metadata.labels['app.kubernetes.io/managed-by']).toBe('kyverno');
  // the source is not modified
  expect(regcred.metadata.uid).toBe('abc');
});

test('clone: owner references stay when source and target share the namespace; the target name can differ', () => {
  const rule = { ...syncSecret, generate: { ...syncSecret.generate, name: 'regcred-copy', namespace: 'default' } };
  const secret = only(clusterPolicy([rule]), namespace('any'), [regcred]).generatedResources![0];
  expect([secret.metadata.name, secret.metadata.namespace, secret.metadata.ownerReferences]).toEqual(['regcred-copy', 'default', regcred.metadata.ownerReferences]);
});

test('clone: a source without a namespace is in default (the kyverno test loader), apiVersion and kind must be the target\'s', () => {
  const noNs = { ...regcred, metadata: { name: 'regcred' } };
  expect(only(clusterPolicy([syncSecret]), namespace('n'), [noNs]).generatedResources).toHaveLength(1);
  const configMap = { ...regcred, kind: 'ConfigMap' };
  const r = only(clusterPolicy([syncSecret]), namespace('n'), [configMap]);
  expect(r.status).toBe(RuleStatus.PASS);
  expect(r.generatedResources).toEqual([]);
  expect(r.message).toBe('the rule applies but nothing is generated: clone source v1/Secret default/regcred not found '
    + '(kyverno test only holds the trigger and the cloneSourceResource documents) (synchronize: true; no effect offline)');
});

test('clone: cloning a resource onto itself generates nothing', () => {
  const rule = { ...syncSecret, generate: { ...syncSecret.generate, namespace: 'default' } };
  const r = only(clusterPolicy([rule]), namespace('x'), [regcred]);
  expect([r.status, r.generatedResources, r.message]).toEqual([RuleStatus.PASS, [], 'nothing to generate (synchronize: true; no effect offline)']);
});

test('clone: the trigger itself can be the source', () => {
  const rule = {
    name: 'copy-cm',
    match: { any: [{ resources: { kinds: ['ConfigMap'] } }] },
    generate: { apiVersion: 'v1', kind: 'ConfigMap', name: '{{request.object.metadata.name}}', namespace: 'backup', clone: { namespace: '{{request.object.metadata.namespace}}', name: '{{request.object.metadata.name}}' } },
  };
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'apps' }, data: { a: '1' } };
  const r = only(clusterPolicy([rule]), cm);
  expect(r.generatedResources!.map((g) => [g.metadata.namespace, g.metadata.name, g.data])).toEqual([['backup', 'settings', { a: '1' }]]);
});

// Kyverno's test/cli/test-generate/clone-list
const cloneList = {
  name: 'clone-list-labelled-secrets',
  match: onNamespaces,
  generate: {
    namespace: '{{request.object.metadata.name}}',
    synchronize: true,
    cloneList: { namespace: 'default', kinds: ['v1/Secret', 'v1/ConfigMap'], selector: { matchLabels: { allowedToBeCloned: 'true' } } },
  },
};
const labelled = (kind: string, name: string, ns = 'default', allowed = 'true') => ({
  apiVersion: 'v1', kind, metadata: { name, namespace: ns, labels: { allowedToBeCloned: allowed } }, data: { k: name },
});

test('cloneList: every selected source of each kind in the source namespace, kinds in order, names in byte order', () => {
  const sources = [
    labelled('Secret', 'b-secret'), labelled('Secret', 'a-secret'), labelled('ConfigMap', 'cm'),
    labelled('Secret', 'not-allowed', 'default', 'false'), labelled('Secret', 'elsewhere', 'other'), { ...labelled('Secret', 'v2'), apiVersion: 'v2' },
  ];
  const r = only(clusterPolicy([cloneList]), namespace('team'), sources);
  expect(r.status).toBe(RuleStatus.PASS);
  expect(r.generatedResources!.map((g) => `${g.apiVersion}/${g.kind} ${g.metadata.namespace}/${g.metadata.name} ${g.metadata.labels.allowedToBeCloned}`)).toEqual([
    'v1/Secret team/a-secret true', 'v1/Secret team/b-secret true', 'v1/ConfigMap team/cm true',
  ]);
  expect(r.message).toBe('generated Secret team/a-secret, Secret team/b-secret, ConfigMap team/cm (synchronize: true; no effect offline)');
});

test('cloneList: a kind without version matches any version; sources in the target namespace are not cloned onto themselves', () => {
  const rule = { ...cloneList, generate: { ...cloneList.generate, cloneList: { ...cloneList.generate.cloneList, kinds: ['Secret'] } } };
  expect(only(clusterPolicy([rule]), namespace('t'), [labelled('Secret', 's')]).generatedResources!.map((g) => g.metadata.name)).toEqual(['s']);
  expect(only(clusterPolicy([rule]), namespace('default'), [labelled('Secret', 's')]).generatedResources).toEqual([]);
});
