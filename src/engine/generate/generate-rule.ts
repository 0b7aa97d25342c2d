/**
 * A Kyverno generate rule on one trigger, as `kyverno test` reports it: the engine's background
 * checks decide the status (pass when the rule applies, skip when its preconditions do not hold,
 * error when they cannot be evaluated), then the generate controller creates the resources
 * (`data`, `clone`, `cloneList`, `foreach`). When the controller fails (a clone source missing,
 * a variable that cannot be resolved), kyverno test keeps the rule's pass and generates nothing;
 * so does this engine, with the reason in the message.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/
 */
import { EvaluationOptions } from '../evaluation-options';
import { query, substituteAll, substituteString, SubstitutionMode, UnsupportedFunctionError } from '../jmespath';
import { RuleStatus } from '../result';
import { describe, evaluateConditions, loadContext, ruleContext, Unsupported } from '../rule-context';
import { GenerateError, GenerateInput, generateFromPattern } from './generate-pattern';
import { namespacedScopeViolation } from './namespaced-policy-scope';

/** The outcome of a generate rule. */
export interface GenerateOutcome {
  readonly status: RuleStatus;
  readonly message: string;
  /** The generated resources (empty when the controller generated nothing). */
  readonly generatedResources?: any[];
}

/** The fields of a generate block (or of one generate.foreach entry) that describe what to create. */
function patternOf(block: any): any {
  const { apiVersion, kind, name, namespace, data, clone, cloneList } = block ?? {};
  return { apiVersion, kind, name, namespace, data, clone, cloneList };
}

function isUnsupported(err: unknown): boolean {
  return err instanceof Unsupported || err instanceof UnsupportedFunctionError;
}

/** Substitutes and generates one pattern in `ctx`. */
function generateIn(block: any, ctx: any, input: GenerateInput): any[] {
  let pattern: any;
  try {
    pattern = substituteAll(patternOf(block), ctx, SubstitutionMode.STRICT);
  } catch (err) {
    if (isUnsupported(err)) throw err;
    throw new GenerateError(`variable substitution failed: ${describe(err)}`);
  }
  return generateFromPattern(pattern, input);
}

/** generate.foreach: each element of each list generates with its own context and preconditions. */
function generateForeach(entries: any[], ctx: any, provided: string[], input: GenerateInput): any[] {
  const errors: string[] = [];
  const out: any[] = [];
  entries.forEach((fe, i) => {
    let elements: any[];
    try {
      const expr = String(fe?.list ?? '').replace(/^\s*\{\{-?\s*/, '').replace(/\s*\}\}\s*$/, '');
      const v = query(String(substituteString(expr, ctx, SubstitutionMode.STRICT)), ctx);
      elements = Array.isArray(v) ? v : [v];
    } catch (err) {
      if (isUnsupported(err)) throw err;
      errors.push(`failed to evaluate ${i} foreach list: ${describe(err)}`);
      return;
    }
    elements.forEach((element, index) => {
      if (element === null || element === undefined) return;
      const elementCtx = { ...ctx, element, elementIndex: index, element0: element, elementIndex0: index };
      try {
        loadContext(fe.context, elementCtx, provided, input.options);
        if (!evaluateConditions(fe.preconditions, elementCtx, SubstitutionMode.PRECONDITIONS)) return;
        out.push(...generateIn(fe, elementCtx, input));
      } catch (err) {
        if (isUnsupported(err)) throw err;
        errors.push(`failed to process ${index} element: ${describe(err)}`);
      }
    });
  });
  // the controller returns the error and kyverno test keeps nothing of this rule's generation
  if (errors.length > 0) throw new GenerateError(errors.join('; '));
  return out;
}

function summary(resources: any[]): string {
  if (resources.length === 0) return 'nothing to generate';
  const names = resources.map((r) => {
    const ns = r?.metadata?.namespace ? `${r.metadata.namespace}/` : '';
    return `${r?.kind ?? ''} ${ns}${r?.metadata?.name ?? ''}`;
  });
  return `generated ${names.join(', ')}`;
}

/** Flags that change what happens later in a cluster, not what is generated now. */
function recordedFlags(policy: any, gen: any): string {
  const flags: string[] = [];
  if (gen.synchronize !== undefined) flags.push(`synchronize: ${gen.synchronize}`);
  if (gen.orphanDownstreamOnPolicyDelete !== undefined) flags.push(`orphanDownstreamOnPolicyDelete: ${gen.orphanDownstreamOnPolicyDelete}`);
  const existing = gen.generateExisting ?? policy?.spec?.generateExisting ?? policy?.spec?.generateExistingOnPolicyUpdate;
  if (existing !== undefined) flags.push(`generateExisting: ${existing} (the suite's resources are the triggers)`);
  return flags.length > 0 ? ` (${flags.join(', ')}; no effect offline)` : '';
}

/**
 * Evaluates the generate rule `rule` of `policy` on `trigger` (the rule already matches it).
 * `options.cloneSources` are the documents clone and cloneList can read besides the trigger.
 */
export function evaluateGenerateRule(policy: any, rule: any, trigger: any, options: EvaluationOptions): GenerateOutcome {
  const gen = rule?.generate ?? {};
  const invalid = namespacedScopeViolation(policy, gen);
  if (invalid) return { status: RuleStatus.ERROR, message: `invalid policy (kyverno test skips it): ${invalid}` };
  const { ctx, provided, target } = ruleContext(rule, trigger, trigger, options);
  try {
    loadContext(rule.context, ctx, provided, options);
  } catch (err) {
    if (isUnsupported(err)) return { status: RuleStatus.UNSUPPORTED, message: describe(err) };
    return { status: RuleStatus.ERROR, message: `failed to load context: ${describe(err)}` };
  }
  try {
    if (!evaluateConditions(rule.preconditions, ctx, SubstitutionMode.PRECONDITIONS)) {
      return { status: RuleStatus.SKIP, message: 'preconditions not met' };
    }
  } catch (err) {
    if (isUnsupported(err)) return { status: RuleStatus.UNSUPPORTED, message: describe(err) };
    return { status: RuleStatus.ERROR, message: `failed to evaluate conditions: ${describe(err)}` };
  }
  const input: GenerateInput = { trigger: target, sources: [target, ...(options.cloneSources ?? [])], policy, ruleName: String(rule.name), options };
  const flags = recordedFlags(policy, gen);
  try {
    const resources = Array.isArray(gen.foreach) ? generateForeach(gen.foreach, ctx, provided, input) : generateIn(gen, ctx, input);
    return { status: RuleStatus.PASS, message: `${summary(resources)}${flags}`, generatedResources: resources };
  } catch (err) {
    if (isUnsupported(err)) return { status: RuleStatus.UNSUPPORTED, message: describe(err) };
    if (!(err instanceof GenerateError)) throw err;
    return { status: RuleStatus.PASS, message: `the rule applies but nothing is generated: ${err.message}${flags}`, generatedResources: [] };
  }
}
