/**
 * The CEL policy kinds the engine evaluates and the API group each belongs to: known without
 * loading the CEL runtime (a ClusterPolicy evaluation never pays for it).
 */
const KYVERNO_GROUP = 'policies.kyverno.io/';
const ADMISSION_GROUP = 'admissionregistration.k8s.io/';

/** Kind → the apiVersion prefix of its group. */
export const CEL_POLICY_GROUPS: { readonly [kind: string]: string } = {
  ValidatingPolicy: KYVERNO_GROUP,
  NamespacedValidatingPolicy: KYVERNO_GROUP,
  MutatingPolicy: KYVERNO_GROUP,
  NamespacedMutatingPolicy: KYVERNO_GROUP,
  GeneratingPolicy: KYVERNO_GROUP,
  NamespacedGeneratingPolicy: KYVERNO_GROUP,
  ImageValidatingPolicy: KYVERNO_GROUP,
  NamespacedImageValidatingPolicy: KYVERNO_GROUP,
  DeletingPolicy: KYVERNO_GROUP,
  NamespacedDeletingPolicy: KYVERNO_GROUP,
  ValidatingAdmissionPolicy: ADMISSION_GROUP,
  MutatingAdmissionPolicy: ADMISSION_GROUP,
};

/**
 * Whether the document is a CEL policy of any kind (the policies.kyverno.io family,
 * ValidatingAdmissionPolicy, MutatingAdmissionPolicy); bindings and exceptions are not.
 */
export function isCelPolicyDocument(policy: any): boolean {
  const group = CEL_POLICY_GROUPS[String(policy?.kind ?? '')];
  return group !== undefined && String(policy?.apiVersion ?? '').startsWith(group);
}

/** Whether the manifest is a policies.kyverno.io PolicyException (the CEL policies' kind). */
export function isCelPolicyException(doc: any): boolean {
  return doc?.kind === 'PolicyException' && String(doc?.apiVersion ?? '').startsWith(KYVERNO_GROUP);
}
