/**
 * Kyverno DeletingPolicy and NamespacedDeletingPolicy (policies.kyverno.io): which existing
 * resources a run of the policy deletes. The schedule itself is not simulated: each resource is
 * judged as the run would judge it.
 * @see https://kyverno.io/docs/policy-types/deleting-policy/
 */
import { RuleResult, RuleStatus } from '../result';
import { CelContext } from './context';
import { matchPolicy } from './policy-pipeline';

/**
 * Evaluates a DeletingPolicy on one existing resource: no result when matchConstraints do not
 * select it (operations are ignored: the policy scans stored resources), `pass` ("deleted") when
 * every condition holds, `skip` when one does not, error when one cannot be evaluated.
 */
export function evaluateDeletingPolicy(policy: any, resource: any, ctx: CelContext = {}): RuleResult[] {
  const mc = policy?.spec?.matchConstraints ?? {};
  const anyOperation = (rules: any[] | undefined) => rules?.map((r) => ({ ...r, operations: ['*'] }));
  const scan = {
    ...policy,
    spec: {
      ...policy?.spec,
      matchConstraints: { ...mc, resourceRules: anyOperation(mc.resourceRules), excludeResourceRules: anyOperation(mc.excludeResourceRules) },
    },
  };
  // a stored resource: no request, no old object, and no PolicyException applies to deletion
  const matched = matchPolicy(scan, resource, { ...ctx, operation: 'CREATE', oldObject: undefined, exceptions: undefined },
    { autogen: false, conditionsField: 'conditions' });
  if (Array.isArray(matched)) {
    return matched.map((r) => (r.status === RuleStatus.SKIP ? { ...r, message: r.message?.replace('matchCondition', 'condition') } : r));
  }
  return matched.result(RuleStatus.PASS, 'resource would be deleted');
}
