import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { runAsNonRootRules, runAsNonRootUserRules } from '../pod-security/control-rules';

/** Options of {@link RequireRunAsNonRoot}. */
export interface RequireRunAsNonRootProps extends CatalogPolicyProps {
  /**
   * Also refuse `runAsUser: 0` (rule `run-as-non-root-user`, the library's
   * `require-run-as-non-root-user`): `runAsNonRoot` alone is checked by the kubelet against the
   * image's user, an explicit UID 0 is caught at admission.
   * @default false
   * @see https://kyverno.io/policies/pod-security/restricted/require-run-as-non-root-user/require-run-as-non-root-user/
   */
  readonly forbidRootUser?: boolean;
}

/**
 * Containers run as non-root: `runAsNonRoot: true` on the Pod or on every container. Rule
 * `run-as-non-root`, as in the Kyverno library's `require-run-as-nonroot` (Pod Security
 * Standards, Restricted), whose suite it passes.
 *
 * @example
 * new RequireRunAsNonRoot(securitySet, 'require-run-as-non-root', { forbidRootUser: true });
 * @see https://kyverno.io/policies/pod-security/restricted/require-run-as-nonroot/require-run-as-nonroot/
 */
export class RequireRunAsNonRoot extends CatalogPolicy {
  /** Whether `runAsUser: 0` is refused too. */
  public readonly forbidRootUser: boolean;

  public constructor(scope: Construct, id: string, props: RequireRunAsNonRootProps = {}) {
    const forbidRootUser = props.forbidRootUser ?? false;
    super(scope, id, props, {
      name: 'require-run-as-non-root',
      title: 'Require Run As Non-Root',
      category: CatalogCategory.SECURITY,
      severity: Severity.HIGH,
      subject: 'Pod',
      description: 'Containers running as root can take over the node after an escape. This policy requires `runAsNonRoot: true` '
        + 'on the Pod or on every container' + (forbidRootUser ? ', and refuses `runAsUser: 0`.' : '.'),
    }, [...runAsNonRootRules(), ...(forbidRootUser ? runAsNonRootUserRules() : [])]);
    this.forbidRootUser = forbidRootUser;
  }
}
