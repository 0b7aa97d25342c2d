/**
 * Puts knob values into a policy manifest. The same function builds the Helm template (with
 * placeholder tokens) and the resolved manifest of an environment (with real values), so both
 * outputs take every structural decision the same way.
 */
import { setFailureAction } from '../kyverno/failure-action';
import { KyvernoVersion } from '../kyverno/kyverno-version';

/** Placeholders the template emitter turns into Helm blocks around the extra namespace exclusion. */
export interface ExcludeHook {
  /** Plain scalar put as the value of a new `exclude:` key (the rule had no exclude). */
  readonly blockToken: string;
  /** Plain scalar appended to an existing `exclude.any` list. */
  readonly itemToken: string;
}

/** What to put in place of each knob: real values, or placeholder tokens for the template. */
export interface KnobPlacement {
  readonly failureAction: string;
  readonly background: boolean | string;
  readonly excludedNamespaces: string[] | ExcludeHook;
  /**
   * The `validationActions` entry of a CEL kind (Deny for Enforce, Audit for Audit), or its
   * placeholder token. @default - mapped from failureAction
   */
  readonly validationAction?: string;
}

/** CEL kinds whose `spec.validationActions` carry the failure action. */
const ACTION_KINDS = ['ValidatingPolicy', 'NamespacedValidatingPolicy', 'ImageValidatingPolicy', 'NamespacedImageValidatingPolicy', 'ValidatingAdmissionPolicyBinding'];
/** CEL kinds with `spec.evaluation.background.enabled`. */
const BACKGROUND_KINDS = ['ValidatingPolicy', 'NamespacedValidatingPolicy', 'ImageValidatingPolicy', 'NamespacedImageValidatingPolicy', 'MutatingPolicy', 'NamespacedMutatingPolicy'];

/** Whether a manifest is of a CEL kind (policies.kyverno.io or admissionregistration.k8s.io). */
export function isCelManifest(manifest: any): boolean {
  const api = String(manifest?.apiVersion ?? '');
  return api.startsWith('policies.kyverno.io/') || api.startsWith('admissionregistration.k8s.io/');
}

/** The validationActions entry for a failure action: Enforce denies, Audit audits. */
export function validationActionOf(failureAction: string): string {
  return failureAction === 'Enforce' ? 'Deny' : 'Audit';
}

/**
 * The knobs of a CEL kind: the failure action as its only validation action (kinds with
 * validationActions), background as `spec.evaluation.background.enabled` (kinds with background
 * scans); other kinds only have `enabled`. Excluded namespaces are refused for them by PolicySet.
 */
function placeCelKnobs(manifest: any, knobs: KnobPlacement): any {
  const kind = String(manifest?.kind ?? '');
  const spec = { ...(manifest.spec ?? {}) };
  if (ACTION_KINDS.includes(kind)) spec.validationActions = [knobs.validationAction ?? validationActionOf(knobs.failureAction)];
  if (BACKGROUND_KINDS.includes(kind)) {
    spec.evaluation = { ...(spec.evaluation ?? {}), background: { ...(spec.evaluation?.background ?? {}), enabled: knobs.background } };
  }
  return { ...manifest, spec };
}

/**
 * Returns a copy of `manifest` with the knobs placed. Only the objects on the changed paths are
 * copied; the input is not modified.
 */
export function placeKnobs(manifest: any, knobs: KnobPlacement, kyvernoVersion: KyvernoVersion | string): any {
  if (isCelManifest(manifest)) return placeCelKnobs(manifest, knobs);
  const out = { ...manifest };
  const spec = (out.spec = { ...(manifest.spec ?? {}) });
  if (Array.isArray(spec.rules)) {
    spec.rules = spec.rules.map((rule: any) => {
      const r = { ...rule };
      if (r.validate && typeof r.validate === 'object') r.validate = { ...r.validate };
      if (Array.isArray(r.verifyImages)) r.verifyImages = r.verifyImages.map((v: any) => ({ ...v }));
      return placeExclude(r, knobs.excludedNamespaces);
    });
  }
  setFailureAction(out, knobs.failureAction, kyvernoVersion as KyvernoVersion);
  out.spec = withKey(out.spec, 'background', knobs.background, 'rules');
  return out;
}

/**
 * How a rule's exclude can take extra namespaces: `absent` (a new `exclude.any` is added), `any`
 * (an entry is appended), or `unsupported` (`exclude.all` or the legacy form, where appending a
 * filter would change its meaning).
 */
export function excludeForm(rule: any): 'absent' | 'any' | 'unsupported' {
  const ex = rule?.exclude;
  if (ex === undefined || ex === null) return 'absent';
  const keys = Object.keys(ex);
  if (keys.length === 0) return 'absent';
  if (keys.length === 1 && keys[0] === 'any' && Array.isArray(ex.any)) return ex.any.length === 0 ? 'absent' : 'any';
  return 'unsupported';
}

function placeExclude(rule: any, excluded: string[] | ExcludeHook): any {
  const form = excludeForm(rule);
  if (form === 'unsupported') return rule;
  const hook = Array.isArray(excluded) ? undefined : excluded;
  const empty = !hook && (excluded as string[]).length === 0;
  const filter = hook ? undefined : { resources: { namespaces: [...(excluded as string[])] } };
  if (form === 'any') {
    if (empty) return rule;
    return { ...rule, exclude: { ...rule.exclude, any: [...rule.exclude.any, hook ? hook.itemToken : filter] } };
  }
  // no exclude, or an empty one (dropped, as the template drops it when no namespace is added)
  const { exclude, ...rest } = rule;
  if (empty) return exclude === undefined ? rule : rest;
  return withKey(rest, 'exclude', hook ? hook.blockToken : { any: [filter] }, undefined, 'match');
}

/**
 * Copy of `obj` with `key` set: in place when present, else before `before` or after `after`
 * (readable key order), else last.
 */
function withKey(obj: any, key: string, value: unknown, before?: string, after?: string): any {
  if (key in obj) return { ...obj, [key]: value };
  const out: any = {};
  let placed = false;
  for (const [k, v] of Object.entries(obj)) {
    if (!placed && k === before) {
      out[key] = value;
      placed = true;
    }
    out[k] = v;
    if (!placed && k === after) {
      out[key] = value;
      placed = true;
    }
  }
  if (!placed) out[key] = value;
  return out;
}
