/**
 * Kyverno `validate.podSecurity`: the Pod Security Standards at a level and version, with
 * Kyverno's exclusions.
 *
 * @see https://kyverno.io/docs/writing-policies/validate/#pod-security
 */
import { podTemplatePath } from '../cel/autogen';
import { RuleStatus } from '../result';
import { CONTROLS, PodView, Violation, violationPath } from './controls';
import { wildcardMatch } from '../wildcard';

/** The outcome of one podSecurity block on one resource. */
export interface PodSecurityOutcome {
  readonly status: RuleStatus;
  readonly message?: string;
  /** The violations left after exclusions (empty on pass). */
  readonly violations?: Violation[];
}

/** Minor version PSS checks use for `latest`. */
const LATEST_MINOR = 32;

/**
 * Evaluates `podSecurity` ({level, version, exclude}) on a Pod or a pod controller (its pod
 * template). `privileged` always passes. Fails listing every violation exclusions do not cover,
 * in Kyverno's words (prefixed with "Validation rule '<ruleName>' failed." when a name is given).
 */
export function evaluatePodSecurity(podSecurity: any, resource: any, ruleName?: string): PodSecurityOutcome {
  const level = String(podSecurity?.level ?? '');
  if (!['privileged', 'baseline', 'restricted'].includes(level)) {
    return { status: RuleStatus.ERROR, message: `podSecurity.level: "${level}" is not one of privileged, baseline, restricted` };
  }
  const version = String(podSecurity?.version ?? 'latest');
  const minor = minorOf(version);
  if (minor === undefined) {
    return { status: RuleStatus.ERROR, message: `podSecurity.version: "${version}" is not "latest" or v1.<minor>` };
  }
  const pod = podOf(resource);
  if (!pod) return { status: RuleStatus.ERROR, message: `${resource?.kind ?? 'resource'} has no pod spec` };
  if (level === 'privileged') return { status: RuleStatus.PASS };

  const controls = CONTROLS.filter(c => c.level === 'baseline' || level === 'restricted');
  const excludes: any[] = podSecurity?.exclude ?? [];
  const failed: Array<{ reason: string; violations: Violation[] }> = [];
  for (const control of controls) {
    const left = control.check(pod, minor).filter(v => !excludes.some(e => excludes_(e, v)));
    if (left.length) failed.push({ reason: control.reason, violations: left });
  }
  if (!failed.length) return { status: RuleStatus.PASS };
  // Kyverno's wording (pkg/pss FormatChecksPrint), one parenthesis per failed check
  const checks = failed.map(f => `(Forbidden reason: ${f.reason}, field error list: [${f.violations.map(fieldError).join(', ')}])`);
  const prefix = ruleName ? `Validation rule '${ruleName}' failed. ` : '';
  return {
    status: RuleStatus.FAIL,
    message: `${prefix}It violates PodSecurity "${level}:${version}": ${checks.join('')}`,
    violations: failed.flatMap(f => f.violations),
  };
}

/** A field error as pod-security-admission reports it: a forbidden value, or a required one missing. */
function fieldError(v: Violation): string {
  const path = violationPath(v);
  if (v.value === undefined || v.value === 'undefined' || v.value === '') return `${path}: Required value`;
  const value = v.field.endsWith('capabilities.add') || v.field.endsWith('capabilities.drop') ? `[${v.value.split(',').join(' ')}]` : v.value;
  return `${path} is forbidden, forbidden values found: ${value}`;
}

function minorOf(version: string): number | undefined {
  if (version === 'latest') return LATEST_MINOR;
  const m = /^v1\.(\d+)$/.exec(version);
  return m ? Number(m[1]) : undefined;
}

/** The pod (metadata + spec) of a Pod, a pod controller's template, or a bare pod spec. */
function podOf(resource: any): PodView | undefined {
  if (!resource || typeof resource !== 'object') return undefined;
  if (resource.kind === 'Pod' || (!resource.kind && resource.spec)) return { metadata: resource.metadata ?? {}, spec: resource.spec ?? {} };
  const path = podTemplatePath(String(resource.kind ?? ''));
  let template: any = resource;
  for (const p of (path ?? 'spec.template').split('.')) template = template?.[p];
  if (!template?.spec) return undefined;
  return { metadata: template.metadata ?? {}, spec: template.spec };
}

/**
 * Kyverno's exclusion rule: the control name must match; an exclusion with `images` covers the
 * violations of containers whose image matches one of them (wildcards), one without covers
 * pod-level violations; `restrictedField` and `values` (wildcards), when given, narrow it to that
 * field and those values.
 */
function excludes_(e: any, v: Violation): boolean {
  if (e?.controlName !== v.control) return false;
  const images: string[] = e.images ?? [];
  if (images.length > 0) {
    if (!v.container || !images.some(i => wildcardMatch(String(i), v.container!.image))) return false;
  } else if (v.container) {
    return false;
  }
  if (e.restrictedField && normalizeField(String(e.restrictedField)) !== normalizeField(v.field)) return false;
  if (Array.isArray(e.values) && e.values.length > 0 && !e.values.some((p: any) => wildcardMatch(String(p), v.value ?? ''))) return false;
  return true;
}

function normalizeField(f: string): string {
  return f.replace(/\s+/g, '').replace(/'/g, '"');
}

