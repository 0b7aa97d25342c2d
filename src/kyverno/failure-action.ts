/**
 * Where the failure action lives in a ClusterPolicy/Policy manifest depends on the Kyverno version:
 * 1.13 moved it from the deprecated `spec.validationFailureAction` to each rule
 * (`rules[].validate.failureAction`, and `rules[].verifyImages[].failureAction` for image rules,
 * which otherwise fall back to the spec field). Internal module, not exported from index.
 */
import { KyvernoVersion } from './kyverno-version';

/** True when this Kyverno version reads the failure action from each rule (1.13 and later). */
export function ruleLevelFailureAction(v: KyvernoVersion): boolean {
  return kyvernoMinor(v) >= 13;
}

/**
 * Puts `action` where `kyvernoVersion` reads it, and removes it from the other place so the two
 * never contradict. `action` may be an opaque placeholder (the Helm layer passes template markers).
 * Mutates `manifest` in place.
 */
export function setFailureAction(manifest: any, action: string, kyvernoVersion: KyvernoVersion): void {
  const spec = manifest?.spec;
  if (!spec || typeof spec !== 'object') return;
  const rules: any[] = Array.isArray(spec.rules) ? spec.rules : [];
  if (ruleLevelFailureAction(kyvernoVersion)) {
    delete spec.validationFailureAction;
    for (const rule of rules) {
      if (rule?.validate && typeof rule.validate === 'object') {
        rule.validate = withFirstKey(rule.validate, 'failureAction', action);
      }
      if (Array.isArray(rule?.verifyImages)) {
        rule.verifyImages = rule.verifyImages.map((v: any) => withFirstKey(v, 'failureAction', action));
      }
    }
  } else {
    for (const rule of rules) {
      if (rule?.validate && typeof rule.validate === 'object') delete rule.validate.failureAction;
      if (Array.isArray(rule?.verifyImages)) {
        for (const v of rule.verifyImages) delete v?.failureAction;
      }
    }
    if ('validationFailureAction' in spec) {
      spec.validationFailureAction = action;
    } else {
      // keep the spec readable: the action goes before the rules
      const next: any = {};
      for (const [k, v] of Object.entries(spec)) {
        if (k === 'rules') next.validationFailureAction = action;
        next[k] = v;
      }
      if (!('validationFailureAction' in next)) next.validationFailureAction = action;
      for (const k of Object.keys(spec)) delete spec[k];
      Object.assign(spec, next);
    }
  }
}

/** Sets `key` on a copy of `obj`, as its first key unless it already exists (then in place). */
function withFirstKey(obj: any, key: string, value: unknown): any {
  if (key in obj) return { ...obj, [key]: value };
  return { [key]: value, ...obj };
}

/** Minor number of a version ("1.13" -> 13); unknown strings count as 1.13. */
export function kyvernoMinor(v: KyvernoVersion | string): number {
  const m = /^v?1\.(\d+)/.exec(String(v));
  return m ? Number(m[1]) : 13;
}
