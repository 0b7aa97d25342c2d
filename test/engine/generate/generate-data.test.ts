/**
 * generate with `data`: the resource Kyverno creates (variables substituted in the data and in
 * apiVersion/kind/name/namespace, Kyverno's labels), and the rule status kyverno test reports.
 * Policies from Kyverno's documentation and its community library.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/#data-examples
 */
import { EvaluationOptions, PolicyEngine, RuleResult, RuleStatus } from '../../../src/engine';

const clusterPolicy = (rules: any[], spec: any = {}) => ({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'gen' }, spec: { ...spec, rules } });
const namespace = (name: string, labels?: any) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(labels ? { labels } : {}) } });

function only(policy: any, resource: any, options?: EvaluationOptions): RuleResult {
  const results = PolicyEngine.evaluate(policy, resource, options);
  expect(results).toHaveLength(1);
  return results[0];
}

// best-practices/add-network-policy
const defaultDeny = {
  name: 'default-deny',
  match: { any: [{ resources: { kinds: ['Namespace'] } }] },
  generate: {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    name: 'default-deny',
    namespace: '{{request.object.metadata.name}}',
    synchronize: true,
    data: { spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
  },
};

test('data: the NetworkPolicy of the documented default-deny example, with Kyverno labels', () => {
  const r = only(clusterPolicy([defaultDeny]), namespace('team-a'));
  expect(r.status).toBe(RuleStatus.PASS);
  expect(r.message).toBe('generated NetworkPolicy team-a/default-deny (synchronize: true; no effect offline)');
  expect(r.generatedResources).toEqual([{
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: 'default-deny',
      namespace: 'team-a',
      labels: {
        'app.kubernetes.io/managed-by': 'kyverno',
        'generate.kyverno.io/policy-name': 'gen',
        'generate.kyverno.io/policy-namespace': '',
        'generate.kyverno.io/rule-name': 'default-deny',
        'generate.kyverno.io/trigger-group': '',
        'generate.kyverno.io/trigger-version': 'v1',
        'generate.kyverno.io/trigger-kind': 'Namespace',
        'generate.kyverno.io/trigger-namespace': '',
        'generate.kyverno.io/trigger-uid': '',
      },
    },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  }]);
});

test('data: a whole-string variable keeps its type (create-default-pdb copies the selector object)', () => {
  const rule = {
    name: 'create-default-pdb',
    match: { any: [{ resources: { kinds: ['Deployment'] } }] },
    generate: {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      name: '{{request.object.metadata.name}}-default-pdb',
      namespace: '{{request.object.metadata.namespace}}',
      data: { spec: { minAvailable: 1, selector: '{{request.object.spec.selector}}' } },
    },
  };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', uid: 'u-1' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  };
  const r = only(clusterPolicy([rule]), deployment);
  const pdb = r.generatedResources![0];
  expect([pdb.metadata.name, pdb.metadata.namespace, pdb.spec]).toEqual(['web-default-pdb', 'shop', { minAvailable: 1, selector: { matchLabels: { app: 'web' } } }]);
  expect(pdb.metadata.labels['generate.kyverno.io/trigger-group']).toBe('apps');
  expect(pdb.metadata.labels['generate.kyverno.io/trigger-uid']).toBe('u-1');
});

test('data: metadata in data is kept, the target name and namespace win, a managed-by label the data sets is kept', () => {
  const rule = {
    name: 'r',
    match: { any: [{ resources: { kinds: ['Namespace'] } }] },
    generate: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'cm',
      namespace: '{{request.object.metadata.name}}',
      data: { metadata: { name: 'ignored', labels: { 'team': 'a', 'app.kubernetes.io/managed-by': 'argo' } }, data: { k: 'v' } },
    },
  };
  const cm = only(clusterPolicy([rule]), namespace('ns1')).generatedResources![0];
  expect(cm.metadata.name).toBe('cm');
  expect(cm.metadata.labels.team).toBe('a');
  expect(cm.metadata.labels['app.kubernetes.io/managed-by']).toBe('argo');
  expect(cm.data).toEqual({ k: 'v' });
});

