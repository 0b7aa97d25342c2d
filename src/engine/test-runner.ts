/**
 * The model and runner of a kyverno test suite (`kyverno-test.yaml` with its Values and UserInfo
 * files), on already parsed documents. Pure: loading files is the caller's business.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import { autogenRules } from './autogen';
import { evaluatePolicy, isCelPolicyDocument, isValidatingPolicyDocument, ruleCategory, RuleCategory } from './evaluate';
import { EvaluationOptions, RequestUserInfo } from './evaluation-options';
import { RuleResult, RuleStatus } from './result';

/** A test suite's documents, parsed. */
export interface KyvernoTestDefinition {
  /** The suite's name (`metadata.name`, or `name` in the old schema). */
  readonly name: string;
  /** Policy documents (ClusterPolicy, Policy, the CEL policy kinds, admission policies and their bindings). */
  readonly policies: any[];
  /** Resource documents. */
  readonly resources: any[];
  /** The `results` list of the test, as written. */
  readonly results: any[];
  /** The Values document (`kind: Values`). @default - none */
  readonly values?: any;
  /** The UserInfo document (`kind: UserInfo`). @default - none */
  readonly userInfo?: any;
  /** The Context document (`kind: Context`) for ValidatingPolicies. @default - none */
  readonly context?: any;
  /** PolicyException documents (the test's `exceptions` files). @default - none */
  readonly exceptions?: any[];
  /** Parameter resources of ValidatingAdmissionPolicy bindings (the test's `paramResources` files). @default - none */
  readonly paramResources?: any[];
}

/** One expected result compared with the engine's. */
export interface KyvernoTestCaseResult {
  /** Suite name. */
  readonly test: string;
  /** Policy name as written in the test. */
  readonly policy: string;
  /** Rule name as written in the test. */
  readonly rule: string;
  /** Resource name. */
  readonly resource: string;
  /** Resource kind as written in the test. */
  readonly kind: string;
  /** Resource namespace as written in the test. @default - none */
  readonly namespace?: string;
  /** Expected result: pass, fail, skip, error or warn. */
  readonly expected: string;
  /** The engine's result: pass, fail, skip, error, warn, unsupported, excluded (rule did not match) or not-found. */
  readonly actual: string;
  /** Why (the engine's message). @default - none */
  readonly reason?: string;
  /** Whether expected and actual agree. */
  readonly matched: boolean;
  /** Kind of rule: pattern, deny, foreach, cel, validatingPolicy, podSecurity, unsupported. */
  readonly category: string;
}

/** The outcome of a whole suite. */
export interface KyvernoTestReport {
  /** Suite name. */
  readonly name: string;
  /** Every expected result with the engine's. */
  readonly results: KyvernoTestCaseResult[];
  /** Whether every expected result matched. */
  readonly passed: boolean;
  /**
   * Why the suite cannot be decided offline (mutate/generate rules, live apiCall/configMap,
   * registry lookups), or undefined when it is in scope. @default - in scope
   */
  readonly outOfScope?: string;
}

function toStringMap(v: any): { [k: string]: string } {
  const out: { [k: string]: string } = {};
  for (const [k, x] of Object.entries(v ?? {})) out[k] = String(x);
  return out;
}

function policyName(p: any): string {
  return String(p?.metadata?.name ?? '');
}

function findRule(policy: any, ruleName: string): any {
  for (const r of policy?.spec?.rules ?? []) if (r.name === ruleName) return r;
  for (const g of autogenRules(policy)) if (g.name === ruleName) return g.rule;
  const stripped = ruleName.replace(/^autogen-(cronjob-)?/, '');
  for (const r of policy?.spec?.rules ?? []) if (r.name === stripped) return r;
  return undefined;
}

/** The category of the rule an expected result refers to. */
function categoryOf(policy: any, ruleName: string): RuleCategory {
  if (!policy) return RuleCategory.UNSUPPORTED;
  if (isValidatingPolicyDocument(policy) || policy?.kind === 'NamespacedValidatingPolicy') return RuleCategory.VALIDATING_POLICY;
  if (isCelPolicyDocument(policy)) return RuleCategory.CEL_POLICY;
  return ruleCategory(findRule(policy, ruleName));
}

