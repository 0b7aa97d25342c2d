import { JsonPatch, Testing } from 'cdk8s';
import { PODS, expectCrdValid, newChart, synthPolicy } from './helpers';
import {
  ApplyRules, AutogenController, AutogenControllers, ClusterPolicy, FailureAction, FailurePolicy, KyvernoVersion, Policy, Rule, Severity,
  ImportedPolicy,
} from '../../src/kyverno';
import { ruleLevelFailureAction, setFailureAction } from '../../src/kyverno/failure-action';

const VALIDATE: Rule = { name: 'require-team', match: PODS, validate: { message: 'label team is required', pattern: { metadata: { labels: { team: '?*' } } } } };
const MUTATE: Rule = { name: 'add-team', match: PODS, mutate: { patchStrategicMerge: { metadata: { labels: { '+(team)': 'none' } } } } };
const VERIFY: Rule = {
  name: 'signed',
  match: PODS,
  verifyImages: [{ imageReferences: ['ghcr.io/acme/*'], attestors: [{ entries: [{ keyless: { subject: 'a@b.c', issuer: 'https://accounts.google.com' } }] }] }],
};

describe('ClusterPolicy spec', () => {
  test('minimal policy: name from the id, background true, nothing else invented', () => {
    expect(synthPolicy([VALIDATE])).toStrictEqual({
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'p' },
      spec: { background: true, rules: [VALIDATE] },
    });
  });

  test('every spec field', () => {
    const m = synthPolicy([VALIDATE], {
      name: 'require-team-label',
      background: false,
      admission: true,
      failurePolicy: FailurePolicy.IGNORE,
      webhookTimeoutSeconds: 15,
      applyRules: ApplyRules.ONE,
      emitWarning: true,
      useServerSideApply: true,
    });
    expect(m.metadata).toStrictEqual({ name: 'require-team-label' });
    expect(m.spec).toStrictEqual({
      admission: true,
      applyRules: 'One',
      background: false,
      emitWarning: true,
      failurePolicy: 'Ignore',
      useServerSideApply: true,
      webhookTimeoutSeconds: 15,
      rules: [VALIDATE],
    });
  });

  test('metadata annotations from typed props, merged with extra labels and annotations', () => {
    const m = synthPolicy([VALIDATE], {
      title: 'Require Team Label',
      category: 'Multi-Tenancy',
      severity: Severity.HIGH,
      subject: 'Pod',
      description: 'Every Pod names its owning team.',
      minKyvernoVersionAnnotation: '1.13.0',
      kubernetesVersion: '1.28',
      autogenControllers: AutogenControllers.of(AutogenController.DEPLOYMENT, AutogenController.CRON_JOB, AutogenController.DEPLOYMENT),
      labels: { 'app.kubernetes.io/part-of': 'security-policy' },
      annotations: { 'example.com/owner': 'security', 'policies.kyverno.io/title': 'overridden by the typed prop' },
    });
    expect(m.metadata).toStrictEqual({
      name: 'p',
      labels: { 'app.kubernetes.io/part-of': 'security-policy' },
      annotations: {
        'example.com/owner': 'security',
        'kyverno.io/kubernetes-version': '1.28',
        'kyverno.io/kyverno-version': '1.13.0',
        'pod-policies.kyverno.io/autogen-controllers': 'Deployment,CronJob',
        'policies.kyverno.io/category': 'Multi-Tenancy',
        'policies.kyverno.io/description': 'Every Pod names its owning team.',
        'policies.kyverno.io/severity': 'high',
        'policies.kyverno.io/subject': 'Pod',
        'policies.kyverno.io/title': 'Require Team Label',
      },
    });
  });

  test('extra annotations are kept when the typed prop is not set', () => {
    const m = synthPolicy([VALIDATE], { annotations: { 'policies.kyverno.io/title': 'From annotations' }, category: 'Other' });
    expect(m.metadata.annotations).toStrictEqual({ 'policies.kyverno.io/category': 'Other', 'policies.kyverno.io/title': 'From annotations' });
  });

  test('autogen none', () => {
    const m = synthPolicy([VALIDATE], { autogenControllers: AutogenControllers.none() });
    expect(m.metadata.annotations).toStrictEqual({ 'pod-policies.kyverno.io/autogen-controllers': 'none' });
  });

  test('public properties reflect the props and defaults', () => {
    const p = new ClusterPolicy(newChart(), 'id', { name: 'n', severity: Severity.LOW, title: 't', category: 'c', description: 'd', failureAction: FailureAction.AUDIT, rules: [VALIDATE] });
    expect([p.policyName, p.kyvernoVersion, p.failureAction, p.background, p.severity, p.title, p.category, p.description, p.imported])
      .toEqual(['n', '1.13', 'Audit', true, 'low', 't', 'c', 'd', false]);
  });
});

