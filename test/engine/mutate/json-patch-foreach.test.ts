/**
 * patchesJson6902, foreach mutations, variables, context, preconditions, rule order and autogen,
 * from https://kyverno.io/docs/policy-types/cluster-policy/mutate/ (RFC 6902 JSONPatch, foreach,
 * mutate rule ordering) and the community policies remove-hostpath-volumes / add-image-as-env-var.
 */
import { PolicyEngine, RuleResult } from '../../../src/engine';
import { applyJsonPatch, JsonPatchError } from '../../../src/engine/mutate/json-patch';
import { policyWith, pod } from '../helpers';

function run(rule: any, resource: any, kinds = [resource.kind], options?: any): RuleResult {
  const hit = PolicyEngine.evaluate(policyWith(rule, kinds), resource, options).find((r) => r.rule === 'r');
  if (!hit) throw new Error('rule did not match');
  return hit;
}

describe('RFC 6902 as Kyverno applies it (json-patch v5 options)', () => {
  const doc = { a: { list: [1, 2, 3] }, m: { 'x/y': 1 } };
  test('add with "-" appends, a negative index counts from the end', () => {
    expect(applyJsonPatch(doc, [{ op: 'add', path: '/a/list/-', value: 4 }]).a.list).toEqual([1, 2, 3, 4]);
    expect(applyJsonPatch(doc, [{ op: 'replace', path: '/a/list/-1', value: 9 }]).a.list).toEqual([1, 2, 9]);
    expect(doc.a.list).toEqual([1, 2, 3]);
  });
  test('escaped segments (~1 is "/", ~0 is "~")', () => {
    expect(applyJsonPatch(doc, [{ op: 'replace', path: '/m/x~1y', value: 2 }]).m).toEqual({ 'x/y': 2 });
  });
  test('add creates missing parents: arrays before an index, objects otherwise', () => {
    const out = applyJsonPatch({}, [{ op: 'add', path: '/spec/terms/-1/exprs/-1', value: { key: 'k' } }]);
    expect(out).toEqual({ spec: { terms: [{ exprs: [{ key: 'k' }] }] } });
  });
  test('remove of a missing path is a no-op; replace of a missing path is an error', () => {
    expect(applyJsonPatch(doc, [{ op: 'remove', path: '/nope/x' }])).toEqual(doc);
    expect(() => applyJsonPatch(doc, [{ op: 'replace', path: '/nope', value: 1 }])).toThrow(JsonPatchError);
  });
  test('move, copy and test', () => {
    const out = applyJsonPatch(doc, [{ op: 'test', path: '/a/list/0', value: 1 }, { op: 'copy', from: '/a/list', path: '/b' }, { op: 'move', from: '/m', path: '/n' }]);
    expect(out).toEqual({ a: { list: [1, 2, 3] }, b: [1, 2, 3], n: { 'x/y': 1 } });
    expect(() => applyJsonPatch(doc, [{ op: 'test', path: '/a/list/0', value: 2 }])).toThrow('testing value');
  });
});

describe('patchesJson6902 rules', () => {
  test('variables are substituted into the patch text', () => {
    const r = run({ mutate: { patchesJson6902: '- op: add\n  path: /metadata/labels\n  value:\n    ns: "{{ request.namespace }}"' } }, pod());
    expect(r.status).toBe('pass');
    expect(r.patchedResource.metadata.labels).toEqual({ ns: 'default' });
  });
  test('a bad operation is an error that names it', () => {
    const r = run({ mutate: { patchesJson6902: '- op: explode\n  path: /x' } }, pod());
    expect(r.status).toBe('error');
    expect(r.message).toContain('unexpected operation "explode"');
  });
  test('removing what is not there applies nothing (skip)', () => {
    expect(run({ mutate: { patchesJson6902: '- op: remove\n  path: /spec/priority' } }, pod()).status).toBe('skip');
  });
});

