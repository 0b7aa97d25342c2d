/**
 * Typed policy tests in the construct tree: resources (any cdk8s ApiObject) with the result each
 * policy rule must give, evaluated in jest through the offline engine and written as a
 * `.kyverno-test/` suite so that real `kyverno test` runs the very same cases.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { compareBytes } from '../core/byte-order';
import { IFileContributor, SynthFile } from '../core/synth-file';
import { toYaml, toYamlDocuments } from '../core/yaml';
import { isCelPolicyException } from '../engine/cel-policy-kinds';
import { RequestUserInfo } from '../engine/evaluation-options';
import { exceptionKey, isPolicyException } from '../engine/exceptions';
import { RuleStatus } from '../engine/result';
import { KyvernoTestCaseResult, KyvernoTestDefinition, KyvernoTestReport, KyvernoTestRunner } from '../engine/test-runner';
import { dns1123LabelProblem } from '../repo/names';
import { PolicySet } from '../repo/policy-set';

/** The results a kyverno test `result` can name: every RuleStatus but UNSUPPORTED (the engine's own). */
const EXPECTABLE: string[] = [RuleStatus.PASS, RuleStatus.FAIL, RuleStatus.SKIP, RuleStatus.ERROR, RuleStatus.WARN];

/** One expected result. */
export interface PolicyTestExpectation {
  /** The resource: an ApiObject, or a construct with an `apiObject` (cdk8s-plus) inside this test. */
  readonly resource: IConstruct;
  /** Policy name (`metadata.name`). */
  readonly policy: string;
  /** Rule name (for pod controllers, the Pod rule's name or its `autogen-` name). */
  readonly rule: string;
  /**
   * The result Kyverno must report: PASS, FAIL, SKIP, ERROR or WARN (kyverno test's `result`;
   * UNSUPPORTED is the offline engine's own answer and cannot be expected).
   */
  readonly result: RuleStatus;
  /**
   * Variables the resource sees under this policy, e.g. what a context `apiCall` would have
   * returned (`pdb_count: 0`) or `request.operation`. Written to the suite's values.yaml as
   * `policies[].resources[].values` (so they hold for every rule of the policy on the resource).
   * @default - none
   */
  readonly values?: { [name: string]: any };
  /**
   * For a generate rule: the manifests it must generate on the resource, compared as `kyverno
   * test` compares `generatedResources` (Kyverno's generate labels ignored, empty fields
   * dropped). Written to the suite as `generated-<policy>-<rule>-<resource>.yaml` (`generatedResource`);
   * several manifests are written one per file and listed in `generatedResources` (the list form
   * of Kyverno's v1.19 test schema).
   * @default - what the rule generates is not checked
   * @see https://kyverno.io/docs/kyverno-cli/usage/test/
   */
  readonly generatedResources?: any[];
}

/** Variables one rule sees in a test (a Values file's `policies[].rules[].values`), e.g. a mocked configMap or apiCall context entry. */
export interface PolicyTestRuleValues {
  /** Policy name. */
  readonly policy: string;
  /** Rule name. */
  readonly rule: string;
  /** Variables by name; dotted names nest (`registries.data.allowed`). */
  readonly values: { [name: string]: any };
}

/** Variables for one resource under one policy (a Values file's `policies[].resources[].values`), e.g. `request.operation`. */
export interface PolicyTestResourceValues {
  /** Policy name. */
  readonly policy: string;
  /** The resource (inside this test). */
  readonly resource: IConstruct;
  /** Variables by name; dotted names nest (`request.operation`). */
  readonly values: { [name: string]: any };
}

