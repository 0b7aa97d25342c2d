/**
 * One generate pattern (`data`, `clone` or `cloneList` with the target's apiVersion, kind, name
 * and namespace), variables already substituted, turned into the resources Kyverno's generate
 * controller creates (pkg/background/generate: manageData, manageClone, manageCloneList).
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/
 */

import { findCloneSource, listCloneSources } from './clone-sources';
import { addGenerateLabels } from './generated-labels';
import { clone } from '../../core/clone';
import { EvaluationOptions } from '../evaluation-options';

/** The generate controller cannot create a resource (Kyverno logs it; nothing is generated). */
export class GenerateError extends Error {}

/** What a pattern is generated from. */
export interface GenerateInput {
  /** The resource that triggered the rule. */
  readonly trigger: any;
  /** The objects of kyverno test's fake cluster: the trigger and the cloneSourceResource documents. */
  readonly sources: any[];
  /** The policy (for the generate labels). */
  readonly policy: any;
  /** The rule name (for the generate labels). */
  readonly ruleName: string;
  /** The evaluation options (the test's cluster data answers context lookups). */
  readonly options?: EvaluationOptions;
}

interface Target { apiVersion: string; kind: string; namespace: string; name: string }

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function targetOf(pattern: any): Target {
  return { apiVersion: str(pattern?.apiVersion), kind: str(pattern?.kind), namespace: str(pattern?.namespace), name: str(pattern?.name) };
}

function describeTarget(t: Target): string {
  return `${t.apiVersion ? `${t.apiVersion}/` : ''}${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}

/** The object as created: name, namespace, kind and apiVersion from the target, Kyverno's labels. */
function finish(data: any, target: Target, input: GenerateInput): any {
  const obj: any = data && typeof data === 'object' && !Array.isArray(data) ? data : {};
  const metadata = obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : (obj.metadata = {});
  // unstructured SetName/SetNamespace remove the field when empty
  if (target.name) metadata.name = target.name;
  else delete metadata.name;
  if (target.namespace) metadata.namespace = target.namespace;
  else delete metadata.namespace;
  if (!obj.kind) obj.kind = target.kind;
  obj.apiVersion = target.apiVersion;
  addGenerateLabels(obj, input.trigger, input.policy, input.ruleName);
  return obj;
}

/** manageClone: the source copied without its server-set fields, or nothing for a self-clone. */
function cloneOne(target: Target, source: Target, fromList: boolean, input: GenerateInput): any[] {
  const sourceNs = source.namespace || 'default';
  const targetNs = target.namespace || 'default';
  if ((sourceNs === targetNs && source.name === target.name) || (fromList && sourceNs === targetNs)) return [];
  const found = findCloneSource(input.sources, source.apiVersion, source.kind, source.namespace, source.name);
  if (!found) {
    throw new GenerateError(`clone source ${describeTarget(source)} not found (kyverno test only holds the trigger and the cloneSourceResource documents)`);
  }
  const copy = clone(found);
  const metadata = copy.metadata ?? (copy.metadata = {});
  if (sourceNs !== targetNs) delete metadata.ownerReferences;
  for (const field of ['uid', 'selfLink', 'creationTimestamp', 'managedFields', 'resourceVersion']) delete metadata[field];
  return [finish(copy, target, input)];
}

/** The resources one substituted pattern generates. Throws GenerateError when the controller would fail. */
export function generateFromPattern(pattern: any, input: GenerateInput): any[] {
  const target = targetOf(pattern);
  const cloneSpec = pattern?.clone;
  if (cloneSpec && str(cloneSpec.name) !== '') {
    const source: Target = { apiVersion: target.apiVersion, kind: target.kind, namespace: str(cloneSpec.namespace), name: str(cloneSpec.name) };
    return cloneOne(target, source, false, input);
  }
  const list = pattern?.cloneList;
  if (list && Array.isArray(list.kinds) && list.kinds.length > 0) {
    const out: any[] = [];
    for (const kind of list.kinds) {
      for (const src of listCloneSources(input.sources, str(kind), str(list.namespace), list.selector)) {
        const source: Target = {
          apiVersion: str(src.apiVersion), kind: str(src.kind), namespace: str(src.metadata?.namespace), name: str(src.metadata?.name),
        };
        out.push(...cloneOne({ ...source, namespace: target.namespace }, source, true, input));
      }
    }
    return out;
  }
  // manageData: without data there is nothing to create
  if (pattern?.data === undefined || pattern?.data === null) return [];
  return [finish(clone(pattern.data), target, input)];
}
