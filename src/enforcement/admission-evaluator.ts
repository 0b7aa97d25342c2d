/**
 * The admission controller's answer for one resource: mutate rules first (their patched resource is
 * what validation sees, as the mutating webhook runs before the validating one), then every
 * validation, each failing rule resolved to Enforce (denied) or Audit (warned) for the resource's
 * namespace. Policies are prepared once; a resource is never copied per policy. Internal module.
 */
import { AdmissionFinding, AdmissionOutcome, ResourceAdmission, ResourceOrigin, ResourceRef } from './admission-report';
import { RequestContext } from './request-context';
import { appliesAtAdmission, failureActionOf, ruleNamed, validationActionsOf } from './rule-action';
import { autogenRules } from '../engine/autogen';
import { resourceTypeOf } from '../engine/cel/resource-kinds';
import { isCelPolicyDocument } from '../engine/cel-policy-kinds';
import { evaluatePolicy } from '../engine/evaluate';
import { RuleResult, RuleStatus } from '../engine/result';

/** A policy, split once into its mutate part and the rest. */
interface PreparedPolicy {
  readonly name: string;
  readonly reportName: string;
  readonly policy: any;
  readonly mutate?: any;
  readonly validate?: any;
  /**
   * The validation actions of a CEL policy (Deny, Audit, Warn): its own `validationActions`, or
   * for a ValidatingAdmissionPolicy those of its bindings; undefined for a kyverno.io policy.
   */
  readonly validationActions?: string[];
  readonly admission: boolean;
  readonly failurePolicyFail: boolean;
  readonly scored: boolean;
  readonly severity?: string;
  readonly category?: string;
  /** Kinds some rule may select; undefined when that cannot be told from the policy (then it is always evaluated). */
  readonly kinds?: Set<string>;
}

/** The match blocks' resource descriptions of a rule (`match.resources`, `match.any/all[].resources`). */
function descriptions(block: any): any[] {
  if (!block) return [];
  const filters: any[] = [...(block.any ?? []), ...(block.all ?? [])];
  // a filter without resources selects by other means: kept as an empty description (no kinds known)
  return [block.resources, ...filters.map((f) => f?.resources ?? {})].filter((d) => d !== undefined);
}

/**
 * Every kind a ClusterPolicy/Policy can select, autogen controllers included, or undefined when a
 * rule matches without kinds or with wildcards. Conservative: every segment of `group/version/Kind`
 * and `Kind/subresource` counts, so the filter never drops a resource the engine would select.
 */
function selectableKinds(policy: any): Set<string> | undefined {
  // CEL policies select by matchConstraints (resources, not kinds): always evaluated
  if (isCelPolicyDocument(policy)) return undefined;
  const kinds = new Set<string>();
  const rules: any[] = Array.isArray(policy?.spec?.rules) ? policy.spec.rules : [];
  for (const rule of [...rules, ...autogenRules(policy).map((g) => g.rule)]) {
    const descs = descriptions(rule?.match);
    if (descs.length === 0) return undefined;
    for (const d of descs) {
      const list: unknown[] = Array.isArray(d?.kinds) ? d.kinds : [];
      if (list.length === 0) return undefined;
      for (const k of list) {
        const text = String(k);
        if (text.includes('*') || text.includes('?')) return undefined;
        for (const segment of text.split('/')) kinds.add(segment);
      }
    }
  }
  return kinds;
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];

/** Kinds whose evaluation is a mutation (their result carries the patched resource). */
const MUTATING_CEL_KINDS = new Set(['MutatingPolicy', 'NamespacedMutatingPolicy', 'MutatingAdmissionPolicy']);

/** A CEL policy's validation actions: its own, or a ValidatingAdmissionPolicy's bindings'. */
function celValidationActions(policy: any, bindings: any[]): string[] {
  if (policy?.kind !== 'ValidatingAdmissionPolicy') return validationActionsOf(policy);
  const name = String(policy?.metadata?.name ?? '');
  const own = bindings.filter((b) => b?.kind === 'ValidatingAdmissionPolicyBinding' && b?.spec?.policyName === name);
  // without a binding the API server enforces nothing: failures are only reported
  return [...new Set(own.flatMap((b) => (Array.isArray(b?.spec?.validationActions) ? b.spec.validationActions.map(String) : [])))];
}

function prepare(policy: any, bindings: any[]): PreparedPolicy {
  const name = String(policy?.metadata?.name ?? '');
  const ns = policy?.kind === 'Policy' ? String(policy?.metadata?.namespace ?? 'default') : undefined;
  const annotations = policy?.metadata?.annotations ?? {};
  const rules: any[] = Array.isArray(policy?.spec?.rules) ? policy.spec.rules : [];
  const mutateRules = rules.filter((r) => r?.mutate);
  const withRules = (rs: any[]) => ({ ...policy, spec: { ...policy.spec, rules: rs } });
  const severity = String(annotations['policies.kyverno.io/severity'] ?? '');
  const cel = isCelPolicyDocument(policy);
  const celMutation = cel && MUTATING_CEL_KINDS.has(String(policy.kind));
  return {
    name,
    reportName: ns ? `${ns}/${name}` : name,
    policy,
    mutate: cel ? (celMutation ? policy : undefined) : mutateRules.length > 0 ? withRules(mutateRules) : undefined,
    validate: cel ? (celMutation ? undefined : policy)
      : mutateRules.length === 0 ? policy : mutateRules.length < rules.length ? withRules(rules.filter((r) => !r?.mutate)) : undefined,
    validationActions: cel ? celValidationActions(policy, bindings) : undefined,
    kinds: selectableKinds(policy),
    admission: appliesAtAdmission(policy),
    failurePolicyFail: String(policy?.spec?.failurePolicy ?? 'Fail') !== 'Ignore',
    scored: String(annotations['policies.kyverno.io/scored'] ?? '') !== 'false',
    severity: SEVERITIES.includes(severity) ? severity : undefined,
    category: annotations['policies.kyverno.io/category'] ? String(annotations['policies.kyverno.io/category']) : undefined,
  };
}

