/**
 * Offline evaluation of a Kyverno policy against one resource: the result Kyverno reports per
 * (policy, rule, resource). Pure: no I/O.
 * @see https://kyverno.io/docs/writing-policies/validate/
 */
import { autogenRules, podFromTemplate } from './autogen';
import { isCelPolicyDocument } from './cel-policy-kinds';
import { EvaluationOptions } from './evaluation-options';
import { exceptionKey, exceptionMatches, exceptionsFor, hasPodSecurity } from './exceptions';
import { evaluateGenerateRule } from './generate';
import { substituteAll, substituteString, SubstitutionMode, UnsupportedFunctionError } from './jmespath';
import { MatchContext, ruleMatchFailure } from './match';
import { runMutation } from './mutate';
import { matchPattern } from './pattern';
import { RuleResult, RuleStatus } from './result';
import { applyValues, buildContext, describe, evaluateConditions, foreachElements, loadContext, ruleContext, setDotted, Unsupported } from './rule-context';
import { evaluateVerifyImagesRule } from './verify-images';
import { clone } from '../core/clone';

/**
 * A rule's outcome; `patched` is the resource after a mutate rule, `targets` a mutate-existing
 * rule's, `generatedResources` what a generate rule generates.
 */
interface Outcome { status: RuleStatus; message: string; patched?: any; targets?: Outcome[]; generatedResources?: any[] }

function pass(message = ''): Outcome { return { status: RuleStatus.PASS, message }; }
function fail(message: string): Outcome { return { status: RuleStatus.FAIL, message }; }
function skip(message: string): Outcome { return { status: RuleStatus.SKIP, message }; }
function error(message: string): Outcome { return { status: RuleStatus.ERROR, message }; }

function substitutedMessage(message: any, ctx: any): string {
  if (typeof message !== 'string') return '';
  try {
    const m = substituteString(message, ctx, SubstitutionMode.STRICT);
    return typeof m === 'string' ? m : JSON.stringify(m);
  } catch {
    return message;
  }
}

/** Everything one rule body needs to run. */
interface BodyInput {
  readonly ruleName: string;
  readonly target: any;
  readonly ctx: any;
  readonly provided: string[];
  readonly foreachValues?: any;
  /** The request's options (the test's cluster and mocked data for context entries). */
  readonly opts?: EvaluationOptions;
}

function runPatterns(body: any, target: any, ctx: any, ruleName: string, message: string): Outcome {
  const resourceAt = (path: string[]) => {
    let cur = target;
    for (const p of path) {
      const key = p.replace(/^(\^|<|=|X|\+)?\((.+)\)$/, '$2');
      if (cur === null || typeof cur !== 'object') return null;
      cur = Array.isArray(cur) ? cur[0] : cur[key];
    }
    return cur ?? null;
  };
  if (body.pattern !== undefined) {
    let pattern: any;
    try {
      pattern = substituteAll(body.pattern, ctx, SubstitutionMode.STRICT, resourceAt);
    } catch (err) {
      if (err instanceof UnsupportedFunctionError) throw new Unsupported(err.message);
      return error(`variable substitution failed: ${describe(err)}`);
    }
    const r = matchPattern(target, pattern);
    if (r.status === 'pass') return pass(`validation rule '${ruleName}' passed.`);
    if (r.status === 'skip') return skip(r.message);
    // buildErrorMessage: a missing anchored key (no path) is an execution error
    return r.status === 'error'
      ? error(`validation error: ${sentence(message)}rule ${ruleName} execution error: ${r.message}`)
      : fail(`validation error: ${sentence(message)}rule ${ruleName} failed at path ${r.path}`);
  }
  let patterns: any[];
  try {
    patterns = substituteAll(body.anyPattern, ctx, SubstitutionMode.STRICT, resourceAt);
  } catch (err) {
    if (err instanceof UnsupportedFunctionError) throw new Unsupported(err.message);
    return error(`variable substitution failed: ${describe(err)}`);
  }
  const failed: string[] = [];
  const skipped: string[] = [];
  for (let i = 0; i < (patterns ?? []).length; i++) {
    const r = matchPattern(target, patterns[i]);
    if (r.status === 'pass') return pass(`validation rule '${ruleName}' anyPattern[${i}] passed.`);
    if (r.status === 'skip') skipped.push(`rule ${ruleName}[${i}] skipped: ${r.message}`);
    else failed.push(r.path === '' ? `rule ${ruleName}[${i}] failed: ${r.message}` : `rule ${ruleName}[${i}] failed at path ${r.path}`);
  }
  if (skipped.length > 0 && failed.length === 0) return skip(skipped.join(' '));
  return fail(`validation error: ${sentence(message)}${failed.join(' ')}`);
}

