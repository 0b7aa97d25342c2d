import { Testing } from 'cdk8s';
import { newChart, PODS } from './helpers';
import { DisallowLatestTag, DisallowLatestTagValidatingPolicy } from '../../src/catalog';
import {
  ClusterPolicy, ImportedPolicy, KyvernoVersion, Policy, PolicyException, ValidatingPolicy,
} from '../../src/kyverno';

const CPOL = {
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name: 'from-library', annotations: { 'kyverno.io/kyverno-version': '1.11.0' } },
  spec: { rules: [{ name: 'check', match: PODS, validate: { message: 'm', pattern: { metadata: { labels: { team: '?*' } } } } }] },
};

describe('ImportedPolicy', () => {
  test('fromManifest returns the construct of the manifest kind, keeping the manifest as is', () => {
    const chart = newChart();
    const p = ImportedPolicy.fromManifest(chart, 'lib', CPOL);
    expect(p).toBeInstanceOf(ClusterPolicy);
    expect(Testing.synth(chart)).toStrictEqual([CPOL]);
    expect((p as ClusterPolicy).kyvernoVersion).toBe(KyvernoVersion.V1_11);
    // an unknown field is kept in the output, and refused by validation as kubectl --validate=strict would
    const odd = ImportedPolicy.fromManifest(newChart(), 'odd', { ...CPOL, spec: { ...CPOL.spec, extraKept: 1 } });
    expect(odd.toJson().spec.extraKept).toBe(1);
    expect(odd.node.validate()).toEqual([expect.stringMatching(/^test\/odd: spec\.extraKept: unknown field "extraKept"/)]);
  });

  test('the typed shortcuts return the typed construct and pass options', () => {
    const cp = ImportedPolicy.clusterPolicy(newChart(), 'lib', CPOL, { kyvernoVersion: KyvernoVersion.V1_14 });
    expect(cp.imported).toBe(true);
    expect(cp.kyvernoVersion).toBe(KyvernoVersion.V1_14);
    expect(cp.rules.map((r) => r.name)).toEqual(['check']);
    const pol = ImportedPolicy.policy(newChart(), 'ns', { ...CPOL, kind: 'Policy', metadata: { name: 'ns-pol', namespace: 'team-a' } });
    expect(pol).toBeInstanceOf(Policy);
    expect(pol.namespace).toBe('team-a');
    const ex = ImportedPolicy.policyException(newChart(), 'ex', {
      apiVersion: 'kyverno.io/v2',
      kind: 'PolicyException',
      metadata: { name: 'ex', namespace: 'kyverno', annotations: { 'policies.kyverno.io/description': 'CI runners build images as root until ticket OPS-1 moves them to rootless builds.' } },
      spec: { exceptions: [{ policyName: 'from-library', ruleNames: ['check'] }], match: { any: [{ resources: { kinds: ['Pod'] } }] } },
    });
    expect(ex).toBeInstanceOf(PolicyException);
    expect(ex.reason).toMatch(/^CI runners/);
    expect(ex.node.validate()).toEqual([]);
  });

  test('a typed shortcut refuses another kind, and a kind of another API group', () => {
    expect(() => ImportedPolicy.clusterPolicy(newChart(), 'x', { ...CPOL, kind: 'Policy' })).toThrow('test/x: kind: expected "ClusterPolicy", got "Policy"');
    expect(() => ImportedPolicy.policy(newChart(), 'x', CPOL)).toThrow('test/x: kind: expected "Policy", got "ClusterPolicy"');
    expect(() => ImportedPolicy.policyException(newChart(), 'x', { apiVersion: 'policies.kyverno.io/v1', kind: 'PolicyException', metadata: { name: 'x' }, spec: {} }))
      .toThrow('test/x: apiVersion: expected kyverno.io/<version> for kind PolicyException, got "policies.kyverno.io/v1"');
  });

  test('fromManifest refuses what it cannot import, naming the path, the field and what is allowed', () => {
    expect(() => ImportedPolicy.fromManifest(newChart(), 'x', { apiVersion: 'kyverno.io/v2', kind: 'ClusterCleanupPolicy' }))
      .toThrow('test/x: kind: "ClusterCleanupPolicy" cannot be imported (kinds: ClusterPolicy, Policy, PolicyException, ValidatingPolicy, '
        + 'NamespacedValidatingPolicy, ImageValidatingPolicy, NamespacedImageValidatingPolicy, MutatingPolicy, NamespacedMutatingPolicy, GeneratingPolicy, '
        + 'NamespacedGeneratingPolicy, DeletingPolicy, NamespacedDeletingPolicy, ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding, '
        + 'MutatingAdmissionPolicy, MutatingAdmissionPolicyBinding)');
    expect(() => ImportedPolicy.fromManifest(newChart(), 'x', { kind: 'ClusterPolicy' }))
      .toThrow('test/x: apiVersion: expected kyverno.io/<version> for kind ClusterPolicy, got undefined');
    expect(() => ImportedPolicy.fromManifest(newChart(), 'x', { apiVersion: 'example.com/v1', kind: 'PolicyException' }))
      .toThrow('test/x: apiVersion: expected kyverno.io/<version> or policies.kyverno.io/<version> for kind PolicyException, got "example.com/v1"');
    expect(() => ImportedPolicy.fromManifest(newChart(), 'x', [CPOL])).toThrow('test/x: expected a manifest object, got a list');
    expect(() => ImportedPolicy.fromManifest(newChart(), 'x', null)).toThrow('test/x: expected a manifest object, got null');
  });

  test('catalogue classes do not inherit an importer', () => {
    // a static on ClusterPolicy would be reachable as DisallowLatestTag.fromManifest and return a plain ClusterPolicy
    for (const cls of [ClusterPolicy, Policy, ValidatingPolicy, PolicyException, DisallowLatestTag, DisallowLatestTagValidatingPolicy]) {
      expect((cls as any).fromManifest).toBeUndefined();
    }
  });
});
