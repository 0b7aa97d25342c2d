/**
 * `match` and `exclude` of a rule (Kyverno pkg/engine/utils/match.go): kinds, names, namespaces,
 * annotations, label and namespace selectors, operations and user info.
 * @see https://kyverno.io/docs/writing-policies/match-exclude/
 */
import { matchExpressionsHold } from './cel/label-selector';
import { containsWildcard, wildcardMatch } from './wildcard';

/** Who sends the request, and the namespace labels the test supplies. */
export interface MatchContext {
  readonly operation: string;
  readonly namespaceLabels?: { [key: string]: string };
  readonly username?: string;
  readonly groups?: string[];
  readonly roles?: string[];
  readonly clusterRoles?: string[];
  /**
   * Whether the request carries user info (a test's UserInfo file). Without it, `subjects`,
   * `roles` and `clusterRoles` of match/exclude filters are not applied, as in Kyverno.
   * @default true
   */
  readonly userInfoSupplied?: boolean;
  readonly subresource?: string;
  /** For a subresource request, the parent resource's apiVersion and kind (kinds match against it). */
  readonly parent?: { apiVersion: string; kind: string };
  /** Namespace of a namespaced Policy (it only applies there). */
  readonly policyNamespace?: string;
}

function gvkOf(resource: any): { group: string; version: string; kind: string } {
  const apiVersion: string = resource?.apiVersion ?? '';
  const slash = apiVersion.indexOf('/');
  return {
    group: slash >= 0 ? apiVersion.slice(0, slash) : '',
    version: slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion,
    kind: resource?.kind ?? '',
  };
}

/** Kyverno kind selectors: `Kind`, `Version/Kind`, `Group/Version/Kind`, `Kind/subresource`, `*`. */
export function kindMatches(selectors: string[], resource: any, subresource = ''): boolean {
  const gvk = gvkOf(resource);
  for (const sel of selectors) {
    if (sel === '*') return true;
    let group = '*';
    let version = '*';
    let kind: string;
    let sub = '';
    const parts = sel.split('/');
    if (parts.length === 1) {
      kind = parts[0];
    } else if (parts.length === 2) {
      // Kind/subresource (kind starts upper case) or Version/Kind
      if (/^[A-Z]/.test(parts[0])) {
        kind = parts[0];
        sub = parts[1];
      } else {
        version = parts[0];
        kind = parts[1];
      }
    } else if (parts.length === 3) {
      if (/^[A-Z]/.test(parts[1])) {
        version = parts[0];
        kind = parts[1];
        sub = parts[2];
      } else {
        group = parts[0];
        version = parts[1];
        kind = parts[2];
      }
    } else {
      group = parts[0];
      version = parts[1];
      kind = parts[2];
      sub = parts.slice(3).join('/');
    }
    if (!wildcardMatch(group, gvk.group) || !wildcardMatch(version, gvk.version) || !wildcardMatch(kind, gvk.kind)) continue;
    if (sub === '' ? subresource === '' || subresource === 'ephemeralcontainers' : wildcardMatch(sub, subresource)) return true;
  }
  return false;
}

/** Kubernetes label selector with Kyverno's wildcards in matchLabels keys and values. */
export function selectorMatches(selector: any, labels: { [key: string]: string } | undefined): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) {
    const value = String(v);
    if (containsWildcard(k)) {
      const keys = Object.keys(l).filter((lk) => wildcardMatch(k, lk));
      if (!keys.some((lk) => wildcardMatch(value, l[lk]))) return false;
    } else {
      if (!(k in l)) return false;
      if (!wildcardMatch(value, l[k])) return false;
    }
  }
  return matchExpressionsHold(selector?.matchExpressions, l);
}

function isEmptyDescription(d: any): boolean {
  return !d || Object.keys(d).every((k) => {
    const v = d[k];
    return v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v).length === 0);
  });
}

