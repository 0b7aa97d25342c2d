/**
 * Kyverno's policy validation of a namespaced Policy's generate rules
 * (validateNamespacedTargetsScope): the target namespace, and a clone source's namespace, must be
 * the policy's own namespace, as written (before variables are substituted). kyverno test skips a
 * policy that fails it; the engine reports the rule as an error with Kyverno's message.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/
 */

/** Kyverno's message for the first pattern a namespaced Policy may not generate, or undefined. */
export function namespacedScopeViolation(policy: any, generate: any): string | undefined {
  if (policy?.kind !== 'Policy') return undefined;
  const policyNamespace = String(policy?.metadata?.namespace ?? 'default');
  const patterns: any[] = Array.isArray(generate?.foreach) ? generate.foreach : [generate];
  for (const p of patterns) {
    const namespace = String(p?.namespace ?? '');
    if (namespace !== policyNamespace) {
      return `a namespaced policy cannot generate resources in other namespaces, expected: ${policyNamespace}, received: ${namespace}`;
    }
    if (p?.clone?.name && String(p.clone.namespace ?? '') !== policyNamespace) {
      return `a namespaced policy cannot clone resources from other namespaces, expected: ${policyNamespace}, received: ${String(p.clone.namespace ?? '')}`;
    }
  }
  return undefined;
}
