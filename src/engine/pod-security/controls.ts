/**
 * The Pod Security Standards controls, as Kubernetes pod-security-admission checks them.
 * Each control lists its violations; exclusions (evaluate.ts) then remove some of them.
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */

/** One forbidden value found in a pod. */
export interface Violation {
  /** PSS control name, as Kyverno's `exclude[].controlName` spells it. */
  readonly control: string;
  /** Kyverno's `restrictedField`, e.g. `spec.containers[*].securityContext.privileged`. */
  readonly field: string;
  /** Indexes that replace the `[*]` of `field`, in order (the concrete path of the value). */
  readonly indexes?: number[];
  /** The container, for container-level violations. */
  readonly container?: { readonly name: string; readonly image: string };
  /** The offending value (what `exclude[].values` lists). */
  readonly value?: string;
  /** Human-readable detail, as pod-security-admission words it. */
  readonly detail: string;
}

/** A control: its name, the level that introduces it, and its check. */
export interface Control {
  readonly name: string;
  readonly level: 'baseline' | 'restricted';
  /** Short reason, as pod-security-admission's ForbiddenReason. */
  readonly reason: string;
  readonly check: (pod: PodView, minor: number) => Violation[];
}

/** The parts of a pod the checks read. */
export interface PodView {
  readonly metadata: any;
  readonly spec: any;
}

type ContainerType = 'containers' | 'initContainers' | 'ephemeralContainers';
const CONTAINER_TYPES: ContainerType[] = ['containers', 'initContainers', 'ephemeralContainers'];

function containersOf(pod: PodView): Array<{ type: ContainerType; c: any; i: number }> {
  return CONTAINER_TYPES.flatMap(type => (pod.spec?.[type] ?? []).map((c: any, i: number) => ({ type, c, i })));
}

/** The concrete path of a violation: its field with the `[*]` replaced by its indexes. */
export function violationPath(v: Violation): string {
  let k = 0;
  return v.field.replace(/\[\*\]/g, m => (v.indexes && k < v.indexes.length ? `[${v.indexes[k++]}]` : m));
}

function ref(c: any): { name: string; image: string } {
  return { name: String(c?.name ?? ''), image: String(c?.image ?? '') };
}

function isWindows(pod: PodView): boolean {
  return pod.spec?.os?.name === 'windows';
}

const BASELINE_CAPABILITIES = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];

const RESTRICTED_VOLUME_TYPES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

function allowedSysctls(minor: number): string[] {
  const out = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start',
    'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range'];
  if (minor >= 27) out.push('net.ipv4.ip_local_reserved_ports');
  if (minor >= 29) out.push('net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes');
  return out;
}

function selinuxTypes(minor: number): string[] {
  const out = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
  if (minor >= 31) out.push('container_engine_t');
  return out;
}