/** Options of a PolicyTest. */
export interface PolicyTestProps {
  /**
   * Test name (`metadata.name` of the suite and its folder `tests/<set>/<name>/`).
   * @default - the construct id
   */
  readonly testName?: string;
  /**
   * Environment whose resolved policies are tested (failure actions, exclusions, enabled flags).
   * @default - the repository's first environment
   */
  readonly environment?: string;
  /**
   * Namespace of the test resources (set on every namespaced resource by cdk8s).
   * @default - none
   */
  readonly namespace?: string;
  /**
   * Labels of namespaces, by namespace name, for `namespaceSelector` (Values `namespaceSelector`).
   * @default - none
   */
  readonly namespaceLabels?: { [namespace: string]: { [key: string]: string } };
  /**
   * Variables for every rule of every policy (Values `globalValues`).
   * @default - none
   */
  readonly globalValues?: { [name: string]: any };
  /**
   * Variables per rule, e.g. the data of a configMap or apiCall context entry.
   * @default - none
   */
  readonly ruleValues?: PolicyTestRuleValues[];
  /**
   * Variables per resource, e.g. `request.operation: UPDATE` (or `addResourceValues()` once the
   * resources exist).
   * @default - none
   */
  readonly resourceValues?: PolicyTestResourceValues[];
  /**
   * The requesting user (a UserInfo file).
   * @default - none
   */
  readonly userInfo?: RequestUserInfo;
  /**
   * Expected results (more can be added with `expect()`).
   * @default - none
   */
  readonly expectations?: PolicyTestExpectation[];
  /**
   * Manifests the generate rules' `clone` and `cloneList` may copy (the suite's
   * `cloneSourceResource`, given to every expectation of a clone or cloneList rule).
   * @default - none (only the trigger can be cloned)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/#clone-source
   */
  readonly cloneSources?: any[];
}

/** The outcome of a PolicyTest run. */
export interface PolicyTestReport {
  /** Every expectation with the engine's result. */
  readonly results: KyvernoTestCaseResult[];
  /** The expectations the engine disagrees with. */
  readonly mismatches: KyvernoTestCaseResult[];
  /** Whether every expectation holds. */
  readonly passed: boolean;
}

/** The documents a suite lists as policies: Kyverno policies of every kind and the admission policies with their bindings. */
const POLICY_KINDS = [
  'ClusterPolicy', 'Policy', 'ValidatingPolicy', 'NamespacedValidatingPolicy', 'MutatingPolicy', 'NamespacedMutatingPolicy',
  'GeneratingPolicy', 'NamespacedGeneratingPolicy', 'ImageValidatingPolicy', 'NamespacedImageValidatingPolicy', 'DeletingPolicy',
  'NamespacedDeletingPolicy', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
];
const CLONE_SOURCES_FILE = 'clone-sources.yaml';

/**
 * Resources and the results policies of the enclosing PolicySet must give on them. A nested cdk8s
 * Chart, so its resources never become templates of the set.
 */
export class PolicyTest extends Chart implements IFileContributor {
  /** The test's name. */
  public readonly testName: string;
  /** The set whose policies are tested. */
  public readonly policySet: PolicySet;
  private readonly expectations: PolicyTestExpectation[] = [];
  private readonly ruleValues: PolicyTestRuleValues[] = [];
  private readonly resourceValues: PolicyTestResourceValues[] = [];
  private readonly props: PolicyTestProps;

  constructor(scope: PolicySet, id: string, props: PolicyTestProps = {}) {
    super(scope, id, { namespace: props.namespace, disableResourceNameHashes: true });
    if (!PolicySet.isPolicySet(scope)) {
      throw new Error(`${this.node.path}: a PolicyTest must be created directly in a PolicySet`);
    }
    this.policySet = scope;
    this.props = props;
    this.testName = props.testName ?? id;
    for (const e of props.expectations ?? []) this.expectations.push(e);
    for (const v of props.ruleValues ?? []) this.ruleValues.push(v);
    for (const v of props.resourceValues ?? []) this.resourceValues.push(v);
    this.node.addValidation({ validate: () => this.problems() });
  }

  /**
   * Adds an expected result, optionally with the variables the resource sees under the policy
   * (e.g. a mocked apiCall context entry: `{ pdb_count: 0 }`).
   */
  public expect(resource: IConstruct, policy: string, rule: string, result: RuleStatus, values?: { [name: string]: any }): void {
    this.expectations.push({ resource, policy, rule, result, values });
  }

