import { Construct } from 'constructs';
import { ConditionOperator, Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { ALL_CONTAINERS, notDeletePrecondition, podRule } from '../internal/pod-rules';
import { addingCapabilitiesRules, BASELINE_ALLOWED_CAPABILITIES } from '../pod-security/control-rules';

/** Options of {@link RestrictCapabilities}. */
export interface RestrictCapabilitiesProps extends CatalogPolicyProps {
  /**
   * Linux capabilities containers may add (`securityContext.capabilities.add`), without the
   * `CAP_` prefix.
   * @default - the Pod Security Standards Baseline list (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER,
   * FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT)
   */
  readonly allowedCapabilities?: string[];

  /**
   * Also require every container to drop `ALL` capabilities (rule `require-drop-all`, as the
   * library's `require-drop-all`; any case of `all` is accepted).
   * @default false
   * @see https://kyverno.io/policies/best-practices/require-drop-all/require-drop-all/
   */
  readonly requireDropAll?: boolean;
}

/**
 * Containers add no Linux capability outside an allowed list, and optionally drop `ALL`. Rule
 * `adding-capabilities`, as in the Kyverno library's `disallow-capabilities` (Pod Security
 * Standards, Baseline), whose suite it passes with the default options.
 *
 * @example
 * new RestrictCapabilities(securitySet, 'restrict-capabilities', {
 *   allowedCapabilities: ['NET_BIND_SERVICE'],
 *   requireDropAll: true,
 * });
 * @see https://kyverno.io/policies/pod-security/baseline/disallow-capabilities/disallow-capabilities/
 */
export class RestrictCapabilities extends CatalogPolicy {
  /** The capabilities that may be added. */
  public readonly allowedCapabilities: string[];
  /** Whether dropping ALL is required. */
  public readonly requireDropAll: boolean;

  public constructor(scope: Construct, id: string, props: RestrictCapabilitiesProps = {}) {
    const allowed = [...new Set(props.allowedCapabilities ?? BASELINE_ALLOWED_CAPABILITIES)];
    const requireDropAll = props.requireDropAll ?? false;
    const rules = addingCapabilitiesRules(allowed);
    if (requireDropAll) {
      rules.push(podRule('require-drop-all', {
        message: 'Containers must drop `ALL` capabilities.',
        foreach: [{
          list: ALL_CONTAINERS,
          deny: { conditions: { all: [{ key: 'ALL', operator: ConditionOperator.ANY_NOT_IN, value: '{{ element.securityContext.capabilities.drop[].to_upper(@) || `[]` }}' }] } },
        }],
      }, { preconditions: notDeletePrecondition() }));
    }
    super(scope, id, props, {
      name: 'restrict-capabilities',
      title: 'Restrict Capabilities',
      category: CatalogCategory.SECURITY,
      severity: Severity.HIGH,
      subject: 'Pod',
      description: 'Capabilities grant parts of root\'s power. This policy refuses capabilities added beyond '
        + (allowed.length ? allowed.join(', ') : 'none') + (requireDropAll ? ' and requires every container to drop ALL.' : '.'),
    }, rules);
    this.allowedCapabilities = allowed;
    this.requireDropAll = requireDropAll;
    this.node.addValidation({
      validate: () => allowed
        .filter((c) => !/^[A-Z_]+$/.test(c))
        .map((c) => `allowedCapabilities: "${c}" is not a capability name (upper case letters and '_', without the CAP_ prefix)`),
    });
  }
}