export const CONTROLS: Control[] = [
  {
    name: 'HostProcess',
    level: 'baseline',
    reason: 'hostProcess',
    check: pod => {
      const out: Violation[] = [];
      if (pod.spec?.securityContext?.windowsOptions?.hostProcess === true) {
        out.push({ control: 'HostProcess', field: 'spec.securityContext.windowsOptions.hostProcess', value: 'true', detail: 'pod must not set securityContext.windowsOptions.hostProcess=true' });
      }
      for (const { type, c, i } of containersOf(pod)) {
        if (c?.securityContext?.windowsOptions?.hostProcess === true) {
          out.push({ control: 'HostProcess', field: `spec.${type}[*].securityContext.windowsOptions.hostProcess`, container: ref(c), indexes: [i], value: 'true', detail: `container "${c.name}" must not set securityContext.windowsOptions.hostProcess=true` });
        }
      }
      return out;
    },
  },
  {
    name: 'Host Namespaces',
    level: 'baseline',
    reason: 'host namespaces',
    check: pod => ['hostNetwork', 'hostPID', 'hostIPC']
      .filter(f => pod.spec?.[f] === true)
      .map(f => ({ control: 'Host Namespaces', field: `spec.${f}`, value: 'true', detail: `${f}=true` })),
  },
  {
    name: 'Privileged Containers',
    level: 'baseline',
    reason: 'privileged',
    check: pod => containersOf(pod)
      .filter(({ c }) => c?.securityContext?.privileged === true)
      .map(({ type, c, i }) => ({ control: 'Privileged Containers', field: `spec.${type}[*].securityContext.privileged`, container: ref(c), indexes: [i], value: 'true', detail: `container "${c.name}" must not set securityContext.privileged=true` })),
  },
  {
    name: 'Capabilities',
    level: 'baseline',
    reason: 'non-default capabilities',
    check: pod => containersOf(pod).flatMap(({ type, c, i }) => (c?.securityContext?.capabilities?.add ?? [])
      .filter((cap: string) => !BASELINE_CAPABILITIES.includes(String(cap)))
      .map((cap: string) => ({ control: 'Capabilities', field: `spec.${type}[*].securityContext.capabilities.add`, container: ref(c), indexes: [i], value: String(cap), detail: `container "${c.name}" must not include "${cap}" in securityContext.capabilities.add` }))),
  },
  {
    name: 'HostPath Volumes',
    level: 'baseline',
    reason: 'hostPath volumes',
    check: pod => (pod.spec?.volumes ?? [])
      .map((v: any, i: number) => ({ v, i }))
      .filter(({ v }: any) => v?.hostPath !== undefined && v?.hostPath !== null)
      .map(({ v, i }: any) => ({ control: 'HostPath Volumes', field: 'spec.volumes[*].hostPath', indexes: [i], value: String(v?.hostPath?.path ?? ''), detail: `volume "${v.name}" uses hostPath` })),
  },
  {
    name: 'Host Ports',
    level: 'baseline',
    reason: 'hostPort',
    check: pod => containersOf(pod).flatMap(({ type, c, i }) => (c?.ports ?? [])
      .map((p: any, j: number) => ({ p, j }))
      .filter(({ p }: any) => p?.hostPort !== undefined && p?.hostPort !== null && Number(p.hostPort) !== 0)
      .map(({ p, j }: any) => ({ control: 'Host Ports', field: `spec.${type}[*].ports[*].hostPort`, container: ref(c), indexes: [i, j], value: String(p.hostPort), detail: `container "${c.name}" uses hostPort ${p.hostPort}` }))),
  },
  {
    name: 'AppArmor',
    level: 'baseline',
    reason: 'forbidden AppArmor profile',
    check: (pod, minor) => {
      const out: Violation[] = [];
      const prefix = 'container.apparmor.security.beta.kubernetes.io/';
      for (const [k, v] of Object.entries(pod.metadata?.annotations ?? {})) {
        if (!k.startsWith(prefix)) continue;
        const value = String(v);
        if (value !== 'runtime/default' && !value.startsWith('localhost/')) {
          out.push({ control: 'AppArmor', field: `metadata.annotations["${prefix}*"]`, value, detail: `${k}="${value}"` });
        }
      }
      if (minor >= 30) {
        const ok = (p: any) => p === undefined || p === null || p.type === undefined || p.type === 'RuntimeDefault' || p.type === 'Localhost';
        if (!ok(pod.spec?.securityContext?.appArmorProfile)) {
          out.push({ control: 'AppArmor', field: 'spec.securityContext.appArmorProfile.type', value: String(pod.spec.securityContext.appArmorProfile.type), detail: `pod must not set securityContext.appArmorProfile.type to "${pod.spec.securityContext.appArmorProfile.type}"` });
        }
        for (const { type, c, i } of containersOf(pod)) {
          if (!ok(c?.securityContext?.appArmorProfile)) {
            out.push({ control: 'AppArmor', field: `spec.${type}[*].securityContext.appArmorProfile.type`, container: ref(c), indexes: [i], value: String(c.securityContext.appArmorProfile.type), detail: `container "${c.name}" must not set securityContext.appArmorProfile.type to "${c.securityContext.appArmorProfile.type}"` });
          }
        }
      }
      return out;
    },
  },
  {
    name: 'SELinux',
    level: 'baseline',
    reason: 'seLinuxOptions',
    check: (pod, minor) => {
      const out: Violation[] = [];
      const types = selinuxTypes(minor);
      const checkOptions = (o: any, prefix: string, who: string, container?: any, index?: number) => {
        if (!o) return;
        if (o.type !== undefined && !types.includes(String(o.type))) {
          out.push({ control: 'SELinux', field: `${prefix}.seLinuxOptions.type`, container: container && ref(container), indexes: index !== undefined ? [index] : undefined, value: String(o.type), detail: `${who} set forbidden securityContext.seLinuxOptions: type "${o.type}"` });
        }
        for (const f of ['user', 'role']) {
          if (o[f] !== undefined && o[f] !== '') {
            out.push({ control: 'SELinux', field: `${prefix}.seLinuxOptions.${f}`, container: container && ref(container), indexes: index !== undefined ? [index] : undefined, value: String(o[f]), detail: `${who} set forbidden securityContext.seLinuxOptions: ${f} "${o[f]}"` });
          }
        }
      };
      checkOptions(pod.spec?.securityContext?.seLinuxOptions, 'spec.securityContext', 'pod');
      for (const { type, c, i } of containersOf(pod)) {
        checkOptions(c?.securityContext?.seLinuxOptions, `spec.${type}[*].securityContext`, `container "${c.name}"`, c, i);
      }
      return out;
    },
  },
  {
    name: '/proc Mount Type',
    level: 'baseline',
    reason: 'procMount',
    check: pod => containersOf(pod)
      .filter(({ c }) => c?.securityContext?.procMount !== undefined && c.securityContext.procMount !== 'Default')
      .map(({ type, c, i }) => ({ control: '/proc Mount Type', field: `spec.${type}[*].securityContext.procMount`, container: ref(c), indexes: [i], value: String(c.securityContext.procMount), detail: `container "${c.name}" must not set securityContext.procMount to "${c.securityContext.procMount}"` })),
  },
  {
    name: 'Seccomp',
    level: 'baseline',
    reason: 'seccompProfile',
    check: (pod, minor) => {
      if (minor < 19) return [];
      const out: Violation[] = [];
      if (pod.spec?.securityContext?.seccompProfile?.type === 'Unconfined') {
        out.push({ control: 'Seccomp', field: 'spec.securityContext.seccompProfile.type', value: 'Unconfined', detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' });
      }
      for (const { type, c, i } of containersOf(pod)) {
        if (c?.securityContext?.seccompProfile?.type === 'Unconfined') {
          out.push({ control: 'Seccomp', field: `spec.${type}[*].securityContext.seccompProfile.type`, container: ref(c), indexes: [i], value: 'Unconfined', detail: `container "${c.name}" must not set securityContext.seccompProfile.type to "Unconfined"` });
        }
      }
      return out;
    },
  },
  {
    name: 'Sysctls',
    level: 'baseline',
    reason: 'forbidden sysctls',
    check: (pod, minor) => {
      const allowed = allowedSysctls(minor);
      return (pod.spec?.securityContext?.sysctls ?? [])
        .map((s: any, i: number) => ({ s, i }))
        .filter(({ s }: any) => !allowed.includes(String(s?.name)))
        .map(({ s, i }: any) => ({ control: 'Sysctls', field: 'spec.securityContext.sysctls[*].name', indexes: [i], value: String(s?.name), detail: `forbidden sysctl ${s?.name}` }));
    },
  },
  {
    name: 'Volume Types',
    level: 'restricted',
    reason: 'restricted volume types',
    check: pod => (pod.spec?.volumes ?? []).flatMap((v: any, i: number) => {
      const kinds = Object.keys(v ?? {}).filter(k => k !== 'name');
      return kinds.filter(k => !RESTRICTED_VOLUME_TYPES.includes(k))
        .map(k => ({ control: 'Volume Types', field: `spec.volumes[*].${k}`, indexes: [i], value: k, detail: `volume "${v.name}" uses restricted volume type "${k}"` }));
    }),
  },
  {
    name: 'Privilege Escalation',
    level: 'restricted',
    reason: 'allowPrivilegeEscalation != false',
    check: (pod, minor) => {
      if (minor >= 25 && isWindows(pod)) return [];
      return containersOf(pod)
        .filter(({ c }) => c?.securityContext?.allowPrivilegeEscalation !== false)
        .map(({ type, c, i }) => ({ control: 'Privilege Escalation', field: `spec.${type}[*].securityContext.allowPrivilegeEscalation`, container: ref(c), indexes: [i], value: String(c?.securityContext?.allowPrivilegeEscalation ?? 'undefined'), detail: `container "${c.name}" must set securityContext.allowPrivilegeEscalation=false` }));
    },
  },
  {
    name: 'Running as Non-root',
    level: 'restricted',
    reason: 'runAsNonRoot != true',
    check: pod => {
      const podValue = pod.spec?.securityContext?.runAsNonRoot;
      const out: Violation[] = [];
      if (podValue === false) {
        out.push({ control: 'Running as Non-root', field: 'spec.securityContext.runAsNonRoot', value: 'false', detail: 'pod must not set securityContext.runAsNonRoot=false' });
      }
      for (const { type, c, i } of containersOf(pod)) {
        const v = c?.securityContext?.runAsNonRoot;
        if (v === false || (v === undefined && podValue !== true)) {
          out.push({ control: 'Running as Non-root', field: `spec.${type}[*].securityContext.runAsNonRoot`, container: ref(c), indexes: [i], value: String(v ?? 'undefined'), detail: `container "${c.name}" must set securityContext.runAsNonRoot=true` });
        }
      }
      return out;
    },
  },
  {
    name: 'Running as Non-root user',
    level: 'restricted',
    reason: 'runAsUser=0',
    check: (pod, minor) => {
      if (minor < 23) return [];
      const out: Violation[] = [];
      if (pod.spec?.securityContext?.runAsUser === 0) {
        out.push({ control: 'Running as Non-root user', field: 'spec.securityContext.runAsUser', value: '0', detail: 'pod must not set runAsUser=0' });
      }
      for (const { type, c, i } of containersOf(pod)) {
        if (c?.securityContext?.runAsUser === 0) {
          out.push({ control: 'Running as Non-root user', field: `spec.${type}[*].securityContext.runAsUser`, container: ref(c), indexes: [i], value: '0', detail: `container "${c.name}" must not set runAsUser=0` });
        }
      }
      return out;
    },
  },
  {
    name: 'Seccomp',
    level: 'restricted',
    reason: 'seccompProfile',
    check: (pod, minor) => {
      if (minor < 19 || (minor >= 25 && isWindows(pod))) return [];
      const ok = (t: any) => t === 'RuntimeDefault' || t === 'Localhost';
      const podType = pod.spec?.securityContext?.seccompProfile?.type;
      const out: Violation[] = [];
      if (podType !== undefined && !ok(podType)) {
        out.push({ control: 'Seccomp', field: 'spec.securityContext.seccompProfile.type', value: String(podType), detail: `pod must not set securityContext.seccompProfile.type to "${podType}"` });
      }
      for (const { type, c, i } of containersOf(pod)) {
        const t = c?.securityContext?.seccompProfile?.type;
        if (t !== undefined ? !ok(t) : !ok(podType)) {
          out.push({ control: 'Seccomp', field: `spec.${type}[*].securityContext.seccompProfile.type`, container: ref(c), indexes: [i], value: String(t ?? 'undefined'), detail: `container "${c.name}" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"` });
        }
      }
      return out;
    },
  },
  {
    name: 'Capabilities',
    level: 'restricted',
    reason: 'unrestricted capabilities',
    check: (pod, minor) => {
      if (minor < 22 || (minor >= 25 && isWindows(pod))) return [];
      const out: Violation[] = [];
      for (const { type, c, i } of containersOf(pod)) {
        const caps = c?.securityContext?.capabilities ?? {};
        if (!(caps.drop ?? []).map(String).includes('ALL')) {
          out.push({ control: 'Capabilities', field: `spec.${type}[*].securityContext.capabilities.drop`, container: ref(c), indexes: [i], value: (caps.drop ?? []).join(','), detail: `container "${c.name}" must set securityContext.capabilities.drop=["ALL"]` });
        }
        for (const cap of caps.add ?? []) {
          if (String(cap) !== 'NET_BIND_SERVICE') {
            out.push({ control: 'Capabilities', field: `spec.${type}[*].securityContext.capabilities.add`, container: ref(c), indexes: [i], value: String(cap), detail: `container "${c.name}" must not include "${cap}" in securityContext.capabilities.add` });
          }
        }
      }
      return out;
    },
  },
];