/** The rule message as Kyverno prefixes it to pattern errors: ending with a period, then a space. */
function sentence(message: string): string {
  if (!message) return '';
  return message.endsWith('.') ? `${message} ` : `${message}. `;
}

function runDeny(deny: any, ctx: any, message: string): Outcome {
  try {
    const denied = evaluateConditions(deny?.conditions ?? {}, ctx, SubstitutionMode.STRICT);
    return denied ? fail(message || 'denied') : pass('deny conditions not met');
  } catch (err) {
    if (err instanceof UnsupportedFunctionError) throw new Unsupported(err.message);
    return error(`failed to check deny conditions: ${describe(err)}`);
  }
}

/** One validate body (rule-level or one foreach element). Undefined = nothing to validate. */
function runValidation(body: any, input: BodyInput, nesting: number, element: boolean): Outcome | undefined {
  const { ctx } = input;
  try {
    loadContext(body.context, ctx, input.provided, input.opts);
  } catch (err) {
    if (err instanceof Unsupported) throw err;
    if (err instanceof UnsupportedFunctionError) throw new Unsupported(err.message);
    return error(`failed to load context: ${describe(err)}`);
  }
  try {
    if (!evaluateConditions(body.preconditions, ctx, SubstitutionMode.PRECONDITIONS)) return skip('preconditions not met');
  } catch (err) {
    if (err instanceof UnsupportedFunctionError) throw new Unsupported(err.message);
    return error(`failed to evaluate preconditions: ${describe(err)}`);
  }
  const message = substitutedMessage(body.message ?? input.ctx.__message, ctx);
  if (body.deny !== undefined) return runDeny(body.deny, ctx, message);
  if (body.pattern !== undefined || body.anyPattern !== undefined) {
    // only a map element becomes the pattern's subject (AddElementToContext); scalars and lists check the resource
    const isMap = ctx.element !== null && typeof ctx.element === 'object' && !Array.isArray(ctx.element);
    const useElement = element && isMap && body.elementScope !== false;
    return runPatterns(body, useElement ? ctx.element : input.target, ctx, input.ruleName, message);
  }
  if (body.foreach !== undefined) return runForeach(body.foreach, input, nesting);
  return undefined;
}

