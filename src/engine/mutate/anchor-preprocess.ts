/**
 * Kyverno's preprocessing of a patchStrategicMerge (pkg/engine/mutate/patch/strategicPreprocessing.go):
 * `+(key)` is added only where the resource lacks the key; `(key)` conditions and `<(key)` global
 * conditions are checked against the resource; a conditional element of a list of maps becomes one
 * element per matching resource element (joined by `name`); anchors are then removed from the patch.
 * A failed condition of a map, or a failed global condition, voids the whole patch.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/mutate/#mutate-rule-control
 */
import { clone } from '../../core/clone';
import { AnchorType, parseAnchor } from '../anchor';
import { matchPattern } from '../pattern';


/** A `(key)` condition did not hold. */
export class ConditionError extends Error {}
/** A `<(key)` global condition did not hold. */
export class GlobalConditionError extends Error {}

type Filter = (type: AnchorType) => boolean;

/** anchor.ContainsCondition: the anchors that condition a patch (removed from it afterwards). */
const containsCondition: Filter = (t) => t === AnchorType.CONDITION || t === AnchorType.EXISTENCE
  || t === AnchorType.EQUALITY || t === AnchorType.NEGATION || t === AnchorType.GLOBAL;
const hasAnchor: Filter = (t) => containsCondition(t) || t === AnchorType.ADD_IF_NOT_PRESENT;
const isGlobal: Filter = (t) => t === AnchorType.GLOBAL;
const isCondition: Filter = (t) => t === AnchorType.CONDITION;

function isMap(v: any): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function anchoredKeys(pattern: any, filter: Filter): { raw: string; key: string }[] {
  if (!isMap(pattern)) return [];
  const out: { raw: string; key: string }[] = [];
  for (const raw of Object.keys(pattern)) {
    const a = parseAnchor(raw);
    if (a && filter(a.type)) out.push({ raw, key: a.key });
  }
  return out;
}

/** Renames a key in place, keeping its position. */
function renameKey(obj: any, from: string, to: string): void {
  const entries = Object.entries(obj);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k === from ? to : k] = v;
}

/**
 * Returns the patch to merge, or throws ConditionError / GlobalConditionError (the caller then
 * merges an empty patch). `patch` is not modified.
 */
export function preprocessPatch(patch: any, resource: any): any {
  const pattern = clone(patch);
  preprocessRecursive(pattern, resource);
  if (isMap(pattern)) deleteConditionElements(pattern);
  return pattern;
}

function preprocessRecursive(pattern: any, resource: any): void {
  if (isMap(pattern)) walkMap(pattern, resource);
  else if (Array.isArray(pattern) && pattern.length > 0 && isMap(pattern[0])) processListOfMaps(pattern, resource);
}

function walkMap(pattern: any, resource: any): void {
  handleAddIfNotPresent(pattern, resource);
  validateConditions(pattern, resource);
  for (const field of Object.keys(pattern)) {
    const a = parseAnchor(field);
    if (a && hasAnchor(a.type)) continue;
    const value = isMap(resource) && field in resource ? resource[field] : undefined;
    preprocessRecursive(pattern[field], value);
  }
}

function processListOfMaps(pattern: any[], resource: any): void {
  const resourceElements: any[] = Array.isArray(resource) ? resource : [];
  for (const element of [...pattern]) {
    if (!hasAnchors(element, hasAnchor)) continue;
    const global = hasAnchors(element, isGlobal);
    let anyGlobalPassed = false;
    let lastGlobal: Error | undefined;
    // one copy for all resource elements, as Kyverno does (add-if-not-present edits it)
    const copy = clone(element);
    for (const resourceElement of resourceElements) {
      try {
        preprocessRecursive(copy, resourceElement);
      } catch (err) {
        if (err instanceof ConditionError) continue;
        if (err instanceof GlobalConditionError) {
          lastGlobal = err;
          continue;
        }
        throw err;
      }
      if (global) anyGlobalPassed = true;
      else handlePatternName(pattern, copy, resourceElement);
    }
    if (resource === undefined || resource === null) {
      try {
        preprocessRecursive(copy, undefined);
      } catch (err) {
        if (err instanceof ConditionError) continue;
        throw err;
      }
      if (global) anyGlobalPassed = true;
    }
    if (!anyGlobalPassed && lastGlobal) throw lastGlobal;
  }
}

