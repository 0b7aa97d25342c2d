import { Construct } from 'constructs';
import { KyvernoPolicy, KyvernoPolicyProps } from './kyverno-policy';

/**
 * Props of a ClusterPolicy.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/
 */
export interface ClusterPolicyProps extends KyvernoPolicyProps {}

/**
 * A Kyverno ClusterPolicy (kyverno.io/v1): rules applied across the cluster. Works in any cdk8s
 * Chart.
 *
 * @example
 * new ClusterPolicy(chart, 'require-team-label', {
 *   title: 'Require Team Label',
 *   severity: Severity.MEDIUM,
 *   failureAction: FailureAction.ENFORCE,
 *   rules: [{
 *     name: 'check-team',
 *     match: { any: [{ resources: { kinds: ['Pod'] } }] },
 *     validate: {
 *       message: 'Label "team" is required.',
 *       pattern: { metadata: { labels: { team: PatternValue.nonEmpty() } } },
 *     },
 *   }],
 * });
 * @see https://kyverno.io/docs/policy-types/cluster-policy/
 */
export class ClusterPolicy extends KyvernoPolicy {
  constructor(scope: Construct, id: string, props: ClusterPolicyProps = {}) {
    super(scope, id, 'ClusterPolicy', props, undefined);
  }
}
