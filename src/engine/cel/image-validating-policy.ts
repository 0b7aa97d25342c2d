/**
 * Kyverno ImageValidatingPolicy and NamespacedImageValidatingPolicy (policies.kyverno.io): the
 * offline parts. The images of the resource (Pod containers, or the policy's `images`
 * extractors), `matchImageReferences` (globs, CEL over `ref`) and the validations over `images`
 * are evaluated; signature and attestation verification need a registry and make the result
 * `unsupported`, naming the function.
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/
 */
import { RuleResult, RuleStatus } from '../result';
import { wildcardMatch } from '../wildcard';
import { evaluateWithVariables, runValidations } from './bindings';
import { CelContext } from './context';
import { CelUnsupportedError, fromCel, toCel } from './environment';
import { NEEDS_REGISTRY } from './image-verification-library';
import { MatchedPolicy, matchPolicy } from './policy-pipeline';
import { validationResult } from './validating-policy';

const POD_IMAGE_FIELDS = ['containers', 'initContainers', 'ephemeralContainers'];

/** Evaluates an ImageValidatingPolicy on `resource`. */
export function evaluateImageValidatingPolicy(policy: any, resource: any, ctx: CelContext = {}): RuleResult[] {
  const matched = matchPolicy(policy, resource, ctx, { autogen: true });
  if (Array.isArray(matched)) return matched;
  const spec = policy?.spec ?? {};
  let images: { [name: string]: string[] };
  try {
    images = extractImages(spec, matched);
    images = filterImages(images, spec.matchImageReferences, matched);
  } catch (e) {
    const status = e instanceof CelUnsupportedError ? RuleStatus.UNSUPPORTED : RuleStatus.ERROR;
    return matched.result(status, (e as Error).message);
  }
  if (Object.values(images).every((l) => l.length === 0)) {
    return matched.result(RuleStatus.SKIP, 'no image matches matchImageReferences');
  }
  const byName = (list: any[] | undefined) => Object.fromEntries((list ?? []).map((x) => [String(x?.name ?? ''), x]));
  const bindings = {
    ...matched.bindings,
    images: toCel(images),
    attestors: toCel(byName(spec.attestors)),
    attestations: toCel(byName(spec.attestations)),
  };
  const validations = (spec.validations ?? []).map((v: any) => ({ ...v, expression: matched.rewrite(v.expression) }));
  const outcome = runValidations(matched.env, validations, bindings, matched.vars);
  // a verification function throws an ordinary error: report it as what the engine cannot do
  if (outcome.outcome === 'error' && outcome.message?.includes(NEEDS_REGISTRY)) {
    return matched.result(RuleStatus.UNSUPPORTED, outcome.message);
  }
  return validationResult(outcome, matched.result);
}

/** `images`: the policy's extractors, else the Pod's (or Pod template's) containers by field. */
function extractImages(spec: any, matched: MatchedPolicy): { [name: string]: string[] } {
  if (Array.isArray(spec.images) && spec.images.length > 0) {
    const out: { [name: string]: string[] } = {};
    for (const x of spec.images) {
      const v = fromCel(evaluateWithVariables(matched.env, matched.rewrite(String(x?.expression ?? '')), matched.bindings, matched.vars));
      if (!Array.isArray(v)) throw new Error(`images ${x?.name}: the expression must return a list of image references`);
      out[String(x?.name ?? '')] = v.map(String);
    }
    return out;
  }
  const podSpec = fromCel(evaluateWithVariables(matched.env, matched.rewrite('object.spec'), matched.bindings, matched.vars));
  const out: { [name: string]: string[] } = {};
  for (const f of POD_IMAGE_FIELDS) out[f] = (podSpec?.[f] ?? []).map((c: any) => String(c?.image ?? '')).filter((i: string) => i !== '');
  return out;
}

/** Keeps the references any `matchImageReferences` entry selects (all when there is none). */
function filterImages(images: { [name: string]: string[] }, refs: any[] | undefined, matched: MatchedPolicy): { [name: string]: string[] } {
  if (!Array.isArray(refs) || refs.length === 0) return images;
  const selected = (ref: string) => refs.some((r) => {
    if (typeof r?.glob === 'string') return wildcardMatch(r.glob, ref);
    const v = evaluateWithVariables(matched.env, String(r?.expression ?? 'false'), { ...matched.bindings, ref }, matched.vars);
    return v === true;
  });
  const out: { [name: string]: string[] } = {};
  for (const [k, list] of Object.entries(images)) out[k] = list.filter(selected);
  return out;
}
