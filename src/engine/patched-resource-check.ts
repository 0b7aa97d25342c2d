/**
 * `kyverno test`'s check of a result's `patchedResources`: the policy's patched resource is
 * compared with the document of the same kind, namespace and name in the expected file, after
 * both are tidied (nulls, empty maps and empty lists dropped, as the CLI's resource.Tidy) — equal
 * when a JSON merge patch between them is empty, i.e. deep equality with lists compared whole.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import { deepEqual } from './conditions';
import { RuleResult } from './result';

/** The CLI's resource.Tidy: nulls, empty maps and empty lists removed (recursively). */
export function tidyResource(v: any): any {
  if (Array.isArray(v)) {
    const out = v.map(tidyResource).filter((x) => x !== undefined);
    return out.length === 0 ? undefined : out;
  }
  if (v !== null && typeof v === 'object') {
    const out: any = {};
    for (const [k, x] of Object.entries(v)) {
      const t = tidyResource(x);
      if (t !== undefined) out[k] = t;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v === null ? undefined : v;
}

/** Whether two manifests name the same object (kind, namespace with "default" for none, name). */
export function isSameObject(a: any, b: any): boolean {
  return a?.kind === b?.kind && String(a?.metadata?.name ?? '') === String(b?.metadata?.name ?? '') && namespaceOf(a) === namespaceOf(b);
}

/**
 * The resource after the policy's mutate rules (the last mutate result's patched resource that
 * is `subject` itself, not a mutate-existing target), if any ran.
 */
export function finalPatchedResource(results: RuleResult[], subject: any): any | undefined {
  let out: any;
  for (const r of results) if (r.patchedResource !== undefined && isSameObject(r.patchedResource, subject)) out = r.patchedResource;
  return out;
}

function namespaceOf(r: any): string {
  const ns = r?.metadata?.namespace;
  return ns === undefined || ns === null || ns === '' ? 'default' : String(ns);
}

/** The namespace `default` and no namespace are the same request (the CLI's loader sets it). */
function withoutDefaultNamespace(r: any): any {
  if (r?.metadata?.namespace !== 'default') return r;
  const { namespace: _ns, ...metadata } = r.metadata;
  return { ...r, metadata };
}

/** Paths (JSON pointer style) where `a` and `b` differ; at most `limit`. */
function differences(a: any, b: any, path: string, out: string[], limit: number): void {
  if (out.length >= limit || deepEqual(a, b)) return;
  const isMap = (v: any) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isMap(a) && isMap(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) differences(a[k], b[k], `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out, limit);
    return;
  }
  const show = (v: any) => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 120));
  out.push(`${path || '/'}: got ${show(a)}, expected ${show(b)}`);
}

/** Why a patched resource does not check out. */
export interface PatchedResourceMismatch {
  /** Readable reason (missing file or document, or the differing paths). */
  readonly reason: string;
  /**
   * The file has no document for the resource: kyverno test skips such a row ("not found in
   * manifest") instead of failing it.
   */
  readonly notInFile: boolean;
}

/**
 * Undefined when `actual` equals its expected document in `expectedDocs` (the documents of
 * `file`), else why not.
 */
export function patchedResourceMismatch(actual: any, expectedDocs: any[] | undefined, file: string): PatchedResourceMismatch | undefined {
  if (expectedDocs === undefined) return { reason: `patched resource file ${file} was not loaded`, notInFile: false };
  if (actual === undefined || actual === null) {
    return { reason: `no patched resource to compare with ${file} (no mutate rule of the policy applied)`, notInFile: false };
  }
  const expected = expectedDocs.find((d) => isSameObject(d, actual)
    && (d?.apiVersion === undefined || actual.apiVersion === undefined || d.apiVersion === actual.apiVersion));
  if (!expected) {
    return { reason: `${file} has no ${actual.kind} ${namespaceOf(actual)}/${actual.metadata?.name ?? ''} to compare the patched resource with`, notInFile: true };
  }
  const a = tidyResource(withoutDefaultNamespace(actual));
  const e = tidyResource(withoutDefaultNamespace(expected));
  if (deepEqual(a, e)) return undefined;
  const diffs: string[] = [];
  differences(a, e, '', diffs, 5);
  return { reason: `patched resource differs from ${file}: ${diffs.join('; ')}`, notInFile: false };
}
