/**
 * The typed answer of an admission check: per resource, what the admission controller of an
 * environment would do with each rule that selects it.
 */
import { RuleStatus } from '../engine/result';

/** What the admission controller does with one rule's result on one resource. */
export enum AdmissionOutcome {
  /** The rule fails and its failure action is Enforce (or a ValidatingPolicy's `Deny`): the request is denied. */
  DENIED = 'denied',
  /** The rule fails with failure action Audit (or `Audit`/`Warn`, or `policies.kyverno.io/scored: "false"`): admitted, reported. */
  WARNED = 'warned',
  /** A mutate rule patched the resource (the patched resource is attached). */
  MUTATED = 'mutated',
  /** The offline engine cannot evaluate the rule (registry, live lookups, unsupported kinds): no answer. */
  UNSUPPORTED = 'unsupported',
  /** The rule passes. */
  PASSED = 'passed',
  /** The rule selects the resource but does not apply (preconditions, conditional anchors, exceptions). */
  SKIPPED = 'skipped',
}

/** A resource as the report names it. */
export interface ResourceRef {
  /** `apiVersion`. */
  readonly apiVersion: string;
  /** `kind`. */
  readonly kind: string;
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.namespace` (after defaulting). @default - cluster-scoped, or no namespace */
  readonly namespace?: string;
}

/** Where a checked resource came from. */
export interface ResourceOrigin {
  /** The file (or `<stdin>`, or the chart's name) the resource was read from. */
  readonly file: string;
  /** 1-based index of the YAML document in that file. */
  readonly document: number;
  /** 1-based line where the document starts. @default - unknown (JSON, objects given in code) */
  readonly line?: number;
  /** 1-based index in the document's `items` when it is a List. @default - not in a List */
  readonly item?: number;
  /** The construct path of the cdk8s ApiObject that produced the resource. @default - not from a cdk8s app */
  readonly constructPath?: string;
}

/** One rule's result on one resource, with what admission makes of it. */
export interface AdmissionFinding {
  /** The resource the rule was applied to. */
  readonly resource: ResourceRef;
  /** Where the resource came from. */
  readonly origin: ResourceOrigin;
  /** The policy: `name` for cluster-wide policies, `namespace/name` for a namespaced Policy. */
  readonly policy: string;
  /** The rule (autogen rules as `autogen-<rule>`); a ValidatingPolicy's own name. */
  readonly rule: string;
  /** The engine's status. */
  readonly status: RuleStatus;
  /** What admission does with it. */
  readonly outcome: AdmissionOutcome;
  /**
   * The failure action in force for this rule and resource: `Enforce` or `Audit` (ClusterPolicy,
   * Policy), or the ValidatingPolicy's validationActions joined by `,`.
   * @default - not a validation result
   */
  readonly action?: string;
  /** The engine's message. @default - none */
  readonly message?: string;
  /** For MUTATED: the resource after the policy's patches. @default - none */
  readonly patchedResource?: any;
  /** `policies.kyverno.io/severity` of the policy. @default - none */
  readonly severity?: string;
  /** `policies.kyverno.io/category` of the policy. @default - none */
  readonly category?: string;
  /** False when the policy is annotated `policies.kyverno.io/scored: "false"`. */
  readonly scored: boolean;
}

/** Everything the check found for one resource. */
export interface ResourceAdmission {
  /** The resource. */
  readonly resource: ResourceRef;
  /** Where it came from. */
  readonly origin: ResourceOrigin;
  /** False when a finding is DENIED. */
  readonly admitted: boolean;
  /** Every rule result on the resource, in policy order. */
  readonly findings: AdmissionFinding[];
  /** The resource after every mutation (when a mutate rule patched it). @default - not mutated */
  readonly patchedResource?: any;
}

/** Counts of findings by outcome. */
export interface AdmissionCounts {
  /** Resources checked. */
  readonly resources: number;
  /** DENIED findings. */
  readonly denied: number;
  /** WARNED findings. */
  readonly warned: number;
  /** MUTATED findings. */
  readonly mutated: number;
  /** UNSUPPORTED findings (plus policies and sources not evaluated). */
  readonly unsupported: number;
  /** PASSED findings. */
  readonly passed: number;
  /** SKIPPED findings. */
  readonly skipped: number;
}

/** The answer for a set of manifests. */
export interface AdmissionReport {
  /** The environment whose policies were applied. @default - policies given directly */
  readonly environment?: string;
  /** Number of policies evaluated. */
  readonly policyCount: number;
  /** Every checked resource, in input order. */
  readonly resources: ResourceAdmission[];
  /** True when no resource is denied. */
  readonly admitted: boolean;
  /** Findings that deny a resource. */
  readonly denials: AdmissionFinding[];
  /** Findings admitted with a warning (Audit failures). */
  readonly warnings: AdmissionFinding[];
  /** Findings the engine cannot evaluate. */
  readonly unsupported: AdmissionFinding[];
  /**
   * What is not evaluated at all, with why: policy sources a platform does not render per
   * environment, policy kinds the engine does not evaluate.
   */
  readonly notEvaluated: string[];
  /** Counts by outcome. */
  readonly counts: AdmissionCounts;
}