describe('foreach', () => {
  const twoContainers = pod({ containers: [{ name: 'a', image: 'nginx:1' }, { name: 'b', image: 'busybox:2' }] });
  test('one JSON patch per element with element and elementIndex', () => {
    const r = run({
      mutate: {
        foreach: [{
          list: 'request.object.spec.containers[]',
          patchesJson6902: '- op: add\n  path: /spec/containers/{{elementIndex}}/env\n  value: [{"name": "IMAGE", "value": "{{ element.image }}"}]',
        }],
      },
    }, twoContainers);
    expect(r.status).toBe('pass');
    expect(r.patchedResource.spec.containers.map((c: any) => c.env[0].value)).toEqual(['nginx:1', 'busybox:2']);
  });
  test('Descending order with per-element preconditions removes the right elements', () => {
    const resource = pod({ volumes: [{ name: 'h1', hostPath: { path: '/a' } }, { name: 'keep', emptyDir: {} }, { name: 'h2', hostPath: { path: '/b' } }] });
    const r = run({
      mutate: {
        foreach: [{
          list: 'request.object.spec.volumes[]',
          order: 'Descending',
          preconditions: { all: [{ key: 'hostPath', operator: 'AnyIn', value: '{{ element.keys(@) }}' }] },
          patchesJson6902: '- path: /spec/volumes/{{elementIndex}}\n  op: remove',
        }],
      },
    }, resource);
    expect(r.patchedResource.spec.volumes).toEqual([{ name: 'keep', emptyDir: {} }]);
  });
  test('nested foreach sees elementIndex0 and elementIndex1', () => {
    const resource = pod({ containers: [{ name: 'a', image: 'i', volumeMounts: [{ name: 'x', mountPath: '/x' }, { name: 'tok', mountPath: '/t' }] }] });
    const r = run({
      mutate: {
        foreach: [{
          list: 'request.object.spec.containers[]',
          foreach: [{
            list: 'element.volumeMounts',
            order: 'Descending',
            preconditions: { all: [{ key: '{{ element.name }}', operator: 'Equals', value: 'tok' }] },
            patchesJson6902: '- path: /spec/containers/{{elementIndex0}}/volumeMounts/{{elementIndex1}}\n  op: remove',
          }],
        }],
      },
    }, resource);
    expect(r.patchedResource.spec.containers[0].volumeMounts).toEqual([{ name: 'x', mountPath: '/x' }]);
  });
  test('strategic merge per element with a conditional anchor on the name; nothing to add is a skip', () => {
    const rule = {
      mutate: {
        foreach: [{
          list: 'request.object.spec.containers',
          patchStrategicMerge: { spec: { containers: [{ '(name)': '{{ element.name }}', 'resources': { requests: { '+(memory)': '100Mi' } } }] } },
        }],
      },
    };
    const r = run(rule, pod({ containers: [{ name: 'a', image: 'i' }, { name: 'b', image: 'i', resources: { requests: { memory: '1Gi' } } }] }));
    expect(r.patchedResource.spec.containers.map((c: any) => c.resources.requests.memory)).toEqual(['100Mi', '1Gi']);
    const none = run(rule, pod({ containers: [{ name: 'b', image: 'i', resources: { requests: { memory: '1Gi' } } }] }));
    expect(none.status).toBe('skip');
  });
  test('a list that resolves to nothing is a skip', () => {
    expect(run({ mutate: { foreach: [{ list: 'request.object.spec.initContainers', patchStrategicMerge: { metadata: { labels: { x: 'y' } } } }] } }, pod()).status).toBe('skip');
  });
});

describe('context, preconditions and variables', () => {
  test('a variable context entry feeds the patch', () => {
    const r = run({
      context: [{ name: 'team', variable: { jmesPath: 'request.object.metadata.labels.team', default: 'none' } }],
      mutate: { patchStrategicMerge: { metadata: { annotations: { owner: '{{ team }}' } } } },
    }, pod({}, { labels: { team: 'blue' } }));
    expect(r.patchedResource.metadata.annotations).toEqual({ owner: 'blue' });
  });
  test('unmet preconditions skip the rule', () => {
    const r = run({
      preconditions: { all: [{ key: '{{ request.operation }}', operator: 'Equals', value: 'DELETE' }] },
      mutate: { patchStrategicMerge: { metadata: { labels: { x: 'y' } } } },
    }, pod());
    expect(r.status).toBe('skip');
    expect(r.message).toBe('preconditions not met');
  });
  test('a variable that cannot be resolved is an error', () => {
    const r = run({ mutate: { patchStrategicMerge: { metadata: { labels: { x: '{{ request.object.metadata.labels.missing }}' } } } } }, pod());
    expect(r.status).toBe('error');
    expect(r.message).toContain('variable substitution failed');
  });
  test('a live context entry without a value is unsupported, never a silent answer', () => {
    const r = run({ context: [{ name: 'cm', configMap: { name: 'c', namespace: 'n' } }], mutate: { patchStrategicMerge: { metadata: { labels: { x: '{{ cm.data.x }}' } } } } }, pod());
    expect(r.status).toBe('unsupported');
    expect(r.message).toContain('configMap');
    expect(r.patchedResource).toBeUndefined();
  });
});

