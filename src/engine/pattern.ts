/**
 * Structural pattern validation with anchors, a port of Kyverno's pkg/engine/validate and
 * pkg/engine/anchor handlers: which failures skip the rule (conditional and global anchors), which
 * fail it, and which are errors (an anchored key missing from the resource).
 * @see https://kyverno.io/docs/writing-policies/validate/#patterns
 */
import { AnchorType, parseAnchor, removeAnchor } from './anchor';
import { validateValue } from './pattern-value';
import { containsWildcard, wildcardMatch } from './wildcard';

enum ErrorKind { PLAIN, CONDITIONAL, GLOBAL, NEGATION }

class PatternFailure {
  constructor(readonly kind: ErrorKind, readonly message: string) {}
}

interface Step { path: string; err?: PatternFailure }

/** The outcome of matching one pattern. */
export interface PatternOutcome {
  /** pass, fail (violated at `path`), skip (a conditional/global anchor did not hold), error. */
  readonly status: 'pass' | 'fail' | 'skip' | 'error';
  readonly path: string;
  readonly message: string;
}

class AnchorMap {
  private readonly found = new Map<string, boolean>();
  check(pattern: any, resource: any): void {
    for (const key of Object.keys(pattern)) {
      const a = parseAnchor(key);
      if (!a || !(a.type === AnchorType.CONDITION || a.type === AnchorType.EXISTENCE || a.type === AnchorType.NEGATION)) continue;
      if (this.found.get(key)) continue;
      this.found.set(key, resource !== null && typeof resource === 'object' && !Array.isArray(resource) && a.key in resource);
    }
  }
  /** Whether an anchored key is absent from the resource (negations are meant to be absent). */
  keysAreMissing(): boolean {
    for (const [k, v] of this.found) if (!v && parseAnchor(k)?.type !== AnchorType.NEGATION) return true;
    return false;
  }
}

/** Matches `resource` against `pattern` like Kyverno's validate.MatchPattern. */
export function matchPattern(resource: any, pattern: any): PatternOutcome {
  const ac = new AnchorMap();
  const r = validateElement(resource, pattern, '/', ac);
  if (!r.err) return { status: 'pass', path: '', message: '' };
  if (r.err.kind === ErrorKind.CONDITIONAL || r.err.kind === ErrorKind.GLOBAL) {
    return { status: 'skip', path: '', message: r.err.message };
  }
  if (r.err.kind === ErrorKind.NEGATION) return { status: 'fail', path: r.path, message: r.err.message };
  if (ac.keysAreMissing()) return { status: 'error', path: '', message: r.err.message };
  return { status: 'fail', path: r.path, message: r.err.message };
}

function typeName(v: any): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'object') return 'map[string]interface {}';
  return typeof v;
}

function isSkip(e?: PatternFailure): boolean {
  return !!e && (e.kind === ErrorKind.CONDITIONAL || e.kind === ErrorKind.GLOBAL);
}

function validateElement(resource: any, pattern: any, path: string, ac: AnchorMap): Step {
  if (pattern !== null && typeof pattern === 'object' && !Array.isArray(pattern)) {
    if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
      return { path, err: new PatternFailure(ErrorKind.PLAIN, `pattern and resource have different structures. Path: ${path}. Expected map[string]interface {}, found ${typeName(resource)}`) };
    }
    ac.check(pattern, resource);
    return validateMap(resource, pattern, path, ac);
  }
  if (Array.isArray(pattern)) {
    if (!Array.isArray(resource)) {
      return { path, err: new PatternFailure(ErrorKind.PLAIN, `validation rule failed at path ${path}, resource does not satisfy the expected overlay pattern`) };
    }
    return validateArray(resource, pattern, path, ac);
  }
  if (Array.isArray(resource)) {
    for (const item of resource) {
      if (!validateValue(item, pattern)) {
        return { path, err: new PatternFailure(ErrorKind.PLAIN, `resource value '${JSON.stringify(resource)}' does not match '${pattern}' at path ${path}`) };
      }
    }
    return { path: '' };
  }
  if (!validateValue(resource, pattern)) {
    return { path, err: new PatternFailure(ErrorKind.PLAIN, `resource value '${resource}' does not match '${pattern}' at path ${path}`) };
  }
  return { path: '' };
}

/** Replaces wildcard keys of metadata.labels/annotations with the resource's matching keys. */
function expandInMetadata(pattern: any, resource: any): any {
  const metaKey = Object.keys(pattern).find((k) => removeAnchor(k) === 'metadata');
  if (!metaKey) return pattern;
  const pm = pattern[metaKey];
  const rm = resource.metadata;
  if (!pm || typeof pm !== 'object' || !rm || typeof rm !== 'object') return pattern;
  let changed = false;
  const newMeta: any = { ...pm };
  for (const tag of ['labels', 'annotations']) {
    const tagKey = Object.keys(pm).find((k) => removeAnchor(k) === tag);
    if (!tagKey) continue;
    const pd = pm[tagKey];
    const rd = rm[tag];
    if (!pd || typeof pd !== 'object' || !rd || typeof rd !== 'object') continue;
    const out: any = {};
    for (const [k, v] of Object.entries(pd)) {
      const bare = removeAnchor(k);
      if (containsWildcard(bare)) {
        const prefix = k.slice(0, k.length - bare.length - (k !== bare ? 1 : 0));
        const suffix = k !== bare ? ')' : '';
        const matches = Object.keys(rd).filter((rk) => wildcardMatch(bare, rk));
        if (matches.length === 0) {
          out[k] = v;
        } else {
          for (const mk of matches) out[prefix + mk + suffix] = v;
        }
        changed = true;
      } else {
        out[k] = v;
      }
    }
    newMeta[tagKey] = out;
  }
  return changed ? { ...pattern, [metaKey]: newMeta } : pattern;
}

