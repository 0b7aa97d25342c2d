import { ApiObject, Chart } from 'cdk8s';
import * as semver from 'semver';
import { EffectiveSettings, EnvironmentSettings, PolicySetDefaults, PolicySettings } from './environment-settings';
import { dns1123LabelProblem } from './names';
import { otherTemplateName } from './ordering';
import type { PolicyRepo } from './policy-repo';
import { compareBytes } from '../core/byte-order';
import { clone } from '../core/clone';
import { VALUES_KEY, defaultValuesKey } from '../helm/knobs';
import { excludeForm } from '../helm/policy-knobs';
import { CelPolicy } from '../kyverno/cel-policy';
import { FailureAction } from '../kyverno/enums';
import { KyvernoPolicy } from '../kyverno/kyverno-policy';
import { IPolicy } from '../kyverno/policy-identity';

const POLICY_SET_SYMBOL = Symbol.for('cdk8s-policy-platform.PolicySet');

/** Helm chart names: lowercase alphanumerics and '-', starting with a letter. */
const CHART_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Options of a PolicySet.
 */
export interface PolicySetProps {
  /**
   * Chart version (SemVer 2, e.g. `1.4.0`).
   * @see https://helm.sh/docs/topics/charts/#charts-and-versioning
   */
  readonly version: string;

  /**
   * Chart name, also its folder under `charts/`.
   * @default - the construct id
   */
  readonly chartName?: string;

  /**
   * Chart description (Chart.yaml).
   * @default - "Kyverno policies of <repo name>"
   */
  readonly description?: string;

  /**
   * Chart appVersion (Chart.yaml).
   * @default - none
   */
  readonly appVersion?: string;

  /**
   * Extra Chart.yaml annotations.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Labels added to every object of the set (cdk8s chart labels).
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Extra chart values written to the chart's values.yaml beside `policies` (a chart of values
   * only, e.g. an application repository's, has just these). The key `policies` is reserved.
   * @default - none
   */
  readonly values?: { [key: string]: any };

  /**
   * Settings of every policy of the set, for all environments and per environment.
   * @default - none: each policy's own values
   */
  readonly defaults?: PolicySetDefaults;

  /**
   * Settings of individual policies, by policy name (`configure()` does the same).
   * @default - none
   */
  readonly policySettings?: { [policyName: string]: PolicySettings };
}

/**
 * One Helm chart of Kyverno policies inside a PolicyRepo. Policies are the ClusterPolicy and
 * Policy constructs created in it (directly or in plain constructs, not in nested charts such as
 * a PolicyTest). Their environment settings become the chart's values.
 */
export class PolicySet extends Chart {
  /** Whether `x` is a PolicySet (works across copies of this library). */
  public static isPolicySet(x: any): x is PolicySet {
    return x !== null && typeof x === 'object' && POLICY_SET_SYMBOL in x;
  }

  /** Chart name and folder name under `charts/`. */
  public readonly chartName: string;
  /** Chart version. */
  public readonly version: string;
  /** Chart description. */
  public readonly description: string;
  /** Chart appVersion. */
  public readonly appVersion?: string;
  /** The repository this set belongs to. */
  public readonly repo: PolicyRepo;

  private readonly props: PolicySetProps;
  private readonly configured = new Map<string, PolicySettings>();

  constructor(repo: PolicyRepo, id: string, props: PolicySetProps) {
    super(repo, id, { disableResourceNameHashes: true, labels: props.labels });
    Object.defineProperty(this, POLICY_SET_SYMBOL, { value: true });
    this.repo = repo;
    this.props = props;
    this.chartName = props.chartName ?? id;
    this.version = props.version;
    this.description = props.description ?? `Kyverno policies of ${repo.repoName}`;
    this.appVersion = props.appVersion;
    for (const [name, settings] of Object.entries(props.policySettings ?? {})) this.configured.set(name, settings);
    this.node.addValidation({ validate: () => this.problems() });
  }

  /** The policies of the set, sorted by name. */
  public get policies(): KyvernoPolicy[] {
    return this.node.findAll()
      .filter((c): c is KyvernoPolicy => isKyvernoPolicy(c) && Chart.of(c) === this)
      .sort((a, b) => compareBytes(a.policyName, b.policyName));
  }

