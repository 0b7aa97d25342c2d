/**
 * Offline evaluation of a Kyverno policy against one resource: the result Kyverno reports per
 * (policy, rule, resource). Pure: no I/O.
 * @see https://kyverno.io/docs/writing-policies/validate/
 */
import { autogenRules, podFromTemplate } from './autogen';
import { evaluateOperator } from './conditions';
import { EvaluationOptions } from './evaluation-options';
import { exceptionKey, exceptionMatches, exceptionsFor, hasPodSecurity } from './exceptions';
import { parseImage, query, substituteAll, substituteString, SubstitutionMode, UnsupportedFunctionError } from './jmespath';
import { MatchContext, ruleMatchFailure } from './match';
import { matchPattern } from './pattern';
import { RuleResult, RuleStatus } from './result';

interface Outcome { status: RuleStatus; message: string }

/** A rule could not be evaluated offline. */
class Unsupported extends Error {}

function pass(message = ''): Outcome { return { status: RuleStatus.PASS, message }; }
function fail(message: string): Outcome { return { status: RuleStatus.FAIL, message }; }
function skip(message: string): Outcome { return { status: RuleStatus.SKIP, message }; }
function error(message: string): Outcome { return { status: RuleStatus.ERROR, message }; }

function clone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

/** Sets `a.b.c` = value in obj, creating objects on the way (the CLI's AddVariable). */
function setDotted(obj: any, key: string, value: any): void {
  const parts = key.split('.');
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    if (cur[parts[i]] === null || typeof cur[parts[i]] !== 'object' || Array.isArray(cur[parts[i]])) cur[parts[i]] = {};
    cur = cur[parts[i]];
  }
  cur[parts[parts.length - 1]] = value;
}

function podSpecOf(resource: any): any {
  switch (resource?.kind) {
    case 'Pod': return resource?.spec;
    case 'CronJob': return resource?.spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment': case 'StatefulSet': case 'DaemonSet': case 'Job': case 'ReplicaSet': case 'ReplicationController':
      return resource?.spec?.template?.spec;
    default: return undefined;
  }
}

function imagesOf(resource: any): any {
  const spec = podSpecOf(resource);
  if (!spec) return null;
  const out: any = {};
  for (const field of ['containers', 'initContainers', 'ephemeralContainers']) {
    const list = spec[field];
    if (!Array.isArray(list) || list.length === 0) continue;
    out[field] = {};
    for (const c of list) {
      if (typeof c?.image !== 'string') continue;
      const info = parseImage(c.image);
      const entry: any = {
        registry: info.registry, name: info.name, path: info.path, reference: info.reference, referenceWithTag: info.referenceWithTag,
      };
      if (info.tag) entry.tag = info.tag;
      if (info.digest) entry.digest = info.digest;
      out[field][c.name] = entry;
    }
  }
  return out;
}

function buildContext(resource: any, matched: any, opts: EvaluationOptions): any {
  const op = opts.operation ?? 'CREATE';
  const ui = opts.userInfo ?? {};
  const username = ui.username ?? '';
  const request: any = {
    operation: op,
    object: op === 'DELETE' ? null : resource,
    // without an old object, an UPDATE compares the resource with itself (as kyverno test does)
    oldObject: op === 'DELETE' ? resource : opts.oldResource ?? (op === 'UPDATE' ? resource : null),
    userInfo: ui.groups ? { username, groups: ui.groups } : { username },
    roles: ui.roles ?? [],
    clusterRoles: ui.clusterRoles ?? [],
  };
  const ns = matched?.metadata?.namespace;
  if (ns) request.namespace = ns;
  const ctx: any = { request, images: imagesOf(resource) };
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  ctx.serviceAccountName = sa ? sa[2] : '';
  ctx.serviceAccountNamespace = sa ? sa[1] : '';
  return ctx;
}

