/**
 * Kubernetes MutatingAdmissionPolicy (admissionregistration.k8s.io v1beta1, v1alpha1) with its
 * bindings and parameter resources.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/
 */
import { RuleResult, RuleStatus } from '../result';
import { bindingMatches, bindingsOf, paramsOf } from './admission-bindings';
import { CelContext } from './context';
import { applyMutations } from './mutating-policy';
import { matchPolicy } from './policy-pipeline';
import { AdmissionPolicyInputs } from './validating-admission-policy';

/**
 * Evaluates a MutatingAdmissionPolicy on `resource`: no result when neither the policy nor any
 * binding selects it; otherwise the mutations of the first matching binding (or of the policy
 * alone without bindings), applied once per parameter object, give the patched resource.
 */
export function evaluateMutatingAdmissionPolicy(policy: any, resource: any, ctx: CelContext = {},
  inputs: AdmissionPolicyInputs = {}): RuleResult[] {
  const bindings = bindingsOf(policy, inputs.policyBindings);
  const binding = bindings.find((b) => bindingMatches(b, resource, ctx));
  if (bindings.length > 0 && !binding) return [];
  const { params, notFound, allowMissing } = binding
    ? paramsOf(policy, binding, resource, inputs.paramResources) : { params: [ctx.params ?? null] } as any;
  let current = resource;
  let last: RuleResult[] = [];
  for (const param of notFound ? [null] : params) {
    const matched = matchPolicy(policy, current, { ...ctx, params: param, exceptions: undefined }, { autogen: false });
    if (Array.isArray(matched)) return matched;
    if (notFound) return allowMissing ? matched.result(RuleStatus.SKIP, `${notFound} (parameterNotFoundAction: Allow)`) : matched.result(RuleStatus.ERROR, notFound);
    last = applyMutations(policy?.spec?.mutations, current, matched);
    if (last[0]?.status !== RuleStatus.PASS) return last;
    current = last[0].patchedResource;
  }
  return last;
}