function runForeach(foreachList: any[], input: BodyInput, nesting: number): Outcome {
  let applied = 0;
  const base = input.ctx;
  for (const fe of foreachList ?? []) {
    let elements: any[];
    try {
      elements = foreachElements(fe.list, base);
    } catch (err) {
      if (err instanceof UnsupportedFunctionError) throw new Unsupported(err.message);
      continue;
    }
    let count = 0;
    for (let index = 0; index < elements.length; index++) {
      const el = elements[index];
      if (el === null || el === undefined) continue;
      // AddElementToContext: elementScope: true on an element that is not a map is an error
      if (fe.elementScope === true && (typeof el !== 'object' || Array.isArray(el))) {
        return error('failed to process foreach: cannot use elementScope=true foreach rules for elements that are not maps, '
          + `expected type=map got type=${goTypeName(el)}`);
      }
      const ctx = { ...base };
      ctx.element = el;
      ctx.elementIndex = index;
      ctx[`element${nesting}`] = el;
      ctx[`elementIndex${nesting}`] = index;
      const fv = input.foreachValues;
      if (fv && typeof fv === 'object') {
        for (const [k, list] of Object.entries(fv)) {
          if (Array.isArray(list) && index < list.length) setDotted(ctx, k, clone(list[index]));
        }
      }
      const r = runValidation(fe, { ...input, ctx }, nesting + 1, true);
      if (!r || r.status === RuleStatus.SKIP) continue;
      if (r.status === RuleStatus.ERROR) {
        if (index < elements.length - 1) continue;
        return error(`validation failure: ${r.message}`);
      }
      if (r.status !== RuleStatus.PASS) return fail(`validation failure: ${r.message}`);
      count++;
    }
    applied += count;
  }
  if (applied === 0) return skip('rule skipped');
  return pass('rule passed');
}

/** The Go type name Kyverno prints for a decoded JSON value. */
function goTypeName(v: any): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'map[string]interface {}';
}

/**
 * The CEL and Pod Security evaluators load on first use (the CEL runtime is heavy). A module that
 * fails to load is a packaging bug: the error is thrown, never turned into `unsupported` results.
 */
function lazy<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
/* eslint-disable @typescript-eslint/no-require-imports */
const celRule = lazy(() => require('./cel/kyverno-cel-rule') as typeof import('./cel/kyverno-cel-rule'));
const celAutogen = lazy(() => require('./cel/autogen') as typeof import('./cel/autogen'));
const podSecurityModule = lazy(() => require('./pod-security/evaluate') as typeof import('./pod-security/evaluate'));
const celPolicies = lazy(() => require('./cel/policy-kinds') as typeof import('./cel/policy-kinds'));
/* eslint-enable @typescript-eslint/no-require-imports */

function celContext(_resource: any, opts: EvaluationOptions, ruleValues?: any): any {
  const ui = opts.userInfo;
  return {
    operation: opts.operation ?? 'CREATE',
    oldObject: opts.oldResource,
    namespaceObject: opts.namespaceObject,
    namespaceLabels: opts.namespaceLabels,
    userInfo: ui ? { username: ui.username, groups: ui.groups, uid: ui.uid, extra: ui.extra } : undefined,
    params: opts.params,
    variables: ruleValues ?? opts.values,
    contextResources: opts.contextResources,
    contextImages: opts.contextImages,
    apiCallResponses: opts.apiCallResponses,
    globalContextEntries: opts.globalContextEntries,
    subResource: opts.subresource,
  };
}

/** The kind of check a rule performs (used to group conformance figures). */
export enum RuleCategory {
  PATTERN = 'pattern',
  DENY = 'deny',
  FOREACH = 'foreach',
  CEL = 'cel',
  VALIDATING_POLICY = 'validatingPolicy',
  MUTATE = 'mutate',
  /** MutatingPolicy, GeneratingPolicy, ImageValidatingPolicy, DeletingPolicy and the Kubernetes admission policies. */
  CEL_POLICY = 'celPolicy',
  POD_SECURITY = 'podSecurity',
  GENERATE = 'generate',
  UNSUPPORTED = 'unsupported',
}

/** Classifies a rule (or a ValidatingPolicy). */
export function ruleCategory(rule: any): RuleCategory {
  if (rule?.generate) return RuleCategory.GENERATE;
  if (rule?.mutate) return RuleCategory.MUTATE;
  const v = rule?.validate;
  if (!v) return RuleCategory.UNSUPPORTED;
  if (v.cel) return RuleCategory.CEL;
  if (v.podSecurity) return RuleCategory.POD_SECURITY;
  if (v.foreach) return RuleCategory.FOREACH;
  if (v.deny) return RuleCategory.DENY;
  if (v.pattern !== undefined || v.anyPattern !== undefined) return RuleCategory.PATTERN;
  return RuleCategory.UNSUPPORTED;
}

