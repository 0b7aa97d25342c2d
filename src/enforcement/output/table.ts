/**
 * The text answer of `policy-platform apply`: per resource with something to say (denied, warned,
 * mutated, unsupported), a table of policy, rule, action and message; then the summary.
 */
import { toYaml } from '../../core/yaml';
import { AdmissionFinding, AdmissionOutcome, AdmissionReport, ResourceRef } from '../admission-report';
import { describeOrigin } from '../manifest-reader';

const SHOWN = new Set([AdmissionOutcome.DENIED, AdmissionOutcome.WARNED, AdmissionOutcome.MUTATED, AdmissionOutcome.UNSUPPORTED]);

/** `Kind namespace/name`, or `Kind name` for cluster-scoped resources. */
export function resourceLabel(r: ResourceRef): string {
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
}

/** The ACTION column: what admission does, with the failure action in force. */
export function actionLabel(f: AdmissionFinding): string {
  switch (f.outcome) {
    case AdmissionOutcome.DENIED: return `deny${f.action ? ` (${f.action})` : ''}`;
    case AdmissionOutcome.WARNED: return `warn${f.action ? ` (${f.action})` : ''}`;
    case AdmissionOutcome.MUTATED: return 'mutate';
    case AdmissionOutcome.UNSUPPORTED: return 'unsupported';
    case AdmissionOutcome.PASSED: return 'pass';
    default: return 'skip';
  }
}

function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s*\n\s*/g, ' ').trim();
}

/** The report as a text table grouped by resource, then the summary. */
export function renderTable(report: AdmissionReport): string {
  const out: string[] = [];
  for (const r of report.resources) {
    const shown = r.findings.filter((f) => SHOWN.has(f.outcome));
    if (shown.length === 0) continue;
    const origin = r.origin.constructPath ? `${r.origin.constructPath}` : describeOrigin(r.origin);
    out.push(`${resourceLabel(r.resource)}  ${r.admitted ? 'admitted' : 'DENIED'}  (${origin})`);
    const rows = [['POLICY', 'RULE', 'ACTION', 'MESSAGE'], ...shown.map((f) => [f.policy, f.rule, actionLabel(f), oneLine(f.message)])];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
    for (const row of rows) out.push(`  ${row.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ')}`.trimEnd());
    if (r.patchedResource !== undefined) {
      out.push('  patched resource:');
      out.push(...toYaml(r.patchedResource).trimEnd().split('\n').map((l) => `    ${l}`));
    }
    out.push('');
  }
  out.push(...summaryLines(report));
  return out.map((l) => `${l}\n`).join('');
}

/** The summary lines (also printed after the other formats, on stderr). */
export function summaryLines(report: AdmissionReport): string[] {
  const c = report.counts;
  const denied = report.resources.filter((r) => !r.admitted).length;
  const warnedResources = report.resources.filter((r) => r.admitted && r.findings.some((f) => f.outcome === AdmissionOutcome.WARNED)).length;
  const env = report.environment ? ` of environment ${report.environment}` : '';
  const lines = [
    `${report.policyCount} polic${report.policyCount === 1 ? 'y' : 'ies'}${env} applied to ${c.resources} resource(s): ` +
      `${denied} denied, ${warnedResources} admitted with warnings, ${c.resources - denied - warnedResources} admitted without warnings`,
    `rule results: ${c.denied} deny, ${c.warned} warn, ${c.mutated} mutate, ${c.unsupported - report.notEvaluated.length} unsupported, ${c.passed} pass, ${c.skipped} skip`,
  ];
  if (report.notEvaluated.length > 0) {
    lines.push('not evaluated:', ...report.notEvaluated.map((n) => `  - ${n}`));
  }
  return lines;
}
