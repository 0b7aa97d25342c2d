import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { hostPortRangeRules, hostPortsNoneRules } from '../pod-security/control-rules';

/** An inclusive range of ports. */
export interface PortRange {
  /** Lowest allowed port (1-65535). */
  readonly min: number;
  /** Highest allowed port (min-65535). */
  readonly max: number;
}

/** Options of {@link DisallowHostPorts}. */
export interface DisallowHostPortsProps extends CatalogPolicyProps {
  /**
   * Host ports allowed anyway. When set, the rule is `host-port-range` (the library's
   * `disallow-host-ports-range`) instead of `host-ports-none`.
   * @default - no host port is allowed
   * @see https://kyverno.io/policies/pod-security/baseline/disallow-host-ports-range/disallow-host-ports-range/
   */
  readonly allowedRange?: PortRange;
}

/**
 * Containers bind no host port (`ports[].hostPort` unset or `0`), or only ports of an allowed range.
 * Rule `host-ports-none`, as in the Kyverno library's `disallow-host-ports` (Pod Security
 * Standards, Baseline), whose suite it passes; with `allowedRange`, rule `host-port-range` as in
 * `disallow-host-ports-range`.
 *
 * @example
 * new DisallowHostPorts(securitySet, 'disallow-host-ports', { allowedRange: { min: 5000, max: 6000 } });
 * @see https://kyverno.io/policies/pod-security/baseline/disallow-host-ports/disallow-host-ports/
 */
export class DisallowHostPorts extends CatalogPolicy {
  /** The allowed range, if any. */
  public readonly allowedRange?: PortRange;

  public constructor(scope: Construct, id: string, props: DisallowHostPortsProps = {}) {
    const range = props.allowedRange;
    super(scope, id, props, {
      name: 'disallow-host-ports',
      title: 'Disallow hostPorts',
      category: CatalogCategory.SECURITY,
      severity: Severity.MEDIUM,
      subject: 'Pod',
      description: 'Host ports bind the node\'s network interfaces and allow snooping traffic. This policy ensures `hostPort` is unset or `0`'
        + (range ? ` or within ${range.min}-${range.max}.` : '.'),
    }, range ? hostPortRangeRules(range.min, range.max) : hostPortsNoneRules());
    this.allowedRange = range;
    this.node.addValidation({
      validate: () => {
        if (!range) return [];
        const ok = (p: number) => Number.isInteger(p) && p >= 1 && p <= 65535;
        if (!ok(range.min) || !ok(range.max) || range.min > range.max) {
          return [`allowedRange: ${range.min}-${range.max} is not a port range (integers 1-65535, min <= max)`];
        }
        return [];
      },
    });
  }
}
