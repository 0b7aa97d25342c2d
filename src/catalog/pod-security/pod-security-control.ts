import * as r from './control-rules';

/**
 * A Pod Security Standards control, named like the Kyverno library policy that implements it
 * (the value is the default policy name).
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export enum PodSecurityControl {
  /** Baseline: HostProcess (Windows) containers. */
  HOST_PROCESS = 'disallow-host-process',
  /** Baseline: host namespaces (hostNetwork, hostPID, hostIPC). */
  HOST_NAMESPACES = 'disallow-host-namespaces',
  /** Baseline: privileged containers. */
  PRIVILEGED = 'disallow-privileged-containers',
  /** Baseline: capabilities added beyond the default set. */
  CAPABILITIES = 'disallow-capabilities',
  /** Baseline: hostPath volumes. */
  HOST_PATH = 'disallow-host-path',
  /** Baseline: host ports. */
  HOST_PORTS = 'disallow-host-ports',
  /** Baseline: AppArmor profiles other than runtime/default and localhost/*. */
  APP_ARMOR = 'restrict-apparmor-profiles',
  /** Baseline: SELinux type, user and role. */
  SELINUX = 'disallow-selinux',
  /** Baseline: /proc mount type. */
  PROC_MOUNT = 'disallow-proc-mount',
  /** Baseline: seccomp profile Unconfined. */
  SECCOMP = 'restrict-seccomp',
  /** Baseline: unsafe sysctls. */
  SYSCTLS = 'restrict-sysctls',
  /** Restricted: volume types. */
  VOLUME_TYPES = 'restrict-volume-types',
  /** Restricted: privilege escalation. */
  PRIVILEGE_ESCALATION = 'disallow-privilege-escalation',
  /** Restricted: runAsNonRoot. */
  RUN_AS_NON_ROOT = 'require-run-as-nonroot',
  /** Restricted: runAsUser 0. */
  RUN_AS_NON_ROOT_USER = 'require-run-as-non-root-user',
  /** Restricted: seccomp profile set to RuntimeDefault or Localhost. */
  SECCOMP_STRICT = 'restrict-seccomp-strict',
  /** Restricted: drop ALL capabilities, add only NET_BIND_SERVICE. */
  CAPABILITIES_STRICT = 'disallow-capabilities-strict',
}

/** A control's catalogue entry. Internal. */
export interface ControlDefinition {
  readonly control: PodSecurityControl;
  readonly restricted: boolean;
  readonly title: string;
  readonly description: string;
  readonly subject: string;
  readonly rules: () => any[];
}

