/**
 * Kyverno verifyImages rules offline. Verifying signatures and attestations and resolving digests
 * needs the registry, so a rule that has an image to verify is reported `unsupported`, naming
 * what it would check. What can be decided without a registry is decided as Kyverno does: when no
 * image of the resource matches any `imageReferences` of the rule, Kyverno skips the rule before
 * any lookup ("skip run verification as image in resource not found in imageRefs ...").
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/
 */
import { EvaluationOptions } from './evaluation-options';
import { RuleStatus } from './result';
import { imagesOf } from './rule-context';
import { wildcardMatch } from './wildcard';

/** The outcome of a verifyImages rule. */
export interface VerifyImagesOutcome {
  readonly status: RuleStatus;
  readonly message: string;
}

/** `image` is the deprecated single form of `imageReferences` (ImageVerification.Convert). */
function referencesOf(entry: any): string[] {
  const refs: string[] = Array.isArray(entry?.imageReferences) ? entry.imageReferences.map(String) : [];
  if (refs.length === 0 && typeof entry?.image === 'string' && entry.image !== '') refs.push(entry.image);
  return refs;
}

/** The images Kyverno's `images` context holds for the resource (containers, initContainers, ephemeralContainers). */
function resourceImages(resource: any): string[] {
  const images = imagesOf(resource) ?? {};
  const out: string[] = [];
  for (const field of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const info of Object.values(images[field] ?? {})) out.push(String((info as any).reference));
  }
  return out;
}

/** What verifying `entry` needs from a registry, by field name. */
function registryNeeds(entry: any): string[] {
  const needs: string[] = [];
  if (Array.isArray(entry?.attestors) && entry.attestors.length > 0) needs.push(`attestors (${String(entry.type ?? 'Cosign')} signature verification)`);
  if (Array.isArray(entry?.attestations) && entry.attestations.length > 0) needs.push('attestations (fetching and verifying attestation payloads)');
  if (entry?.key || entry?.keyless || entry?.roots || entry?.subject || entry?.issuer) needs.push('signature verification (deprecated key/keyless fields)');
  if (entry?.verifyDigest !== false) needs.push('verifyDigest (digest lookup)');
  if (entry?.mutateDigest !== false) needs.push('mutateDigest (digest lookup)');
  if (entry?.required !== false) needs.push('required (verified-image annotation of a verified image)');
  return needs;
}

/**
 * Evaluates a verifyImages rule on `resource` (the rule already matches it): skip when no image
 * matches, otherwise unsupported with the registry checks it needs.
 */
export function evaluateVerifyImagesRule(rule: any, resource: any, _matched: any, _options: EvaluationOptions): VerifyImagesOutcome {
  if (rule?.imageExtractors) {
    return { status: RuleStatus.UNSUPPORTED, message: 'verifyImages with imageExtractors (custom image locations) is not evaluated offline' };
  }
  const entries: any[] = Array.isArray(rule?.verifyImages) ? rule.verifyImages : [];
  const images = resourceImages(resource);
  // GetMatchingImages appends every entry's references once per image: the message repeats them likewise
  const refs: string[] = [];
  const matched: Array<{ image: string; entry: any }> = [];
  for (const image of images) {
    for (const entry of entries) {
      const entryRefs = referencesOf(entry);
      refs.push(...entryRefs);
      if (entryRefs.some((r) => wildcardMatch(r, image))) matched.push({ image, entry });
    }
  }
  if (matched.length === 0) {
    return { status: RuleStatus.SKIP, message: `skip run verification as image in resource not found in imageRefs '${refs.join(',')}'` };
  }
  const needs = [...new Set(matched.flatMap((m) => registryNeeds(m.entry)))];
  const imageList = [...new Set(matched.map((m) => m.image))].join(', ');
  return {
    status: RuleStatus.UNSUPPORTED,
    message: `verifyImages needs a registry: ${imageList} ${matched.length === 1 ? 'matches' : 'match'} imageReferences and would be checked for ${needs.length > 0 ? needs.join(', ') : 'its image verification'}`,
  };
}
