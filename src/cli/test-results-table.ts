/**
 * Text rendering of kyverno test results for `policy-platform test`.
 */
import { KyvernoTestCaseResult } from '../engine/test-runner';

function resourceLabel(r: KyvernoTestCaseResult): string {
  return [r.kind, r.namespace, r.resource].filter((x) => x !== undefined && x !== '').join('/');
}

/** A fixed-width table of results; mismatches are marked and carry the engine's reason. */
export function renderResultsTable(results: KyvernoTestCaseResult[]): string {
  const header = ['ID', 'TEST', 'POLICY', 'RULE', 'RESOURCE', 'EXPECTED', 'ACTUAL', 'RESULT'];
  const rows = results.map((r, i) => [
    String(i + 1), r.test, r.policy, r.rule, resourceLabel(r), r.expected, r.actual, r.matched ? 'ok' : 'MISMATCH',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  const out = [line(header), ...rows.map(line)];
  const mismatches = results.filter((r) => !r.matched);
  if (mismatches.length > 0) {
    out.push('', 'Mismatches:');
    for (const r of mismatches) {
      out.push(`  ${r.test}: ${r.policy}/${r.rule} on ${resourceLabel(r)}: expected ${r.expected}, got ${r.actual}${r.reason ? ` (${r.reason})` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}
