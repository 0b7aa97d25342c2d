import { Construct } from 'constructs';
import { compareBytes } from '../../core/byte-order';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { matchKinds } from '../internal/pod-rules';

/** A label (or annotation) that must be present. */
export interface RequiredKey {
  /** The key, e.g. `app.kubernetes.io/name`. */
  readonly key: string;

  /**
   * Kyverno wildcard pattern the value must match (`*` any characters, `?` one character, `|`
   * alternatives), e.g. `dev | qac | stg | prd`.
   * @default '?*' (any non-empty value)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#wildcards
   */
  readonly pattern?: string;
}

/** Options of {@link RequireLabels}. */
export interface RequireLabelsProps extends CatalogPolicyProps {
  /**
   * The labels every matched resource must carry.
   * @default [{ key: 'app.kubernetes.io/name' }]
   */
  readonly requiredLabels?: RequiredKey[];

  /**
   * Kinds checked. With `Pod` (the default), Kyverno also checks the Pod template of every Pod
   * controller (autogen); list controller kinds to check their own `metadata.labels` instead.
   * @default ['Pod']
   */
  readonly kinds?: string[];
}

/**
 * Resources carry the labels that identify them (owner, app, environment), optionally with values
 * matching a pattern. Rule `check-for-labels`, as in the Kyverno library's `require-labels`
 * (whose suite it passes with the default options).
 *
 * @example
 * new RequireLabels(devopsSet, 'require-labels', {
 *   requiredLabels: [{ key: 'app' }, { key: 'team' }, { key: 'environment', pattern: 'dev | qac | stg | prd' }],
 *   kinds: ['Deployment', 'StatefulSet'],
 * });
 * @see https://kyverno.io/policies/best-practices/require-labels/require-labels/
 */
export class RequireLabels extends CatalogPolicy {
  /** The required labels, sorted by key. */
  public readonly requiredLabels: RequiredKey[];

  public constructor(scope: Construct, id: string, props: RequireLabelsProps = {}) {
    const labels = sortedKeys(props.requiredLabels ?? [{ key: 'app.kubernetes.io/name' }]);
    const kinds = props.kinds ?? ['Pod'];
    super(scope, id, props, {
      name: 'require-labels',
      title: 'Require Labels',
      category: CatalogCategory.DEVOPS,
      severity: Severity.MEDIUM,
      subject: `${kinds.join(', ')}, Label`,
      description: 'Common labels let tools and people find who owns what. This policy requires the labels '
        + `${describeKeys(labels)} on ${kinds.join(', ')}.`,
    }, labels.length === 0 ? [] : [keysRule('check-for-labels', 'labels', 'label', labels, kinds)]);
    this.requiredLabels = labels;
    this.node.addValidation({ validate: () => keyProblems('requiredLabels', labels, kinds) });
  }
}

/** Sorted copy, later duplicates dropped. Internal. */
export function sortedKeys(keys: RequiredKey[]): RequiredKey[] {
  const seen = new Map<string, RequiredKey>();
  for (const k of keys) if (!seen.has(k.key)) seen.set(k.key, k);
  return [...seen.values()].sort((a, b) => compareBytes(a.key, b.key));
}

/** "`a`, `b` (matching `x`)". Internal. */
export function describeKeys(keys: RequiredKey[]): string {
  return keys.map((k) => `\`${k.key}\`` + (k.pattern ? ` (matching \`${k.pattern}\`)` : '')).join(', ');
}

/** The pattern rule requiring metadata.<field>.<key> on the kinds. Internal. */
export function keysRule(name: string, field: string, noun: string, keys: RequiredKey[], kinds: string[]): any {
  const values: any = {};
  for (const k of keys) values[k.key] = k.pattern ?? '?*';
  const plural = keys.length > 1 ? `${noun}s` : noun;
  const withPattern = keys.some((k) => k.pattern);
  return {
    name,
    match: matchKinds(kinds),
    validate: {
      message: `The ${plural} ${describeKeys(keys)} ${keys.length > 1 ? 'are' : 'is'} required${withPattern ? ' with a matching value' : ''}.`,
      pattern: { metadata: { [field]: values } },
    },
  };
}

// a qualified name (optional DNS prefix and '/'), as Kubernetes validates label and annotation keys
const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** Problems of a key list. Internal. */
export function keyProblems(field: string, keys: RequiredKey[], kinds: string[]): string[] {
  const problems: string[] = [];
  if (keys.length === 0) problems.push(`${field}: list at least one key`);
  if (kinds.length === 0) problems.push('kinds: list at least one kind');
  keys.forEach((k, i) => {
    if (!KEY.test(k.key)) {
      problems.push(`${field}[${i}].key: "${k.key}" is not a Kubernetes qualified name (optional DNS prefix and '/', then at most 63 alphanumerics, '-', '_', '.')`);
    }
    if (k.pattern !== undefined && k.pattern.trim() === '') problems.push(`${field}[${i}].pattern: must not be empty (omit it to accept any non-empty value)`);
  });
  return problems;
}