function validateMap(resource: any, patternIn: any, path: string, ac: AnchorMap): Step {
  const pattern = expandInMetadata(patternIn, resource);
  const anchors: string[] = [];
  const plain: string[] = [];
  for (const key of Object.keys(pattern)) {
    const a = parseAnchor(key);
    if (a && a.type !== AnchorType.ADD_IF_NOT_PRESENT) anchors.push(key);
    else plain.push(key);
  }
  anchors.sort();
  for (const key of anchors) {
    const r = handle(key, pattern[key], resource, path, ac);
    if (r.err) return r;
  }
  // Kyverno evaluates keys that hold nested anchors first.
  const nested = plain.filter((k) => hasNestedAnchors(pattern[k]));
  const rest = plain.filter((k) => !hasNestedAnchors(pattern[k]));
  for (const key of [...nested, ...rest]) {
    const r = handle(key, pattern[key], resource, path, ac);
    if (r.err) return r;
  }
  return { path: '' };
}

function hasNestedAnchors(v: any): boolean {
  if (Array.isArray(v)) return v.some(hasNestedAnchors);
  if (v && typeof v === 'object') {
    return Object.keys(v).some((k) => parseAnchor(k) !== undefined || hasNestedAnchors(v[k]));
  }
  return false;
}

function handle(key: string, pattern: any, resource: any, path: string, ac: AnchorMap): Step {
  const a = parseAnchor(key);
  if (!a || a.type === AnchorType.ADD_IF_NOT_PRESENT) {
    // Kyverno's default handler: `+(key)` (a mutate anchor) is read literally as a key here
    const element = key;
    const cur = `${path}${element}/`;
    const value = resource[element];
    if (pattern === '*') {
      if (value !== undefined && value !== null) return { path: '' };
      return { path, err: new PatternFailure(ErrorKind.PLAIN, `${path}/${element} not found`) };
    }
    return validateElement(value, pattern, cur, ac);
  }
  const cur = `${path}${a.key}/`;
  const present = a.key in resource;
  const value = resource[a.key];
  switch (a.type) {
    case AnchorType.NEGATION:
      if (present) return { path: cur, err: new PatternFailure(ErrorKind.NEGATION, `${cur} is not allowed`) };
      return { path: '' };
    case AnchorType.EQUALITY: {
      if (!present) return { path: '' };
      const r = validateElement(value, pattern, cur, ac);
      return r.err ? r : { path: '' };
    }
    case AnchorType.CONDITION:
    case AnchorType.GLOBAL: {
      const kind = a.type === AnchorType.CONDITION ? ErrorKind.CONDITIONAL : ErrorKind.GLOBAL;
      if (!present) return { path: cur, err: new PatternFailure(kind, `${a.type === AnchorType.CONDITION ? 'conditional' : 'global'} anchor key doesn't exist in the resource`) };
      const r = validateElement(value, pattern, cur, ac);
      if (r.err) return { path: r.path, err: new PatternFailure(kind, r.err.message) };
      return { path: '' };
    }
    case AnchorType.EXISTENCE: {
      if (!present) return { path: '' };
      if (!Array.isArray(value)) {
        return { path: cur, err: new PatternFailure(ErrorKind.PLAIN, 'invalid resource type: Existence ^ () anchor can be used only on list/array type resource') };
      }
      if (!Array.isArray(pattern)) {
        return { path: cur, err: new PatternFailure(ErrorKind.PLAIN, 'invalid pattern type: Pattern has to be of list to compare against resource') };
      }
      for (const pm of pattern) {
        if (!pm || typeof pm !== 'object' || Array.isArray(pm)) {
          return { path: cur, err: new PatternFailure(ErrorKind.PLAIN, 'invalid pattern type: Pattern has to be of type map to compare against items in resource') };
        }
        let ok = false;
        for (let i = 0; i < value.length; i++) {
          if (!validateElement(value[i], pm, `${cur}${i}/`, ac).err) {
            ok = true;
            break;
          }
        }
        if (!ok) return { path: cur, err: new PatternFailure(ErrorKind.PLAIN, `existence anchor validation failed at path ${cur}`) };
      }
      return { path: '' };
    }
    default:
      return { path: '' };
  }
}

function validateArray(resource: any[], pattern: any[], path: string, ac: AnchorMap): Step {
  if (pattern.length === 0) return { path, err: new PatternFailure(ErrorKind.PLAIN, 'pattern Array empty') };
  const first = pattern[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    let applied = 0;
    let skipErr: Step | undefined;
    for (let i = 0; i < resource.length; i++) {
      const r = validateElement(resource[i], first, `${path}${i}/`, ac);
      if (r.err) {
        if (isSkip(r.err)) {
          skipErr = skipErr ?? r;
          continue;
        }
        return r;
      }
      applied++;
    }
    if (applied === 0 && skipErr) return skipErr;
    return { path: '' };
  }
  if (first === null || typeof first !== 'object') {
    return validateElement(resource, first, path, ac);
  }
  if (resource.length < pattern.length) {
    return { path: '', err: new PatternFailure(ErrorKind.PLAIN, `validate Array failed, array length mismatch, resource Array len is ${resource.length} and pattern Array len is ${pattern.length}`) };
  }
  for (let i = 0; i < pattern.length; i++) {
    const r = validateElement(resource[i], pattern[i], `${path}${i}/`, ac);
    if (r.err) {
      if (isSkip(r.err)) continue;
      return r;
    }
  }
  return { path: '' };
}
