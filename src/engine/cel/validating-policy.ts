/**
 * Kyverno `ValidatingPolicy` (policies.kyverno.io v1alpha1, v1beta1, v1): a Kubernetes
 * ValidatingAdmissionPolicy with Kyverno's additions (autogen for pod controllers, libraries).
 *
 * @see https://kyverno.io/docs/policy-types/validating-policy/
 */
import { RuleResult, RuleStatus } from '../result';
import { POD_CONTROLLER_KINDS, autogenExpression } from './autogen';
import { admissionBindings, evaluateVariables, evaluateWithVariables, runValidations } from './bindings';
import { CelContext } from './context';
import { CelEnvironment, celLibraryData, CelUnsupportedError } from './environment';
import { labelSelectorMatches } from './label-selector';
import { BUILTIN_RESOURCE_TYPES, resourceTypeOf } from './resource-kinds';

/** True for a ValidatingPolicy manifest of any served version. */
export function isValidatingPolicy(policy: any): boolean {
  return String(policy?.apiVersion ?? '').startsWith('policies.kyverno.io/') && policy?.kind === 'ValidatingPolicy';
}

/**
 * Evaluates a ValidatingPolicy on `resource`. Returns no result when the policy does not match the
 * resource (matchConstraints, excludeResourceRules, selectors), one `skip` when a matchCondition is
 * false, else one pass/fail/error. The rule name is the policy name (Kyverno's CLI reports
 * ValidatingPolicy results under it; tests usually omit it).
 */
export function evaluateValidatingPolicy(policy: any, resource: any, ctx: CelContext = {}): RuleResult[] {
  const spec = policy?.spec ?? {};
  const name = String(policy?.metadata?.name ?? '');
  const operation = (ctx.operation ?? 'CREATE').toUpperCase();
  const kind = String(resource?.kind ?? '');
  const result = (status: RuleStatus, message?: string): RuleResult[] => [{
    policy: name,
    rule: name,
    kind,
    ...(resource?.metadata?.namespace ? { namespace: resource.metadata.namespace } : {}),
    resource: String(resource?.metadata?.name ?? ''),
    status,
    ...(message !== undefined ? { message } : {}),
  }];

  const autogenKind = matchesResource(spec, resource, operation, ctx);
  if (autogenKind === null) return [];
  const rewrite = (e: any) => (autogenKind && typeof e === 'string' ? autogenExpression(e, autogenKind, true) : e);

  const env = new CelEnvironment(celLibraryData(ctx));
  const bindings = admissionBindings(resource, ctx);
  const variables = (spec.variables ?? []).map((v: any) => ({ ...v, expression: rewrite(v.expression) }));
  const vars = evaluateVariables(env, variables, bindings, ctx.variables);

  for (const c of spec.matchConditions ?? []) {
    let ok: any;
    try {
      ok = evaluateWithVariables(env, rewrite(String(c?.expression ?? '')), bindings, vars);
    } catch (e) {
      const status = e instanceof CelUnsupportedError ? RuleStatus.UNSUPPORTED : RuleStatus.ERROR;
      return result(status, `matchCondition '${c?.name ?? ''}' resulted in error: ${(e as Error).message}`);
    }
    if (ok !== true) return result(RuleStatus.SKIP, `matchCondition '${c?.name ?? ''}' is not satisfied`);
  }

  const validations = (spec.validations ?? []).map((v: any) => ({
    ...v,
    expression: rewrite(v.expression),
    ...(v.messageExpression ? { messageExpression: rewrite(v.messageExpression) } : {}),
  }));
  const outcome = runValidations(env, validations, bindings, vars);
  switch (outcome.outcome) {
    case 'pass': return result(RuleStatus.PASS);
    case 'fail': return result(RuleStatus.FAIL, outcome.message);
    case 'unsupported': return result(RuleStatus.UNSUPPORTED, outcome.message);
    default: return result(RuleStatus.ERROR, outcome.message);
  }
}