function outOfScopeReason(policy: any, ruleName: string, provided: string[]): string | undefined {
  if (!policy || isCelPolicyDocument(policy)) return undefined;
  const rule = findRule(policy, ruleName);
  if (!rule) return undefined;
  if (rule.mutate) return `rule ${policyName(policy)}/${rule.name} is a mutate rule`;
  if (rule.generate) return `rule ${policyName(policy)}/${rule.name} is a generate rule`;
  if (rule.verifyImages) return `rule ${policyName(policy)}/${rule.name} verifies images (registry)`;
  const entries: any[] = [...(rule.context ?? [])];
  const walk = (fes: any[]) => {
    for (const fe of fes ?? []) {
      entries.push(...(fe.context ?? []));
      walk(fe.foreach);
    }
  };
  walk(rule.validate?.foreach);
  for (const e of entries) {
    if (e.variable) continue;
    const name = String(e.name ?? '');
    if (provided.some((k) => k === name || k.startsWith(`${name}.`))) continue;
    const kind = e.configMap ? 'configMap' : e.apiCall ? 'apiCall' : e.imageRegistry ? 'imageRegistry' : 'globalReference';
    return `rule ${policyName(policy)}/${rule.name} needs a live ${kind} ("${name}")`;
  }
  return undefined;
}

/** Runs kyverno test suites through the offline engine. */
export class KyvernoTestRunner {
  /** Runs one parsed suite. */
  public static run(def: KyvernoTestDefinition): KyvernoTestReport {
    return new KyvernoTestRunner(def).execute();
  }

  private readonly cache = new Map<string, RuleResult[]>();

  private constructor(private readonly def: KyvernoTestDefinition) {}

  private execute(): KyvernoTestReport {
    const def = this.def;
    const cases: KyvernoTestCaseResult[] = [];
    const reasons = new Set<string>();
    for (const expected of def.results ?? []) {
      const names: string[] = expected.resources ?? (expected.resource !== undefined ? [expected.resource] : []);
      const want = String(expected.result ?? expected.status ?? '');
      const rawPolicy = String(expected.policy ?? '');
      const policy = this.findPolicy(rawPolicy);
      const ruleName = String(expected.rule ?? '');
      const category = categoryOf(policy, ruleName);
      const why = outOfScopeReason(policy, ruleName, this.providedKeys(policy));
      if (why) reasons.add(why);
      if (expected.patchedResource || expected.generatedResource || expected.patchedResources) {
        reasons.add(`result for ${rawPolicy}/${ruleName} checks a mutated or generated resource`);
      }
      for (const name of names) {
        const { actual, reason } = this.actualFor(policy, rawPolicy, ruleName, expected, String(name));
        cases.push({
          test: def.name,
          policy: rawPolicy,
          rule: ruleName,
          resource: String(name),
          kind: String(expected.kind ?? ''),
          namespace: expected.namespace,
          expected: want,
          actual,
          reason,
          // kyverno test accepts a resource the rule does not select (no rule response) as
          // "excluded"; we only accept it for an expected skip, so a wrong expectation never passes
          matched: actual === want || (actual === 'excluded' && want === 'skip'),
          category,
        });
      }
    }
    const outOfScope = reasons.size > 0 ? [...reasons].sort().join('; ') : undefined;
    return { name: def.name, results: cases, passed: cases.every((c) => c.matched), outOfScope };
  }

  private findPolicy(raw: string): any {
    const slash = raw.indexOf('/');
    const ns = slash >= 0 ? raw.slice(0, slash) : undefined;
    const name = slash >= 0 ? raw.slice(slash + 1) : raw;
    return this.def.policies.find((p) => policyName(p) === name && (ns === undefined || (p?.metadata?.namespace ?? 'default') === ns));
  }

  private valuesFor(policy: any): any {
    return (this.def.values?.policies ?? []).find((p: any) => p?.name === policyName(policy));
  }

  private providedKeys(policy: any): string[] {
    const keys: string[] = Object.keys(this.def.values?.globalValues ?? {});
    const pv = this.valuesFor(policy);
    for (const r of pv?.rules ?? []) keys.push(...Object.keys(r?.values ?? {}), ...Object.keys(r?.foreachValues ?? {}));
    for (const r of pv?.resources ?? []) keys.push(...Object.keys(r?.values ?? {}));
    return keys;
  }

  private resourcesNamed(fullName: string, kind: string, ns?: string): any[] {
    const kindName = kind.split('/').pop() ?? kind;
    // `namespace/name` identifies a resource too
    const slash = fullName.indexOf('/');
    const name = slash >= 0 ? fullName.slice(slash + 1) : fullName;
    const namespace = slash >= 0 ? fullName.slice(0, slash) : ns;
    return this.def.resources.filter((r) => {
      if (String(r?.metadata?.name ?? '') !== name) return false;
      if (kindName && r?.kind !== kindName) return false;
      if (namespace && (r?.metadata?.namespace ?? 'default') !== namespace) return false;
      return true;
    });
  }

