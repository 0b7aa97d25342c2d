/**
 * SARIF 2.1.0 of an admission check (GitHub code scanning and other SARIF viewers): one result per
 * denial (error), Audit warning (warning; error with `auditFail`) and unsupported rule (note),
 * located at the manifest file and the line of the resource's document.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { AdmissionOutcome, AdmissionReport } from '../admission-report';
import { resourceLabel } from './table';

/** The report as a SARIF log object. */
export function sarifLog(report: AdmissionReport, auditFail: boolean, toolVersion: string): any {
  const rules = new Map<string, any>();
  const results: any[] = [];
  for (const r of report.resources) {
    for (const f of r.findings) {
      let level: string;
      if (f.outcome === AdmissionOutcome.DENIED) level = 'error';
      else if (f.outcome === AdmissionOutcome.WARNED) level = auditFail ? 'error' : 'warning';
      else if (f.outcome === AdmissionOutcome.UNSUPPORTED) level = 'note';
      else continue;
      const ruleId = `${f.policy}/${f.rule}`;
      if (!rules.has(ruleId)) {
        rules.set(ruleId, { id: ruleId, name: f.rule, shortDescription: { text: `Kyverno policy ${f.policy}, rule ${f.rule}` }, properties: { policy: f.policy, ...(f.category ? { category: f.category } : {}), ...(f.severity ? { severity: f.severity } : {}) } });
      }
      const label = resourceLabel(r.resource);
      results.push({
        ruleId,
        level,
        message: { text: `${label}: ${f.outcome}${f.action ? ` (${f.action})` : ''}: ${f.message ?? ''}` },
        locations: [{
          physicalLocation: { artifactLocation: { uri: r.origin.file.split('\\').join('/') }, region: { startLine: r.origin.line ?? 1 } },
          logicalLocations: [{ fullyQualifiedName: `${r.resource.kind}/${r.resource.namespace ? `${r.resource.namespace}/` : ''}${r.resource.name}`, kind: 'resource', ...(r.origin.constructPath ? { decoratedName: r.origin.constructPath } : {}) }],
        }],
        properties: { outcome: f.outcome, ...(f.action ? { failureAction: f.action } : {}) },
      });
    }
  }
  const ruleList = [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'policy-platform', informationUri: 'https://kyverno.io/', version: toolVersion, rules: ruleList } },
      results,
      properties: { environment: report.environment ?? null, notEvaluated: report.notEvaluated },
    }],
  };
}