test('data: preconditions that do not hold skip the rule; a Policy records its namespace in the labels', () => {
  const rule = {
    ...defaultDeny,
    preconditions: { all: [{ key: '{{ request.object.metadata.labels.tier || \'\' }}', operator: 'Equals', value: 'prod' }] },
  };
  expect(only(clusterPolicy([rule]), namespace('dev', { tier: 'dev' }))).toMatchObject({ status: RuleStatus.SKIP, message: 'preconditions not met' });
  expect(only(clusterPolicy([rule]), namespace('dev', { tier: 'dev' })).generatedResources).toBeUndefined();
  const inProd = { ...rule, match: { any: [{ resources: { kinds: ['ConfigMap'] } }] }, generate: { ...rule.generate, namespace: 'prod' } };
  const nsPolicy = { apiVersion: 'kyverno.io/v1', kind: 'Policy', metadata: { name: 'p', namespace: 'prod' }, spec: { rules: [inProd] } };
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'prod', labels: { tier: 'prod' } } };
  const r = PolicyEngine.evaluate(nsPolicy, cm);
  expect(r[0].status).toBe(RuleStatus.PASS);
  expect(r[0].generatedResources![0].metadata.labels['generate.kyverno.io/policy-namespace']).toBe('prod');
});

test('data: a context entry resolved from the test values feeds the name (kasten example), an unresolvable one is unsupported', () => {
  const rule = {
    name: 'k',
    match: { any: [{ resources: { kinds: ['Namespace'] } }] },
    context: [{ name: 'existingPolicy', apiCall: { urlPath: '/apis/config.kio.kasten.io/v1alpha1/namespaces/kasten-io/policies', jmesPath: 'length(items)' } }],
    preconditions: { any: [{ key: '{{ existingPolicy }}', operator: 'Equals', value: 0 }] },
    generate: {
      apiVersion: 'config.kio.kasten.io/v1alpha1',
      kind: 'Policy',
      name: '{{ request.object.metadata.name }}-{{ request.object.metadata.labels.dataprotection }}-backup',
      namespace: 'kasten-io',
      data: { spec: { presetRef: { name: '{{ request.object.metadata.labels.dataprotection }}' } } },
    },
  };
  const ns = namespace('apps', { dataprotection: 'gold' });
  const withValue = only(clusterPolicy([rule]), ns, { ruleValues: { k: { existingPolicy: 0 } } });
  expect(withValue.status).toBe(RuleStatus.PASS);
  expect(withValue.generatedResources!.map((g) => [g.metadata.namespace, g.metadata.name, g.spec.presetRef.name])).toEqual([['kasten-io', 'apps-gold-backup', 'gold']]);
  expect(only(clusterPolicy([rule]), ns, { ruleValues: { k: { existingPolicy: 1 } } }).status).toBe(RuleStatus.SKIP);
  expect(only(clusterPolicy([rule]), ns)).toMatchObject({
    status: RuleStatus.UNSUPPORTED,
    message: 'context entry "existingPolicy" (apiCall) needs a live cluster or registry and no value was supplied',
  });
});

test('data: a variable that cannot be resolved leaves the rule passing with nothing generated, as kyverno test does', () => {
  const rule = { ...defaultDeny, generate: { ...defaultDeny.generate, name: '{{ request.object.metadata.annotations.missing }}' } };
  const r = only(clusterPolicy([rule]), namespace('a'));
  expect(r.status).toBe(RuleStatus.PASS);
  expect(r.generatedResources).toEqual([]);
  expect(r.message).toMatch(/^the rule applies but nothing is generated: variable substitution failed: /);
});