  private optionsFor(policy: any, resource: any): EvaluationOptions {
    const v = this.def.values ?? {};
    const pv = this.valuesFor(policy);
    const resourceName = String(resource?.metadata?.name ?? '');
    const resourceValues = (pv?.resources ?? []).find((r: any) => r?.name === resourceName)?.values ?? {};
    const values: any = { ...(v.globalValues ?? {}), ...resourceValues };
    const ruleValues: any = {};
    const foreachValues: any = {};
    for (const r of pv?.rules ?? []) {
      if (r?.values) ruleValues[r.name] = { ...r.values, ...resourceValues };
      if (r?.foreachValues) foreachValues[r.name] = r.foreachValues;
    }
    const ns = resource?.kind === 'Namespace' ? resource?.metadata?.name : resource?.metadata?.namespace;
    const nsEntry = (v.namespaceSelector ?? []).find((e: any) => e?.name === ns);
    const nsObject = (v.namespaces ?? []).find((n: any) => n?.metadata?.name === ns)
      ?? this.def.resources.find((r) => r?.kind === 'Namespace' && r?.metadata?.name === ns);
    const namespaceLabels = nsEntry ? toStringMap(nsEntry.labels) : nsObject ? toStringMap(nsObject.metadata?.labels) : undefined;
    // Values `subresources`: a resource of the subresource's kind (e.g. Scale) is a request on its
    // parent (e.g. deployments/scale)
    const sub = (v.subresources ?? []).find((s: any) => s?.subresource?.kind === resource?.kind
      && (!s.subresource.version || String(resource?.apiVersion ?? '').endsWith(String(s.subresource.version))));
    const gv = (r: any) => (r?.group ? `${r.group}/${r.version ?? ''}` : String(r?.version ?? ''));
    const ui = this.def.userInfo;
    const userInfo: RequestUserInfo | undefined = ui ? {
      username: ui.userInfo?.username ?? ui.username,
      groups: ui.userInfo?.groups ?? ui.groups,
      roles: ui.roles,
      clusterRoles: ui.clusterRoles,
    } : undefined;
    const operation = values['request.operation'] ?? 'CREATE';
    return {
      operation,
      namespaceLabels,
      namespaceObject: nsObject,
      userInfo,
      values,
      ruleValues,
      foreachValues,
      subresource: sub ? String(sub.subresource?.name ?? '').split('/').slice(1).join('/') || undefined : undefined,
      parentResource: sub?.parentResource ? { apiVersion: gv(sub.parentResource), kind: sub.parentResource.kind } : undefined,
      contextResources: this.def.context?.spec?.resources,
      contextImages: this.def.context?.spec?.images,
      exceptions: this.def.exceptions,
      policyBindings: this.def.policies,
      paramResources: this.def.paramResources,
    };
  }

  private evaluate(policy: any, resource: any, index: number): RuleResult[] {
    const key = `${this.def.policies.indexOf(policy)}:${index}`;
    let r = this.cache.get(key);
    if (!r) {
      r = evaluatePolicy(policy, resource, this.optionsFor(policy, resource));
      this.cache.set(key, r);
    }
    return r;
  }

  private actualFor(policy: any, rawPolicy: string, ruleName: string, expected: any, name: string): { actual: string; reason?: string } {
    if (!policy) return { actual: 'not-found', reason: `policy ${rawPolicy} is not in the suite` };
    const resources = this.resourcesNamed(name, String(expected.kind ?? ''), expected.namespace);
    if (resources.length === 0) return { actual: 'not-found', reason: `resource ${expected.kind ?? ''} ${name} is not in the suite` };
    let excluded = false;
    for (const resource of resources) {
      const results = this.evaluate(policy, resource, this.def.resources.indexOf(resource));
      const hit = results.find((r) => r.rule === ruleName)
        ?? results.find((r) => r.rule === `autogen-${ruleName}` || r.rule === `autogen-cronjob-${ruleName}`)
        ?? (isCelPolicyDocument(policy) && !ruleName ? results[0] : undefined);
      if (hit) return { actual: statusText(hit.status), reason: hit.message };
      excluded = true;
    }
    return excluded ? { actual: 'excluded', reason: 'the rule does not match the resource' } : { actual: 'not-found' };
  }
}

function statusText(s: RuleStatus): string {
  return String(s);
}
