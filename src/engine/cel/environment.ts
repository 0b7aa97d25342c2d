/**
 * The CEL environment Kubernetes admission and Kyverno expressions run in: @bufbuild/cel with its
 * strings extension, plus the parts of the Kubernetes CEL libraries and Kyverno's libraries that
 * policies use, and the optional-type runtime the desugaring in `desugar.ts` calls.
 */
import {
  CelScalar, celEnv, celFunc, celList, celMap, celMethod, isCelError, isCelList, isCelMap, isCelUint, listType,
  parse, plan,
} from '@bufbuild/cel';
import type { CelEnv, CelFunc, CelList, CelMap, CelValue } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { desugarCel } from './desugar';
import { GENERATOR_FUNCS } from './generator-library';
import { IMAGE_VERIFICATION_FUNCS } from './image-verification-library';
import { KUBERNETES_LIBRARY_FUNCS } from './kubernetes-libraries';
import { pluralOfKind } from './resource-kinds';
import { goFindAllString, goFindString } from '../go-regexp';

const DYN = CelScalar.DYN;
const STRING = CelScalar.STRING;
const INT = CelScalar.INT;
const BOOL = CelScalar.BOOL;
const LIST = listType(DYN);

/** An error raised by a CEL expression (bad syntax, missing field, no such overload, ...). */
export class CelEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelEvaluationError';
  }
}

/** An expression needs what an offline evaluation cannot have (a cluster, a registry, an authorizer). */
export class CelUnsupportedError extends CelEvaluationError {
  constructor(message: string) {
    super(message);
    this.name = 'CelUnsupportedError';
  }
}

/** Data the Kyverno library functions read (`resource.Get`, `resource.List`). */
export interface CelLibraryData {
  /** Cluster resources a test supplies (its `context` file), for `resource.Get/List`. */
  readonly resources?: any[];
  /** Image metadata a test supplies (its `context` file's `spec.images`), for `image.GetMetadata`. */
  readonly images?: any[];
  /** Mocked HTTP responses (a test's `apiCallResponses`), for `http.Get` / `http.Post`. */
  readonly apiCallResponses?: any[];
  /** Mocked GlobalContextEntries (a test's `globalContextEntries`), for `globalContext.Get`. */
  readonly globalContextEntries?: any[];
}

/** The library data a CEL context carries (one place for every evaluator to build it). */
export function celLibraryData(ctx: {
  contextResources?: any[]; contextImages?: any[]; apiCallResponses?: any[]; globalContextEntries?: any[];
}): CelLibraryData {
  return {
    resources: ctx.contextResources,
    images: ctx.contextImages,
    apiCallResponses: ctx.apiCallResponses,
    globalContextEntries: ctx.globalContextEntries,
  };
}

// --- optional values: a one-or-zero element CelList remembered in a WeakSet ---------------------
const OPTIONALS = new WeakSet<object>();
function optionalOf(v: CelValue | undefined): CelList {
  const l = celList(v === undefined ? [] : [v]);
  OPTIONALS.add(l);
  return l;
}
function isOptional(v: unknown): v is CelList {
  return typeof v === 'object' && v !== null && OPTIONALS.has(v);
}
function requireOptional(v: CelValue, fn: string): CelList {
  if (!isOptional(v)) throw new Error(`no such overload: ${fn} on a non-optional value`);
  return v;
}

/** `x.?f` and selects after it: absent keys give optional.none(). */
function optionalSelect(x: CelValue, field: string): CelList {
  if (isOptional(x)) {
    if (x.size === 0) return x;
    x = x.get(0)!;
  }
  if (isCelMap(x)) return optionalOf(x.has(field) ? x.get(field) : undefined);
  return optionalOf(undefined);
}

function optionalIndex(x: CelValue, key: CelValue): CelList {
  if (isOptional(x)) {
    if (x.size === 0) return x;
    x = x.get(0)!;
  }
  if (isCelMap(x)) {
    const k = key as any;
    return optionalOf(x.has(k) ? x.get(k) : undefined);
  }
  if (isCelList(x)) {
    const i = Number(key as any);
    return optionalOf(Number.isInteger(i) && i >= 0 && i < x.size ? x.get(i) : undefined);
  }
  return optionalOf(undefined);
}

function isZero(v: CelValue): boolean {
  if (v === null || v === false || v === '' || v === 0 || v === BigInt(0)) return true;
  if (isCelList(v) || isCelMap(v)) return v.size === 0;
  if (v instanceof Uint8Array) return v.length === 0;
  if (isCelUint(v)) return v.value === BigInt(0);
  return false;
}