  /**
   * Expects the generate rule `rule` of `policy` to pass on `resource` and to generate exactly
   * the given manifests (compared as `kyverno test` compares `generatedResources`).
   */
  public expectGenerated(resource: IConstruct, policy: string, rule: string, generatedResources: any[]): void {
    this.expectations.push({ resource, policy, rule, result: RuleStatus.PASS, generatedResources });
  }

  /** Adds variables for one rule (e.g. the data of a mocked configMap context entry). */
  public addRuleValues(values: PolicyTestRuleValues): void {
    this.ruleValues.push(values);
  }

  /** Adds variables for one resource under one policy (e.g. `request.operation`). */
  public addResourceValues(values: PolicyTestResourceValues): void {
    this.resourceValues.push(values);
  }

  /**
   * The test's resources (every ApiObject of this chart but PolicyExceptions), sorted by kind,
   * namespace and name.
   */
  public get resources(): ApiObject[] {
    return this.node.findAll()
      .filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === this && !isExceptionObject(c))
      .sort((a, b) => compareBytes(key(a), key(b)));
  }

  /**
   * The PolicyExceptions in force for the test, as manifests: those of every set of the
   * repository (rendered for the test's environment) and those created inside this test, sorted
   * by namespace and name. Kyverno skips the rules they name on the resources they match.
   */
  public exceptions(): any[] {
    const rendered = this.policySet.repo.render(this.environment).filter((m) => isPolicyException(m) || isCelPolicyException(m));
    const local = this.node.findAll()
      .filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === this && isExceptionObject(c))
      .map((c) => c.toJson());
    return [...rendered, ...local].sort((a, b) => compareBytes(exceptionKey(a), exceptionKey(b)));
  }

  /** The environment the test resolves policies for. */
  public get environment(): string {
    return this.props.environment ?? this.policySet.repo.environments[0];
  }

  /** The suite as kyverno test reads it (policies resolved for the environment). */
  public definition(): KyvernoTestDefinition {
    return {
      name: this.testName,
      policies: this.resolvedPolicies(),
      resources: this.resources.map((r) => r.toJson()),
      results: this.resultsList(),
      values: this.valuesDocument(),
      userInfo: this.userInfoDocument(),
      exceptions: this.exceptions(),
      resultFiles: this.resultFiles(),
    };
  }

  /** Evaluates every expectation through the offline engine. */
  public run(): PolicyTestReport {
    const report: KyvernoTestReport = KyvernoTestRunner.run(this.definition());
    const mismatches = report.results.filter((r) => !r.matched);
    return { results: report.results, mismatches, passed: mismatches.length === 0 };
  }

  /** Runs the test and throws an error listing every mismatch (for jest). */
  public verify(): void {
    const report = this.run();
    if (report.passed) return;
    const lines = report.mismatches.map((m) =>
      `  ${m.policy}/${m.rule} on ${m.kind} ${m.namespace ? m.namespace + '/' : ''}${m.resource}: expected ${m.expected}, got ${m.actual}${m.reason ? ` (${m.reason})` : ''}`);
    throw new Error(`${this.node.path}: ${report.mismatches.length} of ${report.results.length} expectations do not hold:\n${lines.join('\n')}`);
  }

  /** The `.kyverno-test/` suite under `tests/<set>/<test>/`. */
  public synthFiles(): SynthFile[] {
    const dir = `tests/${this.policySet.chartName}/${this.testName}/.kyverno-test`;
    const def = this.definition();
    const test: any = {
      apiVersion: 'cli.kyverno.io/v1alpha1',
      kind: 'Test',
      metadata: { name: this.testName },
      policies: ['policies.yaml'],
      resources: ['resources.yaml'],
    };
    const files: SynthFile[] = [
      { path: `${dir}/policies.yaml`, content: toYamlDocuments(def.policies) },
      { path: `${dir}/resources.yaml`, content: toYamlDocuments(def.resources) },
    ];
    if (def.values) {
      test.variables = 'values.yaml';
      files.push({ path: `${dir}/values.yaml`, content: toYaml(def.values) });
    }
    if (def.userInfo) {
      test.userinfo = 'userinfo.yaml';
      files.push({ path: `${dir}/userinfo.yaml`, content: toYaml(def.userInfo) });
    }
    if (def.exceptions && def.exceptions.length > 0) {
      test.exceptions = ['exceptions.yaml'];
      files.push({ path: `${dir}/exceptions.yaml`, content: toYamlDocuments(def.exceptions) });
    }
    for (const [file, docs] of Object.entries(def.resultFiles ?? {})) files.push({ path: `${dir}/${file}`, content: toYamlDocuments(docs) });
    test.results = def.results;
    files.push({ path: `${dir}/kyverno-test.yaml`, content: toYaml(test) });
    return files.sort((a, b) => compareBytes(a.path, b.path));
  }

  private resolvedPolicies(): any[] {
    const rendered = this.policySet.render(this.environment);
    return rendered
      .filter((m) => POLICY_KINDS.includes(m?.kind))
      .sort((a, b) => compareBytes(`${a.kind}/${a.metadata?.name}`, `${b.kind}/${b.metadata?.name}`));
  }

  /**
   * The files of the generated resources an expectation names (from its identity, so independent
   * of construction order): one file per manifest, as kyverno test reads exactly one resource per file.
   */
  private generatedFiles(e: PolicyTestExpectation): Array<{ file: string; manifest: any }> {
    if (!e.generatedResources) return [];
    const json = apiObjectOf(e.resource)?.toJson();
    const base = [e.policy, e.rule, json?.metadata?.namespace, json?.metadata?.name].filter((p) => p).join('-');
    const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
    if (e.generatedResources.length === 1) return [{ file: `generated-${safe(base)}.yaml`, manifest: e.generatedResources[0] }];
    return e.generatedResources.map((m: any) => ({
      file: `generated-${safe([base, m?.kind, m?.metadata?.namespace, m?.metadata?.name].filter((p) => p).join('-'))}.yaml`, manifest: m,
    }));
  }

  /** Whether the rule clones (clone or cloneList), so its results name the clone sources file. */
  private clones(policy: string, rule: string): boolean {
    const p = this.policySet.policies.find((x) => x.policyName === policy);
    const gen: any = p?.rules.find((x: any) => x.name === rule)?.generate;
    const clonesIn = (g: any) => !!(g?.clone?.name || g?.cloneList?.kinds?.length);
    return clonesIn(gen) || (gen?.foreach ?? []).some(clonesIn);
  }

  /** The documents of the result files: clone sources and expected generated resources. */
  private resultFiles(): { [file: string]: any[] } | undefined {
    const files: { [file: string]: any[] } = {};
    if (this.props.cloneSources && this.props.cloneSources.length > 0) files[CLONE_SOURCES_FILE] = this.props.cloneSources;
    for (const e of this.expectations) {
      for (const { file, manifest } of this.generatedFiles(e)) files[file] = [manifest];
    }
    return Object.keys(files).length > 0 ? files : undefined;
  }

  private resultsList(): any[] {
    const groups = new Map<string, any>();
    for (const e of this.expectations) {
      const obj = apiObjectOf(e.resource);
      if (!obj) continue;
      const json = obj.toJson();
      // the v1.19 Test schema has no result namespace: a namespaced resource is `namespace/name`
      const entry: any = { policy: e.policy, rule: e.rule, kind: json.kind, result: e.result };
      const name = json.metadata?.namespace ? `${json.metadata.namespace}/${json.metadata?.name}` : json.metadata?.name;
      // one expected manifest: the singular field every kyverno test version reads; several: the v1.19 list form
      const generated = this.generatedFiles(e).map((g) => g.file);
      if (generated.length === 1) entry.generatedResource = generated[0];
      else if (generated.length > 1) entry.generatedResources = generated;
      const hasSources = (this.props.cloneSources ?? []).length > 0;
      if (hasSources && this.clones(e.policy, e.rule)) entry.cloneSourceResource = CLONE_SOURCES_FILE;
      const k = JSON.stringify(entry);
      const g = groups.get(k) ?? { ...entry, resources: [] as string[] };
      if (!g.resources.includes(name)) g.resources.push(name);
      groups.set(k, g);
    }
    return [...groups.values()]
      .map((g) => ({ ...g, resources: [...g.resources].sort() }))
      .sort((a, b) => compareBytes(JSON.stringify([a.policy, a.rule, a.kind, a.namespace ?? '', a.result]), JSON.stringify([b.policy, b.rule, b.kind, b.namespace ?? '', b.result])));
  }

  private valuesDocument(): any {
    const labels = this.props.namespaceLabels ?? {};
    const doc: any = { apiVersion: 'cli.kyverno.io/v1alpha1', kind: 'Values' };
    if (this.props.globalValues && Object.keys(this.props.globalValues).length > 0) doc.globalValues = this.props.globalValues;
    const byPolicy = new Map<string, { rules: Map<string, any>; resources: Map<string, any> }>();
    const entry = (policy: string) => {
      let e = byPolicy.get(policy);
      if (!e) byPolicy.set(policy, e = { rules: new Map(), resources: new Map() });
      return e;
    };
    for (const rv of this.ruleValues) {
      const rules = entry(rv.policy).rules;
      rules.set(rv.rule, { ...(rules.get(rv.rule) ?? {}), ...rv.values });
    }
    for (const rv of this.allResourceValues()) {
      const name = apiObjectOf(rv.resource)?.toJson().metadata?.name;
      if (!name) continue;
      const resources = entry(rv.policy).resources;
      resources.set(name, { ...(resources.get(name) ?? {}), ...rv.values });
    }
    if (byPolicy.size > 0) {
      doc.policies = [...byPolicy.keys()].sort().map((name) => {
        const e = byPolicy.get(name)!;
        const p: any = { name };
        if (e.rules.size > 0) p.rules = [...e.rules.keys()].sort().map((rule) => ({ name: rule, values: e.rules.get(rule) }));
        if (e.resources.size > 0) p.resources = [...e.resources.keys()].sort().map((r) => ({ name: r, values: e.resources.get(r) }));
        return p;
      });
    }
    if (Object.keys(labels).length > 0) {
      doc.namespaceSelector = Object.keys(labels).sort().map((name) => ({ name, labels: labels[name] }));
    }
    return Object.keys(doc).length > 2 ? doc : undefined;
  }

  /** Resource values given directly and with expectations (in that order). */
  private allResourceValues(): PolicyTestResourceValues[] {
    const fromExpectations = this.expectations
      .filter((e) => e.values && Object.keys(e.values).length > 0)
      .map((e) => ({ policy: e.policy, resource: e.resource, values: e.values! }));
    return [...this.resourceValues, ...fromExpectations];
  }

  /** Values given twice for one resource, policy and name with different contents. */
  private conflictingValues(): string[] {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    this.expectations.forEach((e, i) => {
      const name = apiObjectOf(e.resource)?.toJson().metadata?.name;
      for (const [k, v] of Object.entries(e.values ?? {})) {
        const id = JSON.stringify([e.policy, name, k]);
        const json = JSON.stringify(v);
        const before = seen.get(id);
        if (before !== undefined && before !== json) {
          problems.push(`expectations[${i}].values: ${JSON.stringify(k)} is ${json} but an earlier expectation gives ${before} for ${name} under ${e.policy} (values hold per policy and resource, not per rule)`);
        }
        seen.set(id, json);
      }
    });
    return problems;
  }

  private userInfoDocument(): any {
    const ui = this.props.userInfo;
    if (!ui) return undefined;
    const doc: any = { apiVersion: 'cli.kyverno.io/v1alpha1', kind: 'UserInfo' };
    if (ui.clusterRoles) doc.clusterRoles = ui.clusterRoles;
    if (ui.roles) doc.roles = ui.roles;
    const user: any = {};
    if (ui.username !== undefined) user.username = ui.username;
    if (ui.groups) user.groups = ui.groups;
    doc.userInfo = user;
    return doc;
  }

  private problems(): string[] {
    const problems: string[] = [];
    const nameProblem = dns1123LabelProblem('testName', this.testName);
    if (nameProblem) problems.push(nameProblem);
    this.expectations.forEach((e, i) => {
      if (!EXPECTABLE.includes(e.result)) problems.push(`expectations[${i}].result: ${JSON.stringify(e.result)} is not one of ${EXPECTABLE.join(', ')}`);
    });
    const envs = this.policySet.repo.environments;
    if (this.props.environment !== undefined && !envs.includes(this.props.environment)) {
      problems.push(`environment: ${JSON.stringify(this.props.environment)} is not an environment of the repository (${envs.join(', ')})`);
    }
    // a CEL policy reports its results under its own name as the rule (or no rule name)
    const policies = new Map<string, { rules: any[] }>(this.policySet.policies.map((p) => [p.policyName, p]));
    for (const o of this.policySet.celPolicies) {
      // bindings and exceptions give no results of their own
      if (!o.kind.endsWith('Binding') && o.kind !== 'PolicyException' && !policies.has(o.policyName)) {
        policies.set(o.policyName, { rules: [{ name: o.policyName }, { name: '' }] });
      }
    }
    this.ruleValues.forEach((rv, i) => {
      const policy = policies.get(rv.policy);
      if (!policy) problems.push(`ruleValues[${i}].policy: no policy named ${JSON.stringify(rv.policy)} in set ${this.policySet.chartName}`);
      else if (!policy.rules.some((r: any) => r.name === rv.rule)) problems.push(`ruleValues[${i}].rule: policy ${rv.policy} has no rule ${JSON.stringify(rv.rule)}`);
    });
    this.resourceValues.forEach((rv, i) => {
      if (!policies.has(rv.policy)) problems.push(`resourceValues[${i}].policy: no policy named ${JSON.stringify(rv.policy)} in set ${this.policySet.chartName}`);
      const obj = apiObjectOf(rv.resource);
      if (!obj || Chart.of(obj) !== this) problems.push(`resourceValues[${i}].resource: ${rv.resource.node.path} is not a Kubernetes object inside this test`);
    });
    problems.push(...this.conflictingValues());
    this.expectations.forEach((e, i) => {
      const field = `expectations[${i}]`;
      const obj = apiObjectOf(e.resource);
      if (!obj) {
        problems.push(`${field}.resource: ${e.resource.node.path} is not a Kubernetes object (an ApiObject or a cdk8s-plus resource)`);
      } else if (Chart.of(obj) !== this) {
        problems.push(`${field}.resource: ${obj.node.path} is not inside this test (create test resources in the PolicyTest)`);
      }
      const policy = policies.get(e.policy);
      if (!policy) {
        problems.push(`${field}.policy: no policy named ${JSON.stringify(e.policy)} in set ${this.policySet.chartName} (policies: ${[...policies.keys()].join(', ') || 'none'})`);
        return;
      }
      const rules = policy.rules.map((r: any) => r.name);
      const base = e.rule.replace(/^autogen-(cronjob-)?/, '');
      if (!rules.includes(e.rule) && !rules.includes(base)) {
        problems.push(`${field}.rule: policy ${e.policy} has no rule ${JSON.stringify(e.rule)} (rules: ${rules.join(', ')})`);
      }
    });
    return problems;
  }
}

/** A PolicyException object, kyverno.io or policies.kyverno.io (by kind: cdk8s makes `instanceof` true for any ApiObject). */
function isExceptionObject(o: ApiObject): boolean {
  return o.kind === 'PolicyException' && (o.apiVersion.startsWith('kyverno.io/') || o.apiVersion.startsWith('policies.kyverno.io/'));
}

function key(o: ApiObject): string {
  return `${o.kind}/${o.metadata.namespace ?? ''}/${o.name}`;
}

/** The ApiObject of a construct: itself, its cdk8s-plus `apiObject`, or its only ApiObject child. */
function apiObjectOf(c: IConstruct): ApiObject | undefined {
  if (c instanceof ApiObject) return c;
  const inner = (c as any).apiObject;
  if (inner instanceof ApiObject) return inner;
  const found = c.node.findAll().filter((x): x is ApiObject => x instanceof ApiObject);
  return found.length === 1 ? found[0] : undefined;
}

