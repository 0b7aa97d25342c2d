/**
 * Kubernetes CEL libraries beyond strings, lists and regex: quantity and sets.
 *
 * @see https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-quantity-library
 * @see https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-sets-library
 */
import { CelScalar, celFunc, celMap, celMethod, isCelList, isCelMap, listType } from '@bufbuild/cel';
import type { CelFunc, CelMap, CelValue } from '@bufbuild/cel';
import { formatQuantity, parseQuantity } from '../quantity';

const DYN = CelScalar.DYN;
const STRING = CelScalar.STRING;
const BOOL = CelScalar.BOOL;
const INT = CelScalar.INT;
const DOUBLE = CelScalar.DOUBLE;
const LIST = listType(DYN);

// A quantity is a one-entry map (so CEL can carry it) whose numeric value we remember here.
const QUANTITIES = new WeakMap<object, number>();

function makeQuantity(value: number, text?: string): CelMap {
  const q = celMap(new Map<string, CelValue>([['quantity', text ?? formatQuantity(value)]]));
  QUANTITIES.set(q, value);
  return q;
}

function valueOf(q: CelValue, what: string): number {
  if (typeof q === 'bigint') return Number(q);
  if (typeof q === 'object' && q !== null && QUANTITIES.has(q)) return QUANTITIES.get(q)!;
  throw new Error(`no such overload: ${what} needs a quantity`);
}

function parse(text: string): CelMap {
  const v = parseQuantity(text);
  if (v === undefined) throw new Error(`quantity: "${text}" is not a valid quantity`);
  return makeQuantity(v, text);
}

function sameElement(a: CelValue, b: CelValue): boolean {
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) return Number(a) === Number(b);
  if (isCelList(a) || isCelMap(a) || isCelList(b) || isCelMap(b)) return false;
  return a === b;
}

function contains(list: Iterable<CelValue>, x: CelValue): boolean {
  for (const v of list) if (sameElement(v, x)) return true;
  return false;
}

export const KUBERNETES_LIBRARY_FUNCS: CelFunc[] = [
  celFunc('quantity', [STRING], DYN, s => parse(s)),
  celFunc('isQuantity', [STRING], BOOL, s => parseQuantity(s) !== undefined),
  celMethod('isGreaterThan', DYN, [DYN], BOOL, function (o) { return valueOf(this, 'isGreaterThan') > valueOf(o, 'isGreaterThan'); }),
  celMethod('isLessThan', DYN, [DYN], BOOL, function (o) { return valueOf(this, 'isLessThan') < valueOf(o, 'isLessThan'); }),
  celMethod('compareTo', DYN, [DYN], INT, function (o) {
    const d = valueOf(this, 'compareTo') - valueOf(o, 'compareTo');
    return BigInt(d > 0 ? 1 : d < 0 ? -1 : 0);
  }),
  celMethod('add', DYN, [DYN], DYN, function (o) { return makeQuantity(valueOf(this, 'add') + valueOf(o, 'add')); }),
  celMethod('sub', DYN, [DYN], DYN, function (o) { return makeQuantity(valueOf(this, 'sub') - valueOf(o, 'sub')); }),
  celMethod('sign', DYN, [], INT, function () { return BigInt(Math.sign(valueOf(this, 'sign'))); }),
  celMethod('isInteger', DYN, [], BOOL, function () { return Number.isSafeInteger(valueOf(this, 'isInteger')); }),
  celMethod('asInteger', DYN, [], INT, function () {
    const v = valueOf(this, 'asInteger');
    if (!Number.isSafeInteger(v)) throw new Error('asInteger: quantity is not an integer or out of range');
    return BigInt(v);
  }),
  celMethod('asApproximateFloat', DYN, [], DOUBLE, function () { return valueOf(this, 'asApproximateFloat'); }),
  celFunc('sets.contains', [LIST, LIST], BOOL, (a, b) => [...b].every(x => contains(a, x))),
  celFunc('sets.equivalent', [LIST, LIST], BOOL, (a, b) => [...b].every(x => contains(a, x)) && [...a].every(x => contains(b, x))),
  celFunc('sets.intersects', [LIST, LIST], BOOL, (a, b) => [...b].some(x => contains(a, x))),
];
