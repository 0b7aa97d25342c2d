import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CelPolicy } from './cel-policy';
import { uniqueNameProblems } from './cel-policy-checks';
import { PolicyMetadataProps } from './metadata';
import { MatchCondition } from './validating-policy';

/**
 * A policy a CelPolicyException applies to.
 * @see https://kyverno.io/docs/exceptions/
 */
export interface CelPolicyRef {
  /** Policy name (`<namespace>/<name>` is not used: namespaced policies are matched by name). */
  readonly name: string;
  /** Policy kind, e.g. `ValidatingPolicy`, `MutatingPolicy`, `ImageValidatingPolicy`. */
  readonly kind: string;
}

/**
 * What the report shows for a resource an exception exempts.
 * @see https://kyverno.io/docs/exceptions/
 */
export enum ExceptionReportResult {
  /** Report `skip` (Kyverno's default). */
  SKIP = 'skip',
  /** Report `pass`. */
  PASS = 'pass',
}

/**
 * Props of a CelPolicyException.
 * @see https://kyverno.io/docs/exceptions/
 */
export interface CelPolicyExceptionProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Namespace of the exception.
   * @default - the chart's namespace, else none (the namespace of the install)
   */
  readonly namespace?: string;
  /** The policies the exception applies to. */
  readonly policyRefs: CelPolicyRef[];
  /**
   * CEL conditions selecting the exempted requests (all must be true).
   * @default - none (every request the policies match)
   */
  readonly matchConditions?: MatchCondition[];
  /**
   * Image references (globs) an ImageValidatingPolicy skips.
   * @default - none
   */
  readonly images?: string[];
  /**
   * Values policies may allow through `exceptions.allowedValues`.
   * @default - none
   */
  readonly allowedValues?: string[];
  /**
   * What the report shows for exempted resources.
   * @default - not emitted (skip)
   */
  readonly reportResult?: ExceptionReportResult;
}

/**
 * A Kyverno PolicyException of the CEL policy family (policies.kyverno.io/v1): exempts requests
 * from ValidatingPolicies, MutatingPolicies, ImageValidatingPolicies... (the kyverno.io
 * PolicyException construct covers ClusterPolicy and Policy rules).
 * @see https://kyverno.io/docs/exceptions/
 */
export class CelPolicyException extends CelPolicy {
  private readonly exceptionProps: CelPolicyExceptionProps;

  constructor(scope: Construct, id: string, props: CelPolicyExceptionProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'PolicyException', props, props.name, props.namespace ?? Chart.of(scope).namespace);
    this.exceptionProps = props;
  }

  protected renderSpec(): any {
    const p = this.exceptionProps;
    return {
      policyRefs: p.policyRefs,
      matchConditions: p.matchConditions,
      images: p.images,
      allowedValues: p.allowedValues,
      reportResult: p.reportResult,
    };
  }

  protected authoredProblems(): string[] {
    const p = this.exceptionProps;
    const out: string[] = [];
    if (!Array.isArray(p.policyRefs) || p.policyRefs.length === 0) out.push('spec.policyRefs: list at least one policy');
    (p.policyRefs ?? []).forEach((r, i) => {
      if (!r?.name) out.push(`spec.policyRefs[${i}].name: a policy name is required`);
      if (!r?.kind) out.push(`spec.policyRefs[${i}].kind: a policy kind is required (e.g. ValidatingPolicy)`);
    });
    out.push(...uniqueNameProblems(p.matchConditions, 'spec.matchConditions'));
    return out;
  }
}
