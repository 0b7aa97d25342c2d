/**
 * The two ways a CEL mutation patches an object: an apply configuration merged as server-side
 * apply merges it, and RFC 6902 JSON patch operations.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/#patch-types
 */
import { JsonPatch } from 'cdk8s';
import { clone } from '../../core/clone';

/**
 * List fields merged item by item (Kubernetes `listType: map`) and their key; every other list
 * is atomic (replaced whole), as server-side apply treats lists without merge keys. Lists of
 * objects that all carry `name` are merged by name (containers, env, volumes, imagePullSecrets...).
 */
const LIST_MAP_KEYS: { [field: string]: string } = {
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
};

function isMap(v: unknown): v is { [key: string]: any } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `target` with the apply configuration `patch` merged in (inputs are not modified). */
export function mergeApplyConfiguration(target: any, patch: any, field = ''): any {
  if (isMap(target) && isMap(patch)) {
    const out: any = { ...target };
    for (const [k, v] of Object.entries(patch)) out[k] = k in target ? mergeApplyConfiguration(target[k], v, k) : clone(v);
    return out;
  }
  if (Array.isArray(target) && Array.isArray(patch)) {
    const key = LIST_MAP_KEYS[field] ?? 'name';
    const keyed = (list: any[]) => list.length > 0 && list.every((x) => isMap(x) && x[key] !== undefined);
    if (!keyed(patch) || (target.length > 0 && !keyed(target))) return clone(patch);
    const out = target.map((x) => x);
    for (const item of patch) {
      const i = out.findIndex((x: any) => x[key] === item[key]);
      if (i >= 0) out[i] = mergeApplyConfiguration(out[i], item, field);
      else out.push(clone(item));
    }
    return out;
  }
  return clone(patch);
}

/** `target` with RFC 6902 operations (`{op, path, value, from}`) applied in order; throws on a failed operation. */
export function applyJsonPatches(target: any, operations: any[]): any {
  let current = clone(target);
  operations.forEach((o, i) => {
    const op = String(o?.op ?? '');
    const path = String(o?.path ?? '');
    // RFC 6902: these need an existing target (the library would skip them silently)
    const from = ['copy', 'move'].includes(op) ? String(o?.from ?? '') : path;
    if (['remove', 'replace', 'test', 'copy', 'move'].includes(op) && !pointerExists(current, from)) {
      throw new Error(`JSONPatch[${i}]: ${op} ${from}: no value at that path`);
    }
    let patch: JsonPatch;
    switch (op) {
      case 'add': patch = JsonPatch.add(path, o.value); break;
      case 'replace': patch = JsonPatch.replace(path, o.value); break;
      case 'remove': patch = JsonPatch.remove(path); break;
      case 'test': patch = JsonPatch.test(path, o.value); break;
      case 'copy': patch = JsonPatch.copy(from, path); break;
      case 'move': patch = JsonPatch.move(from, path); break;
      default: throw new Error(`JSONPatch[${i}]: op ${JSON.stringify(op)} is not one of add, remove, replace, move, copy, test`);
    }
    current = JsonPatch.apply(current, patch);
  });
  return current;
}

/** Whether a JSON pointer (RFC 6901) resolves in `doc`. */
function pointerExists(doc: any, pointer: string): boolean {
  if (pointer === '') return true;
  let cur = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(key) || Number(key) >= cur.length) return false;
      cur = cur[Number(key)];
    } else if (isMap(cur) && key in cur) {
      cur = cur[key];
    } else {
      return false;
    }
  }
  return true;
}

