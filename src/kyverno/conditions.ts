/**
 * Operators of Kyverno conditions (preconditions, deny conditions, attestation conditions).
 * @see https://kyverno.io/docs/policy-types/cluster-policy/preconditions/#operators
 */
export enum ConditionOperator {
  EQUALS = 'Equals',
  NOT_EQUALS = 'NotEquals',
  /** Deprecated by Kyverno: use ANY_IN or ALL_IN. */
  IN = 'In',
  ANY_IN = 'AnyIn',
  ALL_IN = 'AllIn',
  /** Deprecated by Kyverno: use ANY_NOT_IN or ALL_NOT_IN. */
  NOT_IN = 'NotIn',
  ANY_NOT_IN = 'AnyNotIn',
  ALL_NOT_IN = 'AllNotIn',
  GREATER_THAN = 'GreaterThan',
  GREATER_THAN_OR_EQUALS = 'GreaterThanOrEquals',
  LESS_THAN = 'LessThan',
  LESS_THAN_OR_EQUALS = 'LessThanOrEquals',
  DURATION_GREATER_THAN = 'DurationGreaterThan',
  DURATION_GREATER_THAN_OR_EQUALS = 'DurationGreaterThanOrEquals',
  DURATION_LESS_THAN = 'DurationLessThan',
  DURATION_LESS_THAN_OR_EQUALS = 'DurationLessThanOrEquals',
  /** Legacy alias of EQUALS. */
  EQUAL = 'Equal',
  /** Legacy alias of NOT_EQUALS. */
  NOT_EQUAL = 'NotEqual',
}

/**
 * One condition: `key <operator> value`.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/preconditions/
 */
export interface Condition {
  /** Left operand: usually a JMESPath variable such as `{{ request.operation }}`. */
  readonly key: any;
  /** The operator. */
  readonly operator: ConditionOperator;
  /**
   * Right operand.
   * @default - none
   */
  readonly value?: any;
  /**
   * Message reported when this condition fails.
   * @default - none
   */
  readonly message?: string;
}

/**
 * `any` (OR) and/or `all` (AND) lists of conditions.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/preconditions/#any-and-all-statements
 */
export interface Conditions {
  /**
   * True when any of these conditions holds.
   * @default - none
   */
  readonly any?: Condition[];
  /**
   * True when all of these conditions hold.
   * @default - none
   */
  readonly all?: Condition[];
}
