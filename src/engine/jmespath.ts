/**
 * JMESPath evaluation as Kyverno does it: the jmespath-community library plus Kyverno's custom
 * functions (pkg/engine/jmespath), a NotFound error for plain field paths that do not exist (the
 * behaviour of Kyverno's "Unknown key" error), and `{{ ... }}` variable substitution.
 */
import { createHash } from 'crypto';
import * as semver from 'semver';
import * as YAML from 'yaml';
import { goMatchString, goReplaceAllLiteralString, goReplaceAllString } from './go-regexp';
import { formatDuration, formatQuantity, parseDuration, parseQuantity } from './quantity';
import { wildcardMatch } from './wildcard';

/** The part of @jmespath-community/jmespath used here (an ES module package: loaded through its CommonJS build). */
interface JmesPathLibrary {
  TYPE_ANY: number;
  TreeInterpreter: { search(ast: any, data: any): any };
  registerFunction(name: string, fn: (args: any[]) => any, signature: any[], options?: { override?: boolean }): void;
  compile(expression: string): any;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jp: JmesPathLibrary = require('@jmespath-community/jmespath');

/**
 * A variable that refers to a field that does not exist (Kyverno: `Unknown key "x" in path`).
 * Control flow, thrown on every missing key a pattern or condition looks up: built without a
 * stack trace, which would cost more than the lookup.
 */
export class NotFoundError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}
/** A JMESPath function that this engine cannot evaluate offline (random, x509_decode, ...). */
export class UnsupportedFunctionError extends Error {}

const ANY = [{ types: [jp.TYPE_ANY] }];
function sig(n: number, optional = 0): any[] {
  const out: any[] = [];
  for (let i = 0; i < n; i++) out.push({ types: [jp.TYPE_ANY], optional: i >= n - optional });
  return out;
}

function str(v: unknown, fn: string): string {
  if (typeof v === 'string') return v;
  throw new Error(`invalid type for ${fn}: expected string, got ${v === null ? 'null' : typeof v}`);
}

function toNumberOrString(v: unknown): string {
  if (typeof v === 'number') return String(v);
  return str(v, 'regex');
}

type Arith = { kind: 'number' | 'quantity' | 'duration'; value: number };
function arith(v: unknown): Arith {
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'string') {
    // Kyverno tries a quantity first, then a duration ("30m" is 30 milli-units, not 30 minutes)
    const q = parseQuantity(v);
    if (q !== undefined) return { kind: 'quantity', value: q };
    const d = parseDuration(v);
    if (d !== undefined) return { kind: 'duration', value: d };
  }
  throw new Error(`invalid operand ${JSON.stringify(v)}: expected a number, quantity or duration`);
}
function arithOut(kind: string, value: number): any {
  if (kind === 'duration') return formatDuration(value);
  if (kind === 'quantity') return formatQuantity(value);
  return value;
}
function binary(a: unknown, b: unknown, op: (x: number, y: number) => number, name: string): any {
  const x = arith(a);
  const y = arith(b);
  if (x.kind !== y.kind && x.kind !== 'number' && y.kind !== 'number') {
    throw new Error(`${name}: operands of different types ${x.kind} and ${y.kind}`);
  }
  const kind = x.kind === 'number' ? y.kind : x.kind;
  if (name === 'divide') {
    if (y.value === 0) throw new Error('divide: division by zero');
    if (x.kind === y.kind) return x.value / y.value;
  }
  if (name === 'modulo' && y.value === 0) throw new Error('modulo: division by zero');
  return arithOut(kind, op(x.value, y.value));
}

function cleanPath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else {out.push(part);}
  }
  const joined = out.join('/');
  return abs ? '/' + joined : joined || '.';
}

/** image_normalize: Docker's normalized name (docker.io/library/...) with :latest when untagged. */
function normalizeImage(image: string): string {
  const info = parseImage(image, true);
  const base = `${info.registry}/${info.path}`;
  return base + (info.tag ? `:${info.tag}` : '') + (info.digest ? `@${info.digest}` : '');
}

/** The parts of an image reference (Kyverno's ImageInfo). */
export interface ImageInfo {
  registry: string;
  path: string;
  name: string;
  tag?: string;
  digest?: string;
  reference: string;
  referenceWithTag: string;
}

/**
 * Splits an image reference the way Kyverno fills the `images` variable (GetImageInfo: the default
 * registry docker.io is added when the first segment is not a host, `latest` when there is no tag
 * or digest). `dockerLibrary` adds Docker's `library/` to single-segment Docker Hub paths.
 */
