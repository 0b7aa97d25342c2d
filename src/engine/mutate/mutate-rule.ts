/**
 * One Kyverno mutate rule on one resource, as Kyverno's engine runs it
 * (pkg/engine/handlers/mutation, pkg/engine/mutate/mutation.go): rule context and preconditions,
 * then patchStrategicMerge or patchesJson6902 with variables substituted, or foreach over a list
 * (nested, `order`, per-element context and preconditions). pass = the resource changed,
 * skip = nothing applied, error = a bad patch or variable.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/mutate/
 */
import { deepEqual } from '../conditions';
import { NotFoundError, substituteAll, substituteString, SubstitutionMode, UnsupportedFunctionError } from '../jmespath';
import { RuleStatus } from '../result';
import { describe, evaluateConditions, foreachElements, loadContext, setDotted, Unsupported } from '../rule-context';
import { ConditionError, GlobalConditionError, preprocessPatch } from './anchor-preprocess';
import { applyJsonPatch, parseJsonPatch } from './json-patch';
import { mutateTargets } from './mutate-existing';
import { strategicMerge } from './strategic-merge';
import { clone } from '../../core/clone';
import { EvaluationOptions } from '../evaluation-options';

/** The outcome of a mutate rule, with the resource after it (unchanged unless it passed). */
export interface MutationOutcome {
  readonly status: RuleStatus;
  readonly message: string;
  readonly patched: any;
  /** For a mutate-existing rule: one outcome per target (`patched` is the target). */
  readonly targets?: MutationOutcome[];
}

/** What a mutate rule runs on. */
export interface MutationInput {
  /** The rule (an autogen rule for a controller). */
  readonly rule: any;
  /** The resource as earlier mutate rules left it. */
  readonly resource: any;
  /** The rule's JSON context (request, images, values). */
  readonly ctx: any;
  /** Variable names the test supplies (their context entries are not loaded). */
  readonly provided: string[];
  /** Per-element values for foreach (a test's `foreachValues`: name → list). */
  readonly foreachValues?: any;
  /** Resources mutate-existing targets are chosen from (a test's `targetResources`); none = a live cluster. */
  readonly targetResources?: any[];
  /** The evaluation options (the test's cluster data answers context lookups). */
  readonly opts?: EvaluationOptions;
}

const SELF_REFERENCE = /\{\{-?\s*@\s*\}\}/;

function outcome(status: RuleStatus, message: string, patched: any): MutationOutcome {
  return { status, message, patched };
}

/** Rethrows what the engine cannot evaluate offline; any other error becomes `message: err`. */
function asError(err: unknown, message: string, resource: any): MutationOutcome {
  if (err instanceof Unsupported) throw err;
  if (err instanceof UnsupportedFunctionError) throw new Unsupported(err.message);
  return outcome(RuleStatus.ERROR, `${message}: ${describe(err)}`, resource);
}

function successMessage(r: any): string {
  const kind = r?.kind ?? '';
  const name = r?.metadata?.name ?? '';
  const ns = r?.metadata?.namespace;
  return ns ? `mutated ${kind}/${name} in namespace ${ns}` : `mutated ${kind}/${name}`;
}

/** Runs a mutate rule whose match/exclude already selected the resource. */
export function runMutation(input: MutationInput): MutationOutcome {
  const { rule, resource, ctx } = input;
  const mutate = rule.mutate ?? {};
  try {
    loadContext(rule.context, ctx, input.provided, input.opts);
  } catch (err) {
    return asError(err, 'failed to load context', resource);
  }
  try {
    if (!evaluateConditions(rule.preconditions, ctx, SubstitutionMode.PRECONDITIONS)) {
      return outcome(RuleStatus.SKIP, 'preconditions not met', resource);
    }
  } catch (err) {
    return asError(err, 'failed to evaluate preconditions', resource);
  }
  const patch = (subject: any, c: any): MutationOutcome => {
    const r = Array.isArray(mutate.foreach) ? mutateForEach(mutate.foreach, subject, c, 0, input) : mutateOnce(mutate, subject, c);
    return r.status === RuleStatus.PASS ? { ...r, message: successMessage(r.patched) } : r;
  };
  if (Array.isArray(mutate.targets) && mutate.targets.length > 0) {
    const targets = mutateTargets(rule, ctx, input.provided, input.targetResources, patch);
    const status = targets.some((t) => t.status === RuleStatus.PASS) ? RuleStatus.PASS : RuleStatus.SKIP;
    return { status, message: `${targets.length} targets processed`, patched: resource, targets };
  }
  return patch(resource, ctx);
}

