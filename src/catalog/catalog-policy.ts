import { Construct } from 'constructs';
import { AutogenControllers, ClusterPolicy, ClusterPolicyProps, Rule, Severity } from '../kyverno';
import { compact, excludeNamespaces } from './internal/pod-rules';

/**
 * Options every catalogue policy accepts, on top of everything a hand-written `ClusterPolicy`
 * accepts (name, failure action, background, metadata, ...). Per-environment settings are made
 * on the PolicySet exactly as for a hand-written policy.
 */
export interface CatalogPolicyProps extends ClusterPolicyProps {
  /**
   * Namespaces no rule of this policy applies to (added as an `exclude` block to every rule).
   * @default - none
   * @see https://kyverno.io/docs/policy-types/cluster-policy/match-exclude/
   */
  readonly excludeNamespaces?: string[];
}

/**
 * What a catalogue entry fills in when the caller's props do not (for subclasses of
 * `CatalogPolicy`, including a platform team's own entries).
 */
export interface CatalogDefaults {
  /** Default `metadata.name` (kebab-case). */
  readonly name: string;
  /** Default `policies.kyverno.io/title`. */
  readonly title: string;
  /** Default `policies.kyverno.io/category` (see `CatalogCategory`). */
  readonly category: string;
  /** Default `policies.kyverno.io/severity`. */
  readonly severity: Severity;
  /** Default `policies.kyverno.io/subject`, e.g. `Pod`. */
  readonly subject: string;
  /** Default `policies.kyverno.io/description`: what the policy checks and why. */
  readonly description: string;
  /**
   * Default `pod-policies.kyverno.io/autogen-controllers`.
   * @default - Kyverno's default (all Pod controllers)
   */
  readonly autogenControllers?: AutogenControllers;
}

/** Catalogue categories, as written in the `policies.kyverno.io/category` annotation. */
export class CatalogCategory {
  /** Security (the security team's policies). */
  public static readonly SECURITY = 'Security';
  /** Pod Security Standards, Baseline profile. */
  public static readonly POD_SECURITY_BASELINE = 'Pod Security Standards (Baseline)';
  /** Pod Security Standards, Restricted profile. */
  public static readonly POD_SECURITY_RESTRICTED = 'Pod Security Standards (Restricted)';
  /** Operational best practices (the DevOps team's policies). */
  public static readonly DEVOPS = 'DevOps';

  private constructor() {}
}

/**
 * Base of every catalogue policy: a `ClusterPolicy` (so a PolicySet treats it exactly like a
 * hand-written one) whose metadata defaults to the catalogue entry's and whose rules are built
 * from typed options.
 */
export abstract class CatalogPolicy extends ClusterPolicy {
  /**
   * @param props the caller's props (they win over `defaults`)
   * @param defaults the entry's name and metadata
   * @param rules the rules built from the typed options (`excludeNamespaces` is added to each)
   */
  protected constructor(scope: Construct, id: string, props: CatalogPolicyProps, defaults: CatalogDefaults, rules: Rule[]) {
    const { excludeNamespaces: excluded, ...policyProps } = props;
    super(scope, id, compact({
      ...policyProps,
      name: props.name ?? defaults.name,
      title: props.title ?? defaults.title,
      category: props.category ?? defaults.category,
      severity: props.severity ?? defaults.severity,
      subject: props.subject ?? defaults.subject,
      description: props.description ?? defaults.description,
      autogenControllers: props.autogenControllers ?? defaults.autogenControllers,
    }) as ClusterPolicyProps);
    const exclude = excludeNamespaces(excluded);
    for (const rule of rules) {
      this.addRule(exclude ? withExclude(rule, exclude) : rule);
    }
  }
}

/** Puts `exclude` right after `match` (Kyverno's field order) and merges an existing one. */
function withExclude(rule: any, exclude: any): any {
  const out: any = {};
  for (const [k, v] of Object.entries(rule)) {
    out[k] = v;
    if (k === 'match') {
      out.exclude = rule.exclude ? { any: [...(rule.exclude.any ?? []), ...exclude.any] } : exclude;
    }
  }
  return out;
}