function evaluateBody(rule: any, target: any, matched: any, opts: EvaluationOptions, autogenKind?: string): Outcome {
  if (rule.verifyImages) return evaluateVerifyImagesRule(rule, target, matched, opts);
  const validate = rule.validate;
  if (!validate && !rule.mutate) return { status: RuleStatus.UNSUPPORTED, message: 'rule has no validate, mutate, generate or verifyImages block' };
  const originalName = String(rule.name).replace(/^autogen-(cronjob-)?/, '');
  const ruleValues = opts.ruleValues?.[rule.name] ?? opts.ruleValues?.[originalName];
  const rc = ruleContext(rule, target, matched, opts);
  const { ctx, provided } = rc;
  target = rc.target;
  try {
    if (rule.mutate) {
      const foreachValues = opts.foreachValues?.[rule.name] ?? opts.foreachValues?.[originalName];
      return runMutation({ rule, resource: target, ctx, provided, foreachValues, targetResources: opts.targetResources, opts });
    }
    if (Array.isArray(rule.celPreconditions) && rule.celPreconditions.length > 0) {
      const mod = celRule();
      const autogen = celAutogen();
      // as for validate.cel, Kyverno rewrites object.metadata to the template's too
      const conditions = autogenKind
        ? rule.celPreconditions.map((c: any) => ({ ...c, expression: autogen.autogenExpression(String(c.expression ?? ''), autogenKind, true) }))
        : rule.celPreconditions;
      const subject = autogenKind ? matched : target;
      const pre = mod.evaluateCelPreconditions(conditions, subject, celContext(subject, opts, ruleValues));
      if (pre.status !== RuleStatus.PASS) return { status: pre.status, message: pre.message ?? 'cel preconditions not met' };
    }
    if (validate.cel) {
      const mod = celRule();
      const cel = autogenKind ? celAutogen().autogenCel(validate.cel, autogenKind) : validate.cel;
      const subject = autogenKind ? matched : target;
      if (rule.preconditions) {
        loadContext(rule.context, ctx, provided, opts);
        if (!evaluateConditions(rule.preconditions, ctx, SubstitutionMode.PRECONDITIONS)) return skip('preconditions not met');
      }
      const r = mod.evaluateCelRule(cel, subject, celContext(subject, opts, ruleValues), rule.name);
      return { status: r.status, message: r.message ?? '' };
    }
    if (validate.podSecurity) {
      const mod = podSecurityModule();
      loadContext(rule.context, ctx, provided, opts);
      if (!evaluateConditions(rule.preconditions, ctx, SubstitutionMode.PRECONDITIONS)) return skip('preconditions not met');
      // Kyverno prefixes the checks with "Validation rule '<name>' failed."
      const r = mod.evaluatePodSecurity(validate.podSecurity, target, rule.name);
      return { status: r.status, message: r.message ?? '' };
    }
    const body = { ...validate, context: rule.context, preconditions: rule.preconditions };
    const foreachValues = opts.foreachValues?.[rule.name] ?? opts.foreachValues?.[originalName];
    const input: BodyInput = { ruleName: rule.name, target, ctx, provided, foreachValues, opts };
    ctx.__message = validate.message;
    const r = runValidation(body, input, 0, false);
    delete ctx.__message;
    return r ?? { status: RuleStatus.UNSUPPORTED, message: 'validate rule has no pattern, anyPattern, deny, foreach, cel or podSecurity' };
  } catch (err) {
    if (err instanceof Unsupported) return { status: RuleStatus.UNSUPPORTED, message: err.message };
    if (err instanceof UnsupportedFunctionError) return { status: RuleStatus.UNSUPPORTED, message: err.message };
    return error(describe(err));
  }
}