/** A copy of the conditional element, without anchors, for the resource element of that name. */
function handlePatternName(pattern: any[], element: any, resourceElement: any): void {
  const name = isMap(resourceElement) ? resourceElement.name : undefined;
  if (name === undefined || name === null || name === '') return;
  const node = clone(element);
  if (deleteAnchors(node, true, false)) return;
  node.name = name;
  pattern.push(node);
}

function validateConditions(pattern: any, resource: any): void {
  const g = validateConditionsInternal(pattern, resource, isGlobal);
  if (g) throw new GlobalConditionError(`global condition failed: ${g}`);
  const c = validateConditionsInternal(pattern, resource, isCondition);
  if (c) throw new ConditionError(`condition failed: ${c}`);
}

function validateConditionsInternal(pattern: any, resource: any, filter: Filter): string | undefined {
  for (const a of anchoredKeys(pattern, filter)) {
    if (!isMap(resource) || !(a.key in resource)) return `could not found "${a.key}" key in the resource`;
    const patternValue = pattern[a.raw];
    const resourceValue = resource[a.key];
    if (handleAddIfNotPresent(patternValue, resourceValue) > 0) continue;
    const r = matchPattern(resourceValue, patternValue);
    if (r.status !== 'pass' && r.status !== 'skip') return r.message || `condition ${a.raw} not met`;
  }
  return undefined;
}

/** Drops `+(key)` where the resource has the key, else unwraps it; returns how many there were. */
function handleAddIfNotPresent(pattern: any, resource: any): number {
  const anchors = anchoredKeys(pattern, (t) => t === AnchorType.ADD_IF_NOT_PRESENT);
  for (const a of anchors) {
    if (isMap(resource) && a.key in resource) delete pattern[a.raw];
    else renameKey(pattern, a.raw, a.key);
  }
  return anchors.length;
}

function hasAnchors(node: any, filter: Filter): boolean {
  if (isMap(node)) {
    for (const [k, v] of Object.entries(node)) {
      const a = parseAnchor(k);
      if (a && filter(a.type)) return true;
      if (v !== null && v !== undefined && hasAnchors(v, filter)) return true;
    }
    return false;
  }
  if (Array.isArray(node)) return node.some((e) => hasAnchors(e, filter));
  if (typeof node === 'string') {
    const a = parseAnchor(node);
    return a !== undefined && containsCondition(a.type);
  }
  return false;
}

function deleteConditionElements(pattern: any): void {
  for (const field of Object.keys(pattern)) {
    const a = parseAnchor(field);
    const deleteScalar = a !== undefined && containsCondition(a.type);
    if (deleteAnchors(pattern[field], deleteScalar, false)) delete pattern[field];
  }
}

/** Removes anchors; true when the node held only anchors (and must go from the patch). */
function deleteAnchors(node: any, deleteScalar: boolean, traverseMaps: boolean): boolean {
  if (isMap(node)) return deleteAnchorsInMap(node, traverseMaps);
  if (Array.isArray(node)) return deleteAnchorsInList(node, traverseMaps);
  // null is a scalar node in kyaml too
  return deleteScalar;
}

function deleteAnchorsInMap(node: any, traverseMaps: boolean): boolean {
  let anchorsExist = false;
  for (const a of anchoredKeys(node, containsCondition)) {
    if (deleteAnchors(node[a.raw], true, traverseMaps)) delete node[a.raw];
    else anchorsExist = true;
  }
  if (anchorsExist) {
    for (const a of anchoredKeys(node, containsCondition)) renameKey(node, a.raw, a.key);
  }
  let needToDelete = true;
  for (const field of Object.keys(node)) {
    if (deleteAnchors(node[field], false, traverseMaps)) delete node[field];
    else needToDelete = false;
  }
  return needToDelete;
}

function deleteAnchorsInList(node: any[], traverseMaps: boolean): boolean {
  const wasEmpty = node.length === 0;
  // Kyverno deletes by the original index from the shrinking list: kept as it behaves
  const elements = [...node];
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    let shouldDelete: boolean;
    if (hasAnchors(element, hasAnchor)) {
      shouldDelete = traverseMaps && isMap(element) ? deleteAnchors(element, true, traverseMaps) : true;
    } else {
      shouldDelete = deleteAnchors(element, false, traverseMaps);
    }
    if (shouldDelete && i < node.length) node.splice(i, 1);
  }
  return node.length === 0 && !wasEmpty;
}
