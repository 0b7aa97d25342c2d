import { Construct } from 'constructs';
import { CONTROLS, PodSecurityControl } from './pod-security-control';
import { PodSecurityControlPolicy } from './pod-security-control-policy';
import { FailureAction, KyvernoVersion } from '../../kyverno';

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
}

/**
 * The Pod Security Standards Baseline profile as ready Kyverno policies: one ClusterPolicy per
 * control (host process, host namespaces, privileged, capabilities, hostPath, host ports,
 * AppArmor, SELinux, /proc mount, seccomp, sysctls), each switchable and excludable on its own.
 *
 * @example
 * new PodSecurityBaseline(securitySet, 'baseline', {
 *   failureAction: FailureAction.ENFORCE,
 *   excludeNamespaces: ['kube-system'],
 *   controls: [
 *     { control: PodSecurityControl.HOST_PATH, excludeNamespaces: ['monitoring'] },
 *     { control: PodSecurityControl.APP_ARMOR, enabled: false },
 *   ],
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
