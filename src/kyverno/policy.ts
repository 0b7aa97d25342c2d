import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { KyvernoPolicy, KyvernoPolicyProps } from './kyverno-policy';

/**
 * Props of a namespaced Policy.
 * @see https://kyverno.io/docs/policy-types/policy/
 */
export interface PolicyProps extends KyvernoPolicyProps {
  /**
   * The namespace the Policy lives in (and applies to).
   * @default - the chart's namespace; none when the chart has none (the namespace of the install)
   */
  readonly namespace?: string;
}

/**
 * A Kyverno Policy (kyverno.io/v1): rules applied within one namespace.
 * @see https://kyverno.io/docs/policy-types/policy/
 */
export class Policy extends KyvernoPolicy {
  /** The Policy's namespace, if any. */
  public readonly namespace?: string;

  constructor(scope: Construct, id: string, props: PolicyProps = {}) {
    const namespace = props.namespace ?? Chart.of(scope).namespace;
    super(scope, id, 'Policy', props, namespace);
    this.namespace = namespace;
  }

  protected get policyNamespace(): string | undefined {
    return this.namespace;
  }
}
