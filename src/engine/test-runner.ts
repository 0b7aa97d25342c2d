/**
 * The model and runner of a kyverno test suite (`kyverno-test.yaml` with its Values, UserInfo,
 * Context and ClusterResource files), on already parsed documents. Pure: loading files is the
 * caller's business (src/testing/kyverno-test-suite.ts).
 *
 * Results are looked up as `kyverno test` looks them up: the engine's responses for the policy
 * and the resource, then the rule's response (or every response of the policy for a result with
 * an `is<Kind>` flag). A policy that was applied but produced no response for the rule is
 * "excluded", which kyverno test counts as a skip whatever the expected result; a response the
 * engine cannot compute is `unsupported`, never excluded.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import { autogenRules } from './autogen';
import { withDefaultNamespace } from './default-namespace';
import { evaluatePolicy, isValidatingPolicyDocument, ruleCategory, RuleCategory } from './evaluate';
import { EvaluationOptions, RequestUserInfo } from './evaluation-options';
import { checkResultGeneratedResources } from './generated-resource-check';
import { finalPatchedResource, isSameObject, patchedResourceMismatch } from './patched-resource-check';
import { RuleResult, RuleStatus } from './result';

/** A test suite's documents, parsed. */
export interface KyvernoTestDefinition {
  /** The suite's name (`metadata.name`, or `name` in the old schema). */
  readonly name: string;
  /** The suite's file (reported with each result). @default - none (built in code) */
  readonly file?: string;
  /** Policy documents (ClusterPolicy, Policy, ValidatingPolicy, ...). */
  readonly policies: any[];
  /** Resource documents. */
  readonly resources: any[];
  /** The `results` list of the test, as written. */
  readonly results: any[];
  /** The Values document (`kind: Values`) or the Test's inline `values`. @default - none */
  readonly values?: any;
  /** The UserInfo document (`kind: UserInfo`). @default - none (the request carries no user info) */
  readonly userInfo?: any;
  /** The Context document (`kind: Context`) for CEL policies. @default - none */
  readonly context?: any;
  /** PolicyException documents (the test's `exceptions` files). @default - none */
  readonly exceptions?: any[];
  /**
   * Resources of the cluster (the `spec.resources` of the test's ClusterResource files): what
   * `apiCall`, `configMap` context entries and the CEL `resource` library read.
   * @default - none
   */
  readonly clusterResources?: any[];
  /** Existing resources a mutate-existing rule targets (`targetResources`). @default - none */
  readonly targetResources?: any[];
  /** Parameter resources of admission policies (`paramResources`). @default - none */
  readonly paramResources?: any[];
  /** JSON payloads (`jsonPayload`, `jsonPayloads`). @default - none */
  readonly jsonPayloads?: any[];
  /** HTTP request payloads (`httpPayloads`). @default - none */
  readonly httpPayloads?: any[];
  /** Envoy check request payloads (`envoyPayloads`). @default - none */
  readonly envoyPayloads?: any[];
  /** Mocked HTTP responses (`apiCallResponses`: url or urlPath, method, response). @default - none */
  readonly apiCallResponses?: any[];
  /** Mocked GlobalContextEntry data (`globalContextEntries`, resource files loaded). @default - none */
  readonly globalContextEntries?: any[];
  /**
   * Documents of the files the results name (`patchedResources`, `generatedResource(s)`,
   * `cloneSourceResource`), by the path as written in the result.
   * @default - none
   */
  readonly resultFiles?: { [path: string]: any[] };
}

