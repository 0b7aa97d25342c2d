import { Chart, Testing } from 'cdk8s';
import { PODS, newChart } from './helpers';
import { validateTree } from '../../src/core/validate-tree';
import {
  AutogenControllers, ClusterPolicy, ClusterPolicyProps, ConditionOperator, Policy, Rule, ImportedPolicy,
} from '../../src/kyverno';

const GOOD: Rule = { name: 'require-team', match: PODS, validate: { message: 'label team is required', pattern: { metadata: { labels: { team: '?*' } } } } };
const LABEL = "a DNS-1123 label (lowercase alphanumerics and '-', at most 63 characters)";

/** Problems of one ClusterPolicy with construct id `bad` in chart `test`. */
function problems(props: ClusterPolicyProps): string[] {
  const chart = newChart();
  return new ClusterPolicy(chart, 'bad', props).node.validate();
}

function ruleProblems(rule: any): string[] {
  return problems({ rules: [rule] });
}

describe('bad input gives errors naming the construct path, the field and what is allowed', () => {
  test('a valid policy has no problems', () => {
    expect(problems({ rules: [GOOD] })).toEqual([]);
  });

  test('policy name not DNS-1123', () => {
    expect(problems({ name: 'Require_Team', rules: [GOOD] })).toEqual([
      'test/bad: metadata.name: "Require_Team" is not a DNS-1123 subdomain of at most 63 characters (lowercase alphanumerics, \'-\' and \'.\')',
    ]);
  });

  test('policy name longer than 63 characters', () => {
    const name = 'a'.repeat(64);
    expect(problems({ name, rules: [GOOD] })).toEqual([
      `test/bad: metadata.name: "${name}" is not a DNS-1123 subdomain of at most 63 characters (lowercase alphanumerics, '-' and '.')`,
    ]);
  });

  test('rule name not a DNS-1123 label', () => {
    expect(ruleProblems({ ...GOOD, name: 'Bad_Name' })).toEqual([`test/bad: spec.rules[0].name: "Bad_Name" is not ${LABEL}`]);
  });

  test('rule name longer than 63 characters', () => {
    const name = 'r'.repeat(64);
    expect(ruleProblems({ ...GOOD, name })).toEqual([`test/bad: spec.rules[0].name: "${name}" is not ${LABEL}`]);
  });

  test('empty rule name', () => {
    expect(ruleProblems({ ...GOOD, name: '' })).toEqual([`test/bad: spec.rules[0].name: a rule needs a name (${LABEL})`]);
  });

  test('duplicate rule names', () => {
    expect(problems({ rules: [GOOD, { ...GOOD }] })).toEqual([
      'test/bad: spec.rules[1].name: "require-team" is already the name of spec.rules[0] (rule names must be unique within a policy)',
    ]);
  });

  test('a validate block with two kinds of check', () => {
    expect(ruleProblems({ ...GOOD, validate: { message: 'm', pattern: { spec: {} }, deny: {} } })).toEqual([
      'test/bad: spec.rules[0].validate: a validate rule needs exactly one kind of check (one of pattern, anyPattern, deny, foreach, cel, podSecurity), found pattern, deny',
    ]);
  });

  test('a validate block with no check', () => {
    expect(ruleProblems({ ...GOOD, validate: { message: 'm' } })).toEqual([
      'test/bad: spec.rules[0].validate: a validate rule needs exactly one kind of check (one of pattern, anyPattern, deny, foreach, cel, podSecurity), found none',
    ]);
  });

  test.each([
    ['pattern', { pattern: { spec: {} } }],
    ['anyPattern', { anyPattern: [{ spec: {} }] }],
    ['deny', { deny: {} }],
  ])('a %s check without a message', (kind, check) => {
    expect(ruleProblems({ ...GOOD, validate: { ...check, message: ' ' } })).toEqual([
      `test/bad: spec.rules[0].validate.message: a ${kind} check needs a message (shown to the user when the check fails)`,
    ]);
  });

  test('a rule with two actions', () => {
    expect(ruleProblems({ ...GOOD, mutate: { patchStrategicMerge: {} } })).toEqual([
      'test/bad: spec.rules[0]: a rule needs exactly one action (one of validate, mutate, generate, verifyImages), found validate, mutate',
    ]);
  });

  test('a rule with no action', () => {
    expect(ruleProblems({ name: 'r', match: PODS })).toEqual([
      'test/bad: spec.rules[0]: a rule needs exactly one action (one of validate, mutate, generate, verifyImages), found none',
    ]);
  });

  test('an empty match', () => {
    expect(ruleProblems({ ...GOOD, match: {} })).toEqual(['test/bad: spec.rules[0].match: must list at least one resource filter under any or all']);
  });

  test('match with both any and all', () => {
    expect(ruleProblems({ ...GOOD, match: { any: PODS.any, all: PODS.any } })).toEqual([
      'test/bad: spec.rules[0].match: use either any or all, not both (Kyverno rejects a block with both)',
    ]);
  });

  test('an empty filter and a filter without kinds', () => {
    expect(ruleProblems({ ...GOOD, match: { any: [{}, { resources: { namespaces: ['prod'] } }] } })).toEqual([
      'test/bad: spec.rules[0].match.any[0]: an empty filter (set resources, subjects, roles or clusterRoles)',
      'test/bad: spec.rules[0].match.any[1].resources.kinds: list at least one kind (e.g. "Pod")',
    ]);
  });

  test('autogen annotation value Kyverno does not accept', () => {
    expect(problems({ rules: [GOOD], autogenControllers: AutogenControllers.fromString('Deployment,Pod') })).toEqual([
      'test/bad: metadata.annotations["pod-policies.kyverno.io/autogen-controllers"]: "Deployment,Pod" is not an autogen-controllers value Kyverno accepts'
      + ' ("none" or a comma-separated list of Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, ReplicationController)',
    ]);
    expect(problems({ rules: [GOOD], autogenControllers: AutogenControllers.fromString('DaemonSet,Job') })).toEqual([]);
    expect(problems({ rules: [GOOD], autogenControllers: AutogenControllers.fromString('none') })).toEqual([]);
  });

  test.each([0, 31, 2.5])('webhookTimeoutSeconds %s', (t) => {
    expect(problems({ rules: [GOOD], webhookTimeoutSeconds: t })).toEqual([
      `test/bad: spec.webhookTimeoutSeconds: ${t} is out of range (an integer from 1 to 30)`,
    ]);
  });

  test('a policy without rules', () => {
    expect(problems({})).toEqual(['test/bad: spec.rules: the policy has no rules (add at least one with rules or addRule)']);
  });

  test('Policy namespace not a DNS-1123 label', () => {
    const p = new Policy(newChart(), 'bad', { namespace: 'Team_A', rules: [GOOD] });
    expect(p.node.validate()).toEqual([`test/bad: metadata.namespace: "Team_A" is not ${LABEL}`]);
  });

  test('an unknown condition operator (from untyped callers)', () => {
    const rule = { ...GOOD, preconditions: { all: [{ key: '{{ request.operation }}', operator: 'Equalz' as ConditionOperator, value: 'CREATE' }] } };
    expect(ruleProblems(rule)).toEqual([
      `test/bad: spec.rules[0].preconditions.all[0].operator: "Equalz" is not a Kyverno condition operator (${Object.values(ConditionOperator).join(', ')})`,
    ]);
  });

  test('a context entry with two sources, and one with none', () => {
    const rule = { ...GOOD, context: [{ name: 'a', variable: { value: 1 }, configMap: { name: 'cm' } }, { name: 'b' }] };
    expect(ruleProblems(rule)).toEqual([
      'test/bad: spec.rules[0].context[0]: a context entry needs exactly one of variable, configMap, apiCall, imageRegistry, globalReference, found variable, configMap',
      'test/bad: spec.rules[0].context[1]: a context entry needs exactly one of variable, configMap, apiCall, imageRegistry, globalReference, found none',
    ]);
  });

  test('a foreach without a list or check', () => {
    expect(ruleProblems({ ...GOOD, validate: { message: 'm', foreach: [{ list: '' }] } })).toEqual([
      'test/bad: spec.rules[0].validate.foreach[0].list: a foreach needs a list (a JMESPath such as "request.object.spec.containers")',
      'test/bad: spec.rules[0].validate.foreach[0]: a foreach needs exactly one of pattern, anyPattern, deny, foreach, found none',
    ]);
  });

  test('generate with both data and clone', () => {
    const rule = { name: 'r', match: PODS, generate: { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', data: {}, clone: { name: 'x', namespace: 'y' } } };
    expect(ruleProblems(rule)).toEqual(['test/bad: spec.rules[0].generate: a generate rule needs exactly one of data, clone, cloneList, found data, clone']);
  });

  test('generate data without kind and name', () => {
    expect(ruleProblems({ name: 'r', match: PODS, generate: { apiVersion: 'v1', data: {} } })).toEqual([
      'test/bad: spec.rules[0].generate: kind, name must be set for data and clone',
    ]);
  });

  test('mutate without a patch', () => {
    expect(ruleProblems({ name: 'r', match: PODS, mutate: {} })).toEqual([
      'test/bad: spec.rules[0].mutate: a mutate rule needs patchStrategicMerge, patchesJson6902 or foreach',
    ]);
  });

  test('verifyImages without image references or attestors', () => {
    expect(ruleProblems({ name: 'r', match: PODS, verifyImages: [{ imageReferences: [] }] })).toEqual([
      'test/bad: spec.rules[0].verifyImages[0].imageReferences: list at least one image reference (wildcards allowed, e.g. "ghcr.io/acme/*")',
      'test/bad: spec.rules[0].verifyImages[0]: needs attestors or attestations',
    ]);
  });

  test('a cel check without expressions and a podSecurity level that does not exist', () => {
    expect(problems({
      rules: [
        { ...GOOD, validate: { cel: {} } },
        { ...GOOD, name: 'psa', validate: { podSecurity: { level: 'strict' as any } } },
      ],
    })).toEqual([
      'test/bad: spec.rules[0].validate.cel.expressions: list at least one CEL expression',
      'test/bad: spec.rules[1].validate.podSecurity.level: "strict" is not one of privileged, baseline, restricted',
    ]);
  });

  test('all problems are collected, and validateTree refuses the tree', () => {
    const chart = newChart();
    new ClusterPolicy(chart, 'bad', { name: 'Bad', webhookTimeoutSeconds: 60, rules: [{ ...GOOD, name: 'X' }, { name: 'y', match: {} } as any] });
    expect(() => validateTree(chart)).toThrow([
      'Validation failed with 5 error(s); nothing was written:',
      '  - test/bad: metadata.name: "Bad" is not a DNS-1123 subdomain of at most 63 characters (lowercase alphanumerics, \'-\' and \'.\')',
      '  - test/bad: spec.webhookTimeoutSeconds: 60 is out of range (an integer from 1 to 30)',
      `  - test/bad: spec.rules[0].name: "X" is not ${LABEL}`,
      '  - test/bad: spec.rules[1]: a rule needs exactly one action (one of validate, mutate, generate, verifyImages), found none',
      '  - test/bad: spec.rules[1].match: must list at least one resource filter under any or all',
    ].join('\n'));
  });

  test('imported manifests are checked only for what Kyverno itself rejects', () => {
    const chart = newChart();
    const manifest = {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'ok', annotations: { 'pod-policies.kyverno.io/autogen-controllers': 'Deployments' } },
      spec: { rules: [{ name: 'Any Name Kyverno Accepts', match: {} }, { name: 'Any Name Kyverno Accepts', match: {} }] },
    };
    expect(ImportedPolicy.clusterPolicy(chart, 'lib', manifest).node.validate()).toEqual([
      'test/lib: metadata.annotations["pod-policies.kyverno.io/autogen-controllers"]: "Deployments" is not an autogen-controllers value Kyverno accepts'
      + ' ("none" or a comma-separated list of Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, ReplicationController)',
      'test/lib: spec.rules[1].name: "Any Name Kyverno Accepts" is already the name of spec.rules[0] (rule names must be unique within a policy)',
    ]);
  });
});

describe('cdk8s App.synth runs the same validations', () => {
  test('an invalid policy stops cdk8s synthesis with the same message', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'test');
    new ClusterPolicy(chart, 'bad', { rules: [{ ...GOOD, name: 'Bad_Name' }] });
    expect(() => app.synth()).toThrow(`test/bad: spec.rules[0].name: "Bad_Name" is not ${LABEL}`);
  });
});
