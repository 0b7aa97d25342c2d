/**
 * Kyverno PolicyExceptions (kyverno.io/v2, v2beta1) in the offline engine: an exception naming a
 * policy and rule (wildcards allowed) whose `match` selects the resource (and whose `conditions`
 * hold) turns the rule's result into `skip`. Exceptions with `podSecurity` controls instead exempt
 * those controls of a podSecurity rule: the rule is skipped when nothing else fails.
 * @see https://kyverno.io/docs/exceptions/
 * @see https://kyverno.io/docs/exceptions/#pod-security-exemptions
 */
import { MatchContext, ruleMatchFailure } from './match';
import { wildcardMatch } from './wildcard';

/** Whether a manifest is a Kyverno PolicyException (not the policies.kyverno.io CEL one). */
export function isPolicyException(doc: any): boolean {
  return doc?.kind === 'PolicyException' && typeof doc?.apiVersion === 'string' && doc.apiVersion.startsWith('kyverno.io/');
}

/** `namespace/name` (or `name`), as Kyverno names an exception in its skip message. */
export function exceptionKey(exception: any): string {
  const ns = exception?.metadata?.namespace;
  const name = String(exception?.metadata?.name ?? '');
  return ns ? `${ns}/${name}` : name;
}

/** The name exceptions use for a policy: `<namespace>/<name>` for a namespaced Policy. */
export function policyKey(policy: any): string {
  const name = String(policy?.metadata?.name ?? '');
  return policy?.kind === 'Policy' ? `${policy?.metadata?.namespace ?? 'default'}/${name}` : name;
}

/** Exceptions whose `spec.exceptions` name the policy and the rule (Kyverno's PolicyException.Contains). */
export function exceptionsFor(exceptions: any[] | undefined, policy: any, ruleName: string): any[] {
  const key = policyKey(policy);
  return (exceptions ?? []).filter((e) => isPolicyException(e) && (e.spec?.exceptions ?? []).some((t: any) => {
    const p = String(t?.policyName ?? '');
    if (p !== key && !wildcardMatch(p, key)) return false;
    return (t?.ruleNames ?? []).some((r: any) => String(r) === ruleName || wildcardMatch(String(r), ruleName));
  }));
}

/**
 * Whether the exception's `match` selects the resource (the same any/all resource filters as a
 * rule's, with the request's user and namespace labels; no policy namespace restriction).
 */
export function exceptionMatches(exception: any, resource: any, ctx: MatchContext): boolean {
  const match = exception?.spec?.match;
  if (!match) return false;
  return ruleMatchFailure({ match }, resource, { ...ctx, policyNamespace: undefined }) === undefined;
}

/** Whether the exception exempts Pod Security controls (then it only narrows podSecurity rules). */
export function hasPodSecurity(exception: any): boolean {
  return Array.isArray(exception?.spec?.podSecurity) && exception.spec.podSecurity.length > 0;
}
