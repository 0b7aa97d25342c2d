/**
 * Small enums of Kyverno's policy spec. Values are exactly the strings Kyverno reads.
 */

/**
 * What Kyverno does when a validate (or verifyImages) rule fails.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#failure-action
 */
export enum FailureAction {
  /** Allow the request and report the violation. */
  AUDIT = 'Audit',
  /** Block the request. */
  ENFORCE = 'Enforce',
}

/**
 * What the API server does when the Kyverno webhook is unreachable or errors.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
 */
export enum FailurePolicy {
  /** Reject the request. */
  FAIL = 'Fail',
  /** Admit the request. */
  IGNORE = 'Ignore',
}

/**
 * The `policies.kyverno.io/severity` annotation that Policy Reporter and Kyverno's tooling read.
 * @see https://kyverno.io/docs/writing-policies/
 */
export enum Severity {
  LOW = 'low',
  MEDIUM = 'medium',
  HIGH = 'high',
  CRITICAL = 'critical',
}

/**
 * An admission operation a resource filter or a ValidatingPolicy matches.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/match-exclude/
 */
export enum Operation {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  CONNECT = 'CONNECT',
}

/**
 * Whether Kyverno applies every matching rule or stops after the first one.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
 */
export enum ApplyRules {
  /** Apply every matching rule (Kyverno's default). */
  ALL = 'All',
  /** Stop after the first matching rule. */
  ONE = 'One',
}

/**
 * Pod Security Standards profile level.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#pod-security
 */
export enum PodSecurityLevel {
  PRIVILEGED = 'privileged',
  BASELINE = 'baseline',
  RESTRICTED = 'restricted',
}

/**
 * The signature technology of a verifyImages rule.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/
 */
export enum ImageVerificationType {
  COSIGN = 'Cosign',
  NOTARY = 'Notary',
}

/**
 * How a ValidatingPolicy reports a failed validation.
 * @see https://kyverno.io/docs/policy-types/validating-policy/
 */
export enum ValidationAction {
  DENY = 'Deny',
  AUDIT = 'Audit',
  WARN = 'Warn',
}

/**
 * Kubernetes controller kinds Kyverno can auto-generate Pod rules for.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/autogen/
 */
export enum AutogenController {
  DEPLOYMENT = 'Deployment',
  STATEFUL_SET = 'StatefulSet',
  DAEMON_SET = 'DaemonSet',
  JOB = 'Job',
  CRON_JOB = 'CronJob',
  REPLICA_SET = 'ReplicaSet',
  REPLICATION_CONTROLLER = 'ReplicationController',
}
