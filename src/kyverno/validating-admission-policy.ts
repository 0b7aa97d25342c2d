import { Construct } from 'constructs';
import { CelPolicy } from './cel-policy';
import {
  matchConstraintsProblems, paramRefProblems, uniqueNameProblems, validationActionsProblems, validationsProblems,
  variableNameProblems,
} from './cel-policy-checks';
import { FailurePolicy, ValidationAction } from './enums';
import { LabelSelector } from './match';
import { PolicyMetadataProps } from './metadata';
import { MatchCondition, MatchConstraints, ResourceRule } from './validating-policy';
import { CelAuditAnnotation, CelExpression, CelParamKind, CelParamRef, CelVariable } from './validation';

/**
 * Props of a Kubernetes ValidatingAdmissionPolicy.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
export interface ValidatingAdmissionPolicyProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The kind of the parameter resource (`params`) its bindings point at.
   * @default - no parameters
   * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#parameter-resources
   */
  readonly paramKind?: CelParamKind;
  /**
   * Which requests the policy applies to (bindings narrow it).
   * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#matching-requests-matchconstraints
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
   * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#validation-expression
   */
  readonly validations: CelExpression[];
  /**
   * Audit annotations.
   * @default - none
   */
  readonly auditAnnotations?: CelAuditAnnotation[];
  /**
   * What happens when evaluation errors or the parameter resource is missing.
   * @default - not emitted (Fail)
   */
  readonly failurePolicy?: FailurePolicy;
}

/**
 * What a binding selects within the policy's matchConstraints.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#creating-a-validatingadmissionpolicy
 */
export interface BindingMatchResources {
  /**
   * Rules of which any must match.
   * @default - every request the policy matches
   */
  readonly resourceRules?: ResourceRule[];
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
 * Props of a ValidatingAdmissionPolicyBinding.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#creating-a-validatingadmissionpolicy
 */
export interface ValidatingAdmissionPolicyBindingProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /** The ValidatingAdmissionPolicy bound. */
  readonly policyName: string;
  /** What failed validations do (Deny and Warn cannot be combined). */
  readonly validationActions: ValidationAction[];
  /**
   * The parameter resource(s) of a policy with `paramKind`.
   * @default - none
   */
  readonly paramRef?: CelParamRef;
  /**
   * Narrows the requests of the policy.
   * @default - every request the policy matches
   */
  readonly matchResources?: BindingMatchResources;
}

const VAP_API = 'admissionregistration.k8s.io/v1';

/**
 * A Kubernetes ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1): CEL validations run by
 * the API server itself; a ValidatingAdmissionPolicyBinding puts it in force.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
export class ValidatingAdmissionPolicy extends CelPolicy {
  private readonly vapProps: ValidatingAdmissionPolicyProps;

  constructor(scope: Construct, id: string, props: ValidatingAdmissionPolicyProps) {
    super(scope, id, VAP_API, 'ValidatingAdmissionPolicy', props, props.name);
    this.vapProps = props;
  }

  protected renderSpec(): any {
    const p = this.vapProps;
    return {
      failurePolicy: p.failurePolicy,
      paramKind: p.paramKind,
      matchConstraints: p.matchConstraints,
      matchConditions: p.matchConditions,
      variables: p.variables,
      validations: p.validations,
      auditAnnotations: p.auditAnnotations,
    };
  }

  protected authoredProblems(): string[] {
    const p = this.vapProps;
    const out = [
      ...matchConstraintsProblems(p.matchConstraints, 'spec.matchConstraints'),
      ...validationsProblems(p.validations, false),
      ...uniqueNameProblems(p.matchConditions, 'spec.matchConditions'),
      ...variableNameProblems(p.variables),
    ];
    if ((p.validations ?? []).length === 0 && (p.auditAnnotations ?? []).length === 0) {
      out.push('spec.validations: list at least one validation or audit annotation');
    }
    if (p.paramKind && (!p.paramKind.apiVersion || !p.paramKind.kind)) out.push('spec.paramKind: apiVersion and kind are required');
    return out;
  }
}

/**
 * A Kubernetes ValidatingAdmissionPolicyBinding (admissionregistration.k8s.io/v1): puts a
 * ValidatingAdmissionPolicy in force with its actions and parameters.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
export class ValidatingAdmissionPolicyBinding extends CelPolicy {
  private readonly bindingProps: ValidatingAdmissionPolicyBindingProps;

  constructor(scope: Construct, id: string, props: ValidatingAdmissionPolicyBindingProps) {
    super(scope, id, VAP_API, 'ValidatingAdmissionPolicyBinding', props, props.name);
    this.bindingProps = props;
  }

  protected renderSpec(): any {
    const p = this.bindingProps;
    return { policyName: p.policyName, paramRef: p.paramRef, matchResources: p.matchResources, validationActions: p.validationActions };
  }

  protected authoredProblems(): string[] {
    const p = this.bindingProps;
    const out: string[] = [];
    if (!p.policyName) out.push('spec.policyName: the name of the ValidatingAdmissionPolicy is required');
    if (!Array.isArray(p.validationActions) || p.validationActions.length === 0) out.push('spec.validationActions: list at least one action (Deny, Warn, Audit)');
    out.push(...validationActionsProblems(p.validationActions));
    if (p.matchResources) out.push(...matchConstraintsProblems(p.matchResources, 'spec.matchResources', false));
    out.push(...paramRefProblems(p.paramRef));
    return out;
  }
}