  /**
   * The CEL policy objects of the set (policies.kyverno.io policies and exceptions, admission
   * policies and their bindings), sorted by name: rendered with environment knobs like the policies.
   */
  public get celPolicies(): CelPolicy[] {
    return this.node.findAll()
      .filter((c): c is CelPolicy => isCelPolicy(c) && Chart.of(c) === this)
      .sort((a, b) => compareBytes(`${a.policyName}/${a.kind}`, `${b.policyName}/${b.kind}`));
  }

  /** Kubernetes objects of the set that are not policies (e.g. PolicyExceptions), rendered as static templates. */
  public get otherObjects(): ApiObject[] {
    return this.node.findAll()
      .filter((c): c is ApiObject => ApiObject.isApiObject(c) && !isKyvernoPolicy(c) && !isCelPolicy(c) && Chart.of(c) === this)
      .sort((a, b) => compareBytes(otherTemplateName(a), otherTemplateName(b)));
  }

  /** Extra chart values (a copy). */
  public get values(): { [key: string]: any } {
    return clone(this.props.values ?? {});
  }

  /** Extra Chart.yaml annotations (a copy). */
  public get chartAnnotations(): { [key: string]: string } {
    return { ...this.props.annotations };
  }

  /** Settings of the whole set. */
  public get defaults(): PolicySetDefaults {
    return this.props.defaults ?? {};
  }

  /**
   * Sets the environment settings of one policy of this set (replacing earlier ones).
   */
  public configure(policy: IPolicy, settings: PolicySettings): void {
    this.configured.set(policy.policyName, settings);
  }

  /** The settings given for a policy (empty when none). */
  public settingsOf(policy: IPolicy): PolicySettings {
    return this.configured.get(policy.policyName) ?? {};
  }

  /** Key of the policy under `.Values.policies`. */
  public valuesKeyOf(policy: IPolicy): string {
    return this.settingsOf(policy).valuesKey ?? defaultValuesKey(policy.policyName);
  }

