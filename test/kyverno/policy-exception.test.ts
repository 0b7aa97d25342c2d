import { Testing } from 'cdk8s';
import { PODS, expectCrdValid, newChart } from './helpers';
import { ClusterPolicy, ConditionOperator, Policy, PolicyException, PolicyExceptionProps, ImportedPolicy } from '../../src/kyverno';

const REASON = 'Cilium agents need NET_ADMIN; approved by security (SEC-142) until 2026-12-31.';
const BASE: PolicyExceptionProps = {
  reason: REASON,
  exceptions: [{ policyName: 'disallow-capabilities', ruleNames: ['adding-capabilities', 'autogen-adding-capabilities'] }],
  match: { any: [{ resources: { kinds: ['Pod', 'DaemonSet'], namespaces: ['kube-system'], names: ['cilium*'] } }] },
};

describe('PolicyException', () => {
  test('full manifest with conditions, podSecurity and background; reason in the description annotation', () => {
    const chart = newChart({ namespace: 'kyverno' });
    const e = new PolicyException(chart, 'cilium-capabilities', {
      ...BASE,
      title: 'Cilium needs NET_ADMIN',
      background: false,
      conditions: { all: [{ key: '{{ request.object.metadata.labels.app }}', operator: ConditionOperator.EQUALS, value: 'cilium' }] },
      podSecurity: [{ controlName: 'Capabilities', images: ['quay.io/cilium/*'], restrictedField: 'spec.containers[*].securityContext.capabilities.add', values: ['NET_ADMIN'] }],
      labels: { team: 'network' },
    });
    const expected = {
      apiVersion: 'kyverno.io/v2',
      kind: 'PolicyException',
      metadata: {
        name: 'cilium-capabilities',
        namespace: 'kyverno',
        labels: { team: 'network' },
        annotations: { 'policies.kyverno.io/description': REASON, 'policies.kyverno.io/title': 'Cilium needs NET_ADMIN' },
      },
      spec: {
        background: false,
        exceptions: BASE.exceptions,
        match: BASE.match,
        conditions: { all: [{ key: '{{ request.object.metadata.labels.app }}', operator: 'Equals', value: 'cilium' }] },
        podSecurity: [{ controlName: 'Capabilities', images: ['quay.io/cilium/*'], restrictedField: 'spec.containers[*].securityContext.capabilities.add', values: ['NET_ADMIN'] }],
      },
    };
    expect(e.node.validate()).toEqual([]);
    expect(Testing.synth(chart)).toStrictEqual([expected]);
    expect([e.exceptionName, e.namespace, e.reason]).toEqual(['cilium-capabilities', 'kyverno', REASON]);
    expectCrdValid(expected, 'v1.19.0');
  });

  test('minimal: explicit name and namespace, nothing else invented', () => {
    const e = new PolicyException(newChart(), 'id', { ...BASE, name: 'x', namespace: 'policy-exceptions' });
    expect(e.toJson()).toStrictEqual({
      apiVersion: 'kyverno.io/v2',
      kind: 'PolicyException',
      metadata: { name: 'x', namespace: 'policy-exceptions', annotations: { 'policies.kyverno.io/description': REASON } },
      spec: { exceptions: BASE.exceptions, match: BASE.match },
    });
    expectCrdValid(e.toJson(), 'v1.19.0');
  });

  const bad = (props: Partial<PolicyExceptionProps>) => new PolicyException(newChart(), 'ex', { ...BASE, ...props }).node.validate();

  test.each([
    ['missing', undefined, 'test/ex: reason: a reason is required (why the exception is safe, who approved it, until when)'],
    ['blank', '   ', 'test/ex: reason: a reason is required (why the exception is safe, who approved it, until when)'],
    ['todo', 'TODO', 'test/ex: reason: "TODO" is a placeholder, not a reason (say why the exception is safe, who approved it, until when)'],
    ['n/a', 'n/a', 'test/ex: reason: "n/a" is a placeholder, not a reason (say why the exception is safe, who approved it, until when)'],
    ['placeholder words only', 'TODO: fixme later, tbd', 'test/ex: reason: "TODO: fixme later, tbd" is a placeholder, not a reason (say why the exception is safe, who approved it, until when)'],
    ['too short', 'needed by cilium', 'test/ex: reason: "needed by cilium" is too short to justify an exception (at least 20 characters and three distinct words)'],
    ['one long word', 'aaaaaaaaaaaaaaaaaaaaaaaaa', 'test/ex: reason: "aaaaaaaaaaaaaaaaaaaaaaaaa" is too short to justify an exception (at least 20 characters and three distinct words)'],
  ])('reason %s', (_name, reason, message) => {
    expect(bad({ reason: reason as any })).toEqual([message]);
  });

  test('empty exceptions and match, bad policy and rule names, bad namespace', () => {
    expect(bad({ namespace: 'Kyverno', exceptions: [], match: {} })).toEqual([
      'test/ex: metadata.namespace: "Kyverno" is not a DNS-1123 label (lowercase alphanumerics and \'-\', at most 63 characters)',
      'test/ex: spec.exceptions: list at least one {policyName, ruleNames} the exception suspends',
      'test/ex: spec.match: must list at least one resource filter under any or all',
    ]);
    expect(bad({ exceptions: [{ policyName: 'Bad Name', ruleNames: [] }, { policyName: 'team-a/require-limits', ruleNames: ['r'] }], match: PODS })).toEqual([
      'test/ex: spec.exceptions[0].policyName: "Bad Name" is not a policy name ("<clusterpolicy>" or "<namespace>/<policy>", wildcards allowed)',
      'test/ex: spec.exceptions[0].ruleNames: list the rule names to suspend (non-empty strings)',
    ]);
  });
});

