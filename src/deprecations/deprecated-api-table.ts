import { DeprecatedApi } from './deprecated-api';

/**
 * Deprecated and removed Kubernetes APIs.
 *
 * Written from the Kubernetes "Deprecated API Migration Guide" (removal release and replacement of
 * every entry in its "Removed APIs by release"). The guide does not give deprecation releases; those
 * follow the API server's deprecation warnings ("X is deprecated in v1.N+, unavailable in v1.M+").
 * Beta APIs follow the deprecation policy: served at least 3 releases after deprecation. Entries the
 * guide does not list (alpha APIs, List kinds, configuration-file kinds) carry a `note`.
 * Checked against Pluto's versions file in test/deprecations/pluto-agreement.test.ts.
 * @see https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 * @see https://kubernetes.io/docs/reference/using-api/deprecation-policy/
 */
/** The Pluto release whose versions.yaml (../shared/reference/pluto-versions.yaml) the rows are checked against. */
export const PLUTO_TABLE_RELEASE = '5.24.0';

/** Rows Pluto's table does not have (written from the deprecation guide only). */
const NOT_IN_PLUTO = ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview'].map((k) => `authorization.k8s.io/v1beta1 ${k}`);

export const DEPRECATED_API_TABLE: readonly DeprecatedApi[] = [
  // ---- v1.16: workloads, NetworkPolicy and PodSecurityPolicy leave extensions/ and apps/v1beta* ----
  ...['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'].map((apiVersion) =>
    api(apiVersion, 'Deployment', 'v1.9', 'v1.16', 'apps/v1')),
  ...['apps/v1beta1', 'apps/v1beta2'].map((apiVersion) => api(apiVersion, 'StatefulSet', 'v1.9', 'v1.16', 'apps/v1')),
  ...['extensions/v1beta1', 'apps/v1beta2'].map((apiVersion) => api(apiVersion, 'DaemonSet', 'v1.9', 'v1.16', 'apps/v1')),
  // The guide lists ReplicaSet with the workloads removed in v1.16 without a deprecation release.
  ...['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'].map((apiVersion) =>
    api(apiVersion, 'ReplicaSet', undefined, 'v1.16', 'apps/v1')),
  api('extensions/v1beta1', 'NetworkPolicy', 'v1.9', 'v1.16', 'networking.k8s.io/v1'),
  api('extensions/v1beta1', 'PodSecurityPolicy', 'v1.10', 'v1.16', 'policy/v1beta1'),

  // ---- v1.17: alpha PriorityClass ----
  api('scheduling.k8s.io/v1alpha1', 'PriorityClass', 'v1.14', 'v1.17', 'scheduling.k8s.io/v1', 'alpha API, not in the guide'),

  // ---- v1.22: the big beta clean-up ----
  api('admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration', 'v1.16', 'v1.22', 'admissionregistration.k8s.io/v1'),
  api('admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration', 'v1.16', 'v1.22', 'admissionregistration.k8s.io/v1'),
  api('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', 'v1.16', 'v1.22', 'apiextensions.k8s.io/v1'),
  api('apiregistration.k8s.io/v1beta1', 'APIService', 'v1.10', 'v1.22', 'apiregistration.k8s.io/v1'),
  api('authentication.k8s.io/v1beta1', 'TokenReview', 'v1.6', 'v1.22', 'authentication.k8s.io/v1'),
  ...['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview'].map((kind) =>
    api('authorization.k8s.io/v1beta1', kind, 'v1.19', 'v1.22', 'authorization.k8s.io/v1')),
  api('certificates.k8s.io/v1beta1', 'CertificateSigningRequest', 'v1.19', 'v1.22', 'certificates.k8s.io/v1'),
  api('coordination.k8s.io/v1beta1', 'Lease', 'v1.14', 'v1.22', 'coordination.k8s.io/v1'),
  api('extensions/v1beta1', 'Ingress', 'v1.14', 'v1.22', 'networking.k8s.io/v1'),
  api('networking.k8s.io/v1beta1', 'Ingress', 'v1.19', 'v1.22', 'networking.k8s.io/v1'),
  api('networking.k8s.io/v1beta1', 'IngressClass', 'v1.19', 'v1.22', 'networking.k8s.io/v1'),
  ...['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'].map((kind) =>
    api('rbac.authorization.k8s.io/v1beta1', kind, 'v1.17', 'v1.22', 'rbac.authorization.k8s.io/v1')),
  ...['ClusterRoleList', 'ClusterRoleBindingList', 'RoleList', 'RoleBindingList'].map((kind) =>
    api('rbac.authorization.k8s.io/v1beta1', kind, 'v1.17', 'v1.22', 'rbac.authorization.k8s.io/v1', 'List kind of the RBAC resources')),
  ...['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding', 'ClusterRoleList', 'ClusterRoleBindingList', 'RoleList', 'RoleBindingList'].map(
    (kind) => api('rbac.authorization.k8s.io/v1alpha1', kind, 'v1.17', 'v1.22', 'rbac.authorization.k8s.io/v1', 'alpha API, not in the guide')),
  api('scheduling.k8s.io/v1beta1', 'PriorityClass', 'v1.14', 'v1.22', 'scheduling.k8s.io/v1'),
  api('storage.k8s.io/v1beta1', 'CSIDriver', 'v1.19', 'v1.22', 'storage.k8s.io/v1'),
  api('storage.k8s.io/v1beta1', 'CSINode', 'v1.17', 'v1.22', 'storage.k8s.io/v1'),
  api('storage.k8s.io/v1beta1', 'StorageClass', 'v1.6', 'v1.22', 'storage.k8s.io/v1'),
  api('storage.k8s.io/v1beta1', 'VolumeAttachment', 'v1.13', 'v1.22', 'storage.k8s.io/v1'),

  // ---- v1.24: audit configuration kinds (files read by the API server, not served resources) ----
  ...['audit.k8s.io/v1alpha1', 'audit.k8s.io/v1beta1'].flatMap((apiVersion) =>
    ['Policy', 'PolicyList', 'Event', 'EventList'].map((kind) =>
      api(apiVersion, kind, 'v1.21', 'v1.24', 'audit.k8s.io/v1', 'audit configuration kind, not in the guide'))),

  // ---- v1.25 ----
  api('batch/v1beta1', 'CronJob', 'v1.21', 'v1.25', 'batch/v1'),
  api('batch/v1beta1', 'CronJobList', 'v1.21', 'v1.25', 'batch/v1', 'List kind'),
  api('discovery.k8s.io/v1beta1', 'EndpointSlice', 'v1.21', 'v1.25', 'discovery.k8s.io/v1'),
  api('events.k8s.io/v1beta1', 'Event', 'v1.19', 'v1.25', 'events.k8s.io/v1'),
  api('autoscaling/v2beta1', 'HorizontalPodAutoscaler', 'v1.22', 'v1.25', 'autoscaling/v2'),
  api('autoscaling/v2beta1', 'HorizontalPodAutoscalerList', 'v1.22', 'v1.25', 'autoscaling/v2', 'List kind'),
  api('policy/v1beta1', 'PodDisruptionBudget', 'v1.21', 'v1.25', 'policy/v1'),
  api('policy/v1beta1', 'PodDisruptionBudgetList', 'v1.21', 'v1.25', 'policy/v1', 'List kind'),
  // Removed without replacement: use Pod Security Admission or a policy engine.
  api('policy/v1beta1', 'PodSecurityPolicy', 'v1.21', 'v1.25', undefined),
  api('node.k8s.io/v1beta1', 'RuntimeClass', 'v1.22', 'v1.25', 'node.k8s.io/v1'),

  // ---- v1.26 ----
  // flowcontrol v1beta1 was introduced in v1.20; beta policy: deprecated v1.23, removed v1.26.
  api('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', 'v1.23', 'v1.26', 'flowcontrol.apiserver.k8s.io/v1beta3'),
  api('flowcontrol.apiserver.k8s.io/v1beta1', 'PriorityLevelConfiguration', 'v1.23', 'v1.26', 'flowcontrol.apiserver.k8s.io/v1beta3'),
  api('autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'v1.23', 'v1.26', 'autoscaling/v2'),
  api('autoscaling/v2beta2', 'HorizontalPodAutoscalerList', 'v1.23', 'v1.26', 'autoscaling/v2', 'List kind'),

  // ---- v1.27 ----
  api('storage.k8s.io/v1beta1', 'CSIStorageCapacity', 'v1.24', 'v1.27', 'storage.k8s.io/v1'),

  // ---- v1.29 ----
  // The guide's targets for v1beta2 are v1beta3 (since v1.26) and v1 (since v1.29): v1beta2 was the
  // newest flowcontrol version until v1.26, which deprecated it.
  api('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', 'v1.26', 'v1.29', 'flowcontrol.apiserver.k8s.io/v1beta3'),
  api('flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration', 'v1.26', 'v1.29', 'flowcontrol.apiserver.k8s.io/v1beta3'),

  // ---- v1.32 ---- (v1beta3 is available since v1.26, deprecated when v1 arrived in v1.29)
  api('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 'v1.29', 'v1.32', 'flowcontrol.apiserver.k8s.io/v1'),
  api('flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', 'v1.29', 'v1.32', 'flowcontrol.apiserver.k8s.io/v1'),

  // ---- v1.33 and later: alpha APIs of recent releases (release notes; not in the guide) ----
  api('admissionregistration.k8s.io/v1alpha1', 'ValidatingAdmissionPolicy', 'v1.28', 'v1.33', 'admissionregistration.k8s.io/v1', 'alpha API, release notes'),
  api('admissionregistration.k8s.io/v1alpha1', 'ValidatingAdmissionPolicyBinding', 'v1.28', 'v1.33', 'admissionregistration.k8s.io/v1', 'alpha API, release notes'),
  ...['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'].map((kind) =>
    api('resource.k8s.io/v1alpha3', kind, 'v1.32', 'v1.34', 'resource.k8s.io/v1', 'alpha API, release notes')),
  ...['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'].map((kind) =>
    api('resource.k8s.io/v1beta1', kind, 'v1.33', 'v1.36', 'resource.k8s.io/v1beta2', 'release notes')),
  api('storage.k8s.io/v1alpha1', 'VolumeAttributesClass', 'v1.31', 'v1.35', 'storage.k8s.io/v1', 'alpha API, release notes'),
  api('storage.k8s.io/v1beta1', 'VolumeAttributesClass', 'v1.34', undefined, 'storage.k8s.io/v1', 'release notes; removal not scheduled yet'),
  // Alpha: removed in the release that deprecated it.
  api('storagemigration.k8s.io/v1alpha1', 'StorageVersionMigration', 'v1.35', 'v1.35', 'storagemigration.k8s.io/v1beta1', 'alpha API, release notes'),
];

function api(
  apiVersion: string,
  kind: string,
  deprecatedIn: string | undefined,
  removedIn: string | undefined,
  replacementApi: string | undefined,
  note?: string,
): DeprecatedApi {
  const entry: { -readonly [K in keyof DeprecatedApi]: DeprecatedApi[K] } = { apiVersion, kind };
  if (!NOT_IN_PLUTO.includes(`${apiVersion} ${kind}`)) entry.plutoRelease = PLUTO_TABLE_RELEASE;
  if (deprecatedIn !== undefined) entry.deprecatedIn = deprecatedIn;
  if (removedIn !== undefined) entry.removedIn = removedIn;
  if (replacementApi !== undefined) entry.replacementApi = replacementApi;
  if (note !== undefined) entry.note = note;
  return entry;
}
