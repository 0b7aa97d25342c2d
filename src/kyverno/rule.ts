import { Conditions } from './conditions';
import { ContextEntry } from './context';
import { Generation } from './generation';
import { MatchResources } from './match';
import { Mutation } from './mutation';
import { MatchCondition } from './validating-policy';
import { Validation } from './validation';
import { ImageVerification } from './verify-images';

/**
 * One rule of a ClusterPolicy or Policy. Exactly one action: validate, mutate, generate or
 * verifyImages.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/
 */
export interface Rule {
  /** Rule name: a DNS-1123 label, unique within the policy. */
  readonly name: string;
  /** Which requests the rule applies to. */
  readonly match: MatchResources;
  /**
   * Which requests the rule skips.
   * @default - none
   * @see https://kyverno.io/docs/policy-types/cluster-policy/match-exclude/
   */
  readonly exclude?: MatchResources;
  /**
   * Variables computed before the rule runs.
   * @default - none
   * @see https://kyverno.io/docs/policy-types/cluster-policy/external-data-sources/
   */
  readonly context?: ContextEntry[];
  /**
   * Conditions that must hold for the rule to apply.
   * @default - none
   * @see https://kyverno.io/docs/policy-types/cluster-policy/preconditions/
   */
  readonly preconditions?: Conditions;
  /**
   * CEL conditions on the request that must all hold for the rule to apply (Kyverno 1.11+);
   * each expression must compile.
   * @default - none
   * @see https://kyverno.io/docs/policy-types/cluster-policy/preconditions/
   */
  readonly celPreconditions?: MatchCondition[];
  /**
   * Validate action.
   * @default - none
   * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/
   */
  readonly validate?: Validation;
  /**
   * Mutate action.
   * @default - none
   * @see https://kyverno.io/docs/policy-types/cluster-policy/mutate/
   */
  readonly mutate?: Mutation;
  /**
   * Generate action.
   * @default - none
   * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/
   */
  readonly generate?: Generation;
  /**
   * Image verification action.
   * @default - none
   * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/
   */
  readonly verifyImages?: ImageVerification[];
  /**
   * Skip background-controller requests (generate/mutate-existing).
   * @default true
   * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/
   */
  readonly skipBackgroundRequests?: boolean;
}
