import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CelPolicy } from './cel-policy';
import { matchConstraintsProblems, uniqueNameProblems, variableNameProblems } from './cel-policy-checks';
import { PolicyMetadataProps } from './metadata';
import { MatchCondition, MatchConstraints } from './validating-policy';
import { CelVariable } from './validation';

/**
 * How dependents of a deleted resource are handled.
 * @see https://kubernetes.io/docs/concepts/architecture/garbage-collection/#cascading-deletion
 */
export enum DeletionPropagationPolicy {
  /** Delete dependents first. */
  FOREGROUND = 'Foreground',
  /** Delete the owner now, dependents in the background. */
  BACKGROUND = 'Background',
  /** Leave the dependents. */
  ORPHAN = 'Orphan',
}

/**
 * Props of a DeletingPolicy.
 * @see https://kyverno.io/docs/policy-types/deleting-policy/
 */
export interface DeletingPolicyProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * When the policy runs: a cron expression (e.g. `"0 * * * *"` every hour).
   * @see https://kyverno.io/docs/policy-types/deleting-policy/
   */
  readonly schedule: string;
  /**
   * Which resources are candidates (operations are ignored: the policy scans existing resources).
   * @see https://kyverno.io/docs/policy-types/deleting-policy/
   */
  readonly matchConstraints: MatchConstraints;
  /**
   * CEL conditions a candidate must all meet to be deleted.
   * @default - none (every candidate is deleted)
   */
  readonly conditions?: MatchCondition[];
  /**
   * Named CEL variables (`variables.<name>`).
   * @default - none
   */
  readonly variables?: CelVariable[];
  /**
   * How dependents are handled.
   * @default - not emitted (the resource kind's default)
   */
  readonly deletionPropagationPolicy?: DeletionPropagationPolicy;
}

/**
 * Props of a NamespacedDeletingPolicy.
 * @see https://kyverno.io/docs/policy-types/deleting-policy/
 */
export interface NamespacedDeletingPolicyProps extends DeletingPolicyProps {
  /**
   * The namespace the policy lives in (it deletes only there).
   * @default - the chart's namespace; none when the chart has none (the namespace of the install)
   */
  readonly namespace?: string;
}

/**
 * A Kyverno DeletingPolicy (policies.kyverno.io/v1): deletes, on a schedule, the existing resources
 * that meet CEL conditions.
 * @see https://kyverno.io/docs/policy-types/deleting-policy/
 */
export class DeletingPolicy extends CelPolicy {
  private readonly dpolProps: DeletingPolicyProps;

  constructor(scope: Construct, id: string, props: DeletingPolicyProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'DeletingPolicy', props, props.name);
    this.dpolProps = props;
  }

  protected renderSpec(): any {
    return deletingSpec(this.dpolProps);
  }

  protected authoredProblems(): string[] {
    return deletingProblems(this.dpolProps);
  }
}

/**
 * A Kyverno NamespacedDeletingPolicy (policies.kyverno.io/v1): a DeletingPolicy limited to its own
 * namespace.
 * @see https://kyverno.io/docs/policy-types/deleting-policy/
 */
export class NamespacedDeletingPolicy extends CelPolicy {
  private readonly dpolProps: NamespacedDeletingPolicyProps;

  constructor(scope: Construct, id: string, props: NamespacedDeletingPolicyProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'NamespacedDeletingPolicy', props, props.name, props.namespace ?? Chart.of(scope).namespace);
    this.dpolProps = props;
  }

  protected renderSpec(): any {
    return deletingSpec(this.dpolProps);
  }

  protected authoredProblems(): string[] {
    return deletingProblems(this.dpolProps);
  }
}

function deletingSpec(p: DeletingPolicyProps): any {
  return {
    schedule: p.schedule,
    deletionPropagationPolicy: p.deletionPropagationPolicy,
    matchConstraints: p.matchConstraints,
    conditions: p.conditions,
    variables: p.variables,
  };
}

/** Five cron fields (minute hour day-of-month month day-of-week) or a `@` macro, as the cron library Kyverno uses reads them. */
const CRON = /^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|@every\s+\S+|(\S+\s+){4}\S+)$/;

function deletingProblems(p: DeletingPolicyProps): string[] {
  const out: string[] = [];
  if (typeof p.schedule !== 'string' || !CRON.test(p.schedule.trim())) {
    out.push(`spec.schedule: ${JSON.stringify(p.schedule)} is not a cron schedule (five fields, e.g. "0 * * * *", or a macro such as "@hourly")`);
  }
  out.push(...matchConstraintsProblems(p.matchConstraints, 'spec.matchConstraints'));
  out.push(...uniqueNameProblems(p.conditions, 'spec.conditions'));
  out.push(...variableNameProblems(p.variables));
  return out;
}
