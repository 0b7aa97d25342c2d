/**
 * The admission pipeline every CEL policy kind shares before its own step (validations,
 * mutations, generation, deletion conditions): namespace scope of the Namespaced kinds,
 * matchConstraints (with Pod controller autogen where the kind has it), policies.kyverno.io
 * PolicyExceptions, the CEL activation with `variables`, then matchConditions.
 *
 * @see https://kyverno.io/docs/policy-types/validating-policy/
 * @see https://kyverno.io/docs/exceptions/
 */
import { RuleResult, RuleStatus } from '../result';
import { autogenExpression } from './autogen';
import { EvaluatedVariables, admissionBindings, evaluateVariables, evaluateWithVariables } from './bindings';
import { CelContext } from './context';
import { isCelPolicyException } from '../cel-policy-kinds';
import { CelEnvironment, celLibraryData, CelUnsupportedError, toCel } from './environment';
import { matchesResource } from './match-constraints';

/** A policy that matched the resource: what its own step evaluates with. */
export interface MatchedPolicy {
  readonly env: CelEnvironment;
  /** The activation: object, oldObject, request, namespaceObject, params. */
  readonly bindings: { [name: string]: any };
  readonly vars: EvaluatedVariables;
  /** Rewrites an expression for the Pod controller autogen evaluates (identity otherwise). */
  readonly rewrite: (expression: any) => any;
  /** The Pod controller kind when the policy matched through autogen, else ''. */
  readonly autogenKind: string;
  /** One result of the policy on the resource. */
  readonly result: (status: RuleStatus, message?: string, extra?: Partial<RuleResult>) => RuleResult[];
}

/** Options of the pipeline. */
export interface PipelineOptions {
  /** Whether the kind autogenerates for Pod controllers (`spec.autogen`). */
  readonly autogen: boolean;
  /** The conditions read after the activation (`matchConditions`; a DeletingPolicy has none). */
  readonly conditionsField?: string;
}

/** Namespaced kinds (NamespacedValidatingPolicy...) apply only in their own namespace. */
export function isNamespacedKind(policy: any): boolean {
  return String(policy?.kind ?? '').startsWith('Namespaced');
}

/**
 * Runs the shared steps. Returns the matched policy, or the final results: none when the policy
 * does not select the resource, one `skip` for an exception or a false matchCondition, one
 * `error`/`unsupported` when a matchCondition cannot be evaluated.
 */
export function matchPolicy(policy: any, resource: any, ctx: CelContext, options: PipelineOptions): MatchedPolicy | RuleResult[] {
  const spec = policy?.spec ?? {};
  const name = String(policy?.metadata?.name ?? '');
  const kind = String(resource?.kind ?? '');
  const result = (status: RuleStatus, message?: string, extra?: Partial<RuleResult>): RuleResult[] => [{
    policy: name,
    rule: name,
    kind,
    ...(resource?.metadata?.namespace ? { namespace: resource.metadata.namespace } : {}),
    resource: String(resource?.metadata?.name ?? ''),
    status,
    ...(message !== undefined ? { message } : {}),
    ...(extra ?? {}),
  }];

  if (isNamespacedKind(policy)) {
    const own = policy?.metadata?.namespace ?? 'default';
    if ((resource?.metadata?.namespace ?? 'default') !== own || resource?.kind === 'Namespace') return [];
  }
  const operation = (ctx.operation ?? 'CREATE').toUpperCase();
  const autogenKind = matchesResource(spec, resource, operation, ctx, options.autogen);
  if (autogenKind === null) return [];
  const rewrite = (e: any) => (autogenKind && typeof e === 'string' ? autogenExpression(e, autogenKind, true) : e);

  const env = new CelEnvironment(celLibraryData(ctx));
  const bindings = admissionBindings(resource, ctx);
  // exceptions giving images or values only feed `exceptions.allowedImages/allowedValues` (the
  // policy decides what they bypass); an ImageValidatingPolicy has no such variable: any
  // matching exception exempts it, as Kyverno's evaluator returns at the first one
  const applicable = exceptionsFor(policy, env, bindings, ctx.exceptions);
  const imagePolicy = String(policy?.kind ?? '').endsWith('ImageValidatingPolicy');
  const exemptions = imagePolicy ? applicable : applicable.filter((e) => !isPartial(e));
  const partial = imagePolicy ? [] : applicable.filter(isPartial);
  bindings.exceptions = toCel({
    allowedImages: partial.flatMap((e) => (e.spec.images ?? []).map(String)),
    allowedValues: partial.flatMap((e) => (e.spec.allowedValues ?? []).map(String)),
  });
  if (exemptions.length > 0) {
    // Kyverno reports what the first exception (by priority) asks for: skip, or pass
    const passed = exemptions[0]?.spec?.reportResult === 'pass';
    return result(passed ? RuleStatus.PASS : RuleStatus.SKIP,
      `rule is ${passed ? 'passed' : 'skipped'} due to policy exception: ${exemptions.map(exceptionName).join(', ')}`);
  }
  const variables = (spec.variables ?? []).map((v: any) => ({ ...v, expression: rewrite(v.expression) }));
  const vars = evaluateVariables(env, variables, bindings, ctx.variables);

  for (const c of spec[options.conditionsField ?? 'matchConditions'] ?? []) {
    let ok: any;
    try {
      ok = evaluateWithVariables(env, rewrite(String(c?.expression ?? '')), bindings, vars);
    } catch (e) {
      const status = e instanceof CelUnsupportedError ? RuleStatus.UNSUPPORTED : RuleStatus.ERROR;
      return result(status, `matchCondition '${c?.name ?? ''}' resulted in error: ${(e as Error).message}`);
    }
    if (ok !== true) return result(RuleStatus.SKIP, `matchCondition '${c?.name ?? ''}' is not satisfied`);
  }
  return { env, bindings, vars, rewrite, result, autogenKind };
}

/** An exception that supplies images or values to the policy instead of exempting the resource. */
function isPartial(e: any): boolean {
  return (Array.isArray(e?.spec?.images) && e.spec.images.length > 0) || (Array.isArray(e?.spec?.allowedValues) && e.spec.allowedValues.length > 0);
}

function exceptionName(e: any): string {
  const ns = e?.metadata?.namespace;
  return ns ? `${ns}/${e?.metadata?.name ?? ''}` : String(e?.metadata?.name ?? '');
}

/**
 * The policies.kyverno.io PolicyExceptions that name the policy (`policyRefs` name and kind) and
 * whose matchConditions all hold on the request. A condition that cannot be evaluated means the
 * exception does not apply (Kyverno logs it and evaluates the policy).
 */
function exceptionsFor(policy: any, env: CelEnvironment, bindings: { [name: string]: any }, exceptions: any[] | undefined): any[] {
  const name = String(policy?.metadata?.name ?? '');
  const kind = String(policy?.kind ?? '');
  return (exceptions ?? []).filter((e) => {
    if (!isCelPolicyException(e)) return false;
    if (!(e.spec?.policyRefs ?? []).some((r: any) => r?.name === name && (r?.kind === undefined || r.kind === kind))) return false;
    const none = evaluateVariables(env, [], bindings);
    return (e.spec?.matchConditions ?? []).every((c: any) => {
      try {
        return evaluateWithVariables(env, String(c?.expression ?? ''), bindings, none) === true;
      } catch {
        return false;
      }
    });
  });
}
