/**
 * Mutate-existing rules (`mutate.targets`), as Kyverno's mutateExistingHandler: each target
 * selector (variables substituted) picks resources among the supplied target resources (a test's
 * `targetResources`; Kyverno's CLI serves them from a fake cluster), the patch runs on each with
 * the `target` variable set, one result per target. The trigger resource itself is not changed.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/mutate/#mutate-existing-resources
 */
import { substituteAll, SubstitutionMode } from '../jmespath';
import { kindMatches, selectorMatches } from '../match';
import { RuleStatus } from '../result';
import { describe, evaluateConditions, loadContext, Unsupported } from '../rule-context';
import { wildcardMatch } from '../wildcard';

/** One target's outcome (the target as patched, or unchanged). */
export interface TargetOutcome {
  readonly status: RuleStatus;
  readonly message: string;
  readonly patched: any;
}

/** Runs the patch of a rule on one resource with a context (a MutationOutcome-like result). */
export type PatchRunner = (resource: any, ctx: any) => TargetOutcome;

function targetsFrom(spec: any, supplied: any[]): any[] {
  const kind = String(spec?.kind ?? '');
  const apiVersion = String(spec?.apiVersion ?? '');
  const selector = apiVersion ? `${apiVersion}/${kind}` : kind;
  return supplied.filter((r) => {
    if (!kindMatches([selector], r)) return false;
    const ns = String(r?.metadata?.namespace ?? '');
    const name = String(r?.metadata?.name ?? '');
    // getTargets' match(): a namespace pattern narrows first, then the name pattern
    if (spec?.namespace && !wildcardMatch(String(spec.namespace), ns)) return false;
    if (spec?.name && !wildcardMatch(String(spec.name), name)) return false;
    if (spec?.selector && !selectorMatches(spec.selector, r?.metadata?.labels)) return false;
    return true;
  });
}

/**
 * The outcomes of a mutate-existing rule whose context and preconditions already passed.
 * `supplied` undefined means no target resources were given: the rule needs a live cluster.
 */
export function mutateTargets(rule: any, ctx: any, provided: string[], supplied: any[] | undefined, patch: PatchRunner): TargetOutcome[] {
  if (supplied === undefined) {
    throw new Unsupported(`mutate-existing rule ${rule.name} patches target resources of a live cluster; supply them as the test's targetResources`);
  }
  const out: TargetOutcome[] = [];
  const targets: any[] = rule.mutate?.targets ?? [];
  for (let i = 0; i < targets.length; i++) {
    const { context, preconditions, ...selector } = targets[i] ?? {};
    let spec: any;
    try {
      spec = substituteAll(selector, ctx, SubstitutionMode.STRICT);
    } catch (err) {
      out.push({ status: RuleStatus.ERROR, message: `failed to substitute variables in target[${i}]: ${describe(err)}`, patched: undefined });
      continue;
    }
    for (const target of targetsFrom(spec, supplied)) {
      const c = { ...ctx, target };
      try {
        loadContext(context, c, provided);
      } catch (err) {
        if (err instanceof Unsupported) throw err;
        out.push({ status: RuleStatus.ERROR, message: `failed to load context: ${describe(err)}`, patched: target });
        continue;
      }
      try {
        if (!evaluateConditions(preconditions, c, SubstitutionMode.PRECONDITIONS)) {
          out.push({ status: RuleStatus.SKIP, message: 'preconditions not met', patched: target });
          continue;
        }
      } catch (err) {
        out.push({ status: RuleStatus.ERROR, message: `failed to evaluate preconditions: ${describe(err)}`, patched: target });
        continue;
      }
      out.push(patch(target, c));
    }
  }
  return out;
}
