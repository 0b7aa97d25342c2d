import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { hostNamespacesRules } from '../pod-security/control-rules';

/** Options of {@link DisallowHostNamespaces}. */
export interface DisallowHostNamespacesProps extends CatalogPolicyProps {}

/**
 * Pods do not share the host's PID, IPC or network namespace (`hostPID`, `hostIPC`,
 * `hostNetwork` unset or `false`). Rule `host-namespaces`, as in the Kyverno library's
 * `disallow-host-namespaces` (Pod Security Standards, Baseline), whose suite it passes.
 *
 * @example
 * new DisallowHostNamespaces(securitySet, 'disallow-host-namespaces');
 * @see https://kyverno.io/policies/pod-security/baseline/disallow-host-namespaces/disallow-host-namespaces/
 */
export class DisallowHostNamespaces extends CatalogPolicy {
  public constructor(scope: Construct, id: string, props: DisallowHostNamespacesProps = {}) {
    super(scope, id, props, {
      name: 'disallow-host-namespaces',
      title: 'Disallow Host Namespaces',
      category: CatalogCategory.SECURITY,
      severity: Severity.HIGH,
      subject: 'Pod',
      description: 'Host namespaces (PID, IPC, network) give access to shared information and can be used to elevate privileges. '
        + 'This policy ensures `hostNetwork`, `hostIPC` and `hostPID` are unset or `false`.',
    }, hostNamespacesRules());
  }
}