describe('PolicyException helpers', () => {
  const rules = [
    { name: 'adding-capabilities', match: PODS, validate: { message: 'm', pattern: { spec: {} } } },
    { name: 'drop-all', match: PODS, validate: { message: 'm', pattern: { spec: {} } } },
  ];

  test('targetOf a ClusterPolicy (all rules) and a Policy (namespace/name, chosen rules, autogen names)', () => {
    const chart = newChart();
    const cp = new ClusterPolicy(chart, 'disallow-capabilities', { rules });
    const p = new Policy(chart, 'team-rules', { namespace: 'team-a', rules });
    expect(PolicyException.targetOf(cp)).toStrictEqual({ policyName: 'disallow-capabilities', ruleNames: ['adding-capabilities', 'drop-all'] });
    expect(PolicyException.targetOf(p, ['drop-all'], true)).toStrictEqual({
      policyName: 'team-a/team-rules',
      ruleNames: ['drop-all', 'autogen-drop-all', 'autogen-cronjob-drop-all'],
    });
    expect(() => PolicyException.targetOf(cp, ['nope'])).toThrow('test/disallow-capabilities: no rule named "nope" (rules: adding-capabilities, drop-all)');
  });

  test('fromManifest keeps the manifest and still requires a reason', () => {
    const good = new PolicyException(newChart(), 'x', { ...BASE, namespace: 'kyverno' }).toJson();
    const imported = ImportedPolicy.policyException(newChart(), 'imported', { ...good, extra: { kept: true } });
    expect(imported.toJson()).toStrictEqual({ ...good, extra: { kept: true } });
    expect(imported.node.validate()).toEqual(['test/imported: extra: unknown field "extra" (not in the PolicyException schema of Kyverno 1.13.2; '
      + 'kubectl apply --validate=strict refuses it); the nearest known field is "kind"']);
    expect(ImportedPolicy.policyException(newChart(), 'clean', good).node.validate()).toEqual([]);
    const noReason = { ...good, metadata: { name: 'x', namespace: 'kyverno' } };
    expect(ImportedPolicy.policyException(newChart(), 'bare', noReason).node.validate()).toEqual([
      'test/bare: reason: a reason is required (why the exception is safe, who approved it, until when)',
    ]);
    expect(() => ImportedPolicy.policyException(newChart(), 'bad', { kind: 'Policy' })).toThrow('test/bad: kind: expected "PolicyException", got "Policy"');
  });

  test('match and conditions are checked like a policy rule', () => {
    const problems = new PolicyException(newChart(), 'ex', {
      ...BASE,
      match: { any: [{ resources: { kinds: ['Pod'] } }], all: [{ resources: { kinds: ['Pod'] } }] },
      conditions: { any: [] },
    }).node.validate();
    expect(problems).toEqual([
      'test/ex: spec.match: use either any or all, not both (Kyverno rejects a block with both)',
      'test/ex: spec.conditions: list conditions under any or all',
    ]);
  });
});
