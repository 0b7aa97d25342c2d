/**
 * RFC 6902 JSON Patch as Kyverno applies `patchesJson6902` (evanphx/json-patch v5 with
 * SupportNegativeIndices, AllowMissingPathOnRemove and EnsurePathExistsOnAdd): `-1` is the last
 * element, removing a missing path is a no-op, and `add` creates missing parents (an array when
 * the next segment is an index or `-`, an object otherwise).
 * @see https://kyverno.io/docs/policy-types/cluster-policy/mutate/#rfc-6902-jsonpatch
 */
import { clone } from '../../core/clone';
import { parseYamlDocuments } from '../../core/yaml';
import { deepEqual } from '../conditions';


/** A patch that cannot be applied (bad operation, path or value). */
export class JsonPatchError extends Error {}

function decode(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function parsePointer(path: unknown): string[] {
  if (typeof path !== 'string') throw new JsonPatchError(`path must be a string, got ${JSON.stringify(path)}`);
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`path "${path}" must start with "/"`);
  return path.slice(1).split('/').map(decode);
}

function isContainer(v: any): boolean {
  return v !== null && typeof v === 'object';
}

/** An array index as evanphx reads it (negative counts from the end); undefined when not numeric. */
function arrayIndex(key: string, length: number, forInsert: boolean): number | undefined {
  if (!/^-?\d+$/.test(key)) return undefined;
  let i = Number(key);
  const size = forInsert ? length + 1 : length;
  if (i < 0) {
    if (i < -size) throw new JsonPatchError(`index ${key} out of bounds`);
    i += size;
  }
  if (i >= size) throw new JsonPatchError(`index ${key} out of bounds`);
  return i;
}

function childOf(container: any, key: string): any {
  if (Array.isArray(container)) {
    const i = arrayIndex(key, container.length, false);
    return i === undefined ? undefined : container[i];
  }
  return Object.prototype.hasOwnProperty.call(container, key) ? container[key] : undefined;
}

/** The container holding the last segment; undefined when a parent is missing. */
function parentOf(doc: any, parts: string[]): any {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    if (!isContainer(cur)) return undefined;
    cur = childOf(cur, p);
  }
  return isContainer(cur) ? cur : undefined;
}

/** EnsurePathExistsOnAdd: creates the missing parents of `parts`. */
function ensurePath(doc: any, parts: string[]): void {
  let cur = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    let next: any;
    try {
      next = isContainer(cur) ? childOf(cur, part) : undefined;
    } catch {
      // an index out of bounds is a missing parent too
      next = undefined;
    }
    if (next === undefined || next === null) {
      const following = parts[i + 1];
      const numeric = /^-?\d+$/.test(following);
      let created: any;
      if (numeric || following === '-') {
        created = [];
        const n = numeric ? Number(following) : 0;
        for (let k = 0; k < n; k++) created.push(null);
      } else {
        created = {};
      }
      if (Array.isArray(cur)) insert(cur, part, created);
      else cur[part] = created;
      next = created;
    }
    cur = next;
  }
}

function insert(arr: any[], key: string, value: any): void {
  if (key === '-') {
    arr.push(value);
    return;
  }
  const i = arrayIndex(key, arr.length, true);
  if (i === undefined) throw new JsonPatchError(`"${key}" is not an array index`);
  arr.splice(i, 0, value);
}

function add(doc: any, parts: string[], value: any): any {
  if (parts.length === 0) return value;
  ensurePath(doc, parts);
  const parent = parentOf(doc, parts);
  if (parent === undefined) throw new JsonPatchError(`add: missing parent of /${parts.join('/')}`);
  const key = parts[parts.length - 1];
  if (Array.isArray(parent)) insert(parent, key, value);
  else parent[key] = value;
  return doc;
}

function remove(doc: any, parts: string[], allowMissing: boolean): { doc: any; removed: any } {
  const parent = parentOf(doc, parts);
  const key = parts[parts.length - 1];
  const missing = parent === undefined || childOf(parent, key) === undefined;
  if (missing) {
    if (allowMissing) return { doc, removed: undefined };
    throw new JsonPatchError(`remove: path /${parts.join('/')} does not exist`);
  }
  if (Array.isArray(parent)) {
    const i = arrayIndex(key, parent.length, false)!;
    return { doc, removed: parent.splice(i, 1)[0] };
  }
  const removed = parent[key];
  delete parent[key];
  return { doc, removed };
}

function get(doc: any, parts: string[]): any {
  let cur = doc;
  for (const p of parts) {
    if (!isContainer(cur)) return undefined;
    cur = childOf(cur, p);
  }
  return cur;
}

/** Parsed patch texts (a foreach parses similar texts per element); bounded. */
const parsed = new Map<string, any[]>();
const PARSED_LIMIT = 1000;

/** Parses `patchesJson6902` (a YAML or JSON list of operations). */
export function parseJsonPatch(text: string): any[] {
  const cached = parsed.get(text);
  if (cached) return clone(cached);
  const ops = parseUncached(text);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(text, ops);
  return clone(ops);
}

function parseUncached(text: string): any[] {
  let docs: any[];
  try {
    docs = parseYamlDocuments(text, 'patchesJson6902');
  } catch (err) {
    throw new JsonPatchError(`failed to decode patches: ${err instanceof Error ? err.message : String(err)}`);
  }
  const ops = docs.length === 1 ? docs[0] : undefined;
  if (!Array.isArray(ops)) throw new JsonPatchError('failed to decode patches: expected a list of operations');
  return ops;
}

/** Applies `ops` to a copy of `doc` with Kyverno's options. */
export function applyJsonPatch(doc: any, ops: any[]): any {
  let out = clone(doc);
  for (const op of ops) {
    if (op === null || typeof op !== 'object') throw new JsonPatchError(`operation ${JSON.stringify(op)} is not an object`);
    const parts = parsePointer(op.path);
    switch (op.op) {
      case 'add':
        if (!('value' in op)) throw new JsonPatchError(`add operation on ${op.path} has no value`);
        out = add(out, parts, clone(op.value));
        break;
      case 'remove':
        out = remove(out, parts, true).doc;
        break;
      case 'replace': {
        if (parts.length === 0) {
          out = clone(op.value);
          break;
        }
        const parent = parentOf(out, parts);
        if (parent === undefined || childOf(parent, parts[parts.length - 1]) === undefined) {
          throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${op.path}`);
        }
        if (Array.isArray(parent)) parent[arrayIndex(parts[parts.length - 1], parent.length, false)!] = clone(op.value);
        else parent[parts[parts.length - 1]] = clone(op.value);
        break;
      }
      case 'move': {
        const from = parsePointer(op.from);
        const r = remove(out, from, false);
        out = add(r.doc, parts, r.removed);
        break;
      }
      case 'copy': {
        const value = get(out, parsePointer(op.from));
        if (value === undefined) throw new JsonPatchError(`copy: from path ${op.from} does not exist`);
        out = add(out, parts, clone(value));
        break;
      }
      case 'test': {
        const value = get(out, parts);
        if (!deepEqual(value, op.value)) throw new JsonPatchError(`testing value ${op.path} failed`);
        break;
      }
      default:
        throw new JsonPatchError(`unexpected operation ${JSON.stringify(op.op)}`);
    }
  }
  return out;
}