/** Evaluates resources against prepared policies. */
export class AdmissionEvaluator {
  private readonly prepared: PreparedPolicy[];

  constructor(policies: any[], private readonly request: RequestContext, private readonly defaultNamespace = 'default', bindings: any[] = []) {
    this.prepared = policies.map((p) => prepare(p, bindings));
  }

  /** Number of policies. */
  public get policyCount(): number {
    return this.prepared.length;
  }

  /** The answer for one resource. */
  public check(input: any, origin: ResourceOrigin): ResourceAdmission {
    const resource = this.withNamespace(input);
    if (resource.kind === 'Namespace' && resource.apiVersion === 'v1') this.request.noteNamespace(resource);
    const ref: ResourceRef = {
      apiVersion: String(resource.apiVersion),
      kind: String(resource.kind),
      name: String(resource.metadata?.name ?? ''),
      namespace: resource.metadata?.namespace,
    };
    // a Namespace's own namespaceSelector and overrides look at its labels
    const namespace = ref.kind === 'Namespace' ? ref.name : ref.namespace ?? '';
    const findings: AdmissionFinding[] = [];
    let current = resource;
    let patched = false;
    const kind = ref.kind;
    for (const p of this.prepared) {
      if (!p.mutate || (p.kinds && !p.kinds.has(kind))) continue;
      for (const r of evaluatePolicy(p.mutate, current, this.request.optionsFor(p.name, current, namespace))) {
        const f = this.finding(p, r, ref, origin, namespace);
        findings.push(f);
        if (r.patchedResource !== undefined && r.status === RuleStatus.PASS) {
          current = r.patchedResource;
          patched = true;
        }
      }
    }
    for (const p of this.prepared) {
      if (!p.validate || (p.kinds && !p.kinds.has(kind))) continue;
      for (const r of evaluatePolicy(p.validate, current, this.request.optionsFor(p.name, current, namespace))) {
        findings.push(this.finding(p, r, ref, origin, namespace));
      }
    }
    return {
      resource: ref,
      origin,
      admitted: !findings.some((f) => f.outcome === AdmissionOutcome.DENIED),
      findings,
      patchedResource: patched ? current : undefined,
    };
  }

  /** Namespaced built-in kinds without a namespace get the default one, as kubectl sends them. */
  private withNamespace(resource: any): any {
    if (resource?.metadata?.namespace || !this.defaultNamespace) return resource;
    // built-in kinds by their scope; a custom resource without a namespace is left as given
    if (!resourceTypeOf(resource).namespaced) return resource;
    return { ...resource, metadata: { ...resource.metadata, namespace: this.defaultNamespace } };
  }

  private finding(p: PreparedPolicy, r: RuleResult, resource: ResourceRef, origin: ResourceOrigin, namespace: string): AdmissionFinding {
    let outcome: AdmissionOutcome;
    let action: string | undefined;
    let patchedResource: any;
    const failed = r.status === RuleStatus.FAIL || (r.status === RuleStatus.ERROR && p.failurePolicyFail);
    switch (r.status) {
      case RuleStatus.SKIP:
        outcome = AdmissionOutcome.SKIPPED;
        break;
      case RuleStatus.PASS:
        patchedResource = r.patchedResource;
        outcome = patchedResource !== undefined ? AdmissionOutcome.MUTATED : AdmissionOutcome.PASSED;
        break;
      case RuleStatus.FAIL: case RuleStatus.ERROR: case RuleStatus.WARN:
        if (p.validationActions) {
          const actions = p.validationActions;
          action = actions.length > 0 ? actions.join(',') : 'none (no binding)';
          outcome = p.admission && failed && actions.includes('Deny') ? AdmissionOutcome.DENIED : AdmissionOutcome.WARNED;
        } else {
          const rule = ruleNamed(p.policy, r.rule);
          if (rule?.validate || rule?.verifyImages) {
            action = failureActionOf(p.policy, r.rule, namespace, this.request.namespaceLabels(namespace));
            // scored: "false" makes the engine report WARN: a warning even under Enforce
            outcome = p.admission && failed && action === 'Enforce' ? AdmissionOutcome.DENIED : AdmissionOutcome.WARNED;
          } else {
            // a failing mutate or generate rule: Kyverno blocks on its errors under failurePolicy Fail
            outcome = p.admission && r.status === RuleStatus.ERROR && p.failurePolicyFail ? AdmissionOutcome.DENIED : AdmissionOutcome.WARNED;
          }
        }
        break;
      default:
        outcome = AdmissionOutcome.UNSUPPORTED;
    }
    return {
      resource,
      origin,
      policy: p.reportName,
      rule: r.rule,
      status: r.status,
      outcome,
      action,
      message: r.message,
      patchedResource,
      severity: p.severity,
      category: p.category,
      scored: p.scored,
    };
  }

}