test('data: a PolicyException skips the generate rule; a rule that does not match yields no result', () => {
  const exception = {
    apiVersion: 'kyverno.io/v2',
    kind: 'PolicyException',
    metadata: { name: 'ex', namespace: 'kyverno' },
    spec: { exceptions: [{ policyName: 'gen', ruleNames: ['default-deny'] }], match: { any: [{ resources: { kinds: ['Namespace'], names: ['legacy'] } }] } },
  };
  expect(only(clusterPolicy([defaultDeny]), namespace('legacy'), { exceptions: [exception] })).toMatchObject({ status: RuleStatus.SKIP });
  expect(PolicyEngine.evaluate(clusterPolicy([defaultDeny]), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } })).toEqual([]);
});

test('generate-existing: the suite resources are the triggers; the flag is recorded in the message', () => {
  const rule = { ...defaultDeny, generate: { ...defaultDeny.generate, generateExisting: true, synchronize: undefined } };
  const r = only(clusterPolicy([rule]), namespace('old'));
  expect(r.message).toBe('generated NetworkPolicy old/default-deny (generateExisting: true (the suite\'s resources are the triggers); no effect offline)');
  const legacy = only(clusterPolicy([{ ...defaultDeny, generate: { ...defaultDeny.generate, synchronize: undefined } }], { generateExisting: true }), namespace('old'));
  expect(legacy.generatedResources!.map((g) => g.metadata.namespace)).toEqual(['old']);
  expect(legacy.message).toContain('generateExisting: true');
});

test('applyRules One stops after the first generate rule that applied', () => {
  const second = { ...defaultDeny, name: 'second', generate: { ...defaultDeny.generate, name: 'other' } };
  const r = PolicyEngine.evaluate(clusterPolicy([defaultDeny, second], { applyRules: 'One' }), namespace('a'));
  expect(r.map((x) => x.rule)).toEqual(['default-deny']);
});

test('the rule category of a generate rule is generate', () => {
  expect(PolicyEngine.ruleCategory(defaultDeny)).toBe('generate');
});

test('a namespaced Policy may only generate in, and clone from, its own namespace (Kyverno\'s policy validation)', () => {
  const policy = (generate: any) => ({ apiVersion: 'kyverno.io/v1', kind: 'Policy', metadata: { name: 'p', namespace: 'poltest' }, spec: { rules: [{ name: 'gen-zk', match: { any: [{ resources: { kinds: ['ConfigMap'] } }] }, generate }] } });
  const trigger = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'trigger', namespace: 'poltest' } };
  const data = { apiVersion: 'v1', kind: 'ConfigMap', name: 'zk', namespace: 'default', data: { data: { a: 'b' } } };
  expect(PolicyEngine.evaluate(policy(data), trigger).map((r) => [r.status, r.message])).toEqual([[
    RuleStatus.ERROR, 'invalid policy (kyverno test skips it): a namespaced policy cannot generate resources in other namespaces, expected: poltest, received: default',
  ]]);
  const clone = { apiVersion: 'v1', kind: 'Secret', name: 's', namespace: 'poltest', clone: { namespace: 'default', name: 'secret-basic-auth' } };
  expect(PolicyEngine.evaluate(policy(clone), trigger)[0].message).toBe(
    'invalid policy (kyverno test skips it): a namespaced policy cannot clone resources from other namespaces, expected: poltest, received: default');
  expect(PolicyEngine.evaluate(policy({ ...data, namespace: 'poltest' }), trigger)[0].status).toBe(RuleStatus.PASS);
});

test('data: a rule without data, clone or cloneList generates nothing; an empty data object generates the bare resource', () => {
  const bare = { name: 'bare', match: { any: [{ resources: { kinds: ['Namespace'] } }] }, generate: { apiVersion: 'v1', kind: 'ConfigMap', name: 'c', namespace: 'n' } };
  expect(only(clusterPolicy([bare]), namespace('a'))).toMatchObject({ status: RuleStatus.PASS, generatedResources: [], message: 'nothing to generate' });
  const empty = only(clusterPolicy([{ ...bare, generate: { ...bare.generate, data: {} } }]), namespace('a')).generatedResources!;
  expect(empty.map((g) => [g.apiVersion, g.kind, g.metadata.namespace, g.metadata.name])).toEqual([['v1', 'ConfigMap', 'n', 'c']]);
});
