import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { hostPathRules } from '../pod-security/control-rules';

/** Options of {@link DisallowHostPath}. */
export interface DisallowHostPathProps extends CatalogPolicyProps {}

/**
 * Pods mount no `hostPath` volume. Rule `host-path`, as in the Kyverno library's
 * `disallow-host-path` (Pod Security Standards, Baseline), whose suite it passes.
 *
 * @example
 * new DisallowHostPath(securitySet, 'disallow-host-path', { excludeNamespaces: ['monitoring'] });
 * @see https://kyverno.io/policies/pod-security/baseline/disallow-host-path/disallow-host-path/
 */
export class DisallowHostPath extends CatalogPolicy {
  public constructor(scope: Construct, id: string, props: DisallowHostPathProps = {}) {
    super(scope, id, props, {
      name: 'disallow-host-path',
      title: 'Disallow hostPath',
      category: CatalogCategory.SECURITY,
      severity: Severity.HIGH,
      subject: 'Pod,Volume',
      description: 'hostPath volumes give containers the host\'s files, a common path to escalate privileges. '
        + 'This policy ensures no hostPath volume is used.',
    }, hostPathRules());
  }
}
