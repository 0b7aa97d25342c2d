import { IConstruct } from 'constructs';
import { FailureAction, Severity } from './enums';

/**
 * A policy a PolicySet renders with environment knobs (ClusterPolicy, Policy and the CEL policy
 * kinds): what the knobs start from.
 */
export interface IPolicy extends IConstruct {
  /** `metadata.name`. */
  readonly policyName: string;
  /** The Kubernetes kind. */
  readonly kind: string;
  /** The failure action the policy declares, if any (a CEL kind's `validationActions`: Deny is Enforce). */
  readonly failureAction?: FailureAction;
  /** Whether background scans apply the policy. */
  readonly background: boolean;
  /** Title annotation. */
  readonly title?: string;
  /** Severity annotation. */
  readonly severity?: Severity;
  /** Category annotation. */
  readonly category?: string;
}
