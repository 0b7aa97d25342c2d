/**
 * Matching one resource value against one scalar pattern value (pkg/engine/pattern): `|` and `&`,
 * operators `!`, `>`, `>=`, `<`, `<=`, ranges `a-b` and `a!-b`, wildcards, quantities, durations.
 * @see https://kyverno.io/docs/writing-policies/validate/#operators
 */
import { parseDuration, parseQuantity } from './quantity';
import { wildcardMatch } from './wildcard';

enum Op { EQUAL = '', NOT_EQUAL = '!', MORE = '>', LESS = '<', MORE_EQUAL = '>=', LESS_EQUAL = '<=', IN_RANGE = '-', NOT_IN_RANGE = '!-' }

const NUM = '[-+]?\\d+(?:\\.\\d+)?[A-Za-z]*';
const IN_RANGE = new RegExp(`^(${NUM})-(${NUM})$`);
const NOT_IN_RANGE = new RegExp(`^(${NUM})!-(${NUM})$`);

function operatorOf(pattern: string): Op {
  if (pattern.length < 2) return Op.EQUAL;
  if (pattern.startsWith('>=')) return Op.MORE_EQUAL;
  if (pattern.startsWith('<=')) return Op.LESS_EQUAL;
  if (pattern.startsWith('>')) return Op.MORE;
  if (pattern.startsWith('<')) return Op.LESS;
  if (pattern.startsWith('!')) return Op.NOT_EQUAL;
  if (IN_RANGE.test(pattern)) return Op.IN_RANGE;
  if (NOT_IN_RANGE.test(pattern)) return Op.NOT_IN_RANGE;
  return Op.EQUAL;
}

/** Whether `value` (a resource leaf) satisfies the scalar `pattern`. */
export function validateValue(value: any, pattern: any): boolean {
  if (typeof pattern === 'boolean') return typeof value === 'boolean' && value === pattern;
  if (typeof pattern === 'number') return validateNumber(value, pattern);
  if (pattern === null || pattern === undefined) return validateNil(value);
  if (typeof pattern === 'string') return validateStringPatterns(value, pattern);
  if (Array.isArray(pattern)) return false;
  if (typeof pattern === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  return false;
}

/** Go's strconv.ParseFloat syntax (no surrounding spaces). */
const GO_FLOAT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

// Pattern numbers decode as float64 in Kyverno (validateFloatPattern): strings are parsed as floats
function validateNumber(value: any, pattern: number): boolean {
  if (typeof value === 'number') return value === pattern;
  if (typeof value === 'string') return GO_FLOAT.test(value) && Number(value) === pattern;
  return false;
}

function validateNil(value: any): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return value === 0;
  if (typeof value === 'string') return value === '';
  if (typeof value === 'boolean') return !value;
  return false;
}

function validateStringPatterns(value: any, pattern: string): boolean {
  if (value === pattern) return true;
  for (const alt of pattern.split('|')) {
    const conds = alt.trim().split('&');
    if (conds.every((c) => validateStringPattern(value, c.trim()))) return true;
  }
  return false;
}

function validateStringPattern(value: any, pattern: string): boolean {
  const op = operatorOf(pattern);
  if (op === Op.IN_RANGE) {
    const m = IN_RANGE.exec(pattern)!;
    return validateStringPattern(value, `>= ${m[1]}`) && validateStringPattern(value, `<= ${m[2]}`);
  }
  if (op === Op.NOT_IN_RANGE) {
    const m = NOT_IN_RANGE.exec(pattern)!;
    return validateStringPattern(value, `< ${m[1]}`) || validateStringPattern(value, `> ${m[2]}`);
  }
  const p = pattern.slice(op.length).trim();
  return compareDuration(value, p, op) || compareQuantity(value, p, op) || compareString(value, p, op);
}

function numberToString(value: any): string | undefined {
  if (value === null || value === undefined) return '0';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(6);
  return undefined;
}

function compare(a: number, b: number, op: Op): boolean {
  switch (op) {
    case Op.EQUAL: return a === b;
    case Op.NOT_EQUAL: return a !== b;
    case Op.MORE: return a > b;
    case Op.LESS: return a < b;
    case Op.MORE_EQUAL: return a >= b;
    case Op.LESS_EQUAL: return a <= b;
    default: return false;
  }
}

function compareDuration(value: any, pattern: string, op: Op): boolean {
  const p = parseDuration(pattern);
  if (p === undefined) return false;
  const s = numberToString(value);
  if (s === undefined) return false;
  const v = parseDuration(s);
  if (v === undefined) return false;
  return compare(v, p, op);
}

function compareQuantity(value: any, pattern: string, op: Op): boolean {
  const p = parseQuantity(pattern);
  if (p === undefined) return false;
  const s = numberToString(value);
  if (s === undefined) return false;
  const v = typeof value === 'number' ? value : parseQuantity(s);
  if (v === undefined) return false;
  return compare(v, p, op);
}

function compareString(value: any, pattern: string, op: Op): boolean {
  if (op !== Op.EQUAL && op !== Op.NOT_EQUAL) return false;
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number') s = String(value);
  else if (typeof value === 'boolean') s = String(value);
  else return false;
  const matched = wildcardMatch(pattern, s);
  return op === Op.NOT_EQUAL ? !matched : matched;
}