describe('rule order within a policy', () => {
  const policy = (rules: any[]) => ({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'p' }, spec: { rules } });
  const match = { any: [{ resources: { kinds: ['Pod'] } }] };
  test('each mutate rule sees the previous patches; validate rules see the mutated resource', () => {
    const results = PolicyEngine.evaluate(policy([
      { name: 'check', match, validate: { message: 'needs team', pattern: { metadata: { labels: { team: '?*' } } } } },
      { name: 'label', match, mutate: { patchStrategicMerge: { metadata: { labels: { team: 'blue' } } } } },
      { name: 'copy', match, mutate: { patchStrategicMerge: { metadata: { annotations: { team: '{{ request.object.metadata.labels.team }}' } } } } },
    ]), pod());
    expect(results.map((r) => `${r.rule}:${r.status}`)).toEqual(['label:pass', 'copy:pass', 'check:pass']);
    expect(results[1].patchedResource.metadata).toMatchObject({ labels: { team: 'blue' }, annotations: { team: 'blue' } });
  });
});

describe('autogen of Pod mutate rules', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: 'default' },
    spec: { template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  };
  test('a strategic merge patch is applied to the pod template as autogen-<rule>', () => {
    const results = PolicyEngine.evaluate(policyWith({ mutate: { patchStrategicMerge: { spec: { '+(priorityClassName)': 'low' } } } }), deployment);
    expect(results.map((r) => `${r.rule}:${r.status}`)).toEqual(['autogen-r:pass']);
    expect(results[0].patchedResource.spec.template.spec.priorityClassName).toBe('low');
  });
  test('a JSON patch turns autogen off for the policy', () => {
    expect(PolicyEngine.evaluate(policyWith({ mutate: { patchesJson6902: '- op: add\n  path: /spec/x\n  value: 1' } }), deployment)).toEqual([]);
  });
});

describe('mutate-existing targets (mutate/#mutate-existing-resources)', () => {
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dictionary-1', namespace: 'staging' }, data: { foo: 'bar' } };
  const secret = (name: string, labels?: any) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'staging', ...(labels ? { labels } : {}) } });
  const rule = (targets: any[], patch: any = { metadata: { labels: { foo: '{{ request.object.data.foo }}' } } }) => policyWith({ mutate: { targets, patchStrategicMerge: patch } }, ['ConfigMap']);
  const results = (policy: any, targetResources?: any[]) => PolicyEngine.evaluate(policy, configMap, { targetResources })
    .map((r) => [r.status, r.patchedResource?.metadata?.name, r.patchedResource?.metadata?.labels]);

  test('each selected target gets a result with the patched target; the trigger is unchanged', () => {
    const policy = rule([{ apiVersion: 'v1', kind: 'Secret', name: 'secret-*', namespace: '{{ request.object.metadata.namespace }}' }]);
    expect(results(policy, [secret('secret-1'), secret('other'), secret('secret-2', { foo: 'bar' })])).toEqual([
      ['pass', 'secret-1', { foo: 'bar' }],
      ['skip', 'secret-2', { foo: 'bar' }],
    ]);
  });
  test('the target variable and per-target preconditions', () => {
    const policy = rule(
      [{ apiVersion: 'v1', kind: 'Secret', namespace: 'staging', preconditions: { all: [{ key: '{{ target.metadata.name }}', operator: 'Equals', value: 'b' }] } }],
      { metadata: { annotations: { from: '{{ target.metadata.name }}-{{ request.object.metadata.name }}' } } },
    );
    const out = PolicyEngine.evaluate(policy, configMap, { targetResources: [secret('a'), secret('b')] });
    expect(out.map((r) => [r.status, r.message])).toEqual([['skip', 'preconditions not met'], ['pass', 'mutated Secret/b in namespace staging']]);
    expect(out[1].patchedResource.metadata.annotations).toEqual({ from: 'b-dictionary-1' });
  });
  test('label selectors choose targets', () => {
    const policy = rule([{ apiVersion: 'v1', kind: 'Secret', selector: { matchLabels: { app: 'x' } } }]);
    expect(results(policy, [secret('a', { app: 'x' }), secret('b', { app: 'y' })]).map((r) => r[1])).toEqual(['a']);
  });
  test('without target resources the rule needs a live cluster: unsupported', () => {
    const out = PolicyEngine.evaluate(rule([{ apiVersion: 'v1', kind: 'Secret', name: 's' }]), configMap);
    expect(out.map((r) => r.status)).toEqual(['unsupported']);
    expect(out[0].message).toContain('targetResources');
  });
});
