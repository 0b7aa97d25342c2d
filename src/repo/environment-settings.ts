import { FailureAction } from '../kyverno/enums';

/**
 * The settings a policy may vary by environment. Each becomes a Helm value under
 * `policies.<valuesKey>` that the chart's template reads.
 */
export interface EnvironmentSettings {
  /**
   * What Kyverno does when a validate rule fails (`validationFailureAction` value).
   * @default - inherited (see PolicySettings); finally the policy's own failure action, else Audit
   * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#failure-action
   */
  readonly failureAction?: FailureAction;

  /**
   * Whether the policy is installed at all; a disabled policy renders to nothing.
   * @default - inherited; finally true
   */
  readonly enabled?: boolean;

  /**
   * Whether Kyverno also applies the policy to existing resources (background scans, reports).
   * @default - inherited; finally the policy's own `background`
   * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
   */
  readonly background?: boolean;

  /**
   * Namespaces excluded from every rule of the policy, in addition to the rule's own exclude.
   * Unlike the other settings these add up: the set's and the policy's lists, for all environments
   * and for the environment, are all excluded. Rules whose exclude uses `all` (or the legacy form)
   * cannot take them (a validation error says so).
   * @default - none
   * @see https://kyverno.io/docs/policy-types/cluster-policy/match-exclude/
   */
  readonly excludedNamespaces?: string[];
}

/**
 * Settings for every environment, and overrides for some environments.
 */
export interface PolicySetDefaults extends EnvironmentSettings {
  /**
   * Overrides by environment name (each name must be one of the repository's environments).
   * @default - none
   */
  readonly environments?: { [environment: string]: EnvironmentSettings };
}

/**
 * Settings of one policy. Resolution of a value in an environment, first found wins: this policy's
 * setting for the environment, the set's setting for the environment, this policy's setting for all
 * environments, the set's setting for all environments, the policy object's own value.
 */
export interface PolicySettings extends PolicySetDefaults {
  /**
   * Key of the policy under `.Values.policies` (a Go template identifier).
   * @default - lowerCamelCase of the policy name (`require-resource-limits` -> `requireResourceLimits`)
   */
  readonly valuesKey?: string;
}

/**
 * The value of every setting of a policy in one environment.
 */
export interface EffectiveSettings {
  /** Whether the policy is installed. */
  readonly enabled: boolean;
  /** The failure action. */
  readonly failureAction: FailureAction;
  /** Whether background scans apply the policy. */
  readonly background: boolean;
  /** Extra excluded namespaces (sorted, unique). */
  readonly excludedNamespaces: string[];
}
