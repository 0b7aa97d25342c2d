/**
 * Plain-JSON helpers shared by the Kyverno constructs. Internal module, not exported from index.
 */

/**
 * Deep copy without `undefined` values (Kyverno and YAML must not see them). Keeps nulls, and keeps
 * class instances (`Lazy`, resolvable tokens) as they are for cdk8s to resolve at `toJson()`.
 */
export function prune(value: any): any {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map((v) => prune(v));
  const out: any = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = prune(v);
  }
  return out;
}

/** An object of the given keys in that order (then the rest), without undefined values. */
export function ordered(obj: any, keys: string[]): any {
  const out: any = {};
  for (const k of keys) {
    if (obj[k] !== undefined) out[k] = prune(obj[k]);
  }
  for (const [k, v] of Object.entries(obj)) {
    if (!(k in out) && v !== undefined) out[k] = prune(v);
  }
  return out;
}

/** True for an object literal (not an instance of a class such as `Lazy`). */
function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** True for a non-null, non-array object. */
export function isObject(v: unknown): v is { [key: string]: any } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A copy with keys sorted (order where order is not semantic). */
export function sortKeys(o: { [key: string]: any }): { [key: string]: any } {
  const out: { [key: string]: any } = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}
