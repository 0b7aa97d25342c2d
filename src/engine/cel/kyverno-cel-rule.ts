/**
 * Kyverno `rules[].validate.cel`: ValidatingAdmissionPolicy expressions inside a ClusterPolicy rule.
 *
 * @see https://kyverno.io/docs/writing-policies/validate/#common-expression-language-cel
 */
import { RuleStatus } from '../result';
import { admissionBindings, evaluateVariables, evaluateWithVariables, runValidations } from './bindings';
import { CelContext } from './context';
import { CelEnvironment, celLibraryData, CelUnsupportedError } from './environment';

/** The outcome of one `validate.cel` block on one resource. */
export interface CelRuleOutcome {
  readonly status: RuleStatus;
  readonly message?: string;
}

/**
 * Evaluates a `validate.cel` block ({expressions, variables, paramKind, paramRef, auditAnnotations})
 * against `resource`. Pass when every expression is true; fail with the first false one's message;
 * fail too when an expression cannot be evaluated (failurePolicy Fail, as Kyverno runs them);
 * error when one does not compile or the parameter resource a `paramKind` needs is missing. `auditAnnotations` do not change the outcome.
 */
export function evaluateCelRule(cel: any, resource: any, ctx: CelContext = {}, ruleName?: string): CelRuleOutcome {
  if (cel?.paramKind && ctx.params === undefined) {
    // Kyverno looks the parameter resource up in the cluster; offline it must be supplied
    return { status: RuleStatus.ERROR, message: `params of kind ${cel.paramKind.kind ?? '?'} were not supplied` };
  }
  const env = new CelEnvironment(celLibraryData(ctx));
  const bindings = admissionBindings(resource, ctx);
  const vars = evaluateVariables(env, cel?.variables, bindings, ctx.variables);
  const result = runValidations(env, cel?.expressions, bindings, vars);
  switch (result.outcome) {
    case 'pass':
      return { status: RuleStatus.PASS, message: ruleName ? `Validation rule '${ruleName}' passed.` : undefined };
    case 'fail':
      return { status: RuleStatus.FAIL, message: result.message };
    case 'unsupported':
      return { status: RuleStatus.UNSUPPORTED, message: result.message };
    default:
      // an expression that does not compile makes the policy invalid: an error, not a verdict
      if (result.compileError) return { status: RuleStatus.ERROR, message: result.message };
      // Kyverno runs these as a ValidatingAdmissionPolicy with failurePolicy Fail: an expression
      // that cannot be evaluated denies the resource, so the rule fails (with the error as message)
      return { status: RuleStatus.FAIL, message: result.message };
  }
}

/**
 * A rule's `celPreconditions` ({name, expression}[], like a ValidatingAdmissionPolicy's
 * matchConditions): PASS when all are true, SKIP ("cel preconditions not met") when one is false,
 * ERROR when one cannot be evaluated.
 */
export function evaluateCelPreconditions(conditions: any[] | undefined, resource: any, ctx: CelContext = {}): CelRuleOutcome {
  if (!conditions?.length) return { status: RuleStatus.PASS };
  const env = new CelEnvironment(celLibraryData(ctx));
  const bindings = admissionBindings(resource, ctx);
  const vars = evaluateVariables(env, [], bindings, ctx.variables);
  for (const c of conditions) {
    let ok: any;
    try {
      ok = evaluateWithVariables(env, String(c?.expression ?? ''), bindings, vars);
    } catch (e) {
      const status = e instanceof CelUnsupportedError ? RuleStatus.UNSUPPORTED : RuleStatus.ERROR;
      return { status, message: `celPreconditions ${c?.name ?? ''}: ${(e as Error).message}` };
    }
    if (ok !== true) return { status: RuleStatus.SKIP, message: 'cel preconditions not met' };
  }
  return { status: RuleStatus.PASS };
}
