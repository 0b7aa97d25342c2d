/**
 * The strategic merge Kyverno applies after anchor preprocessing (kustomize's patchstrategicmerge
 * filter, kyaml merge2): maps merge key by key, `null` removes a field, `$patch: delete` removes
 * a map or list element and `$patch: replace` replaces it, lists of maps whose elements all carry
 * one of kyaml's associative keys merge element by element on that key (new elements first, as
 * Kyverno's list direction is prepend), any other list is replaced.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/mutate/#strategic-merge-patch
 */
import { clone } from '../../core/clone';

/** kyaml's AssociativeSequenceKeys, in the order it tries them. */
const ASSOCIATIVE_KEYS = ['mountPath', 'devicePath', 'ip', 'type', 'topologyKey', 'name', 'containerPort'];

/** A patch kyaml rejects (conflicting merge keys). */
export class StrategicMergeError extends Error {}

function isMap(v: any): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The associative key whose field every (map) element of `list` has; "" when none. */
function associativeKey(list: any[]): string {
  if (list.length === 0) return '';
  for (const key of ASSOCIATIVE_KEYS) {
    if (list.every((e) => isMap(e) && key in e)) return key;
  }
  return '';
}

/** The patch value with directives and nulls removed (what kyaml sets where dest has nothing). */
function cleaned(patch: any): any {
  if (Array.isArray(patch)) {
    return patch.filter((e) => !(isMap(e) && e.$patch === 'delete')).map(cleaned);
  }
  if (isMap(patch)) {
    const out: any = {};
    for (const [k, v] of Object.entries(patch)) {
      if (k === '$patch' || k.startsWith('$setElementOrder/') || k === '$retainKeys') continue;
      if (v === null) continue;
      out[k] = cleaned(v);
    }
    return out;
  }
  return patch;
}

/**
 * Merges `patch` into `dest` and returns the result (a new value; inputs are not modified).
 * `undefined` means "remove the field".
 */
export function strategicMerge(dest: any, patch: any, path = ''): any {
  if (patch === null) return undefined;
  if (isMap(patch)) {
    if (patch.$patch === 'delete') return undefined;
    if (patch.$patch === 'replace' || !isMap(dest)) return cleaned(patch);
    const out: any = { ...dest };
    for (const [k, v] of Object.entries(patch)) {
      if (k === '$patch' || k.startsWith('$setElementOrder/') || k === '$retainKeys') continue;
      const merged = strategicMerge(dest[k], v, `${path}.${k}`);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
    return out;
  }
  if (Array.isArray(patch)) {
    if (!Array.isArray(dest)) return cleaned(patch);
    const destKey = associativeKey(dest);
    const patchKey = associativeKey(patch.filter((e) => !(isMap(e) && Object.keys(e).length === 1 && e.$patch)));
    if (destKey === '' && patchKey === '') return cleaned(patch);
    if (destKey !== '' && patchKey !== '' && destKey !== patchKey) {
      throw new StrategicMergeError(`conflicting merge keys [${destKey},${patchKey}] for field ${path.slice(1)}`);
    }
    return mergeAssociative(dest, patch, destKey || patchKey, path);
  }
  return clone(patch);
}

function mergeAssociative(dest: any[], patch: any[], key: string, path: string): any[] {
  const out: any[] = dest.map((e) => e);
  const added: any[] = [];
  for (const element of patch) {
    if (!isMap(element)) continue;
    const value = element[key];
    const at = out.findIndex((e) => isMap(e) && e !== undefined && sameValue(e[key], value));
    if (at >= 0) {
      const merged = strategicMerge(out[at], element, `${path}[${key}=${String(value)}]`);
      if (merged === undefined) out.splice(at, 1);
      else out[at] = merged;
      continue;
    }
    if (element.$patch === 'delete') continue;
    const addedAt = added.findIndex((e) => sameValue(e[key], value));
    if (addedAt >= 0) added[addedAt] = strategicMerge(added[addedAt], element, path);
    else added.push(cleaned(element));
  }
  // kustomize's patchstrategicmerge prepends the elements a patch adds
  return [...added, ...out];
}

function sameValue(a: any, b: any): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  return typeof a === 'object' || typeof b === 'object' ? JSON.stringify(a) === JSON.stringify(b) : String(a) === String(b);
}
