/**
 * The failure action Kyverno's admission controller applies to one failing rule on one resource
 * (pkg/engine/api/engineresponse.go: ruleAction, matchOverride, failureActionForRule): the rule's
 * `validate.failureActionOverrides` matching the resource's namespace, then its
 * `validate.failureAction`, then the policy's `validationFailureActionOverrides`, then
 * `spec.validationFailureAction` (default Audit). Values compare case-insensitively (`enforce` is
 * the legacy spelling). ValidatingPolicies act by `spec.validationActions` (Deny, Audit, Warn).
 * Internal module.
 */
import { selectorMatches } from '../engine/match';
import { wildcardMatch } from '../engine/wildcard';

/** Enforce or Audit, as Kyverno spells them. */
export type FailureActionName = 'Enforce' | 'Audit';

function normalize(action: unknown): FailureActionName | undefined {
  const a = String(action ?? '').toLowerCase();
  return a === 'enforce' ? 'Enforce' : a === 'audit' ? 'Audit' : undefined;
}

/** The first override whose namespaces (wildcards) and namespaceSelector select the resource. */
function matchOverride(overrides: any, namespace: string, namespaceLabels: { [k: string]: string } | undefined): FailureActionName | undefined {
  if (!Array.isArray(overrides)) return undefined;
  for (const o of overrides) {
    const action = normalize(o?.action);
    if (!action) continue;
    const selector = o?.namespaceSelector;
    const selects = () => selector === undefined || selector === null || selectorMatches(selector, namespaceLabels);
    if (o?.namespaces === undefined || o?.namespaces === null) {
      if (selects()) return action;
      continue;
    }
    for (const ns of o.namespaces as any[]) {
      if (wildcardMatch(String(ns), namespace) && selects()) return action;
    }
  }
  return undefined;
}

/** The rule's own action (its overrides, then its failureAction; image rules: Enforce wins). */
function ruleOwnAction(rule: any, namespace: string, labels: { [k: string]: string } | undefined): FailureActionName | undefined {
  if (rule?.validate) {
    return matchOverride(rule.validate.failureActionOverrides, namespace, labels) ?? normalize(rule.validate.failureAction);
  }
  if (Array.isArray(rule?.verifyImages)) {
    const actions = rule.verifyImages.map((v: any) => normalize(v?.failureAction)).filter((a: any) => a !== undefined);
    return actions.includes('Enforce') ? 'Enforce' : actions[0];
  }
  return undefined;
}

/** The rule of a policy a result names (autogen results name the rule they were generated from). */
export function ruleNamed(policy: any, name: string): any {
  const rules: any[] = Array.isArray(policy?.spec?.rules) ? policy.spec.rules : [];
  return rules.find((r) => r?.name === name) ?? rules.find((r) => r?.name === name.replace(/^autogen-(cronjob-)?/, ''));
}

/**
 * The failure action of `ruleName` of a ClusterPolicy/Policy for a resource in `namespace`
 * (empty for cluster-scoped resources) whose namespace has `namespaceLabels`.
 */
export function failureActionOf(policy: any, ruleName: string, namespace: string, namespaceLabels?: { [k: string]: string }): FailureActionName {
  const spec = policy?.spec ?? {};
  return ruleOwnAction(ruleNamed(policy, ruleName), namespace, namespaceLabels)
    ?? matchOverride(spec.validationFailureActionOverrides, namespace, namespaceLabels)
    ?? normalize(spec.validationFailureAction)
    ?? 'Audit';
}

/** A ValidatingPolicy's `spec.validationActions` (default Deny, as a ValidatingAdmissionPolicyBinding's). */
export function validationActionsOf(policy: any): string[] {
  const actions = policy?.spec?.validationActions;
  return Array.isArray(actions) && actions.length > 0 ? actions.map(String) : ['Deny'];
}

/** Whether a policy takes part in admission (`spec.admission` / `spec.evaluation.admission.enabled`, default true). */
export function appliesAtAdmission(policy: any): boolean {
  if (policy?.spec?.admission === false) return false;
  return policy?.spec?.evaluation?.admission?.enabled !== false;
}
