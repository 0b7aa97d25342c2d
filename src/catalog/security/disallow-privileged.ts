import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { privilegedRules } from '../pod-security/control-rules';

/** Options of {@link DisallowPrivileged}. */
export interface DisallowPrivilegedProps extends CatalogPolicyProps {}

/**
 * No container runs privileged (`securityContext.privileged` unset or `false`). Rule
 * `privileged-containers`, as in the Kyverno library's `disallow-privileged-containers` (Pod
 * Security Standards, Baseline), whose suite it passes.
 *
 * @example
 * new DisallowPrivileged(securitySet, 'disallow-privileged', { excludeNamespaces: ['kube-system'] });
 * @see https://kyverno.io/policies/pod-security/baseline/disallow-privileged-containers/disallow-privileged-containers/
 */
export class DisallowPrivileged extends CatalogPolicy {
  public constructor(scope: Construct, id: string, props: DisallowPrivilegedProps = {}) {
    super(scope, id, props, {
      name: 'disallow-privileged',
      title: 'Disallow Privileged Containers',
      category: CatalogCategory.SECURITY,
      severity: Severity.HIGH,
      subject: 'Pod',
      description: 'Privileged containers share the host\'s devices and can do almost everything the host can. '
        + 'This policy ensures `securityContext.privileged` is unset or `false` on every container.',
    }, privilegedRules());
  }
}
