/**
 * `matchConstraints` of the CEL policy kinds and Kubernetes admission policies (resource rules,
 * exclusions, selectors), with Kyverno's Pod controller autogen.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#matching-requests-matchconstraints
 */
import { POD_CONTROLLER_KINDS } from './autogen';
import { CelContext } from './context';
import { labelSelectorMatches } from './label-selector';
import { BUILTIN_RESOURCE_TYPES, resourceTypeOf } from './resource-kinds';

/**
 * How the policy applies to the resource: null when it does not, '' when it matches directly,
 * or the pod controller kind whose pod template autogen evaluates.
 */
export function matchesResource(spec: any, resource: any, operation: string, ctx: CelContext, autogen = true): string | null {
  const mc = spec.matchConstraints ?? {};
  const type = resourceTypeOf(resource);
  const name = String(resource?.metadata?.name ?? '');
  const rules: any[] = mc.resourceRules ?? [];

  let autogenKind: string | null = null;
  if (rules.some(r => ruleMatches(r, type, operation, name))) {
    autogenKind = '';
  } else if (autogen && POD_CONTROLLER_KINDS.includes(type.kind) && autogenControllers(spec).includes(type.kind) && canAutogen(mc)) {
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
