import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CelPolicy } from './cel-policy';
import {
  evaluationBlock, matchConstraintsProblems, timeoutProblems, uniqueNameProblems, validationActionsProblems,
  validationsProblems, variableNameProblems,
} from './cel-policy-checks';
import { AutogenController, FailurePolicy, Operation, ValidationAction } from './enums';
import { LabelSelector } from './match';
import { PolicyMetadataProps } from './metadata';
import { CelAuditAnnotation, CelExpression, CelVariable } from './validation';

/**
 * An admission rule of a ValidatingPolicy (Kubernetes `NamedRuleWithOperations`).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#matching-requests-matchconstraints
 */
export interface ResourceRule {
  /** API groups (`""` for core, `*` for all). */
  readonly apiGroups: string[];
  /** API versions (`*` for all). */
  readonly apiVersions: string[];
  /** Resources (plural, lowercase), e.g. `pods`, `deployments`, `pods/exec`. */
  readonly resources: string[];
  /** Operations. */
  readonly operations: Operation[];
  /**
   * Names the rule is limited to.
   * @default - every name
   */
  readonly resourceNames?: string[];
  /**
   * `Cluster`, `Namespaced` or `*`.
   * @default '*'
   */
  readonly scope?: string;
}

/**
 * Which requests a ValidatingPolicy applies to.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#matching-requests-matchconstraints
 */
export interface MatchConstraints {
  /** Rules of which any must match. */
  readonly resourceRules: ResourceRule[];
  /**
   * Rules of which none may match.
   * @default - none
   */
  readonly excludeResourceRules?: ResourceRule[];
  /**
   * Namespace label selector.
   * @default - every namespace
   */
  readonly namespaceSelector?: LabelSelector;
  /**
   * Object label selector.
   * @default - every object
   */
  readonly objectSelector?: LabelSelector;
  /**
   * `Exact` or `Equivalent`.
   * @default 'Equivalent'
   */
  readonly matchPolicy?: string;
}

/**
 * A named CEL condition that must hold for the policy to apply.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#matching-requests-matchconditions
 */
export interface MatchCondition {
  /** Name (unique within the policy). */
  readonly name: string;
  /** CEL expression yielding a bool. */
  readonly expression: string;
}

/**
 * Props of a ValidatingPolicy.
 * @see https://kyverno.io/docs/policy-types/validating-policy/
 */
export interface ValidatingPolicyProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Which requests the policy applies to.
   * @see https://kyverno.io/docs/policy-types/validating-policy/
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
   * The checks; each expression must evaluate to true.
   * @see https://kyverno.io/docs/policy-types/validating-policy/
   */
  readonly validations: CelExpression[];
  /**
   * What a failed validation does (Deny and Warn cannot be combined).
   * @default - not emitted (Kyverno's default)
   */
  readonly validationActions?: ValidationAction[];
  /**
   * Audit annotations.
   * @default - none
   */
  readonly auditAnnotations?: CelAuditAnnotation[];
  /**
   * What happens when evaluation errors.
   * @default - not emitted (Fail)
   */
  readonly failurePolicy?: FailurePolicy;
  /**
   * Evaluate in background scans (`spec.evaluation.background.enabled`).
   * @default - not emitted (true)
   */
  readonly background?: boolean;
  /**
   * Evaluate at admission (`spec.evaluation.admission.enabled`).
   * @default - not emitted (true)
   */
  readonly admission?: boolean;
  /**
   * Pod controllers to auto-generate for (`spec.autogen.podControllers.controllers`).
   * @default - not emitted (Kyverno's default)
   */
  readonly autogenControllers?: AutogenController[];
  /**
   * Webhook timeout in seconds (`spec.webhookConfiguration.timeoutSeconds`), 1 to 30.
   * @default - not emitted (Kyverno's default: 10)
   * @see https://kyverno.io/docs/policy-types/validating-policy/
   */
  readonly webhookTimeoutSeconds?: number;
}

/**
 * Props of a NamespacedValidatingPolicy.
 * @see https://kyverno.io/docs/policy-types/validating-policy/#namespacedvalidatingpolicy
 */
export interface NamespacedValidatingPolicyProps extends ValidatingPolicyProps {
  /**
   * The namespace the policy lives in and applies to.
   * @default - the chart's namespace; none when the chart has none (the namespace of the install)
   */
  readonly namespace?: string;
}

/**
 * A Kyverno ValidatingPolicy (policies.kyverno.io/v1): CEL validations, the kind Kyverno's own
 * policies chart now defaults to.
 * @see https://kyverno.io/docs/policy-types/validating-policy/
 */
export class ValidatingPolicy extends CelPolicy {
  private readonly vpolProps: ValidatingPolicyProps;

  constructor(scope: Construct, id: string, props: ValidatingPolicyProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'ValidatingPolicy', props, props.name);
    this.vpolProps = props;
  }

  protected renderSpec(): any {
    return validatingSpec(this.vpolProps);
  }

  protected authoredProblems(): string[] {
    return validatingProblems(this.vpolProps);
  }
}

/**
 * A Kyverno NamespacedValidatingPolicy (policies.kyverno.io/v1): a ValidatingPolicy that a
 * namespace's own team manages and that applies only to resources of its namespace.
 * @see https://kyverno.io/docs/policy-types/validating-policy/#namespacedvalidatingpolicy
 */
export class NamespacedValidatingPolicy extends CelPolicy {
  private readonly vpolProps: NamespacedValidatingPolicyProps;

  constructor(scope: Construct, id: string, props: NamespacedValidatingPolicyProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'NamespacedValidatingPolicy', props, props.name, props.namespace ?? Chart.of(scope).namespace);
    this.vpolProps = props;
  }

  protected renderSpec(): any {
    return validatingSpec(this.vpolProps);
  }

  protected authoredProblems(): string[] {
    return validatingProblems(this.vpolProps);
  }
}

function validatingSpec(p: ValidatingPolicyProps): any {
  return {
    failurePolicy: p.failurePolicy,
    validationActions: p.validationActions,
    evaluation: evaluationBlock({ admission: p.admission, background: p.background }),
    autogen: p.autogenControllers === undefined ? undefined : { podControllers: { controllers: p.autogenControllers } },
    webhookConfiguration: p.webhookTimeoutSeconds === undefined ? undefined : { timeoutSeconds: p.webhookTimeoutSeconds },
    matchConstraints: p.matchConstraints,
    matchConditions: p.matchConditions,
    variables: p.variables,
    validations: p.validations,
    auditAnnotations: p.auditAnnotations,
  };
}

function validatingProblems(p: ValidatingPolicyProps): string[] {
  return [
    ...matchConstraintsProblems(p.matchConstraints, 'spec.matchConstraints'),
    ...validationsProblems(p.validations, true),
    ...validationActionsProblems(p.validationActions),
    ...uniqueNameProblems(p.matchConditions, 'spec.matchConditions'),
    ...variableNameProblems(p.variables),
    ...timeoutProblems(p.webhookTimeoutSeconds),
  ];
}
