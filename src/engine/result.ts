/**
 * The outcome of one rule of one policy on one resource, as Kyverno reports it.
 */
export enum RuleStatus {
  /** The resource satisfies the rule. */
  PASS = 'pass',
  /** The resource violates the rule. */
  FAIL = 'fail',
  /** The rule does not apply (match/exclude/preconditions, or a conditional anchor not met). */
  SKIP = 'skip',
  /** The rule could not be evaluated (bad expression, missing variable). */
  ERROR = 'error',
  /** Kyverno reports a warning (e.g. a failed Audit rule with `allowExistingViolations`). */
  WARN = 'warn',
  /** The engine cannot evaluate this rule offline (mutate, image signatures, apiCall without a value, ...). */
  UNSUPPORTED = 'unsupported',
}

/**
 * One evaluated (policy, rule, resource) triple.
 */
export interface RuleResult {
  /** Policy name (`metadata.name`). */
  readonly policy: string;
  /** Rule name as Kyverno reports it (autogen rules as `autogen-<rule>` / `autogen-cronjob-<rule>`). */
  readonly rule: string;
  /** Resource kind. */
  readonly kind: string;
  /** Resource namespace, if namespaced. @default - cluster-scoped */
  readonly namespace?: string;
  /** Resource name. */
  readonly resource: string;
  /** The outcome. */
  readonly status: RuleStatus;
  /** Why (the rule's message on fail, the reason for skip/error/unsupported). @default - none */
  readonly message?: string;
  /**
   * For a mutate rule: the resource after this rule's patches, cumulative over the policy's
   * earlier mutate rules (the last one is the policy's patched resource, as `kyverno test`
   * compares it with `patchedResources`).
   * @default - not a mutate rule, or nothing was patched
   */
  readonly patchedResource?: any;
  /**
   * For a generate rule: the resources it generates (data, clone or cloneList), as `kyverno test`
   * compares them with `generatedResource(s)`.
   * @default - not a generate rule
   */
  readonly generatedResources?: any[];
}
