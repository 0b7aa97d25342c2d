/**
 * Kubernetes ValidatingAdmissionPolicy (admissionregistration.k8s.io v1, v1beta1, v1alpha1) with
 * its bindings and parameter resources, as `kyverno test` evaluates it.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
import { RuleResult, RuleStatus } from '../result';
import { bindingMatches, bindingsOf, paramsOf } from './admission-bindings';
import { runValidations } from './bindings';
import { CelContext } from './context';
import { matchPolicy } from './policy-pipeline';
import { validationResult } from './validating-policy';

/** What a Kubernetes admission policy is evaluated with besides the resource. */
export interface AdmissionPolicyInputs {
  /** Documents among which its bindings are found. */
  readonly policyBindings?: any[];
  /** Parameter resources (`paramResources` of a test). */
  readonly paramResources?: any[];
}

/**
 * Evaluates a ValidatingAdmissionPolicy on `resource`: no result when neither the policy nor any
 * binding selects it; otherwise one result (rule name = policy name) from the first binding whose
 * matchResources select it (or the policy alone when it has no binding). Each parameter object
 * of that binding is evaluated; the first failure decides. A missing parameter object is an
 * error, or a pass with `parameterNotFoundAction: Allow`. The binding's validationActions decide
 * what the API server does with a failure, not the result, as in `kyverno test`.
 */
export function evaluateValidatingAdmissionPolicy(policy: any, resource: any, ctx: CelContext = {},
  inputs: AdmissionPolicyInputs = {}): RuleResult[] {
  const bindings = bindingsOf(policy, inputs.policyBindings);
  const binding = bindings.find((b) => bindingMatches(b, resource, ctx));
  if (bindings.length > 0 && !binding) return [];
  const { params, notFound, allowMissing } = binding
    ? paramsOf(policy, binding, resource, inputs.paramResources) : { params: [ctx.params ?? null] } as any;
  let last: RuleResult[] = [];
  for (const param of notFound ? [null] : params) {
    // Kubernetes admission policies know no Kyverno PolicyExceptions
    const matched = matchPolicy(policy, resource, { ...ctx, params: param, exceptions: undefined }, { autogen: false });
    if (Array.isArray(matched)) return matched;
    if (notFound) {
      return allowMissing ? matched.result(RuleStatus.PASS, `${notFound} (parameterNotFoundAction: Allow)`) : matched.result(RuleStatus.ERROR, notFound);
    }
    last = validationResult(runValidations(matched.env, policy?.spec?.validations, matched.bindings, matched.vars), matched.result);
    if (last[0]?.status !== RuleStatus.PASS) return last;
  }
  return last;
}
