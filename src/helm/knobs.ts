/**
 * The environment knobs of a policy: the fields a PolicyRepo lets vary per environment. They are
 * Helm values under `policies.<key>` that the chart templates read.
 */

/** The value of every knob of one policy in one environment (also the shape under `policies.<key>`). */
export interface KnobValues {
  /** Whether the policy is rendered at all. */
  enabled: boolean;
  /** `Audit` or `Enforce`. */
  validationFailureAction: string;
  /** Whether Kyverno also scans existing resources. */
  background: boolean;
  /** Namespaces excluded from every rule, in addition to the rule's own exclude (sorted, unique). */
  excludedNamespaces: string[];
}

/** Knob names in the order they are written in values files. */
export const KNOB_NAMES: ReadonlyArray<keyof KnobValues> = ['enabled', 'validationFailureAction', 'background', 'excludedNamespaces'];

/** The failure actions Kyverno accepts. */
export const FAILURE_ACTIONS: ReadonlyArray<string> = ['Audit', 'Enforce'];

/** Values key of a policy: lowerCamelCase of its name (`require-resource-limits` -> `requireResourceLimits`). */
export function defaultValuesKey(policyName: string): string {
  const parts = policyName.split(/[^A-Za-z0-9]+/).filter((p) => p.length > 0);
  const key = parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
  return /^[0-9]/.test(key) ? `p${key}` : key;
}

/** A values key must be a Go template field name so `.Values.policies.<key>` parses. */
export const VALUES_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Canonical form of a knob value for comparisons (namespaces sorted and unique). */
export function knobId(value: unknown): string {
  return JSON.stringify(value);
}
