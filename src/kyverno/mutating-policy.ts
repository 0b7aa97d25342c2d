import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CelMutation, ReinvocationPolicy } from './cel-mutation';
import { mutationsProblems, renderMutations } from './cel-mutation-render';
import { CelPolicy } from './cel-policy';
import {
  evaluationBlock, matchConstraintsProblems, timeoutProblems, uniqueNameProblems, variableNameProblems,
} from './cel-policy-checks';
import { AutogenController, FailurePolicy } from './enums';
import { PolicyMetadataProps } from './metadata';
import { MatchCondition, MatchConstraints } from './validating-policy';
import { CelAuditAnnotation, CelVariable } from './validation';

/**
 * Which existing resources a mutate-existing MutatingPolicy patches.
 * @see https://kyverno.io/docs/policy-types/mutating-policy/#mutate-existing-resources
 */
export interface TargetMatchConstraints extends MatchConstraints {
  /**
   * CEL expression returning the target resources (e.g. with `resource.List(...)`).
   * @default - the resources the rules select
   */
  readonly expression?: string;
}

/**
 * Props of a MutatingPolicy.
 * @see https://kyverno.io/docs/policy-types/mutating-policy/
 */
export interface MutatingPolicyProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Which requests the policy applies to.
   * @see https://kyverno.io/docs/policy-types/mutating-policy/
   */
  readonly matchConstraints: MatchConstraints;
  /**
   * Extra CEL conditions on the request.
   * @default - none
   */
  readonly matchConditions?: MatchCondition[];
  /**
   * Named CEL variables (`variables.<name>`).
   * @default - none
   */
  readonly variables?: CelVariable[];
  /**
   * The mutations, applied in order.
   * @see https://kyverno.io/docs/policy-types/mutating-policy/
   */
  readonly mutations: CelMutation[];
  /**
   * What happens when evaluation errors.
   * @default - not emitted (Fail)
   */
  readonly failurePolicy?: FailurePolicy;
  /**
   * Run again when a later mutation changed the object.
   * @default - not emitted (Never)
   */
  readonly reinvocationPolicy?: ReinvocationPolicy;
  /**
   * Audit annotations.
   * @default - none
   */
  readonly auditAnnotations?: CelAuditAnnotation[];
  /**
   * Mutate at admission (`spec.evaluation.admission.enabled`).
   * @default - not emitted (true)
   */
  readonly admission?: boolean;
  /**
   * Mutate existing resources in the background (`spec.evaluation.background.enabled`).
   * @default - not emitted (true)
   */
  readonly background?: boolean;
  /**
   * Also mutate existing resources when the policy is created or a trigger changes
   * (`spec.evaluation.mutateExisting.enabled`).
   * @default - not emitted (false)
   * @see https://kyverno.io/docs/policy-types/mutating-policy/#mutate-existing-resources
   */
  readonly mutateExisting?: boolean;
  /**
   * The existing resources a mutate-existing policy patches.
   * @default - none
   */
  readonly targetMatchConstraints?: TargetMatchConstraints;
  /**
   * Pod controllers to auto-generate for (`spec.autogen.podControllers.controllers`).
   * @default - not emitted (Kyverno's default)
   */
  readonly autogenControllers?: AutogenController[];
  /**
   * Webhook timeout in seconds (`spec.webhookConfiguration.timeoutSeconds`), 1 to 30.
   * @default - not emitted (Kyverno's default: 10)
   */
  readonly webhookTimeoutSeconds?: number;
}

/**
 * Props of a NamespacedMutatingPolicy.
 * @see https://kyverno.io/docs/policy-types/mutating-policy/
 */
export interface NamespacedMutatingPolicyProps extends MutatingPolicyProps {
  /**
   * The namespace the policy lives in and applies to.
   * @default - the chart's namespace; none when the chart has none (the namespace of the install)
   */
  readonly namespace?: string;
}

/**
 * A Kyverno MutatingPolicy (policies.kyverno.io/v1): CEL mutations (apply configurations or JSON
 * patches), as Kubernetes MutatingAdmissionPolicies with Kyverno's additions.
 * @see https://kyverno.io/docs/policy-types/mutating-policy/
 */
export class MutatingPolicy extends CelPolicy {
  private readonly mpolProps: MutatingPolicyProps;

  constructor(scope: Construct, id: string, props: MutatingPolicyProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'MutatingPolicy', props, props.name);
    this.mpolProps = props;
  }

  protected renderSpec(): any {
    return mutatingSpec(this.mpolProps);
  }

  protected authoredProblems(): string[] {
    return mutatingProblems(this.mpolProps);
  }
}

/**
 * A Kyverno NamespacedMutatingPolicy (policies.kyverno.io/v1): a MutatingPolicy limited to its
 * own namespace.
 * @see https://kyverno.io/docs/policy-types/mutating-policy/
 */
export class NamespacedMutatingPolicy extends CelPolicy {
  private readonly mpolProps: NamespacedMutatingPolicyProps;

  constructor(scope: Construct, id: string, props: NamespacedMutatingPolicyProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'NamespacedMutatingPolicy', props, props.name, props.namespace ?? Chart.of(scope).namespace);
    this.mpolProps = props;
  }

  protected renderSpec(): any {
    return mutatingSpec(this.mpolProps);
  }

  protected authoredProblems(): string[] {
    return mutatingProblems(this.mpolProps);
  }
}

function mutatingSpec(p: MutatingPolicyProps): any {
  return {
    failurePolicy: p.failurePolicy,
    reinvocationPolicy: p.reinvocationPolicy,
    evaluation: evaluationBlock({ admission: p.admission, background: p.background, mutateExisting: p.mutateExisting }),
    autogen: p.autogenControllers === undefined ? undefined : { podControllers: { controllers: p.autogenControllers } },
    webhookConfiguration: p.webhookTimeoutSeconds === undefined ? undefined : { timeoutSeconds: p.webhookTimeoutSeconds },
    matchConstraints: p.matchConstraints,
    matchConditions: p.matchConditions,
    targetMatchConstraints: p.targetMatchConstraints,
    variables: p.variables,
    mutations: renderMutations(p.mutations),
    auditAnnotations: p.auditAnnotations,
  };
}

function mutatingProblems(p: MutatingPolicyProps): string[] {
  return [
    ...matchConstraintsProblems(p.matchConstraints, 'spec.matchConstraints'),
    ...(p.targetMatchConstraints ? matchConstraintsProblems(p.targetMatchConstraints, 'spec.targetMatchConstraints', false) : []),
    ...mutationsProblems(p.mutations),
    ...uniqueNameProblems(p.matchConditions, 'spec.matchConditions'),
    ...variableNameProblems(p.variables),
    ...timeoutProblems(p.webhookTimeoutSeconds),
  ];
}
