/**
 * Rules of the Pod Security Standards controls, as the Kyverno community library writes them
 * (pod-security/baseline and pod-security/restricted): same rule names, patterns and messages, so
 * each control passes the library's own test suite. Internal: the typed constructs wrap these.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
 * @see https://github.com/kyverno/policies/tree/main/pod-security
 */
import { ConditionOperator } from '../../kyverno';
import { ALL_CONTAINERS, eachContainer, notDeletePrecondition, podRule } from '../internal/pod-rules';

/** Capabilities the Baseline profile allows to add. */
export const BASELINE_ALLOWED_CAPABILITIES = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

/** Volume types the Restricted profile allows. */
export const RESTRICTED_VOLUME_TYPES = [
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret',
];

/** Sysctls the Baseline profile allows. */
export const BASELINE_SYSCTLS = [
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
];

/** SELinux types the Baseline profile allows. */
export const BASELINE_SELINUX_TYPES = ['container_t', 'container_init_t', 'container_kvm_t'];

export function hostProcessRules(): any[] {
  const hp = { '=(securityContext)': { '=(windowsOptions)': { '=(hostProcess)': 'false' } } };
  return [podRule('host-process-containers', {
    message: 'HostProcess containers are disallowed. The fields spec.securityContext.windowsOptions.hostProcess, '
      + 'spec.containers[*].securityContext.windowsOptions.hostProcess, spec.initContainers[*].securityContext.windowsOptions.hostProcess, '
      + 'and spec.ephemeralContainers[*].securityContext.windowsOptions.hostProcess must either be undefined or set to `false`.',
    pattern: { spec: { ...hp, ...eachContainer(hp) } },
  })];
}

export function hostNamespacesRules(): any[] {
  return [podRule('host-namespaces', {
    message: 'Sharing the host namespaces is disallowed. The fields spec.hostNetwork, spec.hostIPC, and spec.hostPID must be unset or set to `false`.',
    pattern: { spec: { '=(hostPID)': 'false', '=(hostIPC)': 'false', '=(hostNetwork)': 'false' } },
  })];
}

export function privilegedRules(): any[] {
  return [podRule('privileged-containers', {
    message: 'Privileged mode is disallowed. The fields spec.containers[*].securityContext.privileged, '
      + 'spec.initContainers[*].securityContext.privileged, and spec.ephemeralContainers[*].securityContext.privileged must be unset or set to `false`.',
    pattern: { spec: eachContainer({ '=(securityContext)': { '=(privileged)': 'false' } }) },
  })];
}

/** Baseline capabilities: nothing added beyond `allowed` (one deny over every container). */
export function addingCapabilitiesRules(allowed: string[]): any[] {
  return [podRule('adding-capabilities', {
    message: allowed.length === 0
      ? 'Adding capabilities is disallowed.'
      : `Any capabilities added beyond the allowed list (${allowed.join(', ')}) are disallowed.`,
    deny: {
      conditions: {
        all: [{
          key: `{{ ${ALL_CONTAINERS}.securityContext.capabilities.add[] }}`,
          operator: ConditionOperator.ANY_NOT_IN,
          value: [...allowed],
        }],
      },
    },
  }, { preconditions: notDeletePrecondition() })];
}

/** Restricted capabilities: every container drops ALL and adds nothing beyond `allowed`. */
export function strictCapabilitiesRules(allowed: string[], requireDropAll: boolean): any[] {
  const rules: any[] = [];
  if (requireDropAll) {
    rules.push(podRule('require-drop-all', {
      message: 'Containers must drop `ALL` capabilities.',
      foreach: [{
        list: ALL_CONTAINERS,
        deny: { conditions: { all: [{ key: 'ALL', operator: ConditionOperator.ANY_NOT_IN, value: '{{ element.securityContext.capabilities.drop[] || `[]` }}' }] } },
      }],
    }, { preconditions: notDeletePrecondition() }));
  }
  rules.push(podRule('adding-capabilities-strict', {
    message: allowed.length === 0
      ? 'Adding capabilities is disallowed.'
      : `Any capabilities added other than ${allowed.join(', ')} are disallowed.`,
    foreach: [{
      list: ALL_CONTAINERS,
      deny: { conditions: { all: [{ key: '{{ element.securityContext.capabilities.add[] || `[]` }}', operator: ConditionOperator.ANY_NOT_IN, value: [...allowed, ''] }] } },
    }],
  }, { preconditions: notDeletePrecondition() }));
  return rules;
}

