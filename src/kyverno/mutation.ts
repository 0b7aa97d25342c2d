import { Conditions } from './conditions';
import { ContextEntry } from './context';
import { LabelSelector } from './match';

/**
 * An existing resource a mutate rule changes (mutate-existing).
 * @see https://kyverno.io/docs/policy-types/cluster-policy/mutate/#mutate-existing-resources
 */
export interface MutationTarget {
  /** API version of the target. */
  readonly apiVersion: string;
  /** Kind of the target. */
  readonly kind: string;
  /**
   * Name of the target (variables allowed).
   * @default - every resource of the kind (with selector)
   */
  readonly name?: string;
  /**
   * Namespace of the target.
   * @default - none
   */
  readonly namespace?: string;
  /**
   * Label selector over targets.
   * @default - none
   */
  readonly selector?: LabelSelector;
  /**
   * Context entries evaluated per target.
   * @default - none
   */
  readonly context?: ContextEntry[];
  /**
   * Preconditions evaluated per target.
   * @default - none
   */
  readonly preconditions?: Conditions;
}

/**
 * A mutate `foreach` over a list inside the resource.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/mutate/#foreach
 */
export interface ForEachMutation {
  /** JMESPath to the list. */
  readonly list: string;
  /**
   * `Ascending` or `Descending` processing order.
   * @default - Ascending
   */
  readonly order?: string;
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
   * Strategic merge patch per element.
   * @default - none
   */
  readonly patchStrategicMerge?: { [key: string]: any };
  /**
   * RFC 6902 JSON patch per element, as a YAML/JSON string.
   * @default - none
   */
  readonly patchesJson6902?: string;
  /**
   * Nested foreach.
   * @default - none
   */
  readonly foreach?: ForEachMutation[];
}

/**
 * A mutate rule.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/mutate/
 */
export interface Mutation {
  /**
   * Existing resources to mutate instead of (or besides) the admission request.
   * @default - the admission request's resource
   */
  readonly targets?: MutationTarget[];
  /**
   * Strategic merge patch (anchors such as `+(key)` allowed).
   * @default - none
   */
  readonly patchStrategicMerge?: { [key: string]: any };
  /**
   * RFC 6902 JSON patch as a YAML/JSON string.
   * @default - none
   */
  readonly patchesJson6902?: string;
  /**
   * Patches per list element.
   * @default - none
   */
  readonly foreach?: ForEachMutation[];
  /**
   * Mutate existing targets when the policy is created or updated.
   * @default false
   */
  readonly mutateExistingOnPolicyUpdate?: boolean;
}
