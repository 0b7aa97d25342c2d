/**
 * PolicyExceptions must name policies (and rules) that exist: in the repository, or, when the
 * repository is a source of a platform, in some source of that platform. Kyverno accepts an
 * exception naming nothing, and it then silently exempts nothing. Internal module.
 */
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { apiGroup, policyIdentities } from './policy-identities';
import type { PolicyIdentity } from './policy-repo-contract';
import { compareBytes } from '../core/byte-order';
import { wildcardMatch } from '../engine/wildcard';

/** A policy an exception may name. */
export interface PolicyReference {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  /** Rule names (kyverno.io policies); undefined when not known (a policy known only by name). */
  readonly rules?: string[];
  /** Where it comes from, e.g. `repository security-policy`. */
  readonly source: string;
}

/** What exceptions may name: policies, and the sources whose policies are not known (image or git sources). */
export interface PolicyScope {
  readonly policies: PolicyReference[];
  readonly unknownSources: string[];
  /** E.g. `repository security-policy` or `repository security-policy or another source of platform p`. */
  readonly description: string;
}

const POLICY_GROUPS = ['kyverno.io', 'policies.kyverno.io'];

/** The policies (every non-exception object of the two Kyverno policy groups) among `objects`. */
export function policyReferences(objects: ApiObject[], source: string): PolicyReference[] {
  return referencesOf(policyIdentities(objects.map((o) => o.toJson())), source);
}

/** The policies (every non-exception object of the two Kyverno policy groups) among policy identities. */
export function referencesOf(identities: PolicyIdentity[], source: string): PolicyReference[] {
  return identities
    .filter((p) => POLICY_GROUPS.includes(apiGroup(p.apiVersion)) && p.kind !== 'PolicyException')
    .map((p) => ({ kind: p.kind, namespace: p.namespace, name: p.name, rules: p.rules, source }));
}

/** What a platform tells a source repository: the policies of all its sources, and the sources whose policies are unknown. */
export interface PlatformScope {
  readonly platform: string;
  readonly policies: PolicyReference[];
  readonly unknownSources: string[];
}

/** A repository whose exceptions may name the policies of every source of a platform it is a source of. */
export interface PlatformScoped {
  _addPlatformScope(scope: () => PlatformScope): void;
}

/** Whether a repository takes a platform's scope (a repository of an older copy of the library has no such hook). */
export function isPlatformScoped(x: object): x is PlatformScoped {
  return typeof (x as Partial<PlatformScoped>)._addPlatformScope === 'function';
}

/** The exceptions among the objects of a chart (tests' own exceptions live in their own charts). */
export function exceptionObjects(chart: Chart): ApiObject[] {
  return chart.node.findAll().filter((c: IConstruct): c is ApiObject =>
    c instanceof ApiObject && Chart.of(c) === chart && c.kind === 'PolicyException' && POLICY_GROUPS.includes(c.apiVersion.split('/')[0]));
}

/**
 * Problems of one exception, each `<field>: <problem>`. With unknown sources in the scope they are
 * not certain (such a source may bring the policy): callers refuse only when every source is known,
 * and the platform reports the others as unchecked.
 */
export function exceptionReferenceProblems(exception: any, scope: PolicyScope): string[] {
  const out: string[] = [];
  const where = scope.description;
  const group = String(exception?.apiVersion ?? '').split('/')[0];
  if (group === 'kyverno.io') {
    const candidates = scope.policies.filter((p) => p.rules !== undefined || p.kind === 'ClusterPolicy' || p.kind === 'Policy');
    (Array.isArray(exception?.spec?.exceptions) ? exception.spec.exceptions : []).forEach((e: any, i: number) => {
      const at = `spec.exceptions[${i}]`;
      const name = String(e?.policyName ?? '');
      const matching = candidates.filter((p) => (p.kind === 'ClusterPolicy' || p.kind === 'Policy') && wildcardMatch(name, p.namespace ? `${p.namespace}/${p.name}` : p.name));
      if (matching.length === 0) {
        const known = unique(candidates.filter((p) => p.kind === 'ClusterPolicy' || p.kind === 'Policy').map((p) => (p.namespace ? `${p.namespace}/${p.name}` : p.name)));
        out.push(`${at}.policyName: no policy ${JSON.stringify(name)} in ${where} (policies: ${known.join(', ') || 'none'}; a namespaced Policy is named <namespace>/<name>)`);
        return;
      }
      if (matching.some((p) => p.rules === undefined)) return;
      const rules = [...new Set(matching.flatMap((p) => p.rules ?? []))];
      const generated = rules.flatMap((r) => [`autogen-${r}`, `autogen-cronjob-${r}`]);
      (Array.isArray(e?.ruleNames) ? e.ruleNames : []).forEach((r: any, j: number) => {
        const rule = String(r);
        if (![...rules, ...generated].some((known) => wildcardMatch(rule, known))) {
          out.push(`${at}.ruleNames[${j}]: policy ${JSON.stringify(name)} has no rule ${JSON.stringify(rule)} (rules: ${rules.join(', ')}; `
            + 'autogen-<rule> and autogen-cronjob-<rule> name the rules Kyverno generates for Pod controllers)');
        }
      });
    });
  } else if (group === 'policies.kyverno.io') {
    (Array.isArray(exception?.spec?.policyRefs) ? exception.spec.policyRefs : []).forEach((ref: any, i: number) => {
      const name = String(ref?.name ?? '');
      const kind = ref?.kind === undefined ? undefined : String(ref.kind);
      if (!scope.policies.some((p) => wildcardMatch(name, p.name) && (kind === undefined || p.kind === kind))) {
        const known = unique(scope.policies.filter((p) => kind === undefined || p.kind === kind).map((p) => p.name));
        out.push(`spec.policyRefs[${i}]: no ${kind ?? 'policy'} ${JSON.stringify(name)} in ${where} (${kind ?? 'policies'}: ${known.join(', ') || 'none'})`);
      }
    });
  }
  return out;
}

/** Names once each, in byte order. */
function unique(names: string[]): string[] {
  return [...new Set(names)].sort(compareBytes);
}

/**
 * Problems of the PolicyExceptions among rendered manifests, each `<origin>: PolicyException
 * <name>: <field>: <problem>`; an exception rendered in several environments is checked once, at
 * its first origin.
 */
export function renderedExceptionProblems(rendered: { readonly origin: string; readonly doc: any }[], scope: PolicyScope): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { origin, doc } of rendered) {
    if (doc?.kind !== 'PolicyException') continue;
    const name = doc?.metadata?.namespace ? `${doc.metadata.namespace}/${doc?.metadata?.name}` : String(doc?.metadata?.name);
    const key = `${doc.apiVersion} ${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(...exceptionReferenceProblems(doc, scope).map((p) => `${origin}: PolicyException ${name}: ${p}`));
  }
  return out;
}
