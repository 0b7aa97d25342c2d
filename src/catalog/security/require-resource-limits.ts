import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { podRule } from '../internal/pod-rules';

/**
 * A compute resource of a container.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export enum ComputeResource {
  /** `cpu` */
  CPU = 'cpu',
  /** `memory` */
  MEMORY = 'memory',
}

/** Options of {@link RequireResourceLimits}. */
export interface RequireResourceLimitsProps extends CatalogPolicyProps {
  /**
   * Resources every container must request (`resources.requests.<resource>`).
   * @default [ComputeResource.CPU, ComputeResource.MEMORY]
   */
  readonly requests?: ComputeResource[];

  /**
   * Resources every container must limit (`resources.limits.<resource>`). The default leaves CPU
   * unlimited, as the Kyverno library does: CPU limits throttle, memory limits protect the node.
   * @default [ComputeResource.MEMORY]
   */
  readonly limits?: ComputeResource[];
}

/**
 * Every container declares resource requests and limits, so the scheduler can place the Pod and
 * one Pod cannot starve its node. Rule `validate-resources`, as in the Kyverno library's
 * `require-pod-requests-limits` (whose suite it passes with the default options).
 *
 * @example
 * new RequireResourceLimits(securitySet, 'require-resource-limits', {
 *   requests: [ComputeResource.CPU, ComputeResource.MEMORY],
 *   limits: [ComputeResource.CPU, ComputeResource.MEMORY],
 * });
 * @see https://kyverno.io/policies/best-practices/require-pod-requests-limits/require-pod-requests-limits/
 */
export class RequireResourceLimits extends CatalogPolicy {
  /** The resources required in `requests`. */
  public readonly requests: ComputeResource[];
  /** The resources required in `limits`. */
  public readonly limits: ComputeResource[];

  public constructor(scope: Construct, id: string, props: RequireResourceLimitsProps = {}) {
    const requests = uniqueSorted(props.requests ?? [ComputeResource.CPU, ComputeResource.MEMORY]);
    const limits = uniqueSorted(props.limits ?? [ComputeResource.MEMORY]);
    super(scope, id, props, {
      name: 'require-resource-limits',
      title: 'Require Resource Limits',
      category: CatalogCategory.SECURITY,
      severity: Severity.MEDIUM,
      subject: 'Pod',
      description: 'Containers without resource requests cannot be scheduled reliably and containers without limits can '
        + `starve their node. This policy requires every container to set ${describe(requests, limits)}.`,
    }, requests.length + limits.length === 0 ? [] : [rule(requests, limits)]);
    this.requests = requests;
    this.limits = limits;
    this.node.addValidation({
      validate: () => requests.length + limits.length === 0
        ? ['requests, limits: at least one resource must be required (allowed: cpu, memory)']
        : [],
    });
  }
}

function uniqueSorted(values: ComputeResource[]): ComputeResource[] {
  return [...new Set(values)].sort();
}

function describe(requests: ComputeResource[], limits: ComputeResource[]): string {
  const label = (r: ComputeResource) => (r === ComputeResource.CPU ? 'CPU' : r);
  const parts: string[] = [];
  if (requests.length) parts.push(`${requests.map(label).join(' and ')} requests`);
  if (limits.length) parts.push(`${limits.map(label).join(' and ')} limits`);
  return parts.join(' and ');
}

function rule(requests: ComputeResource[], limits: ComputeResource[]): any {
  const resources: any = {};
  if (requests.length) resources.requests = Object.fromEntries(requests.map((r) => [r, '?*']));
  if (limits.length) resources.limits = Object.fromEntries(limits.map((r) => [r, '?*']));
  const what = describe(requests, limits);
  return podRule('validate-resources', {
    message: `${what.charAt(0).toUpperCase()}${what.slice(1)} are required for every container.`,
    pattern: { spec: { containers: [{ resources }] } },
  });
}
