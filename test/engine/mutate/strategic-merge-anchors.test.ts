/**
 * patchStrategicMerge with Kyverno's anchors, on the examples of
 * https://kyverno.io/docs/policy-types/cluster-policy/mutate/ (mutate-rule-control, anchors) and
 * the behaviour of Kyverno's test/cli/test-mutate suites (global anchor, sidecar injection).
 */
import { PolicyEngine, RuleResult } from '../../../src/engine';
import { policyWith, pod } from '../helpers';

function mutate(patchStrategicMerge: any, resource: any, kinds = [resource.kind]): RuleResult {
  const results = PolicyEngine.evaluate(policyWith({ mutate: { patchStrategicMerge } }, kinds), resource);
  const hit = results.find((r) => r.rule === 'r');
  if (!hit) throw new Error('rule did not match');
  return hit;
}

const containers = [{ name: 'a', image: 'nginx:latest' }, { name: 'b', image: 'nginx:1.25' }];

describe('plain strategic merge', () => {
  test('adds fields and merges maps; pass with the patched resource', () => {
    const r = mutate({ metadata: { labels: { color: 'orange' } }, spec: { nodeSelector: { foo: 'bar' } } }, pod({}, { labels: { app: 'x' } }));
    expect(r.status).toBe('pass');
    expect(r.message).toBe('mutated Pod/p in namespace default');
    expect(r.patchedResource.metadata.labels).toEqual({ app: 'x', color: 'orange' });
    expect(r.patchedResource.spec.nodeSelector).toEqual({ foo: 'bar' });
  });
  test('a patch that changes nothing is a skip, and the resource is unchanged', () => {
    const resource = pod({}, { labels: { color: 'orange' } });
    const r = mutate({ metadata: { labels: { color: 'orange' } } }, resource);
    expect(r.status).toBe('skip');
    expect(r.message).toBe('no patches applied');
    expect(r.patchedResource).toEqual(resource);
  });
  test('lists of maps merge by name: an existing element is merged in place, a new one comes first', () => {
    const r = mutate({ spec: { containers: [{ name: 'b', imagePullPolicy: 'Always' }, { name: 'sidecar', image: 'vault:1.5.4' }] } }, pod({ containers }));
    expect(r.patchedResource.spec.containers).toEqual([
      { name: 'sidecar', image: 'vault:1.5.4' },
      { name: 'a', image: 'nginx:latest' },
      { name: 'b', image: 'nginx:1.25', imagePullPolicy: 'Always' },
    ]);
  });
  test('lists of scalars are replaced', () => {
    const r = mutate({ spec: { containers: [{ name: 'a', args: ['x'] }] } }, pod({ containers: [{ name: 'a', image: 'i', args: ['y', 'z'] }] }));
    expect(r.patchedResource.spec.containers[0].args).toEqual(['x']);
  });
  test('null removes a field; $patch: delete removes a list element', () => {
    const resource = pod({ volumes: [{ name: 'keep', emptyDir: {} }, { name: 'drop', hostPath: { path: '/' } }] }, { annotations: { a: '1', b: '2' } });
    const r = mutate({ metadata: { annotations: { a: null } }, spec: { volumes: [{ name: 'drop', $patch: 'delete' }] } }, resource);
    expect(r.patchedResource.metadata.annotations).toEqual({ b: '2' });
    expect(r.patchedResource.spec.volumes).toEqual([{ name: 'keep', emptyDir: {} }]);
    expect(resource.spec.volumes).toHaveLength(2);
  });
});

