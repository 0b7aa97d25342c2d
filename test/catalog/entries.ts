/**
 * Every catalogue entry, once: how to build it with its default options (plus the required ones),
 * and which Kyverno library suite (if any) it must pass. Drives the docs, the conformance test and
 * the checks that every entry has a PolicyTest.
 */
import { Construct } from 'constructs';
import * as catalog from '../../src/catalog';
import { KyvernoPolicy } from '../../src/kyverno';

export interface LibrarySuite {
  /** Folder of the suite under conformance/kyverno-policies. */
  readonly path: string;
  /** The library's policy name (our policy is renamed to it for the run). */
  readonly policyName: string;
  /** Options needed to pass it, when the defaults are not enough (required options only). */
  readonly build?: (scope: Construct, id: string) => KyvernoPolicy;
}

export interface CatalogEntry {
  /** Exported class name. */
  readonly className: string;
  /** Source file, relative to src/catalog. */
  readonly file: string;
  /** Props interface name. */
  readonly propsName: string;
  readonly group: 'Security' | 'DevOps' | 'Pod Security Standards';
  /** Builds the policy with its default options (and the required ones). */
  readonly build: (scope: Construct, id: string) => KyvernoPolicy;
  readonly suites: LibrarySuite[];
}

export const ENTRIES: CatalogEntry[] = [
  {
    className: 'RequireResourceLimits',
    file: 'security/require-resource-limits.ts',
    propsName: 'RequireResourceLimitsProps',
    group: 'Security',
    build: (s, id) => new catalog.RequireResourceLimits(s, id),
    suites: [{ path: 'best-practices-cel/require-pod-requests-limits', policyName: 'require-requests-limits' }],
  },
  {
    className: 'DisallowLatestTag',
    file: 'security/disallow-latest-tag.ts',
    propsName: 'DisallowLatestTagProps',
    group: 'Security',
    build: (s, id) => new catalog.DisallowLatestTag(s, id),
    suites: [{ path: 'best-practices/disallow-latest-tag', policyName: 'disallow-latest-tag' }],
  },
  {
    className: 'RequireProbes',
    file: 'security/require-probes.ts',
    propsName: 'RequireProbesProps',
    group: 'Security',
    build: (s, id) => new catalog.RequireProbes(s, id),
    suites: [{ path: 'best-practices/require-probes', policyName: 'require-pod-probes' }],
  },
  {
    className: 'DisallowPrivileged',
    file: 'security/disallow-privileged.ts',
    propsName: 'DisallowPrivilegedProps',
    group: 'Security',
    build: (s, id) => new catalog.DisallowPrivileged(s, id),
    suites: [
      { path: 'pod-security/baseline/disallow-privileged-containers', policyName: 'disallow-privileged-containers' },
      { path: 'pod-security-cel/baseline/disallow-privileged-containers', policyName: 'disallow-privileged-containers' },
    ],
  },
  {
    className: 'DisallowHostNamespaces',
    file: 'security/disallow-host-namespaces.ts',
    propsName: 'DisallowHostNamespacesProps',
    group: 'Security',
    build: (s, id) => new catalog.DisallowHostNamespaces(s, id),
    suites: [
      { path: 'pod-security/baseline/disallow-host-namespaces', policyName: 'disallow-host-namespaces' },
      { path: 'pod-security-cel/baseline/disallow-host-namespaces', policyName: 'disallow-host-namespaces' },
    ],
  },
  {
    className: 'DisallowHostPath',
    file: 'security/disallow-host-path.ts',
    propsName: 'DisallowHostPathProps',
    group: 'Security',
    build: (s, id) => new catalog.DisallowHostPath(s, id),
    suites: [{ path: 'pod-security-cel/baseline/disallow-host-path', policyName: 'disallow-host-path' }],
  },
  {
    className: 'DisallowHostPorts',
    file: 'security/disallow-host-ports.ts',
    propsName: 'DisallowHostPortsProps',
    group: 'Security',
    build: (s, id) => new catalog.DisallowHostPorts(s, id),
    suites: [
      { path: 'pod-security-cel/baseline/disallow-host-ports', policyName: 'disallow-host-ports' },
      {
        path: 'pod-security/baseline/disallow-host-ports-range',
        policyName: 'disallow-host-ports-range',
        build: (s, id) => new catalog.DisallowHostPorts(s, id, { allowedRange: { min: 5000, max: 6000 } }),
      },
      {
        path: 'pod-security-cel/baseline/disallow-host-ports-range',
        policyName: 'disallow-host-ports-range',
        build: (s, id) => new catalog.DisallowHostPorts(s, id, { allowedRange: { min: 5000, max: 6000 } }),
      },
    ],
  },
  {
    className: 'RequireRunAsNonRoot',
    file: 'security/require-run-as-non-root.ts',
    propsName: 'RequireRunAsNonRootProps',
    group: 'Security',
    build: (s, id) => new catalog.RequireRunAsNonRoot(s, id),
    suites: [{ path: 'pod-security/restricted/require-run-as-nonroot', policyName: 'require-run-as-nonroot' }],
  },
  {
    className: 'RestrictCapabilities',
    file: 'security/restrict-capabilities.ts',
    propsName: 'RestrictCapabilitiesProps',
    group: 'Security',
    build: (s, id) => new catalog.RestrictCapabilities(s, id),
    suites: [
      { path: 'pod-security/baseline/disallow-capabilities', policyName: 'disallow-capabilities' },
      {
        path: 'best-practices/require-drop-all',
        policyName: 'drop-all-capabilities',
        build: (s, id) => new catalog.RestrictCapabilities(s, id, { requireDropAll: true }),
      },
    ],
  },
  {
    className: 'RestrictImageRegistries',
    file: 'security/restrict-image-registries.ts',
    propsName: 'RestrictImageRegistriesProps',
    group: 'Security',
    build: (s, id) => new catalog.RestrictImageRegistries(s, id, { allowedRegistries: ['eu.foo.io', 'bar.io'] }),
    suites: [{ path: 'best-practices/restrict-image-registries', policyName: 'restrict-image-registries' }],
  },
  {
    className: 'RequireImageDigest',
    file: 'security/require-image-digest.ts',
    propsName: 'RequireImageDigestProps',
    group: 'Security',
    build: (s, id) => new catalog.RequireImageDigest(s, id),
    suites: [{ path: 'other/require-image-checksum', policyName: 'require-image-checksum' }],
  },
  {
    className: 'RequireLabels',
    file: 'devops/require-labels.ts',
    propsName: 'RequireLabelsProps',
    group: 'DevOps',
    build: (s, id) => new catalog.RequireLabels(s, id),
    suites: [{ path: 'best-practices/require-labels', policyName: 'require-labels' }],
  },
  {
    className: 'RequireAnnotations',
    file: 'devops/require-annotations.ts',
    propsName: 'RequireAnnotationsProps',
    group: 'DevOps',
    build: (s, id) => new catalog.RequireAnnotations(s, id, { requiredAnnotations: [{ key: 'corp.org/department' }] }),
    // the library's require-annotations suite reads .chainsaw-test resources that are not shipped
    suites: [],
  },
  {
    className: 'NamingConventions',
    file: 'devops/naming-conventions.ts',
    propsName: 'NamingConventionsProps',
    group: 'DevOps',
    build: (s, id) => new catalog.NamingConventions(s, id),
    suites: [],
  },
  {
    className: 'DisallowDefaultNamespace',
    file: 'devops/disallow-default-namespace.ts',
    propsName: 'DisallowDefaultNamespaceProps',
    group: 'DevOps',
    build: (s, id) => new catalog.DisallowDefaultNamespace(s, id),
    suites: [{ path: 'best-practices-cel/disallow-default-namespace', policyName: 'disallow-default-namespace' }],
  },
  {
    className: 'RequirePodDisruptionBudget',
    file: 'devops/require-pod-disruption-budget.ts',
    propsName: 'RequirePodDisruptionBudgetProps',
    group: 'DevOps',
    build: (s, id) => new catalog.RequirePodDisruptionBudget(s, id),
    suites: [{ path: 'other/require-pdb', policyName: 'require-pdb' }],
  },
];