const optionalFuncs: CelFunc[] = [
  celFunc('__opt_of', [DYN], DYN, v => optionalOf(v)),
  celFunc('__opt_none', [], DYN, () => optionalOf(undefined)),
  celFunc('__opt_of_non_zero', [DYN], DYN, v => optionalOf(isZero(v) ? undefined : v)),
  celFunc('__opt_sel', [DYN, STRING], DYN, (x, f) => optionalSelect(x, f)),
  celFunc('__opt_idx', [DYN, DYN], DYN, (x, k) => optionalIndex(x, k)),
  // Kyverno accepts `.orValue()` on a plain value (policies rely on it): the value itself
  celFunc('__opt_or_value', [DYN, DYN], DYN, (x, d) => {
    if (!isOptional(x)) return x;
    return x.size ? x.get(0)! : d;
  }),
  celFunc('__opt_has_value', [DYN], BOOL, x => requireOptional(x, 'hasValue').size > 0),
  celFunc('__opt_value', [DYN], DYN, x => {
    const o = requireOptional(x, 'value');
    if (o.size === 0) throw new Error('optional.none() dereference');
    return o.get(0)!;
  }),
  celFunc('__opt_or', [DYN, DYN], DYN, (x, y) => (requireOptional(x, 'or').size ? x : requireOptional(y, 'or'))),
  // list and map literals with optional elements: [[isOptional, value], ...] / [[isOptional, key, value], ...]
  celFunc('__opt_list', [LIST], LIST, items => {
    const out: CelValue[] = [];
    for (const item of items) {
      const [opt, v] = [...(item as CelList)];
      if (!opt) out.push(v);
      else if (requireOptional(v, 'optional list element').size) out.push((v as CelList).get(0)!);
    }
    return out;
  }),
  celFunc('__opt_map', [LIST], DYN, entries => {
    const out = new Map<any, CelValue>();
    for (const entry of entries) {
      const [opt, k, v] = [...(entry as CelList)];
      if (!opt) out.set(k, v);
      else if (requireOptional(v, 'optional map entry').size) out.set(k, (v as CelList).get(0)!);
    }
    return celMap(out);
  }),
];

// --- Kubernetes lists library -------------------------------------------------------------------
function compare(a: any, b: any): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return Number(a) - Number(b);
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  throw new Error('no such overload: list elements are not comparable');
}

function celEquals(a: any, b: any): boolean {
  return JSON.stringify(fromCel(a), bigintReplacer) === JSON.stringify(fromCel(b), bigintReplacer);
}
function bigintReplacer(_k: string, v: any): any {
  return typeof v === 'bigint' ? Number(v) : v;
}

const listFuncs: CelFunc[] = [
  celMethod('isSorted', LIST, [], BOOL, function () {
    const a = [...this];
    return a.every((v, i) => i === 0 || compare(a[i - 1], v) <= 0);
  }),
  celMethod('sum', LIST, [], DYN, function () {
    const a = [...this] as any[];
    if (a.length === 0) return BigInt(0);
    if (a.every(v => typeof v === 'bigint')) return a.reduce((s, v) => s + v, BigInt(0));
    return a.reduce((s, v) => s + Number(v), 0);
  }),
  celMethod('min', LIST, [], DYN, function () {
    const a = [...this];
    if (a.length === 0) throw new Error('min called on an empty list');
    return a.reduce((m, v) => (compare(v, m) < 0 ? v : m));
  }),
  celMethod('max', LIST, [], DYN, function () {
    const a = [...this];
    if (a.length === 0) throw new Error('max called on an empty list');
    return a.reduce((m, v) => (compare(v, m) > 0 ? v : m));
  }),
  celMethod('indexOf', LIST, [DYN], INT, function (x) {
    return BigInt([...this].findIndex(v => celEquals(v, x)));
  }),
  celMethod('lastIndexOf', LIST, [DYN], INT, function (x) {
    const a = [...this];
    for (let i = a.length - 1; i >= 0; i--) if (celEquals(a[i], x)) return BigInt(i);
    return BigInt(-1);
  }),
  celMethod('slice', LIST, [INT, INT], LIST, function (from, to) {
    return [...this].slice(Number(from), Number(to));
  }),
  celMethod('flatten', LIST, [], LIST, function () {
    return [...this].flatMap(v => (isCelList(v) ? [...v] : [v]));
  }),
  celMethod('distinct', LIST, [], LIST, function () {
    const out: CelValue[] = [];
    for (const v of this) if (!out.some(o => celEquals(o, v))) out.push(v);
    return out;
  }),
  celMethod('reverse', LIST, [], LIST, function () {
    return [...this].reverse();
  }),
];

