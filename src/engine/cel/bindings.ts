/**
 * The CEL activation of an admission evaluation, shared by `validate.cel` rules and
 * ValidatingPolicies: object, oldObject, request, namespaceObject, params and variables.
 */
import { CelContext } from './context';
import { CelEnvironment, CelEvaluationError, CelUnsupportedError, toCel } from './environment';
import { resourceTypeOf } from './resource-kinds';

/** Builds the admission bindings for `resource` (as CEL values). */
export function admissionBindings(resource: any, ctx: CelContext): { [name: string]: any } {
  const operation = (ctx.operation ?? 'CREATE').toUpperCase();
  const type = resourceTypeOf(resource);
  const isDelete = operation === 'DELETE';
  const namespace = resource?.metadata?.namespace ?? (type.namespaced ? 'default' : '');
  // the API server always sets the namespace of a namespaced object; test resources often omit it
  const stored = type.namespaced && resource?.metadata && resource.metadata.namespace === undefined
    ? { ...resource, metadata: { ...resource.metadata, namespace } } : resource;
  const object = isDelete ? null : stored;
  const oldObject = isDelete ? stored : ctx.oldObject ?? null;
  const namespaceObject = ctx.namespaceObject !== undefined ? ctx.namespaceObject
    : type.namespaced ? namespaceFor(namespace, ctx.namespaceLabels) : null;
  const userInfo = {
    username: ctx.userInfo?.username ?? '',
    uid: ctx.userInfo?.uid ?? '',
    groups: ctx.userInfo?.groups ?? [],
    ...(ctx.userInfo?.extra ? { extra: ctx.userInfo.extra } : {}),
  };
  const request = {
    uid: '',
    kind: { group: type.group, version: type.version, kind: type.kind },
    resource: { group: type.group, version: type.version, resource: type.resource },
    requestKind: { group: type.group, version: type.version, kind: type.kind },
    requestResource: { group: type.group, version: type.version, resource: type.resource },
    subResource: ctx.subResource ?? '',
    name: resource?.metadata?.name ?? '',
    namespace: type.namespaced ? namespace : '',
    operation,
    userInfo,
    dryRun: ctx.dryRun ?? false,
    options: {},
  };
  return {
    object: toCel(object),
    oldObject: toCel(oldObject),
    request: toCel(request),
    namespaceObject: toCel(namespaceObject),
    params: toCel(ctx.params ?? null),
  };
}

function namespaceFor(name: string, labels?: { [key: string]: string }): any {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { 'kubernetes.io/metadata.name': name, ...(labels ?? {}) },
    },
  };
}

/** The `variables` map: each variable sees the ones before it; failures are kept for reporting. */
export interface EvaluatedVariables {
  readonly values: Map<string, any>;
  readonly errors: Map<string, string>;
  /** Variables that need a cluster or registry (their messages). */
  readonly unsupported: Map<string, string>;
}

/** Evaluates `variables[]` ({name, expression}) in order; `overrides` replace computed values. */
export function evaluateVariables(env: CelEnvironment, variables: any[] | undefined, bindings: { [name: string]: any },
  overrides?: { [key: string]: any }): EvaluatedVariables {
  const values = new Map<string, any>();
  const errors = new Map<string, string>();
  const unsupported = new Map<string, string>();
  for (const v of variables ?? []) {
    const name = String(v?.name ?? '');
    if (overrides && name in overrides) {
      values.set(name, toCel(overrides[name]));
      continue;
    }
    try {
      values.set(name, env.evaluate(String(v?.expression ?? ''), { ...bindings, variables: new Map(values) }));
    } catch (e) {
      errors.set(name, (e as Error).message);
      if (e instanceof CelUnsupportedError) unsupported.set(name, e.message);
    }
  }
  for (const [k, val] of Object.entries(overrides ?? {})) if (!values.has(k)) values.set(k, toCel(val));
  return { values, errors, unsupported };
}

/** Evaluates one expression with the variables bound; a failure that involves a failed variable names it. */
export function evaluateWithVariables(env: CelEnvironment, expression: string, bindings: { [name: string]: any },
  vars: EvaluatedVariables): any {
  try {
    return env.evaluate(expression, { ...bindings, variables: vars.values });
  } catch (e) {
    for (const [name, err] of vars.errors) {
      if (new RegExp(`variables\\s*\\.\\s*${name}\\b`).test(expression)) {
        if (vars.unsupported.has(name)) throw new CelUnsupportedError(`variable ${name}: ${err}`);
        throw new CelEvaluationError(`variable ${name}: ${err}`);
      }
    }
    throw e;
  }
}

/** The outcome of a list of VAP-style validations. */
export interface ValidationsOutcome {
  readonly outcome: 'pass' | 'fail' | 'error' | 'unsupported';
  readonly message?: string;
  /** For errors: the expression could not be compiled (bad syntax, unknown function or variable). */
  readonly compileError?: boolean;
}

/**
 * Kubernetes ValidatingAdmissionPolicy semantics: validations in order; an evaluation error or a
 * non-boolean result is an error, the first false one fails with its messageExpression result
 * (when it evaluates to a non-empty string), else its message, else `failed expression: <expr>`.
 */
export function runValidations(env: CelEnvironment, validations: any[] | undefined, bindings: { [name: string]: any },
  vars: EvaluatedVariables): ValidationsOutcome {
  for (const v of validations ?? []) {
    const expression = String(v?.expression ?? '');
    let result: any;
    try {
      result = evaluateWithVariables(env, expression, bindings, vars);
    } catch (e) {
      if (e instanceof CelUnsupportedError) return { outcome: 'unsupported', message: e.message };
      const message = (e as Error).message;
      return { outcome: 'error', message: `expression '${expression.trim()}' resulted in error: ${message}`, compileError: isCompileError(message) };
    }
    if (typeof result !== 'boolean') {
      return { outcome: 'error', message: `expression '${expression.trim()}' must evaluate to bool` };
    }
    if (result) continue;
    return { outcome: 'fail', message: failureMessage(env, v, bindings, vars) };
  }
  return { outcome: 'pass' };
}

function failureMessage(env: CelEnvironment, v: any, bindings: { [name: string]: any }, vars: EvaluatedVariables): string {
  const fallback = v?.message ? String(v.message) : `failed expression: ${String(v?.expression ?? '').trim()}`;
  if (!v?.messageExpression) return fallback;
  try {
    const m = evaluateWithVariables(env, String(v.messageExpression), bindings, vars);
    return typeof m === 'string' && m.trim() !== '' ? m.trim() : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Errors cel-go reports when it compiles an expression (Kyverno then rejects the policy), as
 * opposed to errors of one evaluation (a missing field): syntax errors and unknown names.
 */
export function isCompileError(message: string): boolean {
  return /compilation failed|unbound function|unresolved attribute|undeclared reference/.test(message);
}