function subjectsMatch(subjects: any[], ctx: MatchContext): boolean {
  const username = ctx.username ?? '';
  const groups = ctx.groups ?? [];
  for (const s of subjects) {
    switch (s.kind) {
      case 'ServiceAccount':
        if (username === `system:serviceaccount:${s.namespace}:${s.name}`) return true;
        break;
      case 'User':
        if (wildcardMatch(s.name, username)) return true;
        break;
      case 'Group':
        if (groups.some((g) => wildcardMatch(s.name, g))) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

/** Reasons the resource does not satisfy one resource filter (empty = satisfied). */
function filterErrors(filter: any, resource: any, ctx: MatchContext): string[] {
  const d = filter.resources ?? {};
  const errs: string[] = [];
  if (d.kinds && d.kinds.length > 0 && !kindMatches(d.kinds, ctx.parent ?? resource, ctx.subresource ?? '')) {
    errs.push(`kind does not match ${JSON.stringify(d.kinds)}`);
  }
  const meta = resource?.metadata ?? {};
  const name: string = meta.name ?? meta.generateName ?? '';
  if (d.name && !wildcardMatch(d.name, name)) errs.push('name does not match');
  if (d.names && d.names.length > 0 && !d.names.some((n: string) => wildcardMatch(n, name))) errs.push('name does not match');
  if (d.namespaces && d.namespaces.length > 0) {
    const ns = resource?.kind === 'Namespace' ? name : meta.namespace ?? '';
    if (!d.namespaces.some((n: string) => wildcardMatch(n, ns))) errs.push('namespace does not match');
  }
  if (d.annotations && Object.keys(d.annotations).length > 0) {
    const ann = meta.annotations ?? {};
    const ok = Object.entries(d.annotations).every(([k, v]) =>
      Object.keys(ann).some((ak) => wildcardMatch(k, ak) && wildcardMatch(String(v), String(ann[ak]))));
    if (!ok) errs.push('annotations does not match');
  }
  if (d.selector && !selectorMatches(d.selector, meta.labels)) errs.push('selector does not match');
  if (d.namespaceSelector && resource?.kind !== 'Namespace' && resource?.kind) {
    if (!selectorMatches(d.namespaceSelector, ctx.namespaceLabels)) errs.push('namespace selector does not match');
  }
  if (d.operations && d.operations.length > 0 && !d.operations.includes(ctx.operation)) errs.push('operation does not match');
  if (ctx.userInfoSupplied === false) return errs;
  if (filter.roles && filter.roles.length > 0 && !filter.roles.some((r: string) => (ctx.roles ?? []).includes(r))) errs.push('user info does not match roles');
  if (filter.clusterRoles && filter.clusterRoles.length > 0 && !filter.clusterRoles.some((r: string) => (ctx.clusterRoles ?? []).includes(r))) {
    errs.push('user info does not match clusterRoles');
  }
  if (filter.subjects && filter.subjects.length > 0 && !subjectsMatch(filter.subjects, ctx)) errs.push('user info does not match subjects');
  return errs;
}

function isEmptyFilter(f: any, ctx?: MatchContext): boolean {
  // an exclude filter of user info conditions alone excludes nothing when they are not applied
  if (ctx?.userInfoSupplied === false) return isEmptyDescription(f.resources);
  return isEmptyDescription(f.resources) && !(f.subjects?.length) && !(f.roles?.length) && !(f.clusterRoles?.length);
}

/** Old-style `match: { resources, subjects, ... }` as one filter. */
function legacyFilter(block: any): any {
  return { resources: block?.resources, subjects: block?.subjects, roles: block?.roles, clusterRoles: block?.clusterRoles };
}

/**
 * Why the rule does not apply to the resource, or undefined when it applies
 * (MatchesResourceDescription).
 */
export function ruleMatchFailure(rule: any, resource: any, ctx: MatchContext): string | undefined {
  if (ctx.policyNamespace && ctx.policyNamespace !== (resource?.metadata?.namespace ?? '')) {
    return 'the policy and resource namespace are different';
  }
  const reasons: string[] = [];
  const match = rule.match ?? {};
  if (match.any && match.any.length > 0) {
    if (!match.any.some((f: any) => !isEmptyFilter(f) && filterErrors(f, resource, ctx).length === 0)) reasons.push('no resource matched');
  } else if (match.all && match.all.length > 0) {
    for (const f of match.all) {
      if (isEmptyFilter(f)) reasons.push('match cannot be empty');
      else reasons.push(...filterErrors(f, resource, ctx));
    }
  } else {
    const f = legacyFilter(match);
    if (isEmptyFilter(f)) reasons.push('match cannot be empty');
    else reasons.push(...filterErrors(f, resource, ctx));
  }
  const exclude = rule.exclude ?? {};
  if (exclude.any && exclude.any.length > 0) {
    for (const f of exclude.any) {
      if (!isEmptyFilter(f, ctx) && filterErrors(f, resource, ctx).length === 0) reasons.push('resource excluded');
    }
  } else if (exclude.all && exclude.all.length > 0) {
    const all = exclude.all.every((f: any) => !isEmptyFilter(f, ctx) && filterErrors(f, resource, ctx).length === 0);
    if (all) reasons.push('resource excluded since the combination of all criteria exclude it');
  } else {
    const f = legacyFilter(exclude);
    if (!isEmptyFilter(f, ctx) && filterErrors(f, resource, ctx).length === 0) reasons.push('resource excluded');
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}