function matchContext(policy: any, opts: EvaluationOptions): MatchContext {
  const ui = opts.userInfo ?? {};
  return {
    operation: opts.operation ?? 'CREATE',
    namespaceLabels: opts.namespaceLabels,
    username: ui.username,
    groups: ui.groups,
    roles: ui.roles,
    clusterRoles: ui.clusterRoles,
    userInfoSupplied: opts.userInfo !== undefined,
    subresource: opts.subresource,
    parent: opts.parentResource && opts.parentResource.kind
      ? { apiVersion: String(opts.parentResource.apiVersion ?? ''), kind: String(opts.parentResource.kind) } : undefined,
    policyNamespace: policy?.kind === 'Policy' ? policy?.metadata?.namespace ?? 'default' : undefined,
  };
}

/** Whether the document is a kyverno.io ClusterPolicy or Policy. */
function isKyvernoPolicyDocument(policy: any): boolean {
  const apiVersion = policy?.apiVersion;
  return (apiVersion === undefined || String(apiVersion).startsWith('kyverno.io/')) && (policy?.kind === 'ClusterPolicy' || policy?.kind === 'Policy');
}

/** Whether the document is a Kyverno ValidatingPolicy (policies.kyverno.io). */
export function isValidatingPolicyDocument(policy: any): boolean {
  return typeof policy?.apiVersion === 'string' && policy.apiVersion.startsWith('policies.kyverno.io/') && policy?.kind === 'ValidatingPolicy';
}

/**
 * Evaluates every rule of `policy` (including Pod controller autogen rules) on `resource`.
 * Rules whose match/exclude does not select the resource produce no result, as in Kyverno.
 */
export function evaluatePolicy(policy: any, resource: any, options: EvaluationOptions = {}): RuleResult[] {
  const results = evaluateRules(policy, resource, options);
  // a policy annotated policies.kyverno.io/scored: "false" reports failures as warnings
  if (String(policy?.metadata?.annotations?.['policies.kyverno.io/scored'] ?? '') !== 'false') return results;
  return results.map((r) => (r.status === RuleStatus.FAIL ? { ...r, status: RuleStatus.WARN } : r));
}

