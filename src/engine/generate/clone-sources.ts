/**
 * Where `clone` and `cloneList` find their sources offline: `kyverno test` gives the generate
 * controller a fake cluster holding only the trigger and the suite's `cloneSourceResource`
 * documents, which is what `sources` holds here.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/#clone-source
 */
import { selectorMatches } from '../match';

/** kyverno test's loader puts a document without a namespace in `default`. */
function namespaceOf(r: any): string {
  return String(r?.metadata?.namespace ?? '') || 'default';
}

/** `apps/v1/Deployment` → apps/v1 + Deployment; `v1/Secret` → v1 + Secret; `Secret` → any version (GetKindFromGVK). */
export function splitKind(kind: string): { apiVersion: string; kind: string } {
  const parts = kind.split('/');
  if (parts.length === 1) return { apiVersion: '', kind: parts[0] };
  return { apiVersion: parts.slice(0, -1).join('/'), kind: parts[parts.length - 1] };
}

/** The source a `clone` names (same apiVersion and kind as the target), or undefined. */
export function findCloneSource(sources: any[], apiVersion: string, kind: string, namespace: string, name: string): any | undefined {
  const ns = namespace || 'default';
  return sources.find((r) => String(r?.apiVersion ?? '') === apiVersion && r?.kind === kind
    && String(r?.metadata?.name ?? '') === name && namespaceOf(r) === ns);
}

/** The sources a `cloneList` selects for one of its kinds, in name order (as a list call returns them). */
export function listCloneSources(sources: any[], kindSpec: string, namespace: string, selector: any): any[] {
  const { apiVersion, kind } = splitKind(kindSpec);
  const ns = namespace || 'default';
  const seen = new Set<string>();
  const out = sources.filter((r) => {
    if (r?.kind !== kind || (apiVersion && String(r?.apiVersion ?? '') !== apiVersion) || namespaceOf(r) !== ns) return false;
    if (selector && !selectorMatches(selector, r?.metadata?.labels)) return false;
    // the fake cluster holds one object per name
    const key = String(r?.metadata?.name ?? '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const name = (r: any) => String(r?.metadata?.name ?? '');
  return out.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}