export function parseImage(image: string, dockerLibrary = false): ImageInfo {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry = 'docker.io';
  let path = rest;
  const first = rest.indexOf('/');
  if (first >= 0) {
    const head = rest.slice(0, first);
    if (head.includes('.') || head.includes(':') || head === 'localhost' || head !== head.toLowerCase()) {
      registry = head;
      path = rest.slice(first + 1);
    }
  }
  if (dockerLibrary && registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (!tag && !digest) tag = 'latest';
  const name = path.slice(path.lastIndexOf('/') + 1);
  const base = `${registry}/${path}`;
  const reference = digest ? `${base}@${digest}` : `${base}:${tag}`;
  return { registry, path, name, tag, digest, reference, referenceWithTag: tag ? `${base}:${tag}` : base };
}

let registered = false;
function registerKyvernoFunctions(): void {
  if (registered) return;
  registered = true;
  const reg = (name: string, fn: (args: any[]) => any, signature: any[]) =>
    jp.registerFunction(name, fn, signature, { override: true });
  reg('compare', ([a, b]) => (str(a, 'compare') < str(b, 'compare') ? -1 : a > b ? 1 : 0), sig(2));
  reg('equal_fold', ([a, b]) => str(a, 'equal_fold').toLowerCase() === str(b, 'equal_fold').toLowerCase(), sig(2));
  reg('replace', ([s, o, n, c]) => {
    const subject = str(s, 'replace');
    const count = typeof c === 'number' ? c : -1;
    if (count < 0) return subject.split(str(o, 'replace')).join(str(n, 'replace'));
    let out = subject;
    let from = 0;
    for (let i = 0; i < count; i++) {
      const idx = out.indexOf(o, from);
      if (idx < 0) break;
      out = out.slice(0, idx) + n + out.slice(idx + o.length);
      from = idx + n.length;
    }
    return out;
  }, sig(4, 1));
  reg('replace_all', ([s, o, n]) => str(s, 'replace_all').split(str(o, 'replace_all')).join(str(n, 'replace_all')), sig(3));
  reg('to_upper', ([s]) => str(s, 'to_upper').toUpperCase(), ANY);
  reg('to_lower', ([s]) => str(s, 'to_lower').toLowerCase(), ANY);
  reg('trim', ([s, cut]) => {
    const subject = str(s, 'trim');
    const set = cut === undefined || cut === null ? ' \t\n\r' : str(cut, 'trim');
    let a = 0;
    let b = subject.length;
    while (a < b && set.includes(subject[a])) a++;
    while (b > a && set.includes(subject[b - 1])) b--;
    return subject.slice(a, b);
  }, sig(2, 1));
  reg('trim_prefix', ([s, p]) => (str(s, 'trim_prefix').startsWith(str(p, 'trim_prefix')) ? s.slice(p.length) : s), sig(2));
  reg('split', ([s, sep]) => str(s, 'split').split(str(sep, 'split')), sig(2));
  // Go regexp (RE2) semantics, as Kyverno's functions use regexp.MatchString / ReplaceAllString
  reg('regex_replace_all', ([re, src, repl]) =>
    goReplaceAllString(str(re, 'regex_replace_all'), toNumberOrString(src), toNumberOrString(repl)), sig(3));
  reg('regex_replace_all_literal', ([re, src, repl]) =>
    goReplaceAllLiteralString(str(re, 'regex_replace_all_literal'), toNumberOrString(src), toNumberOrString(repl)), sig(3));
  reg('regex_match', ([re, src]) => goMatchString(str(re, 'regex_match'), toNumberOrString(src)), sig(2));
  reg('pattern_match', ([p, src]) => wildcardMatch(str(p, 'pattern_match'), toNumberOrString(src)), sig(2));
  reg('label_match', ([sel, labels]) => {
    if (!sel || typeof sel !== 'object' || !labels || typeof labels !== 'object') throw new Error('label_match: expected objects');
    return Object.entries(sel).every(([k, v]) => (labels as any)[k] === v);
  }, sig(2));
  reg('to_boolean', ([s]) => {
    const v = str(s, 'to_boolean').toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw new Error(`to_boolean: cannot convert ${JSON.stringify(s)}`);
  }, ANY);
  reg('add', ([a, b]) => binary(a, b, (x, y) => x + y, 'add'), sig(2));
  reg('subtract', ([a, b]) => binary(a, b, (x, y) => x - y, 'subtract'), sig(2));
  reg('multiply', ([a, b]) => binary(a, b, (x, y) => x * y, 'multiply'), sig(2));
  reg('divide', ([a, b]) => binary(a, b, (x, y) => x / y, 'divide'), sig(2));
  reg('modulo', ([a, b]) => binary(a, b, (x, y) => x % y, 'modulo'), sig(2));
  reg('sum', ([arr]) => {
    if (!Array.isArray(arr) || arr.length === 0) throw new Error('sum: expected a non-empty array');
    let acc: any = arr[0];
    for (const x of arr.slice(1)) acc = binary(acc, x, (p, q) => p + q, 'add');
    return acc;
  }, ANY);
  reg('round', ([n, d]) => {
    if (typeof n !== 'number') throw new Error('round: expected a number');
    const f = 10 ** (typeof d === 'number' ? d : 0);
    return Math.round(n * f) / f;
  }, sig(2));
  reg('truncate', ([s, n]) => str(s, 'truncate').slice(0, Math.max(0, Number(n))), sig(2));
  reg('base64_decode', ([s]) => Buffer.from(str(s, 'base64_decode'), 'base64').toString('utf8'), ANY);
  reg('base64_encode', ([s]) => Buffer.from(str(s, 'base64_encode'), 'utf8').toString('base64'), ANY);
  reg('path_canonicalize', ([s]) => cleanPath(str(s, 'path_canonicalize')), ANY);
  reg('parse_json', ([s]) => JSON.parse(str(s, 'parse_json')), ANY);
  reg('parse_yaml', ([s]) => YAML.parse(str(s, 'parse_yaml')) ?? null, ANY);
  reg('lookup', ([obj, key]) => {
    if (Array.isArray(obj)) {
      if (typeof key !== 'number' || !Number.isInteger(key)) throw new Error('lookup: array index must be an integer');
      return key >= 0 && key < obj.length ? obj[key] : null;
    }
    if (obj && typeof obj === 'object') return (obj as any)[str(key, 'lookup')] ?? null;
    throw new Error('lookup: expected an object or array');
  }, sig(2));
  reg('items', ([obj, k, v]) => {
    const kn = str(k, 'items');
    const vn = str(v, 'items');
    if (Array.isArray(obj)) return obj.map((x, i) => ({ [kn]: i, [vn]: x }));
    if (obj && typeof obj === 'object') {
      return Object.keys(obj).sort().map((key) => ({ [kn]: key, [vn]: (obj as any)[key] }));
    }
    throw new Error('items: expected an object or array');
  }, sig(3));
  reg('object_from_lists', ([keys, values]) => {
    const out: any = {};
    (keys as any[]).forEach((key, i) => { out[key] = i < (values as any[]).length ? (values as any[])[i] : null; });
    return out;
  }, sig(2));
  reg('semver_compare', ([v, range]) => {
    const ver = semver.coerce(str(v, 'semver_compare'), { includePrerelease: true } as any) ? semver.parse(v) ?? semver.coerce(v) : null;
    if (!ver) throw new Error(`semver_compare: invalid version ${JSON.stringify(v)}`);
    return semver.satisfies(ver, str(range, 'semver_compare').replace(/\s*\|\|\s*/g, ' || '), { includePrerelease: true });
  }, sig(2));
  reg('image_normalize', ([s]) => normalizeImage(str(s, 'image_normalize')), ANY);
  reg('is_external_url', ([s]) => {
    try {
      const u = new URL(str(s, 'is_external_url'));
      return !/^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(u.hostname);
    } catch {
      return false;
    }
  }, ANY);
  reg('time_now_utc', () => new Date().toISOString().replace(/\.\d+Z$/, 'Z'), []);
  reg('time_now', () => new Date().toISOString().replace(/\.\d+Z$/, 'Z'), []);
  reg('time_utc', ([t]) => new Date(str(t, 'time_utc')).toISOString().replace(/\.\d+Z$/, 'Z'), ANY);
  reg('time_after', ([a, b]) => Date.parse(str(a, 'time_after')) > Date.parse(str(b, 'time_after')), sig(2));
  reg('time_before', ([a, b]) => Date.parse(str(a, 'time_before')) < Date.parse(str(b, 'time_before')), sig(2));
  reg('time_between', ([a, b, c]) => {
    const t = Date.parse(str(a, 'time_between'));
    return t > Date.parse(str(b, 'time_between')) && t < Date.parse(str(c, 'time_between'));
  }, sig(3));
  reg('time_diff', ([a, b]) => formatDuration((Date.parse(str(b, 'time_diff')) - Date.parse(str(a, 'time_diff'))) / 1000), sig(2));
  reg('time_add', ([t, d]) => {
    const secs = parseDuration(str(d, 'time_add'));
    if (secs === undefined) throw new Error('time_add: invalid duration');
    return new Date(Date.parse(str(t, 'time_add')) + secs * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  }, sig(2));
  reg('time_since', ([, a, b]) => {
    const start = Date.parse(str(a, 'time_since'));
    const end = b ? Date.parse(str(b, 'time_since')) : Date.now();
    return formatDuration((end - start) / 1000);
  }, sig(3, 1));
  reg('sha256', ([v]) => createHash('sha256').update(str(v, 'sha256')).digest('hex'), ANY);
  reg('md5', ([v]) => createHash('md5').update(str(v, 'md5')).digest('hex'), ANY);
  for (const name of ['random', 'x509_decode', 'time_to_cron', 'time_parse', 'time_truncate']) {
    reg(name, () => {
      throw new UnsupportedFunctionError(`JMESPath function ${name}() is not supported by the offline engine`);
    }, [{ types: [jp.TYPE_ANY], variadic: true }]);
  }
}

const compiled = new Map<string, any>();
const SIMPLE_PATH = /^\s*([A-Za-z_][A-Za-z0-9_]*|"[^"]*")(\s*\.\s*([A-Za-z_][A-Za-z0-9_]*|"[^"]*"))*\s*$/;

/**
 * Evaluates a JMESPath expression against `data`. Plain field paths (`a.b.c`) that do not exist
 * throw NotFoundError, as Kyverno's JMESPath does.
 */
export function query(expression: string, data: any): any {
  registerKyvernoFunctions();
  const expr = expression.trim();
  if (expr === '') throw new Error('invalid query (empty)');
  let ast = compiled.get(expr);
  if (!ast) {
    ast = jp.compile(expr);
    compiled.set(expr, ast);
  }
  const result = jp.TreeInterpreter.search(ast, data);
  if ((result === null || result === undefined) && SIMPLE_PATH.test(expr)) {
    const parts = expr.match(/"[^"]*"|[A-Za-z0-9_]+/g) ?? [];
    let cur: any = data;
    for (const raw of parts) {
      const key = raw.startsWith('"') ? raw.slice(1, -1) : raw;
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !(key in cur)) {
        throw new NotFoundError(`Unknown key "${key}" in path`);
      }
      cur = cur[key];
    }
  }
  return result === undefined ? null : result;
}