function applyValues(ctx: any, values: any): void {
  if (!values || typeof values !== 'object') return;
  // never write into the caller's resource objects
  for (const root of ['object', 'oldObject']) {
    if (Object.keys(values).some((k) => k.startsWith(`request.${root}.`)) && ctx.request?.[root]) {
      ctx.request[root] = clone(ctx.request[root]);
    }
  }
  for (const [k, v] of Object.entries(values)) setDotted(ctx, k, clone(v));
}

function valueKeys(...sources: any[]): string[] {
  const out: string[] = [];
  for (const s of sources) if (s && typeof s === 'object') out.push(...Object.keys(s));
  return out;
}

/** Loads `context` entries into `ctx`; throws Unsupported for live lookups without a value. */
function loadContext(entries: any[] | undefined, ctx: any, provided: string[]): void {
  for (const entry of entries ?? []) {
    const name: string = entry?.name ?? '';
    const isProvided = provided.some((k) => k === name || k.startsWith(`${name}.`));
    if (entry.variable) {
      if (isProvided) continue;
      ctx[name] = loadVariable(name, entry.variable, ctx);
      continue;
    }
    if (isProvided) continue;
    const kind = entry.configMap ? 'configMap' : entry.apiCall ? 'apiCall' : entry.imageRegistry ? 'imageRegistry' : entry.globalReference ? 'globalReference' : 'unknown';
    throw new Unsupported(`context entry "${name}" (${kind}) needs a live cluster or registry and no value was supplied`);
  }
}

/** A `variable` context entry, as Kyverno's variableLoader: nil is an error unless defaulted. */
function loadVariable(name: string, v: any, ctx: any): any {
  const path = v.jmesPath ? String(substituteString(String(v.jmesPath), ctx, SubstitutionMode.STRICT)) : '';
  const def: any = v.default !== undefined && v.default !== null ? substituteAll(v.default, ctx) : null;
  let output: any = def;
  if (v.value !== undefined && v.value !== null) {
    const value = substituteAll(v.value, ctx);
    if (path) {
      try {
        output = query(path, value);
      } catch (err) {
        if (def === null) throw err;
      }
    } else {
      output = value;
    }
  } else if (path) {
    try {
      const x = query(path, ctx);
      if (x !== null && x !== undefined) output = x;
    } catch (err) {
      if (def === null) throw err;
    }
  }
  if (output === null || output === undefined) {
    throw new Error(`failed to add context entry for variable ${name} since it evaluated to nil`);
  }
  return output;
}

/** Evaluates any/all (or a legacy list) of conditions after substitution. */
function evaluateConditions(conditions: any, ctx: any, mode: SubstitutionMode): boolean {
  if (conditions === undefined || conditions === null) return true;
  const subst = substituteAll(conditions, ctx, mode);
  const one = (c: any) => evaluateOperator(c.operator, c.key, c.value);
  if (Array.isArray(subst)) return subst.every(one);
  const any: any[] | undefined = subst.any;
  const all: any[] | undefined = subst.all;
  const anyOk = !any || any.length === 0 || any.some(one);
  const allOk = !all || all.every(one);
  return anyOk && allOk;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

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
    loadContext(body.context, ctx, input.provided);
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
      const listExpr = String(fe.list ?? '').replace(/^\s*\{\{-?\s*/, '').replace(/\s*\}\}\s*$/, '');
      const listSubst = substituteString(listExpr, base, SubstitutionMode.STRICT);
      const v = query(String(listSubst), base);
      elements = Array.isArray(v) ? v : [v];
    } catch (err) {
      if (err instanceof UnsupportedFunctionError) throw new Unsupported(err.message);
      continue;
    }
    let count = 0;
    for (let index = 0; index < elements.length; index++) {
      const el = elements[index];
      if (el === null || el === undefined) continue;
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

// E2's modules are loaded lazily so that this module works (reporting the rule as unsupported)
// while they are absent or broken.
function celModule(path: string): any {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path);
  } catch {
    return undefined;
  }
}

