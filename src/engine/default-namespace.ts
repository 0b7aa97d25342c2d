/**
 * The namespace `kyverno test` gives a resource written without one: `default` when its kind is
 * namespaced, as the CLI's resource loader sets it. Without a cluster, the scope comes from the
 * table of built-in kinds (src/engine/cel/resource-kinds.ts); other kinds are namespaced unless
 * their name says Cluster*.
 */
import { resourceTypeOf } from './cel/resource-kinds';

/** Whether a kind is namespaced (built-in table, else not Cluster*). */
export function isNamespacedKind(resource: any): boolean {
  const kind = String(resource?.kind ?? '');
  if (/^Cluster[A-Z]/.test(kind)) return false;
  // an empty namespace: an unknown kind counts as namespaced
  return resourceTypeOf({ ...resource, metadata: { ...(resource?.metadata ?? {}), namespace: '' } }).namespaced;
}

/** The resource, in `default` when it is namespaced and has no namespace (a copy; the input is not changed). */
export function withDefaultNamespace(resource: any): any {
  if (!resource || typeof resource !== 'object' || typeof resource.kind !== 'string') return resource;
  if (resource.metadata?.namespace) return resource;
  if (!isNamespacedKind(resource)) return resource;
  return { ...resource, metadata: { ...(resource.metadata ?? {}), namespace: 'default' } };
}