describe('failure action placement', () => {
  test('1.13 (default): on every validate and verifyImages rule, never in spec', () => {
    const m = synthPolicy([VALIDATE, MUTATE, VERIFY], { failureAction: FailureAction.ENFORCE });
    expect(m.spec.validationFailureAction).toBeUndefined();
    expect(m.spec.rules[0].validate).toStrictEqual({ failureAction: 'Enforce', ...VALIDATE.validate });
    expect(Object.keys(m.spec.rules[0].validate)[0]).toBe('failureAction');
    expect(m.spec.rules[1]).toStrictEqual(MUTATE);
    expect(m.spec.rules[2].verifyImages[0].failureAction).toBe('Enforce');
  });

  test.each([KyvernoVersion.V1_10, KyvernoVersion.V1_11, KyvernoVersion.V1_12])('%s: spec.validationFailureAction only', (v) => {
    const m = synthPolicy([VALIDATE, VERIFY], { failureAction: FailureAction.AUDIT, kyvernoVersion: v });
    expect(m.spec).toStrictEqual({ background: true, validationFailureAction: 'Audit', rules: [VALIDATE, VERIFY] });
  });

  test.each([KyvernoVersion.V1_14, KyvernoVersion.V1_19])('%s: rule level like 1.13', (v) => {
    const m = synthPolicy([VALIDATE], { failureAction: FailureAction.ENFORCE, kyvernoVersion: v }, 'v1.19.0');
    expect(m.spec.rules[0].validate.failureAction).toBe('Enforce');
    expect('validationFailureAction' in m.spec).toBe(false);
  });

  test('no failure action: nothing emitted anywhere', () => {
    const m = synthPolicy([VALIDATE, VERIFY]);
    expect(JSON.stringify(m)).not.toMatch(/ailureAction/);
  });

  test('ruleLevelFailureAction', () => {
    expect(Object.values(KyvernoVersion).map((v) => [v, ruleLevelFailureAction(v)])).toEqual([
      ['1.10', false], ['1.11', false], ['1.12', false], ['1.13', true], ['1.14', true], ['1.15', true],
      ['1.16', true], ['1.17', true], ['1.18', true], ['1.19', true],
    ]);
  });

  test('setFailureAction moves an opaque placeholder and removes the other form', () => {
    const manifest = (): any => ({
      spec: {
        background: true,
        validationFailureAction: 'Audit',
        rules: [{ name: 'a', validate: { message: 'm', failureAction: 'Audit' } }, { name: 'b', mutate: {} }, { name: 'c', verifyImages: [{ imageReferences: ['*'] }] }],
      },
    });
    const newer = manifest();
    setFailureAction(newer, '@@KNOB@@', KyvernoVersion.V1_13);
    expect(newer).toStrictEqual({
      spec: {
        background: true,
        rules: [
          { name: 'a', validate: { message: 'm', failureAction: '@@KNOB@@' } },
          { name: 'b', mutate: {} },
          { name: 'c', verifyImages: [{ failureAction: '@@KNOB@@', imageReferences: ['*'] }] },
        ],
      },
    });
    const older = manifest();
    setFailureAction(older, '@@KNOB@@', KyvernoVersion.V1_12);
    expect(older).toStrictEqual({
      spec: {
        background: true,
        validationFailureAction: '@@KNOB@@',
        rules: [{ name: 'a', validate: { message: 'm' } }, { name: 'b', mutate: {} }, { name: 'c', verifyImages: [{ imageReferences: ['*'] }] }],
      },
    });
    const noSpecField: any = { spec: { background: false, rules: [{ name: 'a', validate: { message: 'm' } }] } };
    setFailureAction(noSpecField, 'Enforce', KyvernoVersion.V1_11);
    expect(Object.keys(noSpecField.spec)).toEqual(['background', 'validationFailureAction', 'rules']);
  });
});