function celContext(_resource: any, opts: EvaluationOptions, ruleValues?: any): any {
  const ui = opts.userInfo;
  return {
    operation: opts.operation ?? 'CREATE',
    oldObject: opts.oldResource,
    namespaceObject: opts.namespaceObject,
    namespaceLabels: opts.namespaceLabels,
    userInfo: ui ? { username: ui.username, groups: ui.groups } : undefined,
    params: opts.params,
    variables: ruleValues ?? opts.values,
    contextResources: opts.contextResources,
    contextImages: opts.contextImages,
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
  /** MutatingPolicy, GeneratingPolicy, ImageValidatingPolicy, DeletingPolicy and the Kubernetes admission policies. */
  CEL_POLICY = 'celPolicy',
  POD_SECURITY = 'podSecurity',
  UNSUPPORTED = 'unsupported',
}

/** Classifies a rule (or a ValidatingPolicy). */
export function ruleCategory(rule: any): RuleCategory {
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
  if (rule.mutate) return { status: RuleStatus.UNSUPPORTED, message: 'mutate rules are not evaluated by the offline engine' };
  if (rule.generate) return { status: RuleStatus.UNSUPPORTED, message: 'generate rules are not evaluated by the offline engine' };
  if (rule.verifyImages) return { status: RuleStatus.UNSUPPORTED, message: 'verifyImages rules need a registry and are not evaluated offline' };
  const validate = rule.validate;
  if (!validate) return { status: RuleStatus.UNSUPPORTED, message: 'rule has no validate, mutate, generate or verifyImages block' };
  const originalName = String(rule.name).replace(/^autogen-(cronjob-)?/, '');
  const ruleValues = opts.ruleValues?.[rule.name] ?? opts.ruleValues?.[originalName];
  const ctx = buildContext(target, matched, opts);
  applyValues(ctx, opts.values);
  applyValues(ctx, ruleValues);
  const provided = valueKeys(opts.values, ruleValues);
  // values may inject fields into request.object: the rule then sees that object (kyverno test)
  if (provided.some((k) => k.startsWith('request.object.')) && ctx.request?.object && typeof ctx.request.object === 'object') {
    target = ctx.request.object;
  }
  try {
    if (Array.isArray(rule.celPreconditions) && rule.celPreconditions.length > 0) {
      const mod = celModule('./cel/kyverno-cel-rule');
      if (!mod?.evaluateCelPreconditions) return { status: RuleStatus.UNSUPPORTED, message: 'celPreconditions evaluation is not available' };
      const autogen = celModule('./cel/autogen');
      // as for validate.cel, Kyverno rewrites object.metadata to the template's too
      const conditions = autogenKind && autogen?.autogenExpression
        ? rule.celPreconditions.map((c: any) => ({ ...c, expression: autogen.autogenExpression(String(c.expression ?? ''), autogenKind, true) }))
        : rule.celPreconditions;
      const subject = autogenKind ? matched : target;
      const pre = mod.evaluateCelPreconditions(conditions, subject, celContext(subject, opts, ruleValues));
      if (pre.status !== RuleStatus.PASS) return { status: pre.status, message: pre.message ?? 'cel preconditions not met' };
    }
    if (validate.cel) {
      const mod = celModule('./cel/kyverno-cel-rule');
      if (!mod?.evaluateCelRule) return { status: RuleStatus.UNSUPPORTED, message: 'validate.cel evaluation is not available' };
      const autogen = celModule('./cel/autogen');
      const cel = autogenKind && autogen?.autogenCel ? autogen.autogenCel(validate.cel, autogenKind) : validate.cel;
      const subject = autogenKind ? matched : target;
      if (rule.preconditions) {
        loadContext(rule.context, ctx, provided);
        if (!evaluateConditions(rule.preconditions, ctx, SubstitutionMode.PRECONDITIONS)) return skip('preconditions not met');
      }
      const r = mod.evaluateCelRule(cel, subject, celContext(subject, opts, ruleValues), rule.name);
      return { status: r.status, message: r.message ?? '' };
    }
    if (validate.podSecurity) {
      const mod = celModule('./pod-security/evaluate');
      if (!mod?.evaluatePodSecurity) return { status: RuleStatus.UNSUPPORTED, message: 'podSecurity evaluation is not available' };
      loadContext(rule.context, ctx, provided);
      if (!evaluateConditions(rule.preconditions, ctx, SubstitutionMode.PRECONDITIONS)) return skip('preconditions not met');
      // Kyverno prefixes the checks with "Validation rule '<name>' failed."
      const r = mod.evaluatePodSecurity(validate.podSecurity, target, rule.name);
      return { status: r.status, message: r.message ?? '' };
    }
    const body = { ...validate, context: rule.context, preconditions: rule.preconditions };
    const foreachValues = opts.foreachValues?.[rule.name] ?? opts.foreachValues?.[originalName];
    const input: BodyInput = { ruleName: rule.name, target, ctx, provided, foreachValues };
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
    subresource: opts.subresource,
    parent: opts.parentResource && opts.parentResource.kind
      ? { apiVersion: String(opts.parentResource.apiVersion ?? ''), kind: String(opts.parentResource.kind) } : undefined,
    policyNamespace: policy?.kind === 'Policy' ? policy?.metadata?.namespace ?? 'default' : undefined,
  };
}

/** Whether the document is a Kyverno ValidatingPolicy (policies.kyverno.io). */
export function isValidatingPolicyDocument(policy: any): boolean {
  return typeof policy?.apiVersion === 'string' && policy.apiVersion.startsWith('policies.kyverno.io/') && policy?.kind === 'ValidatingPolicy';
}

/**
 * Whether the document is a CEL policy of any kind (the policies.kyverno.io family,
 * ValidatingAdmissionPolicy, MutatingAdmissionPolicy); bindings and exceptions are not.
 */
export function isCelPolicyDocument(policy: any): boolean {
  return celModule('./cel/policy-kinds')?.isCelPolicy?.(policy) === true;
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
    const mod = celModule('./cel/policy-kinds');
    if (!mod?.evaluateCelPolicy) {
      return [{ ...base, rule: base.policy, status: RuleStatus.UNSUPPORTED, message: `${policy.kind} evaluation is not available` }];
    }
    try {
      return mod.evaluateCelPolicy(policy, resource, { ...celContext(resource, options), exceptions: options.exceptions },
        { policyBindings: options.policyBindings, paramResources: options.paramResources });
    } catch (err) {
      return [{ ...base, rule: base.policy, status: RuleStatus.ERROR, message: describe(err) }];
    }
  }
  const mctx = matchContext(policy, options);
  const results: RuleResult[] = [];
  // spec.applyRules: One stops at the first rule that applied (passed or failed)
  const applyOne = policy?.spec?.applyRules === 'One';
  const applied = () => applyOne && results.some((x) => x.status === RuleStatus.PASS || x.status === RuleStatus.FAIL);
  for (const rule of policy?.spec?.rules ?? []) {
    if (applied()) return results;
    if (ruleMatchFailure(rule, resource, mctx) !== undefined) continue;
    const exceptions = exceptionsApplying(policy, String(rule.name), resource, options, mctx);
    const r = withExceptions(rule, exceptions, (x) => evaluateBody(x, resource, resource, options));
    results.push({ ...base, rule: String(rule.name), status: r.status, message: r.message || undefined });
  }
  for (const gen of autogenRules(policy)) {
    if (applied()) return results;
    if (!gen.kinds.includes(base.kind)) continue;
    if (ruleMatchFailure(gen.rule, resource, mctx) !== undefined) continue;
    const exceptions = exceptionsApplying(policy, gen.name, resource, options, mctx);
    const r = withExceptions(gen.rule, exceptions, (rule) => {
      if (rule.validate?.cel) return evaluateBody(rule, resource, resource, options, base.kind);
      if (!rule.validate?.podSecurity) return evaluateBody(rule, resource, resource, options);
      const pod = podFromTemplate(resource, gen.cronJob);
      return pod === undefined
        ? error(`${base.kind} ${base.resource} has no pod template`)
        : evaluateBody(rule, pod, resource, options);
    });
    results.push({ ...base, rule: gen.name, status: r.status, message: r.message || undefined });
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
