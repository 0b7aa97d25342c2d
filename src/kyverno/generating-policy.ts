import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CelPolicy } from './cel-policy';
import { evaluationBlock, matchConstraintsProblems, timeoutProblems, uniqueNameProblems, variableNameProblems } from './cel-policy-checks';
import { PolicyMetadataProps } from './metadata';
import { MatchCondition, MatchConstraints } from './validating-policy';
import { CelVariable } from './validation';

/**
 * How the placeholders of a generate template are read.
 * @see https://kyverno.io/docs/policy-types/generating-policy/
 */
export enum TemplateInterpolation {
  /** The template is plain YAML. */
  NONE = 'none',
  /** `(( expression ))` placeholders are CEL expressions evaluated before the YAML is parsed. */
  CEL = 'cel',
}

/**
 * A generate template: the YAML of the resources to generate.
 * @see https://kyverno.io/docs/policy-types/generating-policy/
 */
export interface GenerateTemplate {
  /** YAML (one or more documents) of the resources; each is generated in its `metadata.namespace`. */
  readonly value: string;
  /**
   * How placeholders are read.
   * @default - not emitted (none)
   */
  readonly interpolate?: TemplateInterpolation;
}

/**
 * One generate entry of a GeneratingPolicy: a CEL expression (calling
 * `generator.Apply(namespace, [objects])`) or a template.
 * @see https://kyverno.io/docs/policy-types/generating-policy/
 */
export interface GenerateEntry {
  /**
   * CEL expression; `generator.Apply(namespace, [objects])` creates the objects.
   * @default - none (set `template`)
   */
  readonly expression?: string;
  /**
   * YAML template of the resources.
   * @default - none (set `expression`)
   */
  readonly template?: GenerateTemplate;
}

/**
 * Props of a GeneratingPolicy.
 * @see https://kyverno.io/docs/policy-types/generating-policy/
 */
export interface GeneratingPolicyProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Which requests trigger the generation.
   * @see https://kyverno.io/docs/policy-types/generating-policy/
   */
  readonly matchConstraints: MatchConstraints;
  /**
   * Extra CEL conditions on the trigger.
   * @default - none
   */
  readonly matchConditions?: MatchCondition[];
  /**
   * Named CEL variables (`variables.<name>`).
   * @default - none
   */
  readonly variables?: CelVariable[];
  /**
   * What to generate.
   * @see https://kyverno.io/docs/policy-types/generating-policy/
   */
  readonly generate: GenerateEntry[];
  /**
   * Generate at admission (`spec.evaluation.admission.enabled`).
   * @default - not emitted (true)
   */
  readonly admission?: boolean;
  /**
   * Also generate for triggers that exist when the policy is created
   * (`spec.evaluation.generateExisting.enabled`).
   * @default - not emitted (false)
   */
  readonly generateExisting?: boolean;
  /**
   * Keep generated resources in sync with the policy and the trigger
   * (`spec.evaluation.synchronize.enabled`).
   * @default - not emitted (false)
   */
  readonly synchronize?: boolean;
  /**
   * Keep the generated resources when the policy is deleted
   * (`spec.evaluation.orphanDownstreamOnPolicyDelete.enabled`).
   * @default - not emitted (false)
   */
  readonly orphanDownstreamOnPolicyDelete?: boolean;
  /**
   * Create the resources with server-side apply.
   * @default - not emitted (false)
   */
  readonly useServerSideApply?: boolean;
  /**
   * Webhook timeout in seconds (`spec.webhookConfiguration.timeoutSeconds`), 1 to 30.
   * @default - not emitted (Kyverno's default: 10)
   */
  readonly webhookTimeoutSeconds?: number;
}

/**
 * Props of a NamespacedGeneratingPolicy.
 * @see https://kyverno.io/docs/policy-types/generating-policy/
 */
export interface NamespacedGeneratingPolicyProps extends GeneratingPolicyProps {
  /**
   * The namespace the policy lives in (it generates only there).
   * @default - the chart's namespace; none when the chart has none (the namespace of the install)
   */
  readonly namespace?: string;
}

/**
 * A Kyverno GeneratingPolicy (policies.kyverno.io/v1): creates resources with CEL when a trigger
 * resource is admitted.
 * @see https://kyverno.io/docs/policy-types/generating-policy/
 */
export class GeneratingPolicy extends CelPolicy {
  private readonly gpolProps: GeneratingPolicyProps;

  constructor(scope: Construct, id: string, props: GeneratingPolicyProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'GeneratingPolicy', props, props.name);
    this.gpolProps = props;
  }

  protected renderSpec(): any {
    return generatingSpec(this.gpolProps);
  }

  protected authoredProblems(): string[] {
    return generatingProblems(this.gpolProps);
  }
}

/**
 * A Kyverno NamespacedGeneratingPolicy (policies.kyverno.io/v1): a GeneratingPolicy limited to its
 * own namespace.
 * @see https://kyverno.io/docs/policy-types/generating-policy/
 */
export class NamespacedGeneratingPolicy extends CelPolicy {
  private readonly gpolProps: NamespacedGeneratingPolicyProps;

  constructor(scope: Construct, id: string, props: NamespacedGeneratingPolicyProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'NamespacedGeneratingPolicy', props, props.name, props.namespace ?? Chart.of(scope).namespace);
    this.gpolProps = props;
  }

  protected renderSpec(): any {
    return generatingSpec(this.gpolProps);
  }

  protected authoredProblems(): string[] {
    return generatingProblems(this.gpolProps);
  }
}

function generatingSpec(p: GeneratingPolicyProps): any {
  return {
    evaluation: evaluationBlock({
      admission: p.admission,
      generateExisting: p.generateExisting,
      synchronize: p.synchronize,
      orphanDownstreamOnPolicyDelete: p.orphanDownstreamOnPolicyDelete,
    }),
    useServerSideApply: p.useServerSideApply,
    webhookConfiguration: p.webhookTimeoutSeconds === undefined ? undefined : { timeoutSeconds: p.webhookTimeoutSeconds },
    matchConstraints: p.matchConstraints,
    matchConditions: p.matchConditions,
    variables: p.variables,
    generate: p.generate,
  };
}

function generatingProblems(p: GeneratingPolicyProps): string[] {
  const out = [
    ...matchConstraintsProblems(p.matchConstraints, 'spec.matchConstraints'),
    ...uniqueNameProblems(p.matchConditions, 'spec.matchConditions'),
    ...variableNameProblems(p.variables),
    ...timeoutProblems(p.webhookTimeoutSeconds),
  ];
  if (!Array.isArray(p.generate) || p.generate.length === 0) out.push('spec.generate: list at least one generate entry');
  (p.generate ?? []).forEach((g, i) => {
    const hasExpression = typeof g?.expression === 'string' && g.expression.trim().length > 0;
    const hasTemplate = typeof g?.template?.value === 'string' && g.template.value.length > 0;
    if (hasExpression === hasTemplate) out.push(`spec.generate[${i}]: set exactly one of expression or template (a non-empty template.value)`);
  });
  return out;
}