export function hostPathRules(): any[] {
  return [podRule('host-path', {
    message: 'HostPath volumes are forbidden. The field spec.volumes[*].hostPath must be unset.',
    pattern: { spec: { '=(volumes)': [{ 'X(hostPath)': 'null' }] } },
  })];
}

export function hostPortsNoneRules(): any[] {
  return [podRule('host-ports-none', {
    message: 'Use of host ports is disallowed. The fields spec.containers[*].ports[*].hostPort, '
      + 'spec.initContainers[*].ports[*].hostPort, and spec.ephemeralContainers[*].ports[*].hostPort must either be unset or set to `0`.',
    pattern: { spec: eachContainer({ '=(ports)': [{ '=(hostPort)': 0 }] }) },
  })];
}

/**
 * Host ports only inside `min`-`max` (or 0). The library writes this as a deny with the `AnyNotIn`
 * range operator; the equivalent pattern (a `|` of `0` and the range) is used so that the offline
 * engine and Kyverno agree on it.
 */
export function hostPortRangeRules(min: number, max: number): any[] {
  return [podRule('host-port-range', {
    message: `The only permitted hostPorts are in the range ${min}-${max} or 0.`,
    pattern: { spec: eachContainer({ '=(ports)': [{ '=(hostPort)': `0 | ${min}-${max}` }] }) },
  })];
}

export function appArmorRules(): any[] {
  return [podRule('app-armor', {
    message: 'Specifying other AppArmor profiles is disallowed. The annotation `container.apparmor.security.beta.kubernetes.io` '
      + 'if defined must not be set to anything other than `runtime/default` or `localhost/*`.',
    pattern: { '=(metadata)': { '=(annotations)': { '=(container.apparmor.security.beta.kubernetes.io/*)': 'runtime/default | localhost/*' } } },
  })];
}

export function seLinuxRules(): any[] {
  const types = BASELINE_SELINUX_TYPES.join(' | ');
  const typeCtx = { '=(securityContext)': { '=(seLinuxOptions)': { '=(type)': types } } };
  const userRole = { '=(securityContext)': { '=(seLinuxOptions)': { 'X(user)': 'null', 'X(role)': 'null' } } };
  return [
    podRule('selinux-type', {
      message: 'Setting the SELinux type is restricted. The fields spec.securityContext.seLinuxOptions.type, '
        + 'spec.containers[*].securityContext.seLinuxOptions.type, spec.initContainers[*].securityContext.seLinuxOptions, '
        + 'and spec.ephemeralContainers[*].securityContext.seLinuxOptions.type must either be unset or set to one of the allowed values '
        + `(${BASELINE_SELINUX_TYPES.join(', ')}).`,
      pattern: { spec: { ...typeCtx, ...eachContainer(typeCtx) } },
    }),
    podRule('selinux-user-role', {
      message: 'Setting the SELinux user or role is forbidden. The fields spec.securityContext.seLinuxOptions.user, '
        + 'spec.securityContext.seLinuxOptions.role, spec.containers[*].securityContext.seLinuxOptions.user, '
        + 'spec.containers[*].securityContext.seLinuxOptions.role, spec.initContainers[*].securityContext.seLinuxOptions.user, '
        + 'spec.initContainers[*].securityContext.seLinuxOptions.role, spec.ephemeralContainers[*].securityContext.seLinuxOptions.user, '
        + 'and spec.ephemeralContainers[*].securityContext.seLinuxOptions.role must be unset.',
      pattern: { spec: { ...userRole, ...eachContainer(userRole) } },
    }),
  ];
}

export function procMountRules(): any[] {
  return [podRule('check-proc-mount', {
    message: 'Changing the proc mount from the default is not allowed. The fields spec.containers[*].securityContext.procMount, '
      + 'spec.initContainers[*].securityContext.procMount, and spec.ephemeralContainers[*].securityContext.procMount must be unset or set to `Default`.',
    pattern: { spec: eachContainer({ '=(securityContext)': { '=(procMount)': 'Default' } }) },
  })];
}