// --- Kubernetes regex library -------------------------------------------------------------------
const regexFuncs: CelFunc[] = [
  // RE2 semantics, as Kubernetes' regex library (Go regexp)
  celMethod('find', STRING, [STRING], STRING, function (re) {
    return goFindString(re, this);
  }),
  celMethod('findAll', STRING, [STRING], LIST, function (re) {
    return goFindAllString(re, this);
  }),
  celMethod('findAll', STRING, [STRING, INT], LIST, function (re, n) {
    return goFindAllString(re, this, Number(n));
  }),
];

// --- Kyverno libraries --------------------------------------------------------------------------
function kyvernoFuncs(holder: { data: CelLibraryData; unsupported?: string }): CelFunc[] {
  const resources = () => holder.data.resources ?? [];
  const apiVersionOf = (r: any) => String(r?.apiVersion ?? '');
  const pluralMatches = (r: any, plural: string) => {
    return plural === pluralOfKind(String(r?.kind ?? ''));
  };
  const unsupported = (name: string) => () => {
    const message = `${name} needs a live cluster or registry and cannot be evaluated offline`;
    holder.unsupported ??= message;
    throw new Error(message);
  };
  const getResource = (apiVersion: string, plural: string, ns: string, name: string) => {
    const found = resources().find(r => apiVersionOf(r) === apiVersion && pluralMatches(r, plural)
      && (r?.metadata?.namespace ?? '') === ns && r?.metadata?.name === name);
    if (!found) throw new Error(`resource.Get: ${plural} ${ns}/${name} not found in the supplied context`);
    return toCel(found);
  };
  const listResources = (apiVersion: string, plural: string, ns: string) => {
    const items = resources().filter(r => apiVersionOf(r) === apiVersion && pluralMatches(r, plural)
      && (ns === '' || (r?.metadata?.namespace ?? '') === ns));
    return toCel({ items });
  };
  // http.Get / http.Post answer from the test's apiCallResponses (matched by url and method)
  const httpCall = (method: string) => (url: any) => {
    const u = String(url);
    const found = (holder.data.apiCallResponses ?? []).find(r => r?.url === u && (!r.method || String(r.method).toUpperCase() === method));
    if (!found) return unsupported(`http.${method === 'GET' ? 'Get' : 'Post'}('${u}')`)();
    const status = Number(found.response?.statusCode ?? 200);
    if (status >= 400) throw new Error(`http.${method}: ${u} answered HTTP ${status}`);
    return toCel(found.response?.body ?? null);
  };
  // globalContext.Get(name, projection) answers from the test's globalContextEntries
  const globalContextGet = (name: any, projection: any) => {
    const entry = (holder.data.globalContextEntries ?? []).find(e => e?.name === String(name));
    if (!entry) return unsupported(`globalContext.Get('${String(name)}')`)();
    const root = entry.data !== undefined ? entry.data : (entry.resources ?? []);
    const p = String(projection ?? '');
    if (p === '') return toCel(root);
    const named = (entry.projections ?? []).find((x: any) => x?.name === p);
    if (!named) throw new Error(`globalContext.Get: entry ${String(name)} has no projection ${p}`);
    return toCel(root?.[p] ?? null);
  };
  const getMetadata = (ref: string) => {
    const found = (holder.data.images ?? []).find(i => i?.image === ref);
    if (!found) return unsupported(`image.GetMetadata('${ref}')`)();
    return toCel(found);
  };
  return [
    // Kyverno's libraries in both spellings: resource.Get / resource.get, http.Get / http.get, ...
    ...['Get', 'get'].map(f => celFunc(`__kyverno_resource_${f}`, [STRING, STRING, STRING, STRING], DYN, getResource)),
    ...['List', 'list'].map(f => celFunc(`__kyverno_resource_${f}`, [STRING, STRING, STRING], DYN, listResources)),
    ...['Post', 'post'].map(f => celFunc(`__kyverno_resource_${f}`, [STRING, STRING, STRING, DYN], DYN, unsupported(`resource.${f}`))),
    ...['GetMetadata', 'getMetadata'].map(f => celFunc(`__kyverno_image_${f}`, [STRING], DYN, getMetadata)),
    ...['Get', 'get'].flatMap(f => [
      celFunc(`__kyverno_http_${f}`, [DYN], DYN, httpCall('GET')),
      celFunc(`__kyverno_http_${f}`, [DYN, DYN], DYN, httpCall('GET')),
    ]),
    ...['Post', 'post'].flatMap(f => [
      celFunc(`__kyverno_http_${f}`, [DYN, DYN], DYN, httpCall('POST')),
      celFunc(`__kyverno_http_${f}`, [DYN, DYN, DYN], DYN, httpCall('POST')),
    ]),
    ...['Get', 'get'].map(f => celFunc(`__kyverno_globalContext_${f}`, [DYN, DYN], DYN, globalContextGet)),
    celFunc('__kyverno_authorizer', [], DYN, unsupported('authorizer')),
    celFunc('parseServiceAccount', [STRING], DYN, username => parseServiceAccount(username)),
    celFunc('__kyverno_user_parseServiceAccount', [STRING], DYN, username => parseServiceAccount(username)),
  ];
}

