/**
 * Condition operators of preconditions and deny rules (Kyverno pkg/engine/variables/operator).
 * @see https://kyverno.io/docs/writing-policies/preconditions/#operators
 */
import * as semver from 'semver';
import { validateValue } from './pattern-value';
import { parseDuration, parseQuantity } from './quantity';
import { wildcardMatch } from './wildcard';

/** Go's fmt.Sprint of a float64 (%g, shortest): 1e+06 for a million, 0.0001 but 1e-05. */
function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return '0';
  const [mantissa, e] = n.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}

/** Go's fmt.Sprint of a decoded JSON value (numbers are float64). */
function sprint(v: any): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(sprint).join(' ')}]`;
  return `map[${Object.keys(v).sort().map((k) => `${k}:${sprint(v[k])}`).join(' ')}]`;
}

/**
 * Whether two JSON values are equal (object key order ignored; an undefined property counts as
 * absent, as in JSON). Shared subtrees compare by identity first.
 */
export function deepEqual(a: any, b: any): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!(k in b) || !deepEqual(a[k], b[k])) return false;
  return true;
}

function equals(key: any, value: any): boolean {
  if (typeof key === 'boolean') return typeof value === 'boolean' && key === value;
  if (typeof key === 'number') {
    // numbers decode as float64: a string value is parsed as a float (validateValueWithFloatPattern)
    if (typeof value === 'number') return key === value;
    if (typeof value === 'string') return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) && Number(value) === key;
    return false;
  }
  if (typeof key === 'string') {
    const dk = parseDuration(key);
    const dv = typeof value === 'string' ? parseDuration(value) : undefined;
    if (dk !== undefined && dv !== undefined) return dk === dv;
    const qk = parseQuantity(key);
    const qv = typeof value === 'string' ? parseQuantity(value) : undefined;
    if (qk !== undefined && qv !== undefined) return qk === qv;
    if (typeof value === 'string') return wildcardMatch(value, key);
    return false;
  }
  if (key === null || key === undefined) return false;
  return deepEqual(key, value);
}

function parseStringArray(s: string): string[] | undefined {
  try {
    const v = JSON.parse(s);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  } catch {
    // not JSON
  }
  return undefined;
}

function keyList(key: any): string[] | undefined {
  if (Array.isArray(key)) return key.map(sprint);
  if (typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean') return [sprint(key)];
  return undefined;
}

/** Values as strings, or undefined for an invalid type. */
function valueList(value: any, keys: string[]): string[] | undefined {
  if (Array.isArray(value)) return value.map(sprint);
  if (typeof value === 'string') {
    if (keys.length === 1 && wildcardMatch(value, keys[0])) return [keys[0]];
    return parseStringArray(value) ?? [value];
  }
  return undefined;
}

/**
 * A string value `a-b` (numbers or quantities) is a range for the set operators (Kyverno's
 * InRange regex); `a!-b` is not one there, it is compared literally.
 */
const IN_RANGE = /^([-+]?\d+(?:\.\d+)?[A-Za-z]*)-([-+]?\d+(?:\.\d+)?[A-Za-z]*)$/;

function rangeOf(value: any): string | undefined {
  return typeof value === 'string' && IN_RANGE.test(value) ? value : undefined;
}

/** Whether the key lies in the range, as a pattern `a-b` decides (numbers and quantities). */
function inRange(key: string, range: string): boolean {
  return validateValue(key, range);
}

function matchEither(key: string, value: string): boolean {
  return wildcardMatch(key, value) || wildcardMatch(value, key);
}

function anyIn(key: any, value: any): boolean {
  const keys = keyList(key);
  if (!keys) return false;
  const range = rangeOf(value);
  if (range && !(keys.length === 1 && keys[0] === range)) return keys.some((k) => inRange(k, range));
  const values = valueList(value, keys);
  if (!values) return false;
  return keys.some((k) => values.some((v) => matchEither(k, v)));
}

function allIn(key: any, value: any): boolean {
  const keys = keyList(key);
  if (!keys) return false;
  const range = rangeOf(value);
  if (range && !(keys.length === 1 && keys[0] === range)) return keys.every((k) => inRange(k, range));
  const values = valueList(value, keys);
  if (!values) return false;
  return keys.every((k) => values.some((v) => matchEither(k, v)));
}

function anyNotIn(key: any, value: any): boolean {
  const keys = keyList(key);
  if (!keys) return false;
  const range = rangeOf(value);
  // Kyverno rewrites the range to `a!-b`: a key that is not a number is in neither
  if (range && !(keys.length === 1 && keys[0] === range)) return keys.some((k) => validateValue(k, range.replace('-', '!-')));
  const values = valueList(value, keys);
  if (!values) return false;
  return keys.some((k) => !values.some((v) => matchEither(k, v)));
}

function allNotIn(key: any, value: any): boolean {
  const keys = keyList(key);
  if (!keys) return false;
  const range = rangeOf(value);
  if (range && !(keys.length === 1 && keys[0] === range)) return keys.every((k) => !inRange(k, range));
  const values = valueList(value, keys);
  if (!values) return false;
  return keys.every((k) => !values.some((v) => matchEither(k, v)));
}

/**
 * Deprecated In: a scalar key in the list; a list key a subset of it (no wildcards on the key).
 * Unlike AnyIn and friends, In and NotIn never read a value as a range.
 */
function legacyIn(key: any, value: any): boolean {
  if (Array.isArray(key)) {
    const keys = key.map(sprint);
    const values = Array.isArray(value) ? value.map(sprint) : typeof value === 'string' ? parseStringArray(value) : undefined;
    if (!values) return false;
    return keys.every((k) => values.includes(k));
  }
  if (typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean') {
    const k = sprint(key);
    if (Array.isArray(value)) return value.some((v) => wildcardMatch(sprint(v), k));
    if (typeof value === 'string') {
      if (wildcardMatch(value, k)) return true;
      return (parseStringArray(value) ?? []).includes(k);
    }
    return false;
  }
  return false;
}

function legacyNotIn(key: any, value: any): boolean {
  if (Array.isArray(key)) {
    const keys = key.map(sprint);
    const values = Array.isArray(value) ? value.map(sprint) : typeof value === 'string' ? parseStringArray(value) : undefined;
    if (!values) return false;
    return !keys.every((k) => values.includes(k));
  }
  if (typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean') return !legacyIn(key, value);
  return false;
}

type Cmp = 'gt' | 'ge' | 'lt' | 'le';
function cmp(a: number, b: number, c: Cmp): boolean {
  return c === 'gt' ? a > b : c === 'ge' ? a >= b : c === 'lt' ? a < b : a <= b;
}

function numeric(key: any, value: any, c: Cmp): boolean {
  if (typeof key === 'number') {
    if (typeof value === 'number') return cmp(key, value, c);
    if (typeof value === 'string') {
      const q = parseQuantity(value);
      if (q !== undefined) return cmp(key, q, c);
      const n = Number(value);
      return value.trim() !== '' && !Number.isNaN(n) && cmp(key, n, c);
    }
    return false;
  }
  if (typeof key === 'string') {
    const dk = parseDuration(key);
    const dv = typeof value === 'string' ? parseDuration(value) : undefined;
    if (dk !== undefined && dv !== undefined) return cmp(dk, dv, c);
    const qk = parseQuantity(key);
    const qv = typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
    if (qk !== undefined && qv !== undefined) return cmp(qk, qv, c);
    const vk = semver.valid(key);
    const vv = typeof value === 'string' ? semver.valid(value) : null;
    if (vk && vv) {
      const r = semver.compare(vk, vv);
      return cmp(r, 0, c);
    }
    const fk = Number(key);
    if (key.trim() !== '' && !Number.isNaN(fk)) return numeric(fk, value, c);
    return false;
  }
  return false;
}

function durationLegacy(key: any, value: any, c: Cmp): boolean {
  const toSecs = (v: any) => (typeof v === 'number' ? v : typeof v === 'string' ? parseDuration(v) : undefined);
  const k = toSecs(key);
  const v = toSecs(value);
  if (k === undefined || v === undefined) return false;
  return cmp(k, v, c);
}

/** Evaluates one operator on already substituted key and value; throws on an unknown operator. */
export function evaluateOperator(operator: string, key: any, value: any): boolean {
  switch (operator) {
    case 'Equal': case 'Equals': return equals(key, value);
    case 'NotEqual': case 'NotEquals': return !equals(key, value);
    case 'In': return legacyIn(key, value);
    case 'NotIn': return legacyNotIn(key, value);
    case 'AnyIn': return anyIn(key, value);
    case 'AllIn': return allIn(key, value);
    case 'AnyNotIn': return anyNotIn(key, value);
    case 'AllNotIn': return allNotIn(key, value);
    case 'GreaterThan': return numeric(key, value, 'gt');
    case 'GreaterThanOrEquals': return numeric(key, value, 'ge');
    case 'LessThan': return numeric(key, value, 'lt');
    case 'LessThanOrEquals': return numeric(key, value, 'le');
    case 'DurationGreaterThan': return durationLegacy(key, value, 'gt');
    case 'DurationGreaterThanOrEquals': return durationLegacy(key, value, 'ge');
    case 'DurationLessThan': return durationLegacy(key, value, 'lt');
    case 'DurationLessThanOrEquals': return durationLegacy(key, value, 'le');
    default: throw new Error(`unknown condition operator ${JSON.stringify(operator)}`);
  }
}
