/**
 * Severity of a Spectral rule, as written in `.spectral.yaml`.
 *
 * Spectral only accepts these spellings (`warning` is rejected by Spectral's ruleset validation).
 * @see https://docs.stoplight.io/docs/spectral/e5b9616d6d50c-rulesets#severity
 */
export enum RuleSeverity {
  /** Fails `policy-platform lint` (exit code 1). */
  ERROR = 'error',
  /** Reported, does not fail the lint. */
  WARN = 'warn',
  /** Reported as information. */
  INFO = 'info',
  /** Reported as a hint. */
  HINT = 'hint',
  /** The rule is turned off (useful to disable a rule of an extended ruleset). */
  OFF = 'off',
}
