import { Construct } from 'constructs';
import { AutogenController, AutogenControllers, ConditionOperator, Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { podRule } from '../internal/pod-rules';

/**
 * A container probe.
 * @see https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
export enum Probe {
  /** `livenessProbe` */
  LIVENESS = 'livenessProbe',
  /** `readinessProbe` */
  READINESS = 'readinessProbe',
  /** `startupProbe` */
  STARTUP = 'startupProbe',
}

/** Options of {@link RequireProbes}. */
export interface RequireProbesProps extends CatalogPolicyProps {
  /**
   * The probes the policy looks for.
   * @default [Probe.LIVENESS, Probe.READINESS, Probe.STARTUP]
   */
  readonly probes?: Probe[];

  /**
   * Require every listed probe on every container (`true`), or at least one of them (`false`, the
   * Kyverno library's behaviour).
   * @default false
   */
  readonly requireAll?: boolean;
}

/**
 * Every container has probes so the kubelet can restart it and Services only route to it when it
 * is ready. Rule `validate-probes`, as in the Kyverno library's `require-probes` (whose suite it
 * passes with the default options). Checked on CREATE and UPDATE (not in background scans).
 *
 * @example
 * new RequireProbes(securitySet, 'require-probes', { probes: [Probe.LIVENESS, Probe.READINESS], requireAll: true });
 * @see https://kyverno.io/policies/best-practices/require-probes/require-probes/
 */
export class RequireProbes extends CatalogPolicy {
  /** The probes looked for, in Kubernetes field order. */
  public readonly probes: Probe[];
  /** Whether all of them are required. */
  public readonly requireAll: boolean;

  public constructor(scope: Construct, id: string, props: RequireProbesProps = {}) {
    const order = [Probe.LIVENESS, Probe.STARTUP, Probe.READINESS];
    const probes = order.filter((p) => (props.probes ?? order).includes(p));
    const requireAll = props.requireAll ?? false;
    const names = probes.map((p) => p.replace(/Probe$/, ''));
    const list = joinWords(names, requireAll ? 'and' : 'or');
    // deny when the probe is not among the container's keys; `all` = none present, `any` = one missing
    const conditions = probes.map((p) => ({ key: p, operator: ConditionOperator.ALL_NOT_IN, value: '{{ element.keys(@)[] }}' }));
    super(scope, id, props, {
      name: 'require-probes',
      title: 'Require Pod Probes',
      category: CatalogCategory.SECURITY,
      severity: Severity.MEDIUM,
      subject: 'Pod',
      description: 'Probes let the kubelet restart a stuck container and keep traffic away from one that is not ready. '
        + `This policy requires every container to define ${requireAll ? 'each of' : 'at least one of'} the ${joinWords(names, 'and')} probes.`,
      autogenControllers: AutogenControllers.of(AutogenController.DAEMON_SET, AutogenController.DEPLOYMENT, AutogenController.STATEFUL_SET),
    }, probes.length === 0 ? [] : [podRule('validate-probes', {
      message: `${capitalize(list)} probes are required for all containers.`,
      foreach: [{ list: 'request.object.spec.containers[]', deny: { conditions: requireAll ? { any: conditions } : { all: conditions } } }],
    }, {
      preconditions: { all: [{ key: "{{request.operation || 'BACKGROUND'}}", operator: ConditionOperator.ANY_IN, value: ['CREATE', 'UPDATE'] }] },
    })]);
    this.probes = probes;
    this.requireAll = requireAll;
    this.node.addValidation({ validate: () => probes.length === 0 ? ['probes: list at least one probe (allowed: livenessProbe, readinessProbe, startupProbe)'] : [] });
  }
}

/** "a", "a and b", "a, b, and c". */
function joinWords(words: string[], conjunction: string): string {
  if (words.length <= 2) return words.join(` ${conjunction} `);
  return `${words.slice(0, -1).join(', ')}, ${conjunction} ${words[words.length - 1]}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