/** One patch (the rule's, or one foreach element's) with variables substituted. */
function mutateOnce(body: any, resource: any, ctx: any): MutationOutcome {
  const smp = body.patchStrategicMerge;
  const json = body.patchesJson6902;
  if ((smp === undefined || smp === null) && (typeof json !== 'string' || json === '')) {
    return outcome(RuleStatus.ERROR, 'empty mutate rule', resource);
  }
  if (SELF_REFERENCE.test(JSON.stringify(smp ?? json))) {
    throw new Unsupported('{{ @ }} in a mutate patch is not evaluated offline');
  }
  let patchedResource: any;
  if (smp !== undefined && smp !== null) {
    let patch: any;
    try {
      patch = substituteAll(smp, ctx, SubstitutionMode.STRICT);
    } catch (err) {
      return asError(err, 'variable substitution failed', resource);
    }
    try {
      let prepared: any;
      try {
        prepared = preprocessPatch(patch, resource);
      } catch (err) {
        // a failed condition voids the patch (the rule then reports "no patches applied")
        if (!(err instanceof ConditionError || err instanceof GlobalConditionError)) throw new Error(`failed to preProcess rule: ${describe(err)}`);
        prepared = {};
      }
      patchedResource = strategicMerge(resource, prepared);
    } catch (err) {
      return asError(err, 'failed to patch resource', resource);
    }
  } else {
    let text: any;
    try {
      text = substituteString(json, ctx, SubstitutionMode.STRICT);
    } catch (err) {
      return asError(err, 'variable substitution failed', resource);
    }
    try {
      patchedResource = applyJsonPatch(resource, parseJsonPatch(String(text)));
    } catch (err) {
      return asError(err, 'failed to patch resource', resource);
    }
  }
  if (deepEqual(patchedResource, resource)) return outcome(RuleStatus.SKIP, 'no patches applied', resource);
  return outcome(RuleStatus.PASS, 'resource patched', patchedResource);
}

/** forEachMutator.mutateForEach: each foreach entry in turn; later entries see earlier patches. */
function mutateForEach(foreachList: any[], resource: any, ctx: any, nesting: number, input: MutationInput): MutationOutcome {
  let applied = 0;
  let current = resource;
  let base = ctx;
  for (const fe of foreachList) {
    let elements: any[];
    try {
      elements = foreachElements(fe?.list, base);
    } catch (err) {
      // a list that resolves to nothing has no elements (Kyverno's query returns nil)
      if (err instanceof NotFoundError) elements = [];
      else return asError(err, `failed to evaluate list ${fe?.list}`, resource);
    }
    const r = mutateElements(fe, elements, current, base, nesting, input);
    if (r.status === RuleStatus.ERROR) return outcome(RuleStatus.ERROR, `failed to mutate elements: ${r.message}`, resource);
    if (r.status !== RuleStatus.SKIP) {
      applied++;
      current = r.patched;
      // the JSON context's request.object follows the patched resource (AddResource)
      base = { ...base, request: { ...base.request, object: current } };
    }
  }
  const message = `${applied} elements processed`;
  return applied === 0 ? outcome(RuleStatus.SKIP, message, resource) : outcome(RuleStatus.PASS, message, current);
}

/** forEachMutator.mutateElements: patch elements of one list (descending by default for patchStrategicMerge). */
function mutateElements(fe: any, elements: any[], resource: any, ctx: any, nesting: number, input: MutationInput): MutationOutcome {
  let reverse = fe?.patchStrategicMerge !== undefined && fe?.patchStrategicMerge !== null;
  if (fe?.order !== undefined && fe?.order !== null) reverse = fe.order === 'Descending';
  const order = elements.map((_, i) => i);
  if (reverse) order.reverse();
  let patched = resource;
  let changed = false;
  for (const index of order) {
    const element = elements[index];
    if (element === null || element === undefined) continue;
    const c: any = { ...ctx, element, elementIndex: index };
    c[`element${nesting}`] = element;
    c[`elementIndex${nesting}`] = index;
    applyForeachValues(c, input.foreachValues, index);
    try {
      loadContext(fe.context, c, input.provided, input.opts);
    } catch (err) {
      return asError(err, `failed to load to mutate.foreach[${index}].context`, resource);
    }
    try {
      if (!evaluateConditions(fe.preconditions, c, SubstitutionMode.PRECONDITIONS)) continue;
    } catch (err) {
      return asError(err, `failed to evaluate mutate.foreach[${index}].preconditions`, resource);
    }
    const r = Array.isArray(fe.foreach)
      ? mutateForEach(fe.foreach, patched, c, nesting + 1, input)
      : mutateOnce(fe, patched, c);
    if (r.status === RuleStatus.ERROR || r.status === RuleStatus.FAIL) return r;
    if (r.status === RuleStatus.PASS) {
      patched = r.patched;
      changed = true;
    }
  }
  // the community suites, run by kyverno test, report a foreach that patched nothing as skipped
  return changed ? outcome(RuleStatus.PASS, '', patched) : outcome(RuleStatus.SKIP, 'no patches applied', resource);
}

/** The CLI's foreachValues: the index-th value of each list becomes that variable. */
function applyForeachValues(ctx: any, values: any, index: number): void {
  if (!values || typeof values !== 'object') return;
  for (const [k, list] of Object.entries(values)) {
    if (Array.isArray(list) && index < list.length) setDotted(ctx, k, clone(list[index]));
  }
}
