/**
 * Kyverno `ValidatingPolicy` (policies.kyverno.io v1alpha1, v1beta1, v1): a Kubernetes
 * ValidatingAdmissionPolicy with Kyverno's additions (autogen for pod controllers, libraries).
 *
 * @see https://kyverno.io/docs/policy-types/validating-policy/
 */
import { RuleResult, RuleStatus } from '../result';
import { ValidationsOutcome, runValidations } from './bindings';
import { CelContext } from './context';
import { MatchedPolicy, matchPolicy } from './policy-pipeline';

/** True for a ValidatingPolicy or NamespacedValidatingPolicy manifest of any served version. */
export function isValidatingPolicy(policy: any): boolean {
  return String(policy?.apiVersion ?? '').startsWith('policies.kyverno.io/')
    && (policy?.kind === 'ValidatingPolicy' || policy?.kind === 'NamespacedValidatingPolicy');
}

/**
 * Evaluates a ValidatingPolicy (or NamespacedValidatingPolicy) on `resource`. Returns no result when the policy does not match the
 * resource (matchConstraints, excludeResourceRules, selectors), one `skip` when a matchCondition is
 * false, else one pass/fail/error. The rule name is the policy name (Kyverno's CLI reports
 * ValidatingPolicy results under it; tests usually omit it).
 */
export function evaluateValidatingPolicy(policy: any, resource: any, ctx: CelContext = {}): RuleResult[] {
  const matched = matchPolicy(policy, resource, ctx, { autogen: true });
  if (Array.isArray(matched)) return matched;
  const { env, bindings, vars, rewrite, result } = matched;
  const validations = (policy?.spec?.validations ?? []).map((v: any) => ({
    ...v,
    expression: rewrite(v.expression),
    ...(v.messageExpression ? { messageExpression: rewrite(v.messageExpression) } : {}),
  }));
  return validationResult(runValidations(env, validations, bindings, vars), result);
}

/** The result of a list of validations (shared by the validating kinds). */
export function validationResult(outcome: ValidationsOutcome, result: MatchedPolicy['result']): RuleResult[] {
  switch (outcome.outcome) {
    case 'pass': return result(RuleStatus.PASS);
    case 'fail': return result(RuleStatus.FAIL, outcome.message);
    case 'unsupported': return result(RuleStatus.UNSUPPORTED, outcome.message);
    default: return result(RuleStatus.ERROR, outcome.message);
  }
}