/** Library suites of every Pod Security Standards control (pattern and CEL variants, same rule names). */
export const CONTROL_SUITES: { [control: string]: string[] } = {
  [catalog.PodSecurityControl.HOST_PROCESS]: [],
  [catalog.PodSecurityControl.HOST_NAMESPACES]: ['pod-security/baseline/disallow-host-namespaces', 'pod-security-cel/baseline/disallow-host-namespaces'],
  [catalog.PodSecurityControl.PRIVILEGED]: ['pod-security/baseline/disallow-privileged-containers', 'pod-security-cel/baseline/disallow-privileged-containers'],
  [catalog.PodSecurityControl.CAPABILITIES]: ['pod-security/baseline/disallow-capabilities'],
  [catalog.PodSecurityControl.HOST_PATH]: ['pod-security-cel/baseline/disallow-host-path'],
  [catalog.PodSecurityControl.HOST_PORTS]: ['pod-security-cel/baseline/disallow-host-ports'],
  [catalog.PodSecurityControl.APP_ARMOR]: ['pod-security/baseline/restrict-apparmor-profiles'],
  [catalog.PodSecurityControl.SELINUX]: ['pod-security-cel/baseline/disallow-selinux'],
  [catalog.PodSecurityControl.PROC_MOUNT]: ['pod-security/baseline/disallow-proc-mount', 'pod-security-cel/baseline/disallow-proc-mount'],
  [catalog.PodSecurityControl.SECCOMP]: ['pod-security/baseline/restrict-seccomp'],
  [catalog.PodSecurityControl.SYSCTLS]: ['pod-security/baseline/restrict-sysctls', 'pod-security-cel/baseline/restrict-sysctls'],
  [catalog.PodSecurityControl.VOLUME_TYPES]: ['pod-security/restricted/restrict-volume-types', 'pod-security-cel/restricted/restrict-volume-types'],
  [catalog.PodSecurityControl.PRIVILEGE_ESCALATION]: ['pod-security-cel/restricted/disallow-privilege-escalation'],
  [catalog.PodSecurityControl.RUN_AS_NON_ROOT]: ['pod-security/restricted/require-run-as-nonroot'],
  [catalog.PodSecurityControl.RUN_AS_NON_ROOT_USER]: ['pod-security-cel/restricted/require-run-as-non-root-user'],
  [catalog.PodSecurityControl.SECCOMP_STRICT]: [],
  [catalog.PodSecurityControl.CAPABILITIES_STRICT]: ['pod-security/restricted/disallow-capabilities-strict'],
};

/**
 * Controls whose library tests only exist for the ValidatingPolicy version: their resources and
 * expected results are run against our ClusterPolicy, each result naming our rule.
 */
export const CONTROL_VPOL_SUITES: { control: string; suite: string; rule: string }[] = [
  { control: catalog.PodSecurityControl.HOST_PROCESS, suite: 'pod-security-vpol/baseline/disallow-host-process', rule: 'host-process-containers' },
  { control: catalog.PodSecurityControl.SECCOMP_STRICT, suite: 'pod-security-vpol/restricted/restrict-seccomp-strict', rule: 'check-seccomp-strict' },
];
