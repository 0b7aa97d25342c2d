/**
 * wgpolicyk8s.io/v1alpha2 PolicyReports of an admission check, laid out as Kyverno reports
 * results (pkg/utils/report: source kyverno, policy `namespace/name` for a namespaced Policy,
 * scored, severity and category from the policy's annotations, timestamp in seconds, the resource
 * in `resources`): one PolicyReport per namespace of the checked resources and one
 * ClusterPolicyReport for cluster-scoped ones; or, per resource, as Kyverno's reports controller
 * keeps them in a cluster (one report per resource, its `scope` the resource, results without
 * `resources`; named `<kind>-<name>` since manifests have no uid). Results the engine cannot
 * evaluate are `error` results whose properties say so (Kyverno has no "unsupported").
 * @see https://kyverno.io/docs/policy-reports/
 */
import { RuleStatus } from '../../engine/result';
import { AdmissionFinding, AdmissionOutcome, AdmissionReport } from '../admission-report';

const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'policy-platform' };

function resultOf(f: AdmissionFinding): string {
  switch (f.status) {
    case RuleStatus.PASS: return 'pass';
    case RuleStatus.FAIL: return f.scored ? 'fail' : 'warn';
    case RuleStatus.WARN: return 'warn';
    case RuleStatus.SKIP: return 'skip';
    default: return 'error';
  }
}

function entry(f: AdmissionFinding, seconds: number, withResource = true): any {
  const out: any = {
    source: 'kyverno',
    policy: f.policy,
    rule: f.rule,
    result: resultOf(f),
    scored: f.scored,
    timestamp: { seconds, nanos: 0 },
  };
  if (withResource) {
    out.resources = [{
      apiVersion: f.resource.apiVersion,
      kind: f.resource.kind,
      name: f.resource.name,
      ...(f.resource.namespace ? { namespace: f.resource.namespace } : {}),
    }];
  }
  if (f.message) out.message = f.message;
  if (f.category) out.category = f.category;
  if (f.severity) out.severity = f.severity;
  const properties: { [k: string]: string } = {};
  if (f.action) properties.failureAction = f.action;
  if (f.outcome === AdmissionOutcome.UNSUPPORTED) properties.unsupported = 'the offline engine cannot evaluate this rule';
  if (f.outcome === AdmissionOutcome.DENIED) properties.admission = 'denied';
  if (Object.keys(properties).length > 0) out.properties = properties;
  return out;
}

function summary(results: any[]): any {
  const s: any = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  for (const r of results) s[r.result]++;
  return s;
}

/**
 * The PolicyReport objects (namespaces in byte order, then the ClusterPolicyReport when a
 * cluster-scoped resource was checked). `seconds`: the results' timestamp.
 */
export function policyReports(report: AdmissionReport, seconds: number): any[] {
  const byNamespace = new Map<string, any[]>();
  const cluster: any[] = [];
  for (const r of report.resources) {
    for (const f of r.findings) {
      const e = entry(f, seconds);
      if (r.resource.namespace) {
        const list = byNamespace.get(r.resource.namespace) ?? [];
        list.push(e);
        byNamespace.set(r.resource.namespace, list);
      } else {
        cluster.push(e);
      }
    }
  }
  const name = `policy-platform${report.environment ? `-${report.environment}` : ''}`;
  const out: any[] = [];
  for (const ns of [...byNamespace.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const results = byNamespace.get(ns)!;
    out.push({
      apiVersion: 'wgpolicyk8s.io/v1alpha2',
      kind: 'PolicyReport',
      metadata: { name, namespace: ns, labels: MANAGED_BY },
      summary: summary(results),
      results,
    });
  }
  if (cluster.length > 0) {
    out.push({
      apiVersion: 'wgpolicyk8s.io/v1alpha2',
      kind: 'ClusterPolicyReport',
      metadata: { name, labels: MANAGED_BY },
      summary: summary(cluster),
      results: cluster,
    });
  }
  return out;
}

/** One report per checked resource with results, its `scope` the resource (Kyverno's in-cluster layout). */
export function policyReportsPerResource(report: AdmissionReport, seconds: number): any[] {
  const out: any[] = [];
  for (const r of report.resources) {
    if (r.findings.length === 0) continue;
    const results = r.findings.map((f) => entry(f, seconds, false));
    const ref = r.resource;
    out.push({
      apiVersion: 'wgpolicyk8s.io/v1alpha2',
      kind: ref.namespace ? 'PolicyReport' : 'ClusterPolicyReport',
      metadata: { name: `${ref.kind.toLowerCase()}-${ref.name}`, ...(ref.namespace ? { namespace: ref.namespace } : {}), labels: MANAGED_BY },
      scope: { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
      summary: summary(results),
      results,
    });
  }
  return out;
}
