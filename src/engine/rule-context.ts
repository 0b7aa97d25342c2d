/**
 * The JSON context a Kyverno rule is evaluated in (request, images, service account), the test's
 * values injected into it, `context` entries and any/all conditions: shared by the validate,
 * mutate, generate and verifyImages evaluations.
 * @see https://kyverno.io/docs/writing-policies/variables/
 */
import { evaluateOperator } from './conditions';
import { apiCallData, configMapData, globalReferenceData } from './context-data';
import { EvaluationOptions } from './evaluation-options';
import { parseImage, query, substituteAll, substituteString, SubstitutionMode } from './jmespath';
import { clone } from '../core/clone';

/** A rule could not be evaluated offline. */
export class Unsupported extends Error {}

/** The segments of a dotted values key; a double-quoted segment may hold dots (`annotations."a.io/b"`). */
function dottedKeySegments(key: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const c of key) {
    if (c === '"') {
      quoted = !quoted;
    } else if (c === '.' && !quoted) {
      parts.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  parts.push(cur);
  return parts;
}

/** Sets `a.b.c` = value in obj, creating objects on the way (the CLI's AddVariable). */
export function setDotted(obj: any, key: string, value: any): void {
  const parts = dottedKeySegments(key);
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

export function imagesOf(resource: any): any {
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

export function buildContext(resource: any, matched: any, opts: EvaluationOptions): any {
  const op = opts.operation ?? 'CREATE';
  const ui = opts.userInfo ?? {};
  const username = ui.username ?? '';
  const request: any = {
    operation: op,
    object: op === 'DELETE' ? null : resource,
    // without an old object, an UPDATE compares the resource with itself (as kyverno test does)
    oldObject: op === 'DELETE' ? resource : opts.oldResource ?? (op === 'UPDATE' ? resource : null),
    userInfo: { username, ...(ui.uid ? { uid: ui.uid } : {}), ...(ui.groups ? { groups: ui.groups } : {}), ...(ui.extra ? { extra: ui.extra } : {}) },
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

export function applyValues(ctx: any, values: any): void {
  if (!values || typeof values !== 'object') return;
  // never write into the caller's resource objects
  for (const root of ['object', 'oldObject']) {
    if (Object.keys(values).some((k) => k.startsWith(`request.${root}.`)) && ctx.request?.[root]) {
      ctx.request[root] = clone(ctx.request[root]);
    }
  }
  for (const [k, v] of Object.entries(values)) setDotted(ctx, k, clone(v));
}

export function valueKeys(...sources: any[]): string[] {
  const out: string[] = [];
  for (const s of sources) if (s && typeof s === 'object') out.push(...Object.keys(s));
  return out;
}

/**
 * Loads `context` entries into `ctx`: apiCall, configMap and globalReference entries from the
 * test's data (`opts`: clusterResources, apiCallResponses, globalContextEntries); throws
 * Unsupported for live lookups the test does not supply.
 */
export function loadContext(entries: any[] | undefined, ctx: any, provided: string[], opts: EvaluationOptions = {}): void {
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
    const data = externalData(kind, entry, ctx, opts);
    if (!data) throw new Unsupported(`context entry "${name}" (${kind}) needs a live cluster or registry and no value was supplied`);
    ctx[name] = data.value;
  }
}

/** An apiCall, configMap or globalReference entry's value from the test's data (context-data.ts). */
function externalData(kind: string, entry: any, ctx: any, opts: EvaluationOptions): { value: any } | undefined {
  const supplied = kind === 'apiCall' ? !!(opts.clusterResources || opts.apiCallResponses)
    : kind === 'configMap' ? !!opts.clusterResources
      : kind === 'globalReference' ? !!opts.globalContextEntries : false;
  if (!supplied) return undefined;
  const spec = substituteAll(entry[kind], ctx, SubstitutionMode.STRICT);
  let data: { value: any } | undefined;
  try {
    data = kind === 'apiCall' ? apiCallData(spec, opts)
      : kind === 'configMap' ? configMapData(spec, opts)
        : kind === 'globalReference' ? globalReferenceData(spec, opts) : undefined;
  } catch (err) {
    if (spec?.default === undefined) throw err;
    return { value: spec.default };
  }
  if (!data) return undefined;
  const path = kind === 'configMap' ? undefined : spec?.jmesPath;
  if (!path) return data;
  try {
    const v = query(String(path), data.value);
    return { value: v ?? spec.default ?? null };
  } catch (err) {
    if (spec?.default === undefined) throw err;
    return { value: spec.default };
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
export function evaluateConditions(conditions: any, ctx: any, mode: SubstitutionMode): boolean {
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

export function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The context one rule runs in, with the keys the test's values supplied. */
export interface RuleContext {
  /** The JSON context (request, images, values). */
  readonly ctx: any;
  /** Variable keys the test supplied (context entries named by them are not loaded). */
  readonly provided: string[];
  /** The resource the rule sees (values may inject fields into request.object, as kyverno test does). */
  readonly target: any;
}

/**
 * Builds the JSON context of `rule` on `target`: the request, then the test's global and
 * per-resource values, then the rule's values (`autogen-` rules read their original rule's).
 */
export function ruleContext(rule: any, target: any, matched: any, opts: EvaluationOptions): RuleContext {
  const originalName = String(rule?.name ?? '').replace(/^autogen-(cronjob-)?/, '');
  const ruleValues = opts.ruleValues?.[rule?.name] ?? opts.ruleValues?.[originalName];
  const ctx = buildContext(target, matched, opts);
  applyValues(ctx, opts.values);
  applyValues(ctx, ruleValues);
  const provided = valueKeys(opts.values, ruleValues);
  const injected = provided.some((k) => k.startsWith('request.object.')) && ctx.request?.object && typeof ctx.request.object === 'object';
  return { ctx, provided, target: injected ? ctx.request.object : target };
}

/**
 * The elements of a foreach `list` (a JMESPath expression, optionally wrapped in `{{ }}`): a
 * non-list result is one element, as Kyverno's EvaluateList.
 */
export function foreachElements(list: any, ctx: any): any[] {
  const listExpr = String(list ?? '').replace(/^\s*\{\{-?\s*/, '').replace(/\s*\}\}\s*$/, '');
  const listSubst = substituteString(listExpr, ctx, SubstitutionMode.STRICT);
  const v = query(String(listSubst), ctx);
  return Array.isArray(v) ? v : [v];
}