/**
 * How the policy applies to the resource: null when it does not, '' when it matches directly,
 * or the pod controller kind whose pod template autogen evaluates.
 */
function matchesResource(spec: any, resource: any, operation: string, ctx: CelContext): string | null {
  const mc = spec.matchConstraints ?? {};
  const type = resourceTypeOf(resource);
  const name = String(resource?.metadata?.name ?? '');
  const rules: any[] = mc.resourceRules ?? [];

  let autogenKind: string | null = null;
  if (rules.some(r => ruleMatches(r, type, operation, name))) {
    autogenKind = '';
  } else if (POD_CONTROLLER_KINDS.includes(type.kind) && autogenControllers(spec).includes(type.kind) && canAutogen(mc)) {
    const podType = BUILTIN_RESOURCE_TYPES.find(t => t.kind === 'Pod')!;
    if (rules.some(r => ruleMatches(r, podType, operation, name, true))) autogenKind = type.kind;
  }
  if (autogenKind === null) return null;
  if ((mc.excludeResourceRules ?? []).some((r: any) => ruleMatches(r, type, operation, name))) return null;

  if (!labelSelectorMatches(mc.objectSelector, resource?.metadata?.labels)) return null;
  if (mc.namespaceSelector && type.namespaced) {
    const nsLabels = ctx.namespaceObject?.metadata?.labels ?? {
      'kubernetes.io/metadata.name': resource?.metadata?.namespace ?? 'default',
      ...(ctx.namespaceLabels ?? {}),
    };
    if (!labelSelectorMatches(mc.namespaceSelector, nsLabels)) return null;
  } else if (mc.namespaceSelector && type.kind === 'Namespace') {
    if (!labelSelectorMatches(mc.namespaceSelector, resource?.metadata?.labels)) return null;
  }
  return autogenKind;
}

function matchesAny(patterns: any[] | undefined, value: string): boolean {
  return (patterns ?? []).some(p => p === '*' || p === value);
}

function ruleMatches(rule: any, type: { group: string; version: string; resource: string }, operation: string, name: string,
  ignoreNames = false): boolean {
  if (!matchesAny(rule.apiGroups, type.group)) return false;
  if (!matchesAny(rule.apiVersions, type.version)) return false;
  if (!(rule.resources ?? []).some((r: string) => r === '*' || r === type.resource || r === `${type.resource}/*` || r === '*/*')) return false;
  if (!matchesAny(rule.operations, operation)) return false;
  const names: string[] = rule.resourceNames ?? [];
  if (!ignoreNames && names.length > 0 && !names.includes(name)) return false;
  return true;
}

/**
 * Kyverno's CanAutoGen: every resource rule names exactly `pods`, without resourceNames, and no
 * namespace or object selector narrows the match.
 */
function canAutogen(mc: any): boolean {
  const selects = (s: any) => s && (Object.keys(s.matchLabels ?? {}).length > 0 || (s.matchExpressions ?? []).length > 0);
  if (selects(mc.namespaceSelector) || selects(mc.objectSelector)) return false;
  const rules: any[] = mc.resourceRules ?? [];
  return rules.length > 0 && rules.every(r => (r.resourceNames ?? []).length === 0
    && (r.resources ?? []).length === 1 && r.resources[0] === 'pods');
}

/** Controller kinds autogen covers: `spec.autogen.podControllers.controllers`, default all. */
function autogenControllers(spec: any): string[] {
  const listed = spec?.autogen?.podControllers?.controllers;
  if (!Array.isArray(listed)) return POD_CONTROLLER_KINDS;
  const byName = (c: string) => POD_CONTROLLER_KINDS.find(k => k.toLowerCase() === c.toLowerCase()
    || `${k.toLowerCase()}s` === c.toLowerCase());
  return listed.map((c: any) => byName(String(c))).filter((k): k is string => k !== undefined);
}
