/**
 * Which manifests are policy objects (what two sources must not both bring, what exceptions may
 * name), for a repository defined in code and for one read from a folder alike.
 */
import { policyIdentities, policyKey } from '../../src/repo/policy-identities';

/** A manifest with `metadata.name` and, from `extra`, more metadata and a spec. */
const doc = (apiVersion: string, kind: string, name: string, extra: any = {}) =>
  ({ apiVersion, kind, metadata: { name, ...extra.metadata }, spec: extra.spec });

test('policy objects: kyverno.io but its PolicyExceptions, every policies.kyverno.io and admissionregistration.k8s.io object; nothing else', () => {
  const ids = policyIdentities([
    doc('kyverno.io/v1', 'ClusterPolicy', 'require-labels', { spec: { rules: [{ name: 'check' }, { name: 'autogen-check' }] } }),
    doc('kyverno.io/v1', 'Policy', 'quota', { metadata: { namespace: 'team-a' }, spec: { rules: [] } }),
    doc('kyverno.io/v2', 'PolicyException', 'allow-batch', { metadata: { namespace: 'kyverno' } }),
    doc('kyverno.io/v2', 'ClusterCleanupPolicy', 'cleanup'),
    doc('policies.kyverno.io/v1alpha1', 'ValidatingPolicy', 'require-team'),
    doc('policies.kyverno.io/v1alpha1', 'PolicyException', 'allow-team', { metadata: { namespace: 'kyverno' } }),
    doc('admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicyBinding', 'require-team-binding'),
    doc('v1', 'ConfigMap', 'settings'),
    doc('apps/v1', 'Deployment', 'web'),
    { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: {} },
  ]);
  expect(ids.map(policyKey)).toEqual([
    'ClusterCleanupPolicy/cleanup',
    'ClusterPolicy/require-labels',
    'Policy/team-a/quota',
    'PolicyException/kyverno/allow-team',
    'ValidatingAdmissionPolicyBinding/require-team-binding',
    'ValidatingPolicy/require-team',
  ]);
  expect(ids[1]).toEqual({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', name: 'require-labels', rules: ['check', 'autogen-check'] });
  expect(ids[2]).toEqual({ apiVersion: 'kyverno.io/v1', kind: 'Policy', name: 'quota', namespace: 'team-a', rules: [] });
  expect(ids[5]).toEqual({ apiVersion: 'policies.kyverno.io/v1alpha1', kind: 'ValidatingPolicy', name: 'require-team' });
});

test('an object rendered in several environments is one identity (the first seen), in byte order of its key', () => {
  const first = doc('kyverno.io/v1', 'ClusterPolicy', 'b', { spec: { rules: [{ name: 'dev-rule' }] } });
  const again = doc('kyverno.io/v1', 'ClusterPolicy', 'b', { spec: { rules: [{ name: 'prd-rule' }] } });
  const ids = policyIdentities([first, doc('kyverno.io/v1', 'ClusterPolicy', 'a'), again, doc('kyverno.io/v1', 'ClusterPolicy', 'Z')]);
  expect(ids.map((i) => [i.name, i.rules])).toEqual([['Z', undefined], ['a', undefined], ['b', ['dev-rule']]]);
});
