import { Construct } from 'constructs';
import { CONTROLS, PodSecurityControl } from './pod-security-control';
import { PodSecurityControlPolicy } from './pod-security-control-policy';
import { Conditions, FailureAction, KyvernoVersion, MatchResources, PolicyException } from '../../kyverno';

/** How one control of a Pod Security set is applied. */
export interface PodSecurityControlSettings {
  /** The control. */
  readonly control: PodSecurityControl;

  /**
   * Create the control's policy at all. (To switch a control off in some environments only, keep
   * it here and use the PolicySet's per-environment `enabled` setting for its policy.)
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Namespaces this control does not apply to, on top of the set's `excludeNamespaces`.
   * @default - none
   */
  readonly excludeNamespaces?: string[];

  /**
   * Failure action of this control's policy.
   * @default - the set's failureAction
   * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#failure-action
   */
  readonly failureAction?: FailureAction;
}

/** Options of `PodSecurityProfile.addException`. */
export interface PodSecurityExceptionOptions {
  /**
   * Why the exception is granted (written to the exception's description annotation).
   */
  readonly reason: string;

  /**
   * The resources the control is suspended for (e.g. one Deployment in one namespace).
   * @see https://kyverno.io/docs/exceptions/
   */
  readonly match: MatchResources;

  /**
   * Further conditions the resource must meet for the exception to apply.
   * @default - none
   */
  readonly conditions?: Conditions;

  /**
   * `metadata.name` of the PolicyException.
   * @default - `<policy name>-<id>`
   */
  readonly name?: string;

  /**
   * Namespace of the PolicyException (Kyverno only reads exceptions from the namespaces it is
   * configured to, `--exceptionNamespace`).
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/** Options of {@link PodSecurityBaseline} and {@link PodSecurityRestricted}. */
export interface PodSecurityProfileProps {
  /**
   * Per-control settings (switch off, exclude namespaces, failure action). Controls not listed
   * are created with the set's settings.
   * @default - every control of the profile, with the set's settings
   */
  readonly controls?: PodSecurityControlSettings[];

  /**
   * Namespaces no control applies to.
   * @default - none
   */
  readonly excludeNamespaces?: string[];

  /**
   * Failure action of every control's policy.
   * @default - not emitted (Kyverno's default: Audit)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#failure-action
   */
  readonly failureAction?: FailureAction;

  /**
   * Background scans for every control's policy.
   * @default true
   */
  readonly background?: boolean;

  /**
   * Prefix of every policy name (e.g. `pss-` gives `pss-disallow-host-path`).
   * @default '' (the Kyverno library's names)
   */
  readonly namePrefix?: string;

  /**
   * The Kyverno release the policies target.
   * @default KyvernoVersion.V1_13
   */
  readonly kyvernoVersion?: KyvernoVersion;
}

/**
 * A ready set of Pod Security Standards controls, one ClusterPolicy per control (construct id =
 * policy name without prefix). Internal base of PodSecurityBaseline and PodSecurityRestricted.
 */
export abstract class PodSecurityProfile extends Construct {
  /** The created policies, in the Pod Security Standards order. */
  public readonly policies: PodSecurityControlPolicy[];

  protected constructor(scope: Construct, id: string, restricted: boolean, props: PodSecurityProfileProps) {
    super(scope, id);
    const controls = CONTROLS.filter((c) => restricted || !c.restricted).map((c) => c.control);
    const settings = new Map<PodSecurityControl, PodSecurityControlSettings>();
    const problems: string[] = [];
    (props.controls ?? []).forEach((s, i) => {
      if (!controls.includes(s.control)) {
        problems.push(`controls[${i}].control: "${s.control}" is not a control of this profile (allowed: ${controls.join(', ')})`);
      } else if (settings.has(s.control)) {
        problems.push(`controls[${i}].control: "${s.control}" is listed twice`);
      } else {
        settings.set(s.control, s);
      }
    });
    this.node.addValidation({ validate: () => problems });
    const prefix = props.namePrefix ?? '';
    this.policies = [];
    for (const control of controls) {
      const s = settings.get(control);
      if (s?.enabled === false) continue;
      const excluded = [...new Set([...(props.excludeNamespaces ?? []), ...(s?.excludeNamespaces ?? [])])];
      this.policies.push(new PodSecurityControlPolicy(this, control, {
        control,
        name: `${prefix}${control}`,
        failureAction: s?.failureAction ?? props.failureAction,
        background: props.background,
        kyvernoVersion: props.kyvernoVersion,
        excludeNamespaces: excluded.length ? excluded : undefined,
      }));
    }
  }

  /** The policy of a control, or undefined when the control is switched off or not in the profile. */
  public policyFor(control: PodSecurityControl): PodSecurityControlPolicy | undefined {
    return this.policies.find((p) => p.control === control);
  }

  /**
   * Suspends one control for some resources with a Kyverno PolicyException naming the control's
   * policy and every rule of it (Pod controller autogen rules included). The other controls still
   * apply to those resources.
   * @param id construct id of the exception
   * @param control the control to suspend (must be created by this profile)
   * @see https://kyverno.io/docs/exceptions/
   */
  public addException(id: string, control: PodSecurityControl, options: PodSecurityExceptionOptions): PolicyException {
    const policy = this.policyFor(control);
    if (!policy) {
      throw new Error(`${this.node.path}: addException: control "${control}" is switched off or not part of this profile`);
    }
    return new PolicyException(this, id, {
      name: options.name ?? `${policy.policyName}-${id}`,
      namespace: options.namespace,
      reason: options.reason,
      exceptions: [PolicyException.targetOf(policy, undefined, true)],
      match: options.match,
      conditions: options.conditions,
    });
  }
}

/**
 * The Pod Security Standards Baseline profile as ready Kyverno policies: one ClusterPolicy per
 * control (host process, host namespaces, privileged, capabilities, hostPath, host ports,
 * AppArmor, SELinux, /proc mount, seccomp, sysctls), each switchable and excludable on its own.
 *
 * @example
 * const baseline = new PodSecurityBaseline(securitySet, 'baseline', {
 *   failureAction: FailureAction.ENFORCE,
 *   excludeNamespaces: ['kube-system'],
 *   controls: [
 *     { control: PodSecurityControl.HOST_PORTS, excludeNamespaces: ['ingress'] },
 *     { control: PodSecurityControl.APP_ARMOR, enabled: false },
 *   ],
 * });
 * baseline.addException('node-exporter', PodSecurityControl.HOST_PATH, {
 *   reason: 'node-exporter reads the host /proc and /sys',
 *   namespace: 'kyverno',
 *   match: { any: [{ resources: { kinds: ['DaemonSet'], namespaces: ['monitoring'], names: ['node-exporter'] } }] },
 * });
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export class PodSecurityBaseline extends PodSecurityProfile {
  public constructor(scope: Construct, id: string, props: PodSecurityProfileProps = {}) {
    super(scope, id, false, props);
  }
}

/**
 * The Pod Security Standards Restricted profile as ready Kyverno policies: every Baseline control
 * plus volume types, privilege escalation, runAsNonRoot, runAsUser, seccomp (strict) and
 * capabilities (strict), one ClusterPolicy each, each switchable and excludable on its own.
 *
 * @example
 * new PodSecurityRestricted(securitySet, 'restricted', {
 *   controls: [{ control: PodSecurityControl.VOLUME_TYPES, failureAction: FailureAction.AUDIT }],
 * });
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export class PodSecurityRestricted extends PodSecurityProfile {
  public constructor(scope: Construct, id: string, props: PodSecurityProfileProps = {}) {
    super(scope, id, true, props);
  }
}
