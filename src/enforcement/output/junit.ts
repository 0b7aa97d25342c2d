/**
 * JUnit XML of an admission check, for CI test reporters: one testsuite per resource, one testcase
 * per rule result. Denials are failures; Audit warnings are failures with `auditFail`, else passing
 * cases with the warning in system-out; unsupported and skipped results are skipped cases.
 */
import { AdmissionOutcome, AdmissionReport } from '../admission-report';
import { describeOrigin } from '../manifest-reader';
import { resourceLabel } from './table';

function xml(s: string): string {
  // characters XML 1.0 forbids are dropped; markup characters escaped
  return s.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The report as JUnit XML. */
export function renderJunit(report: AdmissionReport, auditFail: boolean): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const r of report.resources) {
    const name = resourceLabel(r.resource);
    const cases: string[] = [];
    let f = 0;
    let s = 0;
    for (const x of r.findings) {
      const open = `    <testcase classname="${xml(name)}" name="${xml(`${x.policy}/${x.rule}`)}"`;
      const msg = xml(x.message ?? '');
      if (x.outcome === AdmissionOutcome.DENIED || (x.outcome === AdmissionOutcome.WARNED && auditFail)) {
        f++;
        cases.push(`${open}>\n      <failure type="${xml(x.action ?? x.outcome)}" message="${msg}">${msg}</failure>\n    </testcase>`);
      } else if (x.outcome === AdmissionOutcome.WARNED) {
        cases.push(`${open}>\n      <system-out>warning (${xml(x.action ?? '')}): ${msg}</system-out>\n    </testcase>`);
      } else if (x.outcome === AdmissionOutcome.UNSUPPORTED || x.outcome === AdmissionOutcome.SKIPPED) {
        s++;
        cases.push(`${open}>\n      <skipped message="${xml(`${x.outcome}: ${x.message ?? ''}`)}"/>\n    </testcase>`);
      } else {
        cases.push(`${open}/>`);
      }
    }
    tests += r.findings.length;
    failures += f;
    skipped += s;
    suites.push(`  <testsuite name="${xml(name)}" tests="${r.findings.length}" failures="${f}" errors="0" skipped="${s}" file="${xml(describeOrigin(r.origin))}">\n${cases.map((c) => `${c}\n`).join('')}  </testsuite>`);
  }
  const env = report.environment ? ` ${report.environment}` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`policy-platform apply${env}`)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n`
    + suites.map((s) => `${s}\n`).join('') + '</testsuites>\n';
}
