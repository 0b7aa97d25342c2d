/**
 * The built-in Kubernetes resource types: plural resource name (as ValidatingPolicy
 * `matchConstraints.resourceRules[].resources` and `request.resource.resource` use it) to kind.
 */

/** One built-in resource type. */
export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

// group/version, plural, Kind, namespaced
const TABLE: Array<[string, string, string, boolean]> = [
  ['v1', 'pods', 'Pod', true],
  ['v1', 'services', 'Service', true],
  ['v1', 'configmaps', 'ConfigMap', true],
  ['v1', 'secrets', 'Secret', true],
  ['v1', 'serviceaccounts', 'ServiceAccount', true],
  ['v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true],
  ['v1', 'persistentvolumes', 'PersistentVolume', false],
  ['v1', 'namespaces', 'Namespace', false],
  ['v1', 'nodes', 'Node', false],
  ['v1', 'endpoints', 'Endpoints', true],
  ['v1', 'events', 'Event', true],
  ['v1', 'limitranges', 'LimitRange', true],
  ['v1', 'resourcequotas', 'ResourceQuota', true],
  ['v1', 'replicationcontrollers', 'ReplicationController', true],
  ['v1', 'podtemplates', 'PodTemplate', true],
  ['apps/v1', 'deployments', 'Deployment', true],
  ['apps/v1', 'statefulsets', 'StatefulSet', true],
  ['apps/v1', 'daemonsets', 'DaemonSet', true],
  ['apps/v1', 'replicasets', 'ReplicaSet', true],
  ['apps/v1', 'controllerrevisions', 'ControllerRevision', true],
  ['batch/v1', 'jobs', 'Job', true],
  ['batch/v1', 'cronjobs', 'CronJob', true],
  ['autoscaling/v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true],
  ['autoscaling/v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true],
  ['policy/v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true],
  ['networking.k8s.io/v1', 'ingresses', 'Ingress', true],
  ['networking.k8s.io/v1', 'ingressclasses', 'IngressClass', false],
  ['networking.k8s.io/v1', 'networkpolicies', 'NetworkPolicy', true],
  ['rbac.authorization.k8s.io/v1', 'roles', 'Role', true],
  ['rbac.authorization.k8s.io/v1', 'rolebindings', 'RoleBinding', true],
  ['rbac.authorization.k8s.io/v1', 'clusterroles', 'ClusterRole', false],
  ['rbac.authorization.k8s.io/v1', 'clusterrolebindings', 'ClusterRoleBinding', false],
  ['storage.k8s.io/v1', 'storageclasses', 'StorageClass', false],
  ['storage.k8s.io/v1', 'csidrivers', 'CSIDriver', false],
  ['storage.k8s.io/v1', 'volumeattachments', 'VolumeAttachment', false],
  ['scheduling.k8s.io/v1', 'priorityclasses', 'PriorityClass', false],
  ['node.k8s.io/v1', 'runtimeclasses', 'RuntimeClass', false],
  ['coordination.k8s.io/v1', 'leases', 'Lease', true],
  ['discovery.k8s.io/v1', 'endpointslices', 'EndpointSlice', true],
  ['apiextensions.k8s.io/v1', 'customresourcedefinitions', 'CustomResourceDefinition', false],
  ['admissionregistration.k8s.io/v1', 'validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', false],
  ['admissionregistration.k8s.io/v1', 'mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', false],
  ['admissionregistration.k8s.io/v1', 'validatingadmissionpolicies', 'ValidatingAdmissionPolicy', false],
  ['admissionregistration.k8s.io/v1', 'validatingadmissionpolicybindings', 'ValidatingAdmissionPolicyBinding', false],
  ['certificates.k8s.io/v1', 'certificatesigningrequests', 'CertificateSigningRequest', false],
  ['apiregistration.k8s.io/v1', 'apiservices', 'APIService', false],
];

export const BUILTIN_RESOURCE_TYPES: ResourceType[] = TABLE.map(([gv, resource, kind, namespaced]) => {
  const [group, version] = gv.includes('/') ? gv.split('/') : ['', gv];
  return { group, version, resource, kind, namespaced };
});

/** Lower-case plural of a kind, as Kubernetes forms resource names for custom resources. */
export function pluralOfKind(kind: string): string {
  const k = kind.toLowerCase();
  const builtin = BUILTIN_RESOURCE_TYPES.find(t => t.kind === kind);
  if (builtin) return builtin.resource;
  if (/(s|x|z|ch|sh)$/.test(k)) return k + 'es';
  if (/[^aeiou]y$/.test(k)) return k.slice(0, -1) + 'ies';
  return k + 's';
}

/** Group, version, plural resource and scope of an object from its apiVersion and kind. */
export function resourceTypeOf(obj: any): ResourceType {
  const apiVersion = String(obj?.apiVersion ?? 'v1');
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const kind = String(obj?.kind ?? '');
  const builtin = BUILTIN_RESOURCE_TYPES.find(t => t.kind === kind && t.group === group);
  return {
    group,
    version,
    resource: builtin?.resource ?? pluralOfKind(kind),
    kind,
    // unknown kinds (custom resources): namespaced when the object says so
    namespaced: builtin ? builtin.namespaced : obj?.metadata?.namespace !== undefined,
  };
}