function evaluateRules(policy: any, resource: any, options: EvaluationOptions): RuleResult[] {
  const base = {
    policy: String(policy?.metadata?.name ?? ''),
    kind: String(resource?.kind ?? ''),
    namespace: resource?.metadata?.namespace,
    resource: String(resource?.metadata?.name ?? ''),
  };
  if (isCelPolicyDocument(policy)) {
    const mod = celPolicies();
    try {
      return mod.evaluateCelPolicy(policy, resource, { ...celContext(resource, options), exceptions: options.exceptions },
        { policyBindings: options.policyBindings, paramResources: options.paramResources });
    } catch (err) {
      return [{ ...base, rule: base.policy, status: RuleStatus.ERROR, message: describe(err) }];
    }
  }
  if (!isKyvernoPolicyDocument(policy)) {
    // never an empty answer for a policy we cannot evaluate: one unsupported result for the policy
    return [{ ...base, rule: base.policy, status: RuleStatus.UNSUPPORTED, message: `${String(policy?.apiVersion ?? '')} ${String(policy?.kind ?? 'document')} policies are not evaluated by the offline engine` }];
  }
  const mctx = matchContext(policy, options);
  const results: RuleResult[] = [];
  // spec.applyRules: One stops at the first rule that applied (passed or failed)
  const applyOne = policy?.spec?.applyRules === 'One';
  const applied = () => applyOne && results.some((x) => x.status === RuleStatus.PASS || x.status === RuleStatus.FAIL);
  const entries: { name: string; rule: any; kinds?: string[]; cronJob?: boolean }[] = [
    ...(policy?.spec?.rules ?? []).map((rule: any) => ({ name: String(rule.name), rule })),
    ...autogenRules(policy),
  ];
  // Kyverno's engine runs the mutate rules first, each on the resource the previous ones left;
  // the other rules then see the mutated resource
  let current = resource;
  for (const mutatePhase of [true, false]) {
    for (const entry of entries) {
      if (!!entry.rule?.mutate !== mutatePhase) continue;
      if (applied()) return results;
      if (entry.kinds && !entry.kinds.includes(base.kind)) continue;
      if (ruleMatchFailure(entry.rule, current, mctx) !== undefined) continue;
      const exceptions = exceptionsApplying(policy, entry.name, current, options, mctx);
      const target = current;
      const r = withExceptions(entry.rule, exceptions, (rule) => {
        if (rule.generate) return evaluateGenerateRule(policy, rule, target, options);
        if (!entry.kinds || rule.mutate) return evaluateBody(rule, target, target, options);
        if (rule.validate?.cel) return evaluateBody(rule, target, target, options, base.kind);
        if (!rule.validate?.podSecurity) return evaluateBody(rule, target, target, options);
        const pod = podFromTemplate(target, !!entry.cronJob);
        return pod === undefined
          ? error(`${base.kind} ${base.resource} has no pod template`)
          : evaluateBody(rule, pod, target, options);
      });
      if (!mutatePhase) {
        const generated = r.generatedResources ? { generatedResources: r.generatedResources } : {};
        results.push({ ...base, rule: entry.name, status: r.status, message: r.message || undefined, ...generated });
        continue;
      }
      if (r.targets) {
        // mutate-existing: a result per target; the trigger resource is left as it is
        for (const t of r.targets) {
          results.push({ ...base, rule: entry.name, status: t.status, message: t.message || undefined, patchedResource: t.patched });
        }
        continue;
      }
      if (r.status === RuleStatus.PASS && r.patched !== undefined) current = r.patched;
      const patchedResource = r.status === RuleStatus.UNSUPPORTED ? undefined : current;
      results.push({ ...base, rule: entry.name, status: r.status, message: r.message || undefined, patchedResource });
    }
  }
  return results;
}

/**
 * PolicyExceptions (options.exceptions) that name the rule, select the resource and whose
 * conditions hold (evaluated on the request like preconditions; an error means no match).
 */
function exceptionsApplying(policy: any, ruleName: string, resource: any, options: EvaluationOptions, mctx: MatchContext): any[] {
  const named = exceptionsFor(options.exceptions, policy, ruleName);
  return named.filter((e) => {
    if (!exceptionMatches(e, resource, mctx)) return false;
    if (!e.spec?.conditions) return true;
    try {
      const ctx = buildContext(resource, resource, options);
      applyValues(ctx, options.values);
      return evaluateConditions(e.spec.conditions, ctx, SubstitutionMode.PRECONDITIONS);
    } catch {
      return false;
    }
  });
}

/**
 * The rule's outcome under the exceptions that apply to it, as Kyverno decides: skipped, unless
 * every exception only exempts Pod Security controls of a podSecurity rule; then the rule is
 * evaluated, and a failure that the exempted controls account for entirely becomes a skip.
 */
function withExceptions(rule: any, exceptions: any[], evaluate: (rule: any) => Outcome): Outcome {
  if (exceptions.length === 0) return evaluate(rule);
  const skipped = skip(`rule is skipped due to policy exception ${exceptions.map(exceptionKey).join(', ')}`);
  const podSecurity = rule.validate?.podSecurity;
  if (!podSecurity || !exceptions.every(hasPodSecurity)) return skipped;
  const r = evaluate(rule);
  if (r.status !== RuleStatus.FAIL) return r;
  const exclude = [...(podSecurity.exclude ?? []), ...exceptions.flatMap((e) => e.spec.podSecurity)];
  const exempted = evaluate({ ...rule, validate: { ...rule.validate, podSecurity: { ...podSecurity, exclude } } });
  return exempted.status === RuleStatus.PASS ? skipped : exempted;
}
