import { Construct } from 'constructs';
import { DeprecatedApi, ApiLifecycle } from './deprecated-api';
import { DeprecatedApis } from './deprecated-apis';
import { compareVersions, formatVersion, parseKubernetesVersion } from './kubernetes-version';
import { ClusterPolicy } from '../kyverno/cluster-policy';
import { ConditionOperator } from '../kyverno/conditions';
import { FailureAction, Severity } from '../kyverno/enums';
import { KyvernoVersion } from '../kyverno/kyverno-version';
import { Rule } from '../kyverno/rule';

/**
 * Props of a `DeprecatedApisPolicy`.
 */
export interface DeprecatedApisPolicyProps {
  /**
   * The Kubernetes release the cluster is going to (e.g. `v1.29`): APIs removed at that release are
   * checked, and, with `includeDeprecated`, APIs deprecated at it.
   */
  readonly kubernetesVersion: string;

  /**
   * Audit (report) or Enforce (block) objects that use those APIs.
   * @default FailureAction.AUDIT
   * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#failure-action
   */
  readonly failureAction?: FailureAction;

  /**
   * Also check APIs that are deprecated but still served at the target release.
   * @default true
   */
  readonly includeDeprecated?: boolean;

  /**
   * `metadata.name`.
   * @default 'check-deprecated-apis'
   */
  readonly name?: string;

  /**
   * The Kyverno release the manifest targets (where the failure action is written).
   * @default KyvernoVersion.V1_13
   */
  readonly kyvernoVersion?: KyvernoVersion;

  /**
   * Apply the policy in background scans. Off by default: stored objects are read back at their
   * preferred version, so only admission requests show the apiVersion a client used.
   * @default false
   * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
   */
  readonly background?: boolean;

  /**
   * Severity annotation.
   * @default Severity.MEDIUM
   */
  readonly severity?: Severity;
}

const GUIDE = 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/';

/**
 * Groups whose kinds never reach an admission webhook as objects: review requests are not
 * persisted and audit kinds are API server configuration files.
 */
const NOT_ADMITTED_GROUPS = ['audit.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io'];

/**
 * A Kyverno ClusterPolicy that audits or blocks objects using Kubernetes APIs deprecated or removed
 * at a target release, generated from the same table `policy-platform deprecations` scans with, so
 * the cluster enforces what the scan reports. One rule per removal release (like Kyverno's
 * `check-deprecated-apis`), matching the exact `group/version/Kind` of each API.
 * @see https://kyverno.io/policies/best-practices/check-deprecated-apis/check-deprecated-apis/
 * @see https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 */
export class DeprecatedApisPolicy extends ClusterPolicy {
  /** The entries the policy checks, sorted by apiVersion and kind. */
  public readonly apis: DeprecatedApi[];

  /** The target release, normalised (`v1.29`). */
  public readonly targetVersion: string;

  constructor(scope: Construct, id: string, props: DeprecatedApisPolicyProps) {
    const target = tryParse(props.kubernetesVersion);
    const apis = target ? coveredApis(target, props.includeDeprecated ?? true) : [];
    super(scope, id, {
      name: props.name ?? 'check-deprecated-apis',
      title: 'Check deprecated APIs',
      category: 'Best Practices',
      subject: 'Kubernetes APIs',
      severity: props.severity ?? Severity.MEDIUM,
      description:
        `Objects must not use Kubernetes API versions ${props.includeDeprecated ?? true ? 'deprecated or ' : ''}removed ` +
        `as of Kubernetes ${target ?? props.kubernetesVersion}; migrate them to the replacement API. See ${GUIDE}`,
      kyvernoVersion: props.kyvernoVersion,
      failureAction: props.failureAction ?? FailureAction.AUDIT,
      background: props.background ?? false,
      rules: target ? rulesFor(apis, target) : [],
    });
    this.apis = apis;
    this.targetVersion = target ?? String(props.kubernetesVersion);
    this.node.addValidation({
      validate: () => {
        if (!target) {
          return [`kubernetesVersion: "${props.kubernetesVersion}" is not a Kubernetes version (expected v<major>.<minor>[.<patch>], e.g. v1.29)`];
        }
        if (apis.length === 0) {
          return [`kubernetesVersion: no API is ${props.includeDeprecated ?? true ? 'deprecated or ' : ''}removed at ${target}: the policy would have no rule`];
        }
        return [];
      },
    });
  }
}

function tryParse(v: string): string | undefined {
  try {
    return formatVersion(parseKubernetesVersion(v));
  } catch {
    return undefined;
  }
}

function coveredApis(target: string, includeDeprecated: boolean): DeprecatedApi[] {
  return DeprecatedApis.asOf(target, includeDeprecated).filter(
    (e) => !e.kind.endsWith('List') && !NOT_ADMITTED_GROUPS.includes(e.apiVersion.split('/')[0]),
  );
}

/** One rule per removal release (and one for deprecations not scheduled for removal). */
function rulesFor(apis: DeprecatedApi[], target: string): Rule[] {
  const groups = new Map<string, DeprecatedApi[]>();
  for (const e of apis) {
    const key = e.removedIn ?? '';
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : compareVersions(parseKubernetesVersion(a), parseKubernetesVersion(b)));
  return keys.map((removedIn) => {
    const entries = groups.get(removedIn)!;
    const removed = removedIn !== '' && DeprecatedApis.lifecycleAt(entries[0], target) === ApiLifecycle.REMOVED;
    const byTarget = new Map<string, Set<string>>();
    for (const e of entries) {
      const replacement = DeprecatedApis.replacementAt(e, target);
      const to = replacement ? `to ${replacement}` : 'away (no replacement)';
      byTarget.set(to, (byTarget.get(to) ?? new Set()).add(e.kind));
    }
    const migrate = [...byTarget.keys()].sort().map((to) => `${[...byTarget.get(to)!].sort().join(', ')} ${to}`);
    const when = removedIn === ''
      ? `is deprecated as of ${target} (removal not scheduled yet)`
      : removed ? `was removed in ${removedIn}` : `is deprecated and will be removed in ${removedIn}`;
    return {
      name: removedIn === '' ? 'validate-unscheduled-removals' : `validate-${removedIn.replace(/\./g, '-')}-removals`,
      match: { any: [{ resources: { kinds: entries.map((e) => `${e.apiVersion}/${e.kind}`).sort() } }] },
      preconditions: {
        all: [{ key: "{{ request.operation || 'BACKGROUND' }}", operator: ConditionOperator.NOT_EQUALS, value: 'DELETE' }],
      },
      validate: {
        message: `{{ request.object.apiVersion }}/{{ request.object.kind }} ${when}. Migrate ${migrate.join('; ')}. See: ${GUIDE}`,
        deny: {},
      },
    };
  });
}