/** One expected result compared with the engine's. */
export interface KyvernoTestCaseResult {
  /** Suite name. */
  readonly test: string;
  /** The suite's file. @default - none (suite built in code) */
  readonly file?: string;
  /** Policy name as written in the test. */
  readonly policy: string;
  /** Kind of the policy (ClusterPolicy, Policy, ValidatingPolicy, ...); empty when not found. */
  readonly policyKind: string;
  /** Rule name as written in the test. */
  readonly rule: string;
  /** Resource name (without the namespace of a `namespace/name` reference). */
  readonly resource: string;
  /** Resource kind as written in the test. */
  readonly kind: string;
  /** Resource namespace (from `namespace/name` or resourceSpecs). @default - none */
  readonly namespace?: string;
  /** Expected result: pass, fail, skip, error or warn. */
  readonly expected: string;
  /**
   * The engine's result: pass, fail, skip, error, warn, `unsupported` (the engine cannot evaluate
   * it), `excluded` (the policy applies to no rule of that name: kyverno test's skip) or
   * `not-found` (no such policy or resource).
   */
  readonly actual: string;
  /** Why (the engine's message). @default - none */
  readonly reason?: string;
  /** Whether expected and actual agree, as kyverno test decides. */
  readonly matched: boolean;
  /**
   * Type of the rule: pattern, deny, foreach, cel, podSecurity, mutate, generate, verifyImages,
   * validatingPolicy, the lower-camel policy kind for other policies, unknownRule when the policy
   * has no such rule, unsupported when the policy is not found or the rule has no known body.
   */
  readonly category: string;
}

/** The outcome of a whole suite. */
export interface KyvernoTestReport {
  /** Suite name. */
  readonly name: string;
  /** The suite's file. @default - none */
  readonly file?: string;
  /** Every expected result with the engine's. */
  readonly results: KyvernoTestCaseResult[];
  /** Whether every expected result matched. */
  readonly passed: boolean;
}

/** Result flags that name the kind of a policy whose responses are compared without rule names. */
const KIND_FLAGS = [
  'isValidatingPolicy', 'isMutatingPolicy', 'isGeneratingPolicy', 'isImageValidatingPolicy', 'isDeletingPolicy',
  'isValidatingAdmissionPolicy', 'isMutatingAdmissionPolicy',
];

/** Values of a result's `result` (`pass` ... `skip`). */
const RESULTS = ['pass', 'fail', 'warn', 'error', 'skip'];
/** Request operations a result may simulate. */
const OPERATIONS = ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'];

function toStringMap(v: any): { [k: string]: string } {
  const out: { [k: string]: string } = {};
  for (const [k, x] of Object.entries(v ?? {})) out[k] = String(x);
  return out;
}

function policyName(p: any): string {
  return String(p?.metadata?.name ?? '');
}

function isKyvernoPolicy(p: any): boolean {
  return String(p?.apiVersion ?? '').startsWith('kyverno.io/') && (p?.kind === 'ClusterPolicy' || p?.kind === 'Policy');
}

