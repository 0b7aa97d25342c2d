/**
 * generate.foreach (Kyverno 1.13+): each element of the list generates with `element` and
 * `elementIndex` in its context, its own context entries and preconditions.
 * The policies are the documented examples.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/#foreach
 */
import { PolicyEngine, RuleResult, RuleStatus } from '../../../src/engine';

const clusterPolicy = (rules: any[]) => ({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'foreach-generate' }, spec: { rules } });
const trigger = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'default-deny', namespace: 'default' }, data: { namespaces: 'foreach-ns-1,foreach-ns-2' } };

function only(policy: any, resource: any, cloneSources?: any[]): RuleResult {
  const results = PolicyEngine.evaluate(policy, resource, { cloneSources });
  expect(results).toHaveLength(1);
  return results[0];
}

const dataForeach = (extra: any = {}) => ({
  name: 'k-kafka-address',
  match: { any: [{ resources: { kinds: ['ConfigMap'] } }] },
  generate: {
    generateExisting: false,
    synchronize: true,
    orphanDownstreamOnPolicyDelete: false,
    foreach: [{
      list: "request.object.data.namespaces | split(@, ',')",
      ...extra,
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      name: 'my-networkpolicy-{{element}}-{{ elementIndex }}',
      namespace: '{{ element }}',
      data: {
        metadata: { labels: { 'request.namespace': '{{ request.object.metadata.name }}', 'element': '{{ element }}' } },
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      },
    }],
  },
});

test('foreach data: one NetworkPolicy per namespace of the ConfigMap list', () => {
  const r = only(clusterPolicy([dataForeach()]), trigger);
  expect(r.status).toBe(RuleStatus.PASS);
  expect(r.generatedResources!.map((g) => [g.metadata.namespace, g.metadata.name, g.metadata.labels.element, g.metadata.labels['request.namespace']])).toEqual([
    ['foreach-ns-1', 'my-networkpolicy-foreach-ns-1-0', 'foreach-ns-1', 'default-deny'],
    ['foreach-ns-2', 'my-networkpolicy-foreach-ns-2-1', 'foreach-ns-2', 'default-deny'],
  ]);
  expect(r.message).toContain('synchronize: true, orphanDownstreamOnPolicyDelete: false, generateExisting: false');
});

test('foreach data: per-element context and preconditions select the elements (documented example)', () => {
  const rule = dataForeach({
    context: [{ name: 'ns', variable: { jmesPath: 'element' } }],
    preconditions: { any: [{ key: '{{ ns }}', operator: 'AnyIn', value: ['foreach-ns-1'] }] },
  });
  expect(only(clusterPolicy([rule]), trigger).generatedResources!.map((g) => g.metadata.namespace)).toEqual(['foreach-ns-1']);
});

test('foreach clone: the documented clone example copies the source into each namespace', () => {
  const rule = {
    name: 'sync-secrets',
    match: { any: [{ resources: { kinds: ['ConfigMap'] } }] },
    generate: {
      foreach: [{
        list: "request.object.data.namespaces | split(@, ',')",
        apiVersion: 'v1',
        kind: 'Secret',
        name: 'cloned-secret-{{ elementIndex }}-{{ element }}',
        namespace: '{{ element }}',
        clone: { namespace: 'default', name: 'source-secret' },
      }],
    },
  };
  const source = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'source-secret', namespace: 'default' }, data: { k: 'dg==' } };
  const r = only(clusterPolicy([rule]), trigger, [source]);
  expect(r.generatedResources!.map((g) => `${g.metadata.namespace}/${g.metadata.name}:${g.data.k}`)).toEqual([
    'foreach-ns-1/cloned-secret-0-foreach-ns-1:dg==', 'foreach-ns-2/cloned-secret-1-foreach-ns-2:dg==',
  ]);
});

test('foreach: an element that fails makes the controller fail the rule: nothing is generated, the rule still passes', () => {
  const rule = dataForeach();
  rule.generate.foreach[0].name = 'np-{{ request.object.metadata.missing }}';
  const r = only(clusterPolicy([rule]), trigger);
  expect([r.status, r.generatedResources]).toEqual([RuleStatus.PASS, []]);
  expect(r.message).toMatch(/^the rule applies but nothing is generated: failed to process 0 element: variable substitution failed: .*; failed to process 1 element: /);
});

test('foreach: a list that resolves to nothing generates nothing', () => {
  const r = only(clusterPolicy([dataForeach()]), { ...trigger, data: {} });
  expect(r.status).toBe(RuleStatus.PASS);
  expect(r.generatedResources).toEqual([]);
});

test('foreach: an element context entry that needs the cluster is unsupported unless the test supplies it', () => {
  const rule = dataForeach({
    context: [{ name: 'quota', apiCall: { urlPath: '/api/v1/namespaces/{{ element }}/resourcequotas', jmesPath: 'length(items)' } }],
    preconditions: { any: [{ key: '{{ quota }}', operator: 'Equals', value: 0 }] },
  });
  const policy = clusterPolicy([rule]);
  expect(PolicyEngine.evaluate(policy, trigger).map((r) => [r.status, r.message])).toEqual([[
    RuleStatus.UNSUPPORTED, 'context entry "quota" (apiCall) needs a live cluster or registry and no value was supplied',
  ]]);
  const supplied = PolicyEngine.evaluate(policy, trigger, { ruleValues: { 'k-kafka-address': { quota: 0 } } });
  expect(supplied[0].generatedResources!.map((g) => g.metadata.namespace)).toEqual(['foreach-ns-1', 'foreach-ns-2']);
});