/** Every control, Baseline first, in the order of the Pod Security Standards page. Internal. */
export const CONTROLS: ControlDefinition[] = [
  {
    control: PodSecurityControl.HOST_PROCESS,
    restricted: false,
    title: 'Disallow hostProcess',
    subject: 'Pod',
    description: 'Windows HostProcess containers run with host access. This policy ensures the `hostProcess` field is unset or `false`.',
    rules: r.hostProcessRules,
  },
  {
    control: PodSecurityControl.HOST_NAMESPACES,
    restricted: false,
    title: 'Disallow Host Namespaces',
    subject: 'Pod',
    description: 'Host namespaces (PID, IPC, network) give access to shared information and can be used to elevate privileges. '
      + 'This policy ensures `hostNetwork`, `hostIPC` and `hostPID` are unset or `false`.',
    rules: r.hostNamespacesRules,
  },
  {
    control: PodSecurityControl.PRIVILEGED,
    restricted: false,
    title: 'Disallow Privileged Containers',
    subject: 'Pod',
    description: 'Privileged containers share the host\'s devices and can do almost everything the host can. '
      + 'This policy ensures `securityContext.privileged` is unset or `false` on every container.',
    rules: r.privilegedRules,
  },
  {
    control: PodSecurityControl.CAPABILITIES,
    restricted: false,
    title: 'Disallow Capabilities',
    subject: 'Pod',
    description: 'Adding capabilities beyond the default set widens what a compromised container can do. '
      + 'This policy ensures only the Baseline capabilities are added.',
    rules: () => r.addingCapabilitiesRules(r.BASELINE_ALLOWED_CAPABILITIES),
  },
  {
    control: PodSecurityControl.HOST_PATH,
    restricted: false,
    title: 'Disallow hostPath',
    subject: 'Pod,Volume',
    description: 'hostPath volumes give containers the host\'s files, a common path to escalate privileges. This policy ensures no hostPath volume is used.',
    rules: r.hostPathRules,
  },
  {
    control: PodSecurityControl.HOST_PORTS,
    restricted: false,
    title: 'Disallow hostPorts',
    subject: 'Pod',
    description: 'Host ports bind the node\'s network interfaces and allow snooping traffic. This policy ensures `hostPort` is unset or `0`.',
    rules: r.hostPortsNoneRules,
  },
  {
    control: PodSecurityControl.APP_ARMOR,
    restricted: false,
    title: 'Restrict AppArmor',
    subject: 'Pod, Annotation',
    description: 'Overriding the default AppArmor profile can disable it. This policy allows only `runtime/default` and `localhost/*` profiles.',
    rules: r.appArmorRules,
  },
  {
    control: PodSecurityControl.SELINUX,
    restricted: false,
    title: 'Disallow SELinux',
    subject: 'Pod',
    description: 'Custom SELinux options can be used to escalate privileges. This policy allows only the container SELinux types and no user or role.',
    rules: r.seLinuxRules,
  },
  {
    control: PodSecurityControl.PROC_MOUNT,
    restricted: false,
    title: 'Disallow procMount',
    subject: 'Pod',
    description: 'An unmasked /proc exposes host information. This policy ensures `procMount` is unset or `Default`.',
    rules: r.procMountRules,
  },
  {
    control: PodSecurityControl.SECCOMP,
    restricted: false,
    title: 'Restrict Seccomp',
    subject: 'Pod',
    description: 'The Unconfined seccomp profile disables syscall filtering. This policy allows only `RuntimeDefault` and `Localhost` profiles.',
    rules: r.seccompRules,
  },
  {
    control: PodSecurityControl.SYSCTLS,
    restricted: false,
    title: 'Restrict sysctls',
    subject: 'Pod',
    description: 'Sysctls can disable security mechanisms or affect every container on the node. This policy allows only the safe sysctls.',
    rules: r.sysctlsRules,
  },
  {
    control: PodSecurityControl.VOLUME_TYPES,
    restricted: true,
    title: 'Restrict Volume Types',
    subject: 'Pod,Volume',
    description: 'The Restricted profile allows only volume types that do not reach the host. This policy allows configMap, csi, '
      + 'downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes.',
    rules: () => r.volumeTypesRules(r.RESTRICTED_VOLUME_TYPES),
  },
  {
    control: PodSecurityControl.PRIVILEGE_ESCALATION,
    restricted: true,
    title: 'Disallow Privilege Escalation',
    subject: 'Pod',
    description: 'Privilege escalation (set-user-ID binaries, file capabilities) must be off. This policy requires '
      + '`allowPrivilegeEscalation: false` on every container.',
    rules: r.privilegeEscalationRules,
  },
  {
    control: PodSecurityControl.RUN_AS_NON_ROOT,
    restricted: true,
    title: 'Require runAsNonRoot',
    subject: 'Pod',
    description: 'Containers must run as a non-root user. This policy requires `runAsNonRoot: true` on the Pod or on every container.',
    rules: r.runAsNonRootRules,
  },
  {
    control: PodSecurityControl.RUN_AS_NON_ROOT_USER,
    restricted: true,
    title: 'Require Run As Non-Root User',
    subject: 'Pod',
    description: 'Containers must not run as UID 0. This policy ensures `runAsUser` is unset or greater than zero.',
    rules: r.runAsNonRootUserRules,
  },
  {
    control: PodSecurityControl.SECCOMP_STRICT,
    restricted: true,
    title: 'Restrict Seccomp (Strict)',
    subject: 'Pod',
    description: 'The Restricted profile requires a seccomp profile. This policy requires `RuntimeDefault` or `Localhost` on the Pod or on every container.',
    rules: r.seccompStrictRules,
  },
  {
    control: PodSecurityControl.CAPABILITIES_STRICT,
    restricted: true,
    title: 'Disallow Capabilities (Strict)',
    subject: 'Pod',
    description: 'The Restricted profile requires containers to drop ALL capabilities and add back at most NET_BIND_SERVICE.',
    rules: () => r.strictCapabilitiesRules(['NET_BIND_SERVICE'], true),
  },
];

/** The definition of a control. Internal. */
export function controlDefinition(control: PodSecurityControl): ControlDefinition {
  const def = CONTROLS.find((c) => c.control === control);
  if (!def) throw new Error(`Unknown Pod Security control "${control}"`);
  return def;
}