function findRule(policy: any, ruleName: string): any {
  for (const r of policy?.spec?.rules ?? []) if (r.name === ruleName) return r;
  for (const g of autogenRules(policy)) if (g.name === ruleName) return g.rule;
  const stripped = ruleName.replace(/^autogen-(cronjob-)?/, '');
  for (const r of policy?.spec?.rules ?? []) if (r.name === stripped) return r;
  return undefined;
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

/** The type of the rule an expected result refers to. */
function ruleTypeOf(policy: any, ruleName: string): string {
  if (!policy) return RuleCategory.UNSUPPORTED;
  if (isValidatingPolicyDocument(policy)) return RuleCategory.VALIDATING_POLICY;
  if (!isKyvernoPolicy(policy)) return lowerFirst(String(policy.kind ?? 'unsupported'));
  const rule = findRule(policy, ruleName);
  if (!rule) return 'unknownRule';
  if (rule.mutate) return 'mutate';
  if (rule?.generate) return 'generate';
  if (rule?.verifyImages) return 'verifyImages';
  return ruleCategory(rule);
}

/**
 * Why results of this policy cannot be computed offline whatever its rules say, or undefined.
 * (Payload evaluation modes need request payloads the engine does not model.)
 */
function payloadModeReason(policy: any): string | undefined {
  const mode = String(policy?.spec?.evaluation?.mode ?? '');
  if (mode === 'JSON' || mode === 'Envoy' || mode === 'HTTP') {
    return `${policy.kind} ${policyName(policy)} evaluates ${mode} payloads, which the offline engine does not evaluate`;
  }
  return undefined;
}

/** One resource a result refers to, as written (`name`, `namespace/name`, or a resourceSpec). */
interface ResourceRef {
  readonly label: string;
  readonly name: string;
  readonly namespace?: string;
  readonly kind: string;
  readonly apiVersion?: string;
  readonly subresource?: string;
}

function refsOf(expected: any): ResourceRef[] {
  const kind = String(expected.kind ?? '');
  const refs: ResourceRef[] = [];
  const names: any[] = expected.resources ?? (expected.resource !== undefined ? [expected.resource] : []);
  for (const raw of names) {
    const full = String(raw);
    const slash = full.indexOf('/');
    refs.push(slash >= 0
      ? { label: full.slice(slash + 1), name: full.slice(slash + 1), namespace: full.slice(0, slash), kind }
      : { label: full, name: full, namespace: expected.namespace, kind });
  }
  for (const spec of expected.resourceSpecs ?? []) {
    const gv = spec.group ? `${spec.group}/${spec.version ?? ''}` : spec.version;
    refs.push({
      label: String(spec.name ?? ''),
      name: String(spec.name ?? ''),
      namespace: spec.namespace || undefined,
      kind: String(spec.kind ?? kind),
      apiVersion: gv || undefined,
      subresource: spec.subresource || undefined,
    });
  }
  return refs;
}

/**
 * The documents of a file a result names (`patchedResources`, `generatedResource(s)`,
 * `cloneSourceResource`), as the loader read them; an error naming the suite when it did not.
 */
export function readResultDocuments(def: KyvernoTestDefinition, relativePath: string): any[] {
  const docs = def.resultFiles?.[relativePath];
  if (!docs) throw new Error(`${def.file ?? def.name}: file ${JSON.stringify(relativePath)} named by a result was not loaded with the suite`);
  return docs;
}

/** Runs kyverno test suites through the offline engine. */
export class KyvernoTestRunner {
  /** Runs one parsed suite. */
  public static run(def: KyvernoTestDefinition): KyvernoTestReport {
    return new KyvernoTestRunner(def).execute();
  }

  private readonly cache = new Map<string, RuleResult[]>();

  private readonly def: KyvernoTestDefinition;

  private constructor(def: KyvernoTestDefinition) {
    // as the CLI's loader: a namespaced resource written without a namespace is in default
    this.def = {
      ...def,
      resources: def.resources.map(withDefaultNamespace),
      targetResources: def.targetResources?.map(withDefaultNamespace),
      paramResources: def.paramResources?.map(withDefaultNamespace),
    };
  }

  private execute(): KyvernoTestReport {
    const def = this.def;
    const cases: KyvernoTestCaseResult[] = [];
    (def.results ?? []).forEach((expected: any, i: number) => {
      const want = String(expected.result ?? expected.status ?? '');
      const where = `${def.file ?? def.name}: results[${i}]`;
      if (!RESULTS.includes(want)) throw new Error(`${where}: result "${want}" is not one of ${RESULTS.join(', ')}`);
      const operation = this.operationOf(expected, where);
      const rawPolicy = String(expected.policy ?? '');
      const policy = this.findPolicy(rawPolicy);
      const ruleName = String(expected.rule ?? '');
      const category = ruleTypeOf(policy, ruleName);
      const patchedFile = expected.patchedResources ?? expected.patchedResource;
      for (const ref of refsOf(expected)) {
        const found = this.actualFor(policy, rawPolicy, ruleName, expected, ref, operation);
        const { actual, hit } = found;
        // as kyverno test, the generated resources are compared only when the rule reported a result
        const generated = hit ? checkResultGeneratedResources(expected, hit.generatedResources, def.resultFiles) : undefined;
        // kyverno test fails a result whose policy's patched resource differs from the file
        const mismatch = patchedFile && policy && found.patched !== undefined
          ? patchedResourceMismatch(found.patched, def.resultFiles?.[String(patchedFile)], String(patchedFile)) : undefined;
        // kyverno test counts a failed check as a success when the result expects fail, and skips
        // the row when the file has no document for the resource
        const excused = mismatch !== undefined && (want === 'fail' || mismatch.notInFile);
        const engineReason = generated && !generated.ok && actual === want ? generated.reason : found.reason;
        const reason = mismatch === undefined ? engineReason
          : excused ? `not counted by kyverno test (${want === 'fail' ? 'expected fail' : 'row skipped'}): ${mismatch.reason}` : mismatch.reason;
        cases.push({
          test: def.name,
          file: def.file,
          policy: rawPolicy,
          policyKind: String(policy?.kind ?? ''),
          rule: ruleName,
          resource: ref.label,
          kind: ref.kind,
          namespace: ref.namespace,
          expected: want,
          actual,
          reason,
          // kyverno test counts a policy that applied no rule of that name ("Excluded") as a skip,
          // whatever the expected result
          matched: mismatch !== undefined ? excused : (actual === want || actual === 'excluded') && (generated?.ok ?? true),
          category,
        });
      }
    });
    return { name: def.name, file: def.file, results: cases, passed: cases.every((c) => c.matched) };
  }

  /** The result's `operation` (checked), or undefined to use the values' `request.operation`. */
  private operationOf(expected: any, where: string): string | undefined {
    const op = expected.operation;
    if (op !== undefined && !OPERATIONS.includes(op)) throw new Error(`${where}: operation "${op}" is not one of ${OPERATIONS.join(', ')}`);
    return op;
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

  private resourcesFor(ref: ResourceRef): any[] {
    const kindName = ref.kind.split('/').pop() ?? ref.kind;
    return this.def.resources.filter((r) => {
      if (String(r?.metadata?.name ?? '') !== ref.name) return false;
      if (kindName && r?.kind !== kindName) return false;
      if (ref.apiVersion && r?.apiVersion !== ref.apiVersion) return false;
      if (ref.namespace && (r?.metadata?.namespace ?? '') !== ref.namespace) return false;
      return true;
    });
  }

  /**
   * The request around `resource`: the result's operation, else the values' `request.operation`
   * (per resource, then global), else CREATE.
   */
  private optionsFor(policy: any, resource: any, resultOperation: string | undefined): EvaluationOptions {
    const v = this.def.values ?? {};
    const pv = this.valuesFor(policy);
    const resourceName = String(resource?.metadata?.name ?? '');
    const resourceValues = (pv?.resources ?? []).find((r: any) => r?.name === resourceName)?.values ?? {};
    const values: any = { ...(v.globalValues ?? {}), ...resourceValues };
    const operation = resultOperation ?? values['request.operation'] ?? 'CREATE';
    values['request.operation'] = operation;
    const ruleValues: any = {};
    const foreachValues: any = {};
    for (const r of pv?.rules ?? []) {
      if (r?.values) ruleValues[r.name] = { ...r.values, ...resourceValues };
      if (r?.foreachValues) foreachValues[r.name] = r.foreachValues;
    }
    const ns = resource?.kind === 'Namespace' ? resource?.metadata?.name : resource?.metadata?.namespace;
    const nsEntry = (v.namespaceSelector ?? []).find((e: any) => e?.name === ns);
    const nsObject = (v.namespaces ?? []).find((n: any) => n?.metadata?.name === ns)
      ?? this.def.resources.find((r) => r?.kind === 'Namespace' && r?.metadata?.name === ns)
      ?? (this.def.clusterResources ?? []).find((r) => r?.kind === 'Namespace' && r?.metadata?.name === ns);
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
      uid: ui.userInfo?.uid,
      extra: ui.userInfo?.extra,
      roles: ui.roles,
      clusterRoles: ui.clusterRoles,
    } : undefined;
    // kyverno test allows API calls only with clusterResources; its fake cluster then holds the
    // suite's resources, target and parameter resources too
    const cluster = (this.def.clusterResources ?? []).length > 0
      ? [...this.def.clusterResources!, ...this.def.resources, ...(this.def.targetResources ?? []), ...(this.def.paramResources ?? [])]
      : [];
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
      contextResources: [...(this.def.context?.spec?.resources ?? []), ...cluster],
      contextImages: this.def.context?.spec?.images,
      exceptions: this.def.exceptions,
      clusterResources: cluster.length > 0 ? cluster : undefined,
      apiCallResponses: this.def.apiCallResponses,
      globalContextEntries: this.def.globalContextEntries,
      params: (this.def.paramResources ?? [])[0],
      // admission policies find their bindings among the suite's policies, and their params here
      policyBindings: this.def.policies,
      paramResources: this.def.paramResources,
      cloneSources: this.cloneSourcesFor(policy),
      targetResources: this.def.targetResources,
    };
  }

  /** The documents of the `cloneSourceResource` files of the results about `policy` (what kyverno test's generate controller can clone). */
  private cloneSourcesFor(policy: any): any[] {
    const files = new Set((this.def.results ?? []).filter((r) => this.findPolicy(String(r?.policy ?? '')) === policy)
      .map((r) => r?.cloneSourceResource).filter((f) => typeof f === 'string' && f !== ''));
    return [...files].flatMap((f) => this.def.resultFiles?.[f] ?? []);
  }

  private evaluate(policy: any, resource: any, operation: string | undefined): RuleResult[] {
    const key = `${this.def.policies.indexOf(policy)}:${this.def.resources.indexOf(resource)}:${operation ?? ''}`;
    let r = this.cache.get(key);
    if (!r) {
      r = evaluatePolicy(policy, this.mutatedInput(policy, resource, operation), this.optionsFor(policy, resource, operation));
      this.cache.set(key, r);
    }
    return r;
  }

  /**
   * kyverno test patches the resource with every policy's mutate rules in order before it
   * validates: a mutate policy sees the patches of the mutate policies before it, any other
   * policy those of all of them.
   */
  private mutatedInput(policy: any, resource: any, operation: string | undefined): any {
    const hasMutate = (p: any) => (p?.spec?.rules ?? []).some((r: any) => r?.mutate);
    const at = this.def.policies.indexOf(policy);
    const upTo = hasMutate(policy) ? at : this.def.policies.length;
    let current = resource;
    for (let i = 0; i < upTo; i++) {
      const p = this.def.policies[i];
      if (p === policy || !hasMutate(p)) continue;
      current = finalPatchedResource(this.evaluate(p, resource, operation), resource) ?? current;
    }
    return current;
  }

  private actualFor(
    policy: any, rawPolicy: string, ruleName: string, expected: any, ref: ResourceRef, operation: string | undefined,
  ): { actual: string; reason?: string; hit?: RuleResult; patched?: any } {
    if (!policy) return { actual: 'not-found', reason: `policy ${rawPolicy} is not in the suite` };
    const resources = this.resourcesFor(ref);
    if (resources.length === 0) {
      const payloads = (this.def.jsonPayloads?.length ?? 0) + (this.def.httpPayloads?.length ?? 0) + (this.def.envoyPayloads?.length ?? 0);
      // a result on a payload rather than a resource: the engine does not evaluate payloads
      if (payloads > 0) return { actual: 'unsupported', reason: `${[ref.kind, ref.label].filter((x) => x).join(' ')} is not a resource of the suite; JSON, HTTP and Envoy payloads are not evaluated by the offline engine` };
      return { actual: 'not-found', reason: `resource ${ref.kind} ${ref.label} is not in the suite` };
    }
    const payload = payloadModeReason(policy);
    if (payload) return { actual: 'unsupported', reason: payload };
    // CEL policies have no rules: an is<Kind> flag (or no rule name) compares the policy's response
    const anyRule = KIND_FLAGS.some((f) => expected[f] === true) || (!isKyvernoPolicy(policy) && !ruleName);
    for (const resource of resources) {
      const results = this.evaluate(policy, resource, operation);
      // a policy the engine cannot evaluate at all answers for every rule of it
      const whole = results.find((r) => r.status === RuleStatus.UNSUPPORTED && r.rule === policyName(policy) && !findRule(policy, r.rule));
      if (whole) return { actual: 'unsupported', reason: whole.message };
      const hits = anyRule ? results : results.filter((r) => r.rule === ruleName || r.rule === `autogen-${ruleName}` || r.rule === `autogen-cronjob-${ruleName}`);
      if (hits.length > 0) {
        const hit = hits.find((h) => h.status === RuleStatus.UNSUPPORTED) ?? hits[0];
        // a mutate-existing result carries its patched target; otherwise the policy's patched resource
        const target = hit.patchedResource !== undefined && !isSameObject(hit.patchedResource, resource) ? hit.patchedResource : undefined;
        return { actual: String(hit.status), reason: hit.message, hit, patched: target ?? finalPatchedResource(results, resource) };
      }
    }
    const known = anyRule || findRule(policy, ruleName) !== undefined;
    return {
      actual: 'excluded',
      reason: known
        ? `rule ${ruleName || policyName(policy)} does not select the resource (kyverno test: Excluded, counted as a skip)`
        : `policy ${policyName(policy)} has no rule ${ruleName} (kyverno test: Excluded, counted as a skip)`,
    };
  }
}
