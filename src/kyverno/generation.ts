import { LabelSelector } from './match';

/**
 * Source of a cloned resource.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/#clone-source
 */
export interface CloneFrom {
  /**
   * Source name.
   * @default - none
   */
  readonly name?: string;
  /**
   * Source namespace.
   * @default - none (cluster-scoped)
   */
  readonly namespace?: string;
}

/**
 * Several sources cloned at once.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/#clone-list
 */
export interface CloneList {
  /**
   * Kinds (`v1/Secret`, `v1/ConfigMap`, ...).
   * @default - none
   */
  readonly kinds?: string[];
  /**
   * Source namespace.
   * @default - none
   */
  readonly namespace?: string;
  /**
   * Label selector over sources.
   * @default - none
   */
  readonly selector?: LabelSelector;
}

/**
 * A generate rule: create a resource from `data` or by cloning.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/
 */
export interface Generation {
  /**
   * API version of the generated resource.
   * @default - none (required unless cloneList)
   */
  readonly apiVersion?: string;
  /**
   * Kind of the generated resource.
   * @default - none (required unless cloneList)
   */
  readonly kind?: string;
  /**
   * Name of the generated resource.
   * @default - none (required unless cloneList)
   */
  readonly name?: string;
  /**
   * Namespace of the generated resource.
   * @default - cluster-scoped
   */
  readonly namespace?: string;
  /**
   * Keep the generated resource in sync with the policy/source.
   * @default false
   */
  readonly synchronize?: boolean;
  /**
   * Keep generated resources when the policy is deleted.
   * @default false
   */
  readonly orphanDownstreamOnPolicyDelete?: boolean;
  /**
   * Generate for existing trigger resources when the policy is created.
   * @default false
   */
  readonly generateExisting?: boolean;
  /**
   * The resource body (spec/data/metadata) to create.
   * @default - none
   */
  readonly data?: any;
  /**
   * Clone a single source.
   * @default - none
   */
  readonly clone?: CloneFrom;
  /**
   * Clone several sources.
   * @default - none
   */
  readonly cloneList?: CloneList;
}
