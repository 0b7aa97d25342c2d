import { Construct } from 'constructs';
import { CelMutation, ReinvocationPolicy } from './cel-mutation';
import { mutationsProblems, renderMutations } from './cel-mutation-render';
import { CelPolicy } from './cel-policy';
import { matchConstraintsProblems, paramRefProblems, uniqueNameProblems, variableNameProblems } from './cel-policy-checks';
import { FailurePolicy } from './enums';
import { PolicyMetadataProps } from './metadata';
import { BindingMatchResources } from './validating-admission-policy';
import { MatchCondition, MatchConstraints } from './validating-policy';
import { CelParamKind, CelParamRef, CelVariable } from './validation';

/**
 * The admissionregistration.k8s.io version of a MutatingAdmissionPolicy and its binding.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/
 */
export enum MutatingAdmissionPolicyVersion {
  /** Kubernetes 1.32-1.33 (alpha, feature gate MutatingAdmissionPolicy). */
  V1ALPHA1 = 'admissionregistration.k8s.io/v1alpha1',
  /** Kubernetes 1.34 and later (beta). */
  V1BETA1 = 'admissionregistration.k8s.io/v1beta1',
}

/**
 * Props of a Kubernetes MutatingAdmissionPolicy.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/
 */
export interface MutatingAdmissionPolicyProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The API version written.
   * @default MutatingAdmissionPolicyVersion.V1BETA1
   */
  readonly version?: MutatingAdmissionPolicyVersion;
  /**
   * The kind of the parameter resource (`params`) its bindings point at.
   * @default - no parameters
   */
  readonly paramKind?: CelParamKind;
  /**
   * Which requests the policy applies to (bindings narrow it).
   * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/
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
   * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/#patch-types
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
}

/**
 * Props of a MutatingAdmissionPolicyBinding.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/
 */
export interface MutatingAdmissionPolicyBindingProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The API version written (use the policy's).
   * @default MutatingAdmissionPolicyVersion.V1BETA1
   */
  readonly version?: MutatingAdmissionPolicyVersion;
  /** The MutatingAdmissionPolicy bound. */
  readonly policyName: string;
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

/**
 * A Kubernetes MutatingAdmissionPolicy (admissionregistration.k8s.io/v1beta1 or v1alpha1): CEL
 * mutations run by the API server; a MutatingAdmissionPolicyBinding puts it in force.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/
 */
export class MutatingAdmissionPolicy extends CelPolicy {
  private readonly mapProps: MutatingAdmissionPolicyProps;

  constructor(scope: Construct, id: string, props: MutatingAdmissionPolicyProps) {
    super(scope, id, props.version ?? MutatingAdmissionPolicyVersion.V1BETA1, 'MutatingAdmissionPolicy', props, props.name);
    this.mapProps = props;
  }

  protected renderSpec(): any {
    const p = this.mapProps;
    return {
      failurePolicy: p.failurePolicy,
      reinvocationPolicy: p.reinvocationPolicy,
      paramKind: p.paramKind,
      matchConstraints: p.matchConstraints,
      matchConditions: p.matchConditions,
      variables: p.variables,
      mutations: renderMutations(p.mutations),
    };
  }

  protected authoredProblems(): string[] {
    const p = this.mapProps;
    const out = [
      ...matchConstraintsProblems(p.matchConstraints, 'spec.matchConstraints'),
      ...mutationsProblems(p.mutations),
      ...uniqueNameProblems(p.matchConditions, 'spec.matchConditions'),
      ...variableNameProblems(p.variables),
    ];
    if (p.paramKind && (!p.paramKind.apiVersion || !p.paramKind.kind)) out.push('spec.paramKind: apiVersion and kind are required');
    return out;
  }
}

/**
 * A Kubernetes MutatingAdmissionPolicyBinding: puts a MutatingAdmissionPolicy in force with its
 * parameters.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/
 */
export class MutatingAdmissionPolicyBinding extends CelPolicy {
  private readonly bindingProps: MutatingAdmissionPolicyBindingProps;

  constructor(scope: Construct, id: string, props: MutatingAdmissionPolicyBindingProps) {
    super(scope, id, props.version ?? MutatingAdmissionPolicyVersion.V1BETA1, 'MutatingAdmissionPolicyBinding', props, props.name);
    this.bindingProps = props;
  }

  protected renderSpec(): any {
    const p = this.bindingProps;
    return { policyName: p.policyName, paramRef: p.paramRef, matchResources: p.matchResources };
  }

  protected authoredProblems(): string[] {
    const p = this.bindingProps;
    const out: string[] = [];
    if (!p.policyName) out.push('spec.policyName: the name of the MutatingAdmissionPolicy is required');
    if (p.matchResources) out.push(...matchConstraintsProblems(p.matchResources, 'spec.matchResources', false));
    out.push(...paramRefProblems(p.paramRef));
    return out;
  }
}
