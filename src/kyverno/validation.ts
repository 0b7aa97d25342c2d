import { Conditions } from './conditions';
import { ContextEntry } from './context';
import { PodSecurityLevel } from './enums';

/**
 * `validate.deny`: the request is denied when the conditions hold.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#deny-rules
 */
export interface Deny {
  /**
   * Conditions that deny the request when they hold.
   * @default - always deny
   */
  readonly conditions?: Conditions;
}

/**
 * A validate `foreach` over a list inside the resource.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#foreach
 */
export interface ForEachValidation {
  /** JMESPath to the list, e.g. `request.object.spec.containers`. */
  readonly list: string;
  /**
   * Whether patterns apply to each element (true) or to the whole resource (false).
   * @default true
   */
  readonly elementScope?: boolean;
  /**
   * Context entries evaluated per element.
   * @default - none
   */
  readonly context?: ContextEntry[];
  /**
   * Per-element preconditions.
   * @default - none
   */
  readonly preconditions?: Conditions;
  /**
   * Pattern each element must match.
   * @default - none
   */
  readonly pattern?: { [key: string]: any };
  /**
   * Patterns of which each element must match at least one.
   * @default - none
   */
  readonly anyPattern?: any[];
  /**
   * Deny conditions per element.
   * @default - none
   */
  readonly deny?: Deny;
  /**
   * Nested foreach over a list inside each element.
   * @default - none
   */
  readonly foreach?: ForEachValidation[];
}

/**
 * One CEL expression of a `validate.cel` rule.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#common-expression-language-cel
 */
export interface CelExpression {
  /** CEL expression that must evaluate to true. */
  readonly expression: string;
  /**
   * Message when it is false.
   * @default - a generic message
   */
  readonly message?: string;
  /**
   * CEL expression producing the message.
   * @default - none
   */
  readonly messageExpression?: string;
  /**
   * HTTP reason (`Unauthorized`, `Forbidden`, `Invalid`, `RequestEntityTooLarge`).
   * @default - Invalid
   */
  readonly reason?: string;
}

/**
 * The kind of a CEL parameter resource.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#parameter-resources
 */
export interface CelParamKind {
  /** API version of the parameter resource. */
  readonly apiVersion: string;
  /** Kind of the parameter resource. */
  readonly kind: string;
}

/**
 * Which parameter resource a CEL rule reads.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#parameter-resources
 */
export interface CelParamRef {
  /**
   * Resource name.
   * @default - none (use selector)
   */
  readonly name?: string;
  /**
   * Resource namespace.
   * @default - cluster-scoped
   */
  readonly namespace?: string;
  /**
   * Selector over parameter resources.
   * @default - none
   */
  readonly selector?: { [key: string]: any };
  /**
   * `Allow` or `Deny` when no parameter resource is found.
   * @default - Deny
   */
  readonly parameterNotFoundAction?: string;
}

/**
 * An audit annotation added from a CEL expression.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#audit-annotations
 */
export interface CelAuditAnnotation {
  /** Annotation key (suffix). */
  readonly key: string;
  /** CEL expression yielding the value. */
  readonly valueExpression: string;
}

/**
 * A named CEL variable.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#variable-composition
 */
export interface CelVariable {
  /** Variable name (`variables.<name>`). */
  readonly name: string;
  /** CEL expression. */
  readonly expression: string;
}

/**
 * `validate.cel`: Kubernetes ValidatingAdmissionPolicy-style CEL checks.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#common-expression-language-cel
 */
export interface CelValidation {
  /**
   * Expressions that must all hold.
   * @default - none
   */
  readonly expressions?: CelExpression[];
  /**
   * Parameter resource kind.
   * @default - none
   */
  readonly paramKind?: CelParamKind;
  /**
   * Parameter resource reference.
   * @default - none
   */
  readonly paramRef?: CelParamRef;
  /**
   * Audit annotations.
   * @default - none
   */
  readonly auditAnnotations?: CelAuditAnnotation[];
  /**
   * Variables usable in the expressions.
   * @default - none
   */
  readonly variables?: CelVariable[];
}

/**
 * A Pod Security Standards control exempted from a podSecurity check.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#pod-security
 */
export interface PodSecurityExclusion {
  /** The control name, e.g. `Capabilities` or `Host Namespaces`. */
  readonly controlName: string;
  /**
   * Images the exemption applies to (wildcards allowed).
   * @default - none
   */
  readonly images?: string[];
  /**
   * The restricted field, e.g. `spec.containers[*].securityContext.capabilities.add`.
   * @default - none
   */
  readonly restrictedField?: string;
  /**
   * Allowed values of the restricted field.
   * @default - none
   */
  readonly values?: string[];
}

/**
 * `validate.podSecurity`: apply a Pod Security Standards profile.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#pod-security
 */
export interface PodSecurityValidation {
  /** The profile level. */
  readonly level: PodSecurityLevel;
  /**
   * Profile version, e.g. `v1.29` or `latest`.
   * @default 'latest'
   */
  readonly version?: string;
  /**
   * Exempted controls.
   * @default - none
   */
  readonly exclude?: PodSecurityExclusion[];
}

/**
 * A validate rule. Exactly one kind of check: pattern, anyPattern, deny, foreach, cel or
 * podSecurity. The failure action is set on the policy (it decides where it is emitted).
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/
 */
export interface Validation {
  /**
   * Message shown when the check fails (required by Kyverno for pattern, anyPattern and deny).
   * @default - none
   */
  readonly message?: string;
  /**
   * An overlay pattern the resource must match. Use `Anchor`, `PatternValue` and `Jmes` to write keys/values.
   * @default - none
   */
  readonly pattern?: { [key: string]: any };
  /**
   * Patterns of which the resource must match at least one.
   * @default - none
   */
  readonly anyPattern?: any[];
  /**
   * Deny conditions.
   * @default - none
   */
  readonly deny?: Deny;
  /**
   * Checks applied to each element of lists.
   * @default - none
   */
  readonly foreach?: ForEachValidation[];
  /**
   * CEL checks.
   * @default - none
   */
  readonly cel?: CelValidation;
  /**
   * Pod Security Standards check.
   * @default - none
   */
  readonly podSecurity?: PodSecurityValidation;
  /**
   * Let updates of resources that already violate the rule through (Kyverno 1.13+).
   * @default - Kyverno's default (true)
   */
  readonly allowExistingViolations?: boolean;
}