/** How unresolved variables are treated during substitution. */
export enum SubstitutionMode {
  /** Errors propagate (validate patterns, deny conditions, messages). */
  STRICT = 'strict',
  /**
   * Preconditions: Kyverno's preconditions resolver now returns the resolution error (older
   * versions substituted ""), so an unresolvable variable makes the rule an `error`.
   */
  PRECONDITIONS = 'preconditions',
}

const VARIABLE = /(^|[^\\])(\{\{(?:\{[^{}]*\}|[^{}])*\}\})/g;

/**
 * Replaces `{{ ... }}` in every string (keys and leaves) of `doc`, as Kyverno's SubstituteAll.
 * `at(path)` resolves `{{@}}` to the resource value at the pattern path, when given.
 */
export function substituteAll(doc: any, data: any, mode: SubstitutionMode = SubstitutionMode.STRICT, at?: (path: string[]) => any): any {
  const walk = (node: any, path: string[]): any => {
    if (typeof node === 'string') return substituteString(node, data, mode, at ? () => at(path) : undefined);
    if (Array.isArray(node)) return node.map((x, i) => walk(x, [...path, String(i)]));
    if (node && typeof node === 'object') {
      const out: any = {};
      for (const [k, v] of Object.entries(node)) {
        const nk = k.includes('{{') ? String(substituteString(k, data, mode)) : k;
        out[nk] = walk(v, [...path, nk]);
      }
      return out;
    }
    return node;
  };
  return walk(doc, []);
}

/** Substitutes the variables of one string; returns a non-string when the string is one variable. */
export function substituteString(value: string, data: any, _mode: SubstitutionMode, at?: () => any): any {
  if (!value.includes('{{')) return value;
  let current: any = value;
  for (let round = 0; round < 10 && typeof current === 'string'; round++) {
    const matches = [...current.matchAll(VARIABLE)].map((m) => m[2]);
    if (matches.length === 0) break;
    const original = current;
    for (const v of matches) {
      let expr = v.slice(2, -2).trim();
      if (expr.startsWith('-')) expr = expr.slice(1).trim();
      let resolved: any;
      if (expr === '@' && at) {
        resolved = at();
      } else {
        const op = data?.request?.operation;
        if (op === 'DELETE') expr = expr.replace(/request\.object/g, 'request.oldObject');
        resolved = query(expr, data);
      }
      if (original === v) return resolved;
      const text = typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
      current = (current as string).replace(v, () => text);
    }
    if (current === original) break;
  }
  return typeof current === 'string' ? current.replace(/\\\{\{/g, '{{') : current;
}
