/**
 * Kubernetes CEL libraries beyond strings, lists and regex: quantity, sets, URL, IP and CIDR.
 *
 * @see https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-quantity-library
 * @see https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-sets-library
 * @see https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-url-library
 * @see https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-ip-address-library
 */
import { CelScalar, celFunc, celList, celMap, celMethod, isCelList, isCelMap, listType } from '@bufbuild/cel';
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

const QUANTITY_AND_SETS_FUNCS: CelFunc[] = [
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

// --- URL library: a URL is a one-entry map remembered with its parsed form ----------------------
const URLS = new WeakMap<object, URL>();

function parseUrl(text: string): URL | undefined {
  // Kubernetes accepts absolute URLs and absolute paths (url.ParseRequestURI)
  try {
    return text.startsWith('/') ? new URL(text, 'relative:///') : new URL(text);
  } catch {
    return undefined;
  }
}

function urlOf(u: CelValue): URL {
  if (typeof u === 'object' && u !== null && URLS.has(u)) return URLS.get(u)!;
  throw new Error('no such overload: needs a URL (url("..."))');
}

const URL_FUNCS: CelFunc[] = [
  celFunc('url', [STRING], DYN, s => {
    const parsed = parseUrl(s);
    if (!parsed) throw new Error(`url: "${s}" is not a valid URL`);
    const m = celMap(new Map<string, CelValue>([['url', s]]));
    URLS.set(m, parsed);
    return m;
  }),
  celFunc('isURL', [STRING], BOOL, s => parseUrl(s) !== undefined),
  celMethod('getScheme', DYN, [], STRING, function () { const u = urlOf(this); return u.protocol === 'relative:' ? '' : u.protocol.replace(/:$/, ''); }),
  celMethod('getHost', DYN, [], STRING, function () { return urlOf(this).host; }),
  celMethod('getHostname', DYN, [], STRING, function () { return urlOf(this).hostname.replace(/^\[(.*)\]$/, '$1'); }),
  celMethod('getPort', DYN, [], STRING, function () { return urlOf(this).port; }),
  celMethod('getEscapedPath', DYN, [], STRING, function () { return urlOf(this).pathname; }),
  celMethod('getQuery', DYN, [], DYN, function () {
    const q = new Map<string, string[]>();
    for (const [k, v] of urlOf(this).searchParams) q.set(k, [...(q.get(k) ?? []), v]);
    return celMap(new Map<string, CelValue>([...q].map(([k, v]) => [k, celList(v)])));
  }),
];

// --- IP and CIDR libraries (IPv4 and IPv6 as bigints) -------------------------------------------
interface Ip { readonly family: 4 | 6; readonly value: bigint }

// bigint arithmetic instead of bit operators (the lint rules forbid those)
const pow2 = (n: number): bigint => BigInt(2) ** BigInt(n);
const shiftRight = (v: bigint, n: number): bigint => v / pow2(n);
interface Cidr { readonly ip: Ip; readonly prefix: number }
const IPS = new WeakMap<object, Ip>();
const CIDRS = new WeakMap<object, Cidr>();

function parseIp(text: string): Ip | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some(p => p > 255) || v4.slice(1).some(p => p.length > 1 && p.startsWith('0'))) return undefined;
    return { family: 4, value: parts.reduce((a, p) => a * pow2(8) + BigInt(p), BigInt(0)) };
  }
  if (!text.includes(':') || text.includes('%') || text.includes('.')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some(g => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { family: 6, value: all.reduce((a, g) => a * pow2(16) + BigInt(parseInt(g, 16)), BigInt(0)) };
}

function parseCidr(text: string): Cidr | undefined {
  const [addr, bits, ...rest] = text.split('/');
  if (rest.length || bits === undefined || !/^\d+$/.test(bits)) return undefined;
  const ip = parseIp(addr);
  const prefix = Number(bits);
  if (!ip || prefix > (ip.family === 4 ? 32 : 128)) return undefined;
  return { ip, prefix };
}

function ipValue(ip: Ip): CelMap {
  const m = celMap(new Map<string, CelValue>([['ip', formatIp(ip)]]));
  IPS.set(m, ip);
  return m;
}

function formatIp(ip: Ip): string {
  if (ip.family === 4) return [24, 16, 8, 0].map(s => String(shiftRight(ip.value, s) % pow2(8))).join('.');
  return [...Array(8).keys()].map(i => (shiftRight(ip.value, 112 - 16 * i) % pow2(16)).toString(16)).join(':');
}

function ipOf(v: CelValue): Ip {
  if (typeof v === 'string') {
    const ip = parseIp(v);
    if (!ip) throw new Error(`ip: "${v}" is not a valid IP address`);
    return ip;
  }
  if (typeof v === 'object' && v !== null && IPS.has(v)) return IPS.get(v)!;
  throw new Error('no such overload: needs an IP address');
}

function cidrOf(v: CelValue): Cidr {
  if (typeof v === 'object' && v !== null && CIDRS.has(v)) return CIDRS.get(v)!;
  throw new Error('no such overload: needs a CIDR (cidr("..."))');
}

function cidrContains(c: Cidr, ip: Ip, prefix: number): boolean {
  if (c.ip.family !== ip.family || prefix < c.prefix) return false;
  const width = c.ip.family === 4 ? 32 : 128;
  const shift = width - c.prefix;
  return shiftRight(c.ip.value, shift) === shiftRight(ip.value, shift);
}

const IP_FUNCS: CelFunc[] = [
  celFunc('ip', [STRING], DYN, s => ipValue(ipOf(s))),
  celFunc('isIP', [STRING], BOOL, s => parseIp(s) !== undefined),
  celMethod('family', DYN, [], INT, function () { return BigInt(ipOf(this).family); }),
  celMethod('isLoopback', DYN, [], BOOL, function () {
    const ip = ipOf(this);
    return ip.family === 4 ? shiftRight(ip.value, 24) === BigInt(127) : ip.value === BigInt(1);
  }),
  celFunc('cidr', [STRING], DYN, s => {
    const c = parseCidr(s);
    if (!c) throw new Error(`cidr: "${s}" is not a valid CIDR`);
    const m = celMap(new Map<string, CelValue>([['cidr', s]]));
    CIDRS.set(m, c);
    return m;
  }),
  celFunc('isCIDR', [STRING], BOOL, s => parseCidr(s) !== undefined),
  celMethod('containsIP', DYN, [DYN], BOOL, function (ip) {
    const i = ipOf(ip);
    return cidrContains(cidrOf(this), i, i.family === 4 ? 32 : 128);
  }),
  celMethod('containsCIDR', DYN, [DYN], BOOL, function (other) {
    const o = typeof other === 'string' ? parseCidr(other) : cidrOf(other);
    if (!o) throw new Error(`cidr: "${other}" is not a valid CIDR`);
    return cidrContains(cidrOf(this), o.ip, o.prefix);
  }),
  celMethod('prefixLength', DYN, [], INT, function () { return BigInt(cidrOf(this).prefix); }),
];

/** The Kubernetes libraries this module adds to @bufbuild/cel. */
export const KUBERNETES_LIBRARY_FUNCS: CelFunc[] = [...QUANTITY_AND_SETS_FUNCS, ...URL_FUNCS, ...IP_FUNCS];