function parseServiceAccount(username: string): CelMap {
  const parts = username.split(':');
  const ok = parts.length === 4 && parts[0] === 'system' && parts[1] === 'serviceaccount';
  return celMap(new Map<string, CelValue>([['Namespace', ok ? parts[2] : ''], ['Name', ok ? parts[3] : '']]));
}

// --- JSON <-> CEL values ------------------------------------------------------------------------
/** A JSON value as CEL sees it: integral numbers become `int`, objects maps, arrays lists. */
export function toCel(v: any): any {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(toCel);
  if (typeof v === 'object') {
    if (isCelMap(v) || isCelList(v) || isOptional(v)) return v;
    const m = new Map<string, any>();
    for (const [k, x] of Object.entries(v)) if (x !== undefined) m.set(k, toCel(x));
    return celMap(m);
  }
  return v;
}

/** A CEL result as plain JSON (ints that fit become numbers). */
export function fromCel(v: any): any {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (isCelUint(v)) return Number(v.value);
  if (isOptional(v)) return v.size ? fromCel(v.get(0)) : null;
  if (isCelList(v)) return [...v].map(fromCel);
  if (isCelMap(v)) {
    const o: { [k: string]: any } = {};
    for (const [k, x] of v.entries()) o[String(isCelUint(k) ? k.value : k)] = fromCel(x);
    return o;
  }
  return v;
}

// --- compile and evaluate -----------------------------------------------------------------------
/** A compiled expression: call it with bindings (already CEL values) to get a CEL value or throw. */
export type CompiledCel = (bindings: { [name: string]: any }) => any;

/** The environment for one evaluation (its Kyverno library functions read `data`). */
/**
 * The library data of the evaluation running now. Evaluation is synchronous, so one shared
 * environment (and one cache of compiled programs) serves every evaluation: each sets the data its
 * Kyverno library calls read for the duration of the call.
 */
const current: { data: CelLibraryData; unsupported?: string } = { data: {} };

let sharedEnv: CelEnv | undefined;
const programs = new Map<string, (ctx: any) => any>();
/** Compiled programs kept at most; the corpus has a few thousand distinct expressions. */
const MAX_PROGRAMS = 10000;

function environment(): CelEnv {
  sharedEnv ??= celEnv({
    funcs: [
      ...strings, ...optionalFuncs, ...listFuncs, ...regexFuncs, ...KUBERNETES_LIBRARY_FUNCS, ...kyvernoFuncs(current),
      ...GENERATOR_FUNCS, ...IMAGE_VERIFICATION_FUNCS,
    ],
  });
  return sharedEnv;
}

function program(expression: string): (ctx: any) => any {
  let p = programs.get(expression);
  if (!p) {
    try {
      p = plan(environment(), parse(desugarCel(expression))) as (ctx: any) => any;
    } catch (e) {
      throw new CelEvaluationError(`compilation failed: ${(e as Error).message}`);
    }
    if (programs.size >= MAX_PROGRAMS) programs.clear();
    programs.set(expression, p);
  }
  return p;
}

/** The environment for one evaluation (its Kyverno library functions read `data`). */
export class CelEnvironment {
  constructor(private readonly data: CelLibraryData = {}) {}

  /** Compiles `expression`; throws CelEvaluationError on a syntax error. */
  compile(expression: string): CompiledCel {
    const p = program(expression);
    if (/\bauthorizer\b/.test(expression) && desugarCel(expression).includes('__kyverno_authorizer()')) {
      // its methods (group, resource, check, allowed) exist only against a live API server
      return () => {
        throw new CelUnsupportedError('authorizer needs a live cluster or registry and cannot be evaluated offline');
      };
    }
    return bindings => {
      const previous = current.data;
      current.data = this.data;
      current.unsupported = undefined;
      let r: any;
      try {
        r = p(bindings);
      } catch (e) {
        throw new CelEvaluationError((e as Error).message);
      } finally {
        current.data = previous;
      }
      if (current.unsupported !== undefined) throw new CelUnsupportedError(current.unsupported);
      if (isCelError(r)) throw new CelEvaluationError(r.message);
      return r;
    };
  }

  /** Compiles and evaluates in one step. */
  evaluate(expression: string, bindings: { [name: string]: any }): any {
    return this.compile(expression)(bindings);
  }
}
