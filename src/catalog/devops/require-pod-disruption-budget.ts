import { Construct } from 'constructs';
import { ConditionOperator, Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { matchKinds } from '../internal/pod-rules';

/** Options of {@link RequirePodDisruptionBudget}. */
export interface RequirePodDisruptionBudgetProps extends CatalogPolicyProps {
  /**
   * Workloads with at least this many replicas need a PodDisruptionBudget (a single replica is
   * unavailable during any disruption anyway).
   * @default 2
   */
  readonly minReplicas?: number;

  /**
   * Workload kinds checked.
   * @default ['Deployment', 'StatefulSet']
   */
  readonly kinds?: string[];
}

/**
 * Replicated workloads (replicas >= 2 by default) have a PodDisruptionBudget selecting their Pods,
 * so node drains keep them available. Rule `require-pdb`, as in the Kyverno library's
 * `require-pdb` (whose suite it passes with the default options).
 *
 * The rule counts the namespace's PodDisruptionBudgets through a context `apiCall`
 * (`pdb_count`), so it needs the cluster: it is evaluated at admission (CREATE and UPDATE) and
 * not in background scans. Offline (`policy-platform test`, PolicyTest) the engine cannot call the
 * API: a test supplies `pdb_count` as a variable for the rule, as the library's test does.
 *
 * @example
 * new RequirePodDisruptionBudget(devopsSet, 'require-pod-disruption-budget', { minReplicas: 3 });
 * @see https://kyverno.io/policies/other/require-pdb/require-pdb/
 */
export class RequirePodDisruptionBudget extends CatalogPolicy {
  /** The replica threshold. */
  public readonly minReplicas: number;

  public constructor(scope: Construct, id: string, props: RequirePodDisruptionBudgetProps = {}) {
    const minReplicas = props.minReplicas ?? 2;
    const kinds = props.kinds ?? ['Deployment', 'StatefulSet'];
    super(scope, id, { background: false, ...props }, {
      name: 'require-pod-disruption-budget',
      title: 'Require PodDisruptionBudget',
      category: CatalogCategory.DEVOPS,
      severity: Severity.MEDIUM,
      subject: `${kinds.join(', ')}, PodDisruptionBudget`,
      description: `A workload with ${minReplicas} or more replicas can lose all of them at once during a node drain unless a `
        + 'PodDisruptionBudget limits voluntary disruptions. This policy requires a PodDisruptionBudget whose selector matches the '
        + 'workload\'s Pod template labels. It reads the namespace\'s PodDisruptionBudgets through the API, so it runs at admission only.',
    }, [{
      name: 'require-pdb',
      match: matchKinds(kinds),
      context: [{
        name: 'pdb_count',
        apiCall: {
          urlPath: '/apis/policy/v1/namespaces/{{request.namespace}}/poddisruptionbudgets',
          jmesPath: 'items[?label_match(spec.selector.matchLabels, `{{request.object.spec.template.metadata.labels}}`)] | length(@)',
        },
      }],
      preconditions: {
        all: [
          { key: "{{request.operation || 'BACKGROUND'}}", operator: ConditionOperator.ANY_IN, value: ['CREATE', 'UPDATE'] },
          { key: '{{ request.object.spec.replicas || `1` }}', operator: ConditionOperator.GREATER_THAN_OR_EQUALS, value: minReplicas },
        ],
      },
      validate: {
        message: `There is no corresponding PodDisruptionBudget found for this {{ request.object.kind }} with ${minReplicas} or more replicas.`,
        deny: { conditions: { any: [{ key: '{{pdb_count}}', operator: ConditionOperator.LESS_THAN, value: 1 }] } },
      },
    }]);
    this.minReplicas = minReplicas;
    this.node.addValidation({
      validate: () => {
        const problems: string[] = [];
        if (!Number.isInteger(minReplicas) || minReplicas < 1) problems.push(`minReplicas: ${minReplicas} is not a positive integer`);
        if (kinds.length === 0) problems.push('kinds: list at least one kind');
        return problems;
      },
    });
  }
}
