/**
 * Building blocks of the Pod rules the catalogue emits. Internal (not exported from index.ts):
 * the rule JSON mirrors the Kyverno community library so our policies pass its test suites.
 */
import { ConditionOperator } from '../../kyverno';

/** JMESPath over every container of the Pod, whatever its list (library idiom). */
export const ALL_CONTAINERS = 'request.object.spec.[ephemeralContainers, initContainers, containers][]';

/**
 * `spec` pattern applying the same element pattern to every container: the optional lists through
 * an `=()` equality anchor, `containers` required (a Pod always has one).
 */
export function eachContainer(element: { [key: string]: any }): { [key: string]: any } {
  return {
    '=(ephemeralContainers)': [element],
    '=(initContainers)': [element],
    'containers': [element],
  };
}

/** A `match` selecting the kinds (for `Pod`, Kyverno auto-generates the controller rules). */
export function matchKinds(kinds: string[]): any {
  return { any: [{ resources: { kinds: [...kinds] } }] };
}

/** `exclude` for namespaces, or undefined when there is none. */
export function excludeNamespaces(namespaces: string[] | undefined): any {
  if (!namespaces || namespaces.length === 0) return undefined;
  return { any: [{ resources: { namespaces: [...new Set(namespaces)].sort() } }] };
}

/** The library's "not a DELETE" precondition (background scans have no operation). */
export function notDeletePrecondition(): any {
  return { all: [{ key: "{{ request.operation || 'BACKGROUND' }}", operator: ConditionOperator.NOT_EQUALS, value: 'DELETE' }] };
}

/** Drops keys whose value is undefined so the JSON has no `undefined` holes. */
export function compact<T extends { [key: string]: any }>(obj: T): T {
  const out: any = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** A Pod-matching rule in the library's layout (name, match, exclude, preconditions, validate). */
export function podRule(name: string, validate: any, extra: { preconditions?: any; kinds?: string[] } = {}): any {
  return compact({
    name,
    match: matchKinds(extra.kinds ?? ['Pod']),
    preconditions: extra.preconditions,
    validate,
  });
}
