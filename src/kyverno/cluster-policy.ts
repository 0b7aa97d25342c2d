import { Construct } from 'constructs';
import { withImportedManifest } from './import-context';
import { FromManifestOptions, KyvernoPolicy, KyvernoPolicyProps } from './kyverno-policy';

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
  /**
   * Brings an existing ClusterPolicy manifest (e.g. from Kyverno's curated library) into the tree:
   * `toJson()` returns it unchanged (unknown fields kept).
   */
  public static fromManifest(scope: Construct, id: string, manifest: any, options: FromManifestOptions = {}): ClusterPolicy {
    if (manifest?.kind !== 'ClusterPolicy') {
      throw new Error(`${scope.node.path ? scope.node.path + '/' : ''}${id}: kind: expected "ClusterPolicy", got ${JSON.stringify(manifest?.kind)}`);
    }
    return new ClusterPolicy(scope, id, withImportedManifest({ kyvernoVersion: options.kyvernoVersion }, manifest));
  }

  constructor(scope: Construct, id: string, props: ClusterPolicyProps = {}) {
    super(scope, id, 'ClusterPolicy', props, undefined);
  }
}