describe('conditional anchor (key)', () => {
  test('on list elements: only the elements that satisfy it are patched', () => {
    const r = mutate({ spec: { containers: [{ '(image)': '*:latest', 'imagePullPolicy': 'IfNotPresent' }] } }, pod({ containers }));
    expect(r.status).toBe('pass');
    expect(r.patchedResource.spec.containers).toEqual([
      { name: 'a', image: 'nginx:latest', imagePullPolicy: 'IfNotPresent' },
      { name: 'b', image: 'nginx:1.25' },
    ]);
  });
  test('(name): "*" patches every element of the list', () => {
    const r = mutate({ spec: { containers: [{ '(name)': '*', 'envFrom': [{ configMapRef: { name: 'env' } }] }] } }, pod({ containers }));
    expect(r.patchedResource.spec.containers.map((c: any) => c.envFrom)).toEqual([[{ configMapRef: { name: 'env' } }], [{ configMapRef: { name: 'env' } }]]);
  });
  test('on a map: an unmet condition voids the whole patch (skip)', () => {
    const patch = { metadata: { annotations: { '(inject)': 'true' } }, spec: { containers: [{ name: 'agent', image: 'vault' }] } };
    expect(mutate(patch, pod({}, { annotations: { inject: 'true' } })).patchedResource.spec.containers.map((c: any) => c.name)).toEqual(['agent', 'c']);
    const skipped = mutate(patch, pod({}, { annotations: { inject: 'false' } }));
    expect(skipped.status).toBe('skip');
    expect(skipped.patchedResource.spec.containers.map((c: any) => c.name)).toEqual(['c']);
    expect(mutate(patch, pod()).status).toBe('skip');
  });
});

describe('add-if-not-present anchor +(key)', () => {
  test('adds only the keys the resource lacks', () => {
    const patch = { spec: { securityContext: { '+(runAsNonRoot)': true, '+(runAsUser)': 1000 } } };
    const r = mutate(patch, pod({ securityContext: { runAsUser: 5 } }));
    expect(r.patchedResource.spec.securityContext).toEqual({ runAsUser: 5, runAsNonRoot: true });
    expect(mutate(patch, pod({ securityContext: { runAsUser: 5, runAsNonRoot: false } })).status).toBe('skip');
  });
  test('a whole subtree is added only when absent', () => {
    const patch = { spec: { '+(topologySpreadConstraints)': [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] } };
    expect(mutate(patch, pod()).patchedResource.spec.topologySpreadConstraints).toHaveLength(1);
    const existing = [{ maxSkew: 2, topologyKey: 'host', whenUnsatisfiable: 'ScheduleAnyway' }];
    expect(mutate(patch, pod({ topologySpreadConstraints: existing })).status).toBe('skip');
  });
});

describe('global anchor <(key)', () => {
  const patch = { metadata: { annotations: { '+(cluster-autoscaler.kubernetes.io/safe-to-evict)': 'true' } }, spec: { volumes: [{ '<(emptyDir)': {} }] } };
  test('the patch applies when some list element satisfies it, and the anchor element is not added', () => {
    const r = mutate(patch, pod({ volumes: [{ name: 'cache', emptyDir: { sizeLimit: '500Mi' } }] }));
    expect(r.status).toBe('pass');
    expect(r.patchedResource.metadata.annotations).toEqual({ 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true' });
    expect(r.patchedResource.spec.volumes).toEqual([{ name: 'cache', emptyDir: { sizeLimit: '500Mi' } }]);
  });
  test('no element satisfies it, or the list is absent: the rule is skipped', () => {
    expect(mutate(patch, pod({ volumes: [{ name: 'cfg', configMap: { name: 'x' } }] })).status).toBe('skip');
    expect(mutate(patch, pod()).status).toBe('skip');
  });
});

describe('negation X(key) and equality =(key) inside a condition (checked as validate patterns)', () => {
  test('X(key): the condition holds only while the key is absent', () => {
    const patch = { metadata: { '(labels)': { 'X(protected)': 'null' }, 'annotations': { touched: 'yes' } } };
    expect(mutate(patch, pod({}, { labels: { app: 'x' } })).status).toBe('pass');
    expect(mutate(patch, pod({}, { labels: { protected: 'true' } })).status).toBe('skip');
  });
  test('=(key): the condition holds when the key is absent or equal', () => {
    const patch = { '(spec)': { '=(hostNetwork)': false }, 'metadata': { labels: { checked: 'yes' } } };
    expect(mutate(patch, pod()).status).toBe('pass');
    expect(mutate(patch, pod({ hostNetwork: false })).status).toBe('pass');
    expect(mutate(patch, pod({ hostNetwork: true })).status).toBe('skip');
  });
});
