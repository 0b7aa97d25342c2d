import { Construct } from 'constructs';
import { AutogenControllers, Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { matchKinds } from '../internal/pod-rules';

/** Options of {@link DisallowDefaultNamespace}. */
export interface DisallowDefaultNamespaceProps extends CatalogPolicyProps {
  /**
   * Pod controller kinds checked by the `validate-podcontroller-namespace` rule (Pods are always
   * checked, by `validate-namespace`).
   * @default ['DaemonSet', 'Deployment', 'Job', 'StatefulSet']
   */
  readonly controllerKinds?: string[];
}

/**
 * Workloads are not created in the `default` namespace, so every workload has an owner namespace
 * with its own quotas and RBAC. Rules `validate-namespace` (Pods) and
 * `validate-podcontroller-namespace` (controllers), as in the Kyverno library's
 * `disallow-default-namespace` (whose suite it passes with the default options). A resource
 * without `metadata.namespace` fails too: applied that way it lands in `default`.
 *
 * @example
 * new DisallowDefaultNamespace(devopsSet, 'disallow-default-namespace', {
 *   controllerKinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'],
 * });
 * @see https://kyverno.io/policies/best-practices/disallow-default-namespace/disallow-default-namespace/
 */
export class DisallowDefaultNamespace extends CatalogPolicy {
  /** The controller kinds checked. */
  public readonly controllerKinds: string[];

  public constructor(scope: Construct, id: string, props: DisallowDefaultNamespaceProps = {}) {
    const controllerKinds = [...new Set(props.controllerKinds ?? ['DaemonSet', 'Deployment', 'Job', 'StatefulSet'])];
    const pattern = { metadata: { namespace: '!default' } };
    const rules: any[] = [{
      name: 'validate-namespace',
      match: matchKinds(['Pod']),
      validate: { message: "Using 'default' namespace is not allowed.", pattern },
    }];
    if (controllerKinds.length > 0) {
      rules.push({
        name: 'validate-podcontroller-namespace',
        match: matchKinds(controllerKinds),
        validate: { message: "Using 'default' namespace is not allowed for pod controllers.", pattern },
      });
    }
    super(scope, id, props, {
      name: 'disallow-default-namespace',
      title: 'Disallow Default Namespace',
      category: CatalogCategory.DEVOPS,
      severity: Severity.MEDIUM,
      subject: 'Pod',
      description: 'The `default` namespace has no owner, quota or RBAC of its own. This policy refuses Pods and '
        + `${controllerKinds.join(', ') || 'no'} controllers in it.`,
      // the controllers are matched explicitly: no autogen rules on top
      autogenControllers: AutogenControllers.none(),
    }, rules);
    this.controllerKinds = controllerKinds;
  }
}
