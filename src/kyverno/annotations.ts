/**
 * Annotation keys Kyverno's tooling reads, and the typed props written to them. Internal module,
 * not exported from index.
 */
import type { PolicyMetadataProps } from './metadata';

export const ANNOTATION_TITLE = 'policies.kyverno.io/title';
export const ANNOTATION_CATEGORY = 'policies.kyverno.io/category';
export const ANNOTATION_SEVERITY = 'policies.kyverno.io/severity';
export const ANNOTATION_SUBJECT = 'policies.kyverno.io/subject';
export const ANNOTATION_DESCRIPTION = 'policies.kyverno.io/description';
export const ANNOTATION_MIN_VERSION = 'kyverno.io/kyverno-version';
export const ANNOTATION_KUBERNETES_VERSION = 'kyverno.io/kubernetes-version';
export const ANNOTATION_AUTOGEN = 'pod-policies.kyverno.io/autogen-controllers';

/** The annotations of the typed props that are set, over the user's extra annotations. */
export function documentationAnnotations(p: PolicyMetadataProps): { [key: string]: string } {
  const typed: { [key: string]: string | undefined } = {
    [ANNOTATION_TITLE]: p.title,
    [ANNOTATION_CATEGORY]: p.category,
    [ANNOTATION_SEVERITY]: p.severity,
    [ANNOTATION_SUBJECT]: p.subject,
    [ANNOTATION_DESCRIPTION]: p.description,
    [ANNOTATION_MIN_VERSION]: p.minKyvernoVersionAnnotation,
    [ANNOTATION_KUBERNETES_VERSION]: p.kubernetesVersion,
  };
  const out: { [key: string]: string } = { ...p.annotations };
  for (const [k, v] of Object.entries(typed)) {
    if (v !== undefined) out[k] = v;
  }
  return out;
}