describe('in a plain cdk8s Chart', () => {
  test('Testing.synth, chart labels, addRule, addJsonPatch', () => {
    const chart = newChart({ labels: { team: 'platform' }, namespace: 'ignored-for-cluster-scope' });
    const policy = new ClusterPolicy(chart, 'require-team');
    policy.addRule(VALIDATE);
    policy.addRule(MUTATE);
    policy.addJsonPatch(JsonPatch.add('/metadata/annotations', { 'example.com/patched': 'yes' }));
    expect(Testing.synth(chart)).toStrictEqual([{
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'require-team', labels: { team: 'platform' }, annotations: { 'example.com/patched': 'yes' } },
      spec: { background: true, rules: [VALIDATE, MUTATE] },
    }]);
  });

  test('rules returns a copy', () => {
    const policy = new ClusterPolicy(newChart(), 'p', { rules: [VALIDATE] });
    policy.rules.push(MUTATE);
    expect(policy.rules).toEqual([VALIDATE]);
  });

  test('the output does not depend on the order the policies were constructed in', () => {
    const build = (order: string[]) => {
      const chart = newChart();
      for (const id of order) {
        new ClusterPolicy(chart, id, { title: id, severity: Severity.LOW, failureAction: FailureAction.ENFORCE, rules: [VALIDATE] });
      }
      return Object.fromEntries(Testing.synth(chart).map((m) => [m.metadata.name, JSON.stringify(m)]));
    };
    expect(build(['a', 'b', 'c'])).toStrictEqual(build(['c', 'a', 'b']));
  });

  test('user-written key order of a rule does not change the output', () => {
    const a = synthPolicy([{ validate: VALIDATE.validate, match: PODS, name: 'r' }]);
    const b = synthPolicy([{ name: 'r', match: PODS, validate: VALIDATE.validate }]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('Policy (namespaced)', () => {
  test('namespace from props, else from the chart', () => {
    const chart = newChart({ namespace: 'team-a' });
    const explicit = new Policy(chart, 'explicit', { namespace: 'team-b', rules: [VALIDATE], failureAction: FailureAction.ENFORCE });
    const inherited = new Policy(chart, 'inherited', { rules: [VALIDATE] });
    expect(explicit.toJson()).toStrictEqual({
      apiVersion: 'kyverno.io/v1',
      kind: 'Policy',
      metadata: { name: 'explicit', namespace: 'team-b' },
      spec: { background: true, rules: [{ ...VALIDATE, validate: { failureAction: 'Enforce', ...VALIDATE.validate } }] },
    });
    expect(inherited.toJson().metadata).toStrictEqual({ name: 'inherited', namespace: 'team-a' });
    expect(inherited.namespace).toBe('team-a');
    expectCrdValid(explicit.toJson(), 'v1.13.2');
    expectCrdValid(inherited.toJson(), 'v1.13.2');
  });

  test('no namespace anywhere: none written (the install namespace applies)', () => {
    const p = new Policy(newChart(), 'p', { rules: [VALIDATE] });
    expect(p.toJson().metadata).toStrictEqual({ name: 'p' });
    expect(p.node.validate()).toEqual([]);
  });
});

describe('fromManifest', () => {
  const library = {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'disallow-latest-tag', annotations: { 'policies.kyverno.io/severity': 'medium', 'policies.kyverno.io/title': 'Disallow Latest Tag' } },
    spec: {
      validationFailureAction: 'audit',
      background: true,
      rules: [{ name: 'require-image-tag', match: { resources: { kinds: ['Pod'] } }, validate: { message: 'An image tag is required.', pattern: { spec: { containers: [{ image: '*:*' }], kept: [1, null, 'x'] } } } }],
    },
  };

  test('keeps the manifest exactly (legacy match, lowercase action, nulls in open fields)', () => {
    const chart = newChart();
    const p = ImportedPolicy.clusterPolicy(chart, 'lib', library);
    expect(p.toJson()).toStrictEqual(library);
    expect(Testing.synth(chart)).toStrictEqual([library]);
    expect([p.policyName, p.failureAction, p.severity, p.title, p.background, p.imported])
      .toEqual(['disallow-latest-tag', 'Audit', 'medium', 'Disallow Latest Tag', true, true]);
  });

  test('the input object is not shared with the construct', () => {
    const input = JSON.parse(JSON.stringify(library));
    const p = ImportedPolicy.clusterPolicy(newChart(), 'lib', input);
    input.spec.rules[0].name = 'changed';
    p.toJson().spec.rules[0].name = 'changed-too';
    expect(p.toJson()).toStrictEqual(library);
  });

  test('addRule appends a rendered rule; chart labels merge into metadata', () => {
    const chart = newChart({ labels: { source: 'kyverno-library' } });
    const p = ImportedPolicy.clusterPolicy(chart, 'lib', library);
    p.addRule(MUTATE);
    const m = p.toJson();
    expect(m.spec.rules).toStrictEqual([...library.spec.rules, MUTATE]);
    expect(m.metadata.labels).toStrictEqual({ source: 'kyverno-library' });
    expect(m.metadata.annotations).toStrictEqual(library.metadata.annotations);
  });

  test('Policy.fromManifest keeps its namespace; the wrong kind is refused', () => {
    const ns = { ...library, kind: 'Policy', metadata: { name: 'x', namespace: 'team-a' } };
    const p = ImportedPolicy.policy(newChart(), 'ns', ns);
    expect(p.toJson()).toStrictEqual(ns);
    expect(p.namespace).toBe('team-a');
    expect(() => ImportedPolicy.clusterPolicy(newChart(), 'wrong', ns)).toThrow('test/wrong: kind: expected "ClusterPolicy", got "Policy"');
    expect(() => ImportedPolicy.policy(newChart(), 'wrong', library)).toThrow('test/wrong: kind: expected "Policy", got "ClusterPolicy"');
  });

  test('rule-level failure action is read back', () => {
    const m = synthPolicy([VALIDATE], { failureAction: FailureAction.ENFORCE });
    const p = ImportedPolicy.clusterPolicy(newChart(), 'again', m, { kyvernoVersion: KyvernoVersion.V1_14 });
    expect([p.failureAction, p.kyvernoVersion]).toEqual(['Enforce', '1.14']);
    expect(p.toJson()).toStrictEqual(m);
  });
});
