/**
 * Kyverno MutatingPolicy and NamespacedMutatingPolicy (policies.kyverno.io): CEL mutations
 * (ApplyConfiguration, JSONPatch) producing the patched resource, as `kyverno test` compares it
 * with `patchedResources`.
 * @see https://kyverno.io/docs/policy-types/mutating-policy/
 */
import { RuleResult, RuleStatus } from '../result';
import { evaluateWithVariables } from './bindings';
import { CelContext } from './context';
import { CelUnsupportedError, fromCel, toCel } from './environment';
import { applyJsonPatches, mergeApplyConfiguration } from './object-patches';
import { MatchedPolicy, matchPolicy } from './policy-pipeline';

/** Evaluates a MutatingPolicy on `resource` (see `applyMutations` for the outcome). */
export function evaluateMutatingPolicy(policy: any, resource: any, ctx: CelContext = {}): RuleResult[] {
  const matched = matchPolicy(policy, resource, ctx, { autogen: true });
  if (Array.isArray(matched)) return matched;
  if (matched.autogenKind) {
    // Kyverno rewrites the mutations for the pod template; patching the controller with the Pod's
    // expressions would give a wrong resource
    return matched.result(RuleStatus.UNSUPPORTED, `autogen mutations of a ${matched.autogenKind} pod template are not evaluated offline; test the Pod`);
  }
  if (policy?.spec?.evaluation?.mutateExisting?.enabled === true || policy?.spec?.targetMatchConstraints) {
    // the targets are other, existing resources found in the cluster
    return matched.result(RuleStatus.UNSUPPORTED, 'mutate-existing (targetMatchConstraints) patches resources of a live cluster; only admission mutations are evaluated offline');
  }
  return applyMutations(policy?.spec?.mutations, resource, matched);
}

/**
 * Applies the mutations in order, each seeing the object as the ones before left it: pass
 * ("success") with the patched resource, or error when a mutation cannot be evaluated or
 * applied (`unsupported` when it needs a cluster or registry).
 */
export function applyMutations(mutations: any[] | undefined, resource: any, matched: MatchedPolicy): RuleResult[] {
  let current = resource;
  for (const [i, m] of (mutations ?? []).entries()) {
    const type = String(m?.patchType ?? '');
    const expression = type === 'JSONPatch' ? m?.jsonPatch?.expression : m?.applyConfiguration?.expression;
    if (typeof expression !== 'string') {
      return matched.result(RuleStatus.ERROR, `mutations[${i}]: patchType ${JSON.stringify(type)} needs ${type === 'JSONPatch' ? 'jsonPatch' : 'applyConfiguration'}.expression`);
    }
    let value: any;
    try {
      value = fromCel(evaluateWithVariables(matched.env, matched.rewrite(expression), { ...matched.bindings, object: toCel(current) }, matched.vars));
    } catch (e) {
      const status = e instanceof CelUnsupportedError ? RuleStatus.UNSUPPORTED : RuleStatus.ERROR;
      return matched.result(status, `failed to evaluate policy: mutations[${i}]: ${(e as Error).message}`);
    }
    try {
      if (type === 'JSONPatch') {
        if (!Array.isArray(value)) throw new Error('a JSONPatch expression must return a list of JSONPatch');
        current = applyJsonPatches(current, value);
      } else if (type === 'ApplyConfiguration') {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('an ApplyConfiguration expression must return an Object');
        current = mergeApplyConfiguration(current, value);
      } else {
        throw new Error(`patchType ${JSON.stringify(type)} is not one of ApplyConfiguration, JSONPatch`);
      }
    } catch (e) {
      return matched.result(RuleStatus.ERROR, `failed to evaluate policy: mutations[${i}]: ${(e as Error).message}`);
    }
  }
  return matched.result(RuleStatus.PASS, 'success', { patchedResource: current });
}
