/**
 * Kyverno `validate.podSecurity`: the Pod Security Standards at a level and version, with
 * Kyverno's exclusions.
 *
 * @see https://kyverno.io/docs/writing-policies/validate/#pod-security
 */
import { podTemplatePath } from '../cel/autogen';
import { RuleStatus } from '../result';
import { CONTROLS, PodView, Violation } from './controls';

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
 * template). `privileged` always passes. Fails listing every violation exclusions do not cover.
 */
export function evaluatePodSecurity(podSecurity: any, resource: any): PodSecurityOutcome {
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
  const details = failed.map(f => `{Allowed:false ForbiddenReason:${f.reason} ForbiddenDetail:${f.violations.map(v => v.detail).join(', ')}}`);
  return {
    status: RuleStatus.FAIL,
    message: `It violates PodSecurity "${level}:${version}": (${details.join(', ')})`,
    violations: failed.flatMap(f => f.violations),
  };
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
 * pod-level violations; `restrictedField` and `values`, when given, narrow it to that field and
 * those values.
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
  if (Array.isArray(e.values) && e.values.length > 0 && !e.values.map(String).includes(v.value ?? '')) return false;
  return true;
}

function normalizeField(f: string): string {
  return f.replace(/\s+/g, '').replace(/'/g, '"');
}

/** Kyverno wildcards: `*` any run of characters, `?` one character. */
function wildcardMatch(pattern: string, value: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(value);
}