  /**
   * The value of every setting of a policy in an environment.
   * @param environment an environment of the repository; undefined for the chart default (the
   *   value outside environment-specific settings)
   */
  public effectiveSettings(policy: IPolicy, environment?: string): EffectiveSettings {
    const own = this.settingsOf(policy);
    const set = this.defaults;
    const layers: EnvironmentSettings[] = [];
    if (environment !== undefined) {
      if (own.environments?.[environment]) layers.push(own.environments[environment]);
      if (set.environments?.[environment]) layers.push(set.environments[environment]);
    }
    layers.push(own, set);
    const first = <T>(pick: (s: EnvironmentSettings) => T | undefined): T | undefined => {
      for (const l of layers) {
        const v = pick(l);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    const namespaces = new Set<string>();
    for (const l of layers) for (const ns of l.excludedNamespaces ?? []) namespaces.add(ns);
    return {
      enabled: first((s) => s.enabled) ?? true,
      failureAction: first((s) => s.failureAction) ?? policy.failureAction ?? FailureAction.AUDIT,
      background: first((s) => s.background) ?? policy.background,
      excludedNamespaces: [...namespaces].sort(),
    };
  }

  /**
   * The resolved manifests of this set in an environment, in template order: what
   * `helm template -f cd/values.yaml -f cd/<env>/values.yaml charts/<set>` prints.
   */
  public render(environment: string): any[] {
    return this.repo._renderSet(this, environment);
  }

  private problems(): string[] {
    const problems: string[] = [];
    if (!semver.valid(this.version) || this.version.startsWith('v')) {
      problems.push(`version: ${JSON.stringify(this.version)} is not a SemVer 2 version (e.g. "1.4.0")`);
    }
    if (!CHART_NAME.test(this.chartName) || this.chartName.length > 63) {
      problems.push(`chartName: ${JSON.stringify(this.chartName)} is not a chart name (lowercase alphanumerics and '-', starting with a letter, at most 63 characters)`);
    }
    if (this.props.values && 'policies' in this.props.values) {
      problems.push('values: the key "policies" is reserved for the policies\' environment settings (use defaults/policySettings/configure)');
    }
    const environments = this.repo.environments;
    problems.push(...settingsProblems('defaults', this.defaults, environments));
    const policies = this.policies;
    const byName = new Map<string, IPolicy>([...this.celPolicies, ...policies].map((p) => [p.policyName, p]));
    for (const name of [...this.configured.keys()].sort()) {
      const policy = byName.get(name);
      const field = `policySettings[${JSON.stringify(name)}]`;
      if (!policy) {
        problems.push(`${field}: no policy named ${JSON.stringify(name)} in this set (policies: ${[...byName.keys()].join(', ') || 'none'})`);
        continue;
      }
      const settings = this.configured.get(name)!;
      problems.push(...settingsProblems(field, settings, environments));
      if (settings.valuesKey !== undefined && !VALUES_KEY.test(settings.valuesKey)) {
        problems.push(`${field}.valuesKey: ${JSON.stringify(settings.valuesKey)} is not a Go template identifier (letters, digits and '_', not starting with a digit)`);
      }
    }
    for (const policy of policies) {
      const key = this.valuesKeyOf(policy);
      if (!VALUES_KEY.test(key)) {
        problems.push(`policies: the values key ${JSON.stringify(key)} of ${policy.policyName} is not a Go template identifier; set policySettings.valuesKey`);
      }
      const needsExclude = [undefined, ...environments].some((e) => this.effectiveSettings(policy, e).excludedNamespaces.length > 0);
      if (needsExclude) {
        for (const [i, rule] of (policy.rules as any[]).entries()) {
          if (excludeForm(rule) === 'unsupported') {
            problems.push(`${policy.node.path}: spec.rules[${i}].exclude: extra excluded namespaces need a rule exclude with only "any" filters (or none); rule ${JSON.stringify(rule?.name)} uses ${Object.keys(rule.exclude).join('/')}`);
          }
        }
      }
    }
    const keys = new Map(policies.map((p) => [this.valuesKeyOf(p), p.policyName]));
    for (const policy of this.celPolicies) {
      const key = this.valuesKeyOf(policy);
      if (!VALUES_KEY.test(key)) {
        problems.push(`policies: the values key ${JSON.stringify(key)} of ${policy.kind} ${policy.policyName} is not a Go template identifier; set policySettings.valuesKey`);
      } else if (keys.has(key)) {
        problems.push(`policies: the values key ${JSON.stringify(key)} of ${policy.kind} ${policy.policyName} is also the key of ${keys.get(key)}; give the objects different names`);
      }
      keys.set(key, `${policy.kind} ${policy.policyName}`);
      // a CEL policy selects namespaces with matchConstraints.namespaceSelector: no rule exclude to extend
      const excluded = [undefined, ...environments].some((e) => this.effectiveSettings(policy, e).excludedNamespaces.length > 0);
      if (excluded) {
        problems.push(`${policy.node.path}: excludedNamespaces: ${policy.kind} takes no extra excluded namespaces (select namespaces with spec.matchConstraints.namespaceSelector)`);
      }
    }
    return problems;
  }
}

/** Whether `c` is a CEL policy object (prototype check, as for isKyvernoPolicy). */
function isCelPolicy(c: unknown): c is CelPolicy {
  return typeof c === 'object' && c !== null && Object.prototype.isPrototypeOf.call(CelPolicy.prototype, c);
}

/**
 * Whether `c` is a ClusterPolicy or Policy. Not `instanceof`: cdk8s makes `x instanceof
 * <any ApiObject subclass>` true for every ApiObject (Symbol.hasInstance), PolicyExceptions included.
 */
function isKyvernoPolicy(c: unknown): c is KyvernoPolicy {
  return typeof c === 'object' && c !== null && Object.prototype.isPrototypeOf.call(KyvernoPolicy.prototype, c);
}

/** Problems of a settings object (environment names and namespace names). */
function settingsProblems(field: string, settings: PolicySetDefaults, environments: string[]): string[] {
  const problems: string[] = [];
  const check = (f: string, s: EnvironmentSettings) => {
    (s.excludedNamespaces ?? []).forEach((ns, i) => {
      const p = dns1123LabelProblem(`${f}.excludedNamespaces[${i}]`, ns);
      if (p) problems.push(p);
    });
    if (s.failureAction !== undefined && !Object.values(FailureAction).includes(s.failureAction)) {
      problems.push(`${f}.failureAction: ${JSON.stringify(s.failureAction)} is not one of ${Object.values(FailureAction).join(', ')}`);
    }
  };
  check(field, settings);
  for (const env of Object.keys(settings.environments ?? {}).sort()) {
    if (!environments.includes(env)) {
      problems.push(`${field}.environments: unknown environment ${JSON.stringify(env)} (the repository's environments: ${environments.join(', ')})`);
      continue;
    }
    check(`${field}.environments.${env}`, settings.environments![env]);
  }
  return problems;
}