export function seccompRules(): any[] {
  const sc = { '=(securityContext)': { '=(seccompProfile)': { '=(type)': 'RuntimeDefault | Localhost' } } };
  return [podRule('check-seccomp', {
    message: 'Use of custom Seccomp profiles is disallowed. The fields spec.securityContext.seccompProfile.type, '
      + 'spec.containers[*].securityContext.seccompProfile.type, spec.initContainers[*].securityContext.seccompProfile.type, '
      + 'and spec.ephemeralContainers[*].securityContext.seccompProfile.type must be unset or set to `RuntimeDefault` or `Localhost`.',
    pattern: { spec: { ...sc, ...eachContainer(sc) } },
  })];
}

export function sysctlsRules(): any[] {
  return [podRule('check-sysctls', {
    message: 'Setting additional sysctls above the allowed type is disallowed. The field spec.securityContext.sysctls must be unset '
      + `or not use any other names than ${BASELINE_SYSCTLS.slice(0, -1).join(', ')} and ${BASELINE_SYSCTLS[BASELINE_SYSCTLS.length - 1]}.`,
    pattern: { spec: { '=(securityContext)': { '=(sysctls)': [{ '=(name)': BASELINE_SYSCTLS.join(' | ') }] } } },
  })];
}

export function volumeTypesRules(allowed: string[]): any[] {
  return [podRule('restricted-volumes', {
    message: `Only the following types of volumes may be used: ${allowed.slice(0, -1).join(', ')}, and ${allowed[allowed.length - 1]}.`,
    deny: {
      conditions: {
        all: [{ key: "{{ request.object.spec.volumes[].keys(@)[] || '' }}", operator: ConditionOperator.ANY_NOT_IN, value: ['name', ...allowed, ''] }],
      },
    },
  }, { preconditions: notDeletePrecondition() })];
}

export function privilegeEscalationRules(): any[] {
  return [podRule('privilege-escalation', {
    message: 'Privilege escalation is disallowed. The fields spec.containers[*].securityContext.allowPrivilegeEscalation, '
      + 'spec.initContainers[*].securityContext.allowPrivilegeEscalation, and spec.ephemeralContainers[*].securityContext.allowPrivilegeEscalation '
      + 'must be set to `false`.',
    pattern: { spec: eachContainer({ securityContext: { allowPrivilegeEscalation: 'false' } }) },
  })];
}

export function runAsNonRootRules(): any[] {
  return [podRule('run-as-non-root', {
    message: 'Running as root is not allowed. Either the field spec.securityContext.runAsNonRoot must be set to `true`, '
      + 'or the fields spec.containers[*].securityContext.runAsNonRoot, spec.initContainers[*].securityContext.runAsNonRoot, '
      + 'and spec.ephemeralContainers[*].securityContext.runAsNonRoot must be set to `true`.',
    anyPattern: [
      {
        spec: {
          securityContext: { runAsNonRoot: 'true' },
          ...eachContainer({ '=(securityContext)': { '=(runAsNonRoot)': 'true' } }),
        },
      },
      { spec: eachContainer({ securityContext: { runAsNonRoot: 'true' } }) },
    ],
  })];
}

export function runAsNonRootUserRules(): any[] {
  const user = { '=(securityContext)': { '=(runAsUser)': '>0' } };
  return [podRule('run-as-non-root-user', {
    message: 'Running as root is not allowed. The fields spec.securityContext.runAsUser, spec.containers[*].securityContext.runAsUser, '
      + 'spec.initContainers[*].securityContext.runAsUser, and spec.ephemeralContainers[*].securityContext.runAsUser must be unset '
      + 'or set to a number greater than zero.',
    pattern: { spec: { ...user, ...eachContainer(user) } },
  })];
}

export function seccompStrictRules(): any[] {
  const type = 'RuntimeDefault | Localhost';
  const optional = { '=(securityContext)': { '=(seccompProfile)': { '=(type)': type } } };
  const required = { securityContext: { seccompProfile: { type } } };
  return [podRule('check-seccomp-strict', {
    message: 'Use of custom Seccomp profiles is disallowed. The fields spec.securityContext.seccompProfile.type, '
      + 'spec.containers[*].securityContext.seccompProfile.type, spec.initContainers[*].securityContext.seccompProfile.type, '
      + 'and spec.ephemeralContainers[*].securityContext.seccompProfile.type must be set to `RuntimeDefault` or `Localhost`.',
    anyPattern: [
      { spec: { ...required, ...eachContainer(optional) } },
      { spec: eachContainer(required) },
    ],
  })];
}
