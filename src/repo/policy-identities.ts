/**
 * Which manifests are policy objects, and their identity as data (`PolicyIdentity`): the one
 * classification behind a platform's duplicate-policy check and the exceptions' references, for a
 * repository defined in code and for one read from a folder alike. Internal module.
 */
import type { PolicyIdentity } from './policy-repo-contract';
import { compareBytes } from '../core/byte-order';

/** API groups whose objects are policy objects (in kyverno.io, PolicyException is not). */
const POLICY_OBJECT_GROUPS = ['kyverno.io', 'policies.kyverno.io', 'admissionregistration.k8s.io'];

/** The API group of an `apiVersion` (`kyverno.io/v1` → `kyverno.io`; `v1` → ``). */
export function apiGroup(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/** `Kind/name` for a cluster-scoped object, `Kind/namespace/name` for a namespaced one. */
export function policyKey(p: { kind: string; namespace?: string; name: string }): string {
  return p.namespace ? `${p.kind}/${p.namespace}/${p.name}` : `${p.kind}/${p.name}`;
}

/** The identity of a manifest that is a policy object; undefined for any other manifest. */
function identityOf(m: any): PolicyIdentity | undefined {
  const apiVersion = String(m?.apiVersion ?? '');
  const group = apiGroup(apiVersion);
  const name = m?.metadata?.name;
  if (!POLICY_OBJECT_GROUPS.includes(group) || typeof name !== 'string' || name === '') return undefined;
  if (group === 'kyverno.io' && m.kind === 'PolicyException') return undefined;
  const namespace = typeof m.metadata.namespace === 'string' && m.metadata.namespace !== '' ? m.metadata.namespace : undefined;
  const rules = Array.isArray(m?.spec?.rules) ? m.spec.rules.map((r: any) => String(r?.name)) : undefined;
  return { apiVersion, kind: String(m.kind), name, ...(namespace ? { namespace } : {}), ...(rules ? { rules } : {}) };
}

/** The policy objects among `manifests`, each once (the first seen), sorted by key. */
export function policyIdentities(manifests: any[]): PolicyIdentity[] {
  const byKey = new Map<string, PolicyIdentity>();
  for (const m of manifests) {
    const id = identityOf(m);
    if (id && !byKey.has(policyKey(id))) byKey.set(policyKey(id), id);
  }
  return [...byKey.keys()].sort(compareBytes).map((k) => byKey.get(k)!);
}
