/**
 * `policy-platform test <path>...`: runs kyverno test suites (kyverno-test.yaml, found recursively)
 * through the offline engine, prints a results table (or `--json`, one object per result) and
 * exits 1 on any mismatch, including a wanted fail that passes.
 */
import { KyvernoTestCaseResult } from '../../engine/test-runner';
import { KyvernoTestSuite } from '../../testing/kyverno-test-suite';
import { renderResultsTable } from '../test-results-table';

const USAGE = `Usage: policy-platform test <path>... [--json]

Runs every kyverno-test.yaml found under the given files or directories through the offline
engine and compares each expected result with the engine's.

Options:
  --json     print one JSON object per result (file, test, policy, policyKind, rule, ruleType,
             kind, resource, expected, actual, matched, reason)
  -h, --help show this help

Exit codes: 0 all results match, 1 a mismatch or a suite that cannot be loaded, 2 usage error.
`;

export async function run(args: string[]): Promise<number> {
  let json = false;
  const paths: string[] = [];
  for (const a of args) {
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (a === '--json') {json = true;} else if (a.startsWith('-')) {
      process.stderr.write(`Unknown option '${a}'.\n${USAGE}`);
      return 2;
    } else {paths.push(a);}
  }
  if (paths.length === 0) {
    process.stderr.write(`No path given.\n${USAGE}`);
    return 2;
  }
  let files: string[];
  try {
    files = KyvernoTestSuite.discover(paths);
  } catch (err) {
    process.stderr.write(`policy-platform test: ${(err as Error).message}\n`);
    return 2;
  }
  if (files.length === 0) {
    process.stderr.write(`policy-platform test: no kyverno-test.yaml found under ${paths.join(', ')}\n`);
    return 1;
  }
  const results: KyvernoTestCaseResult[] = [];
  const loadErrors: string[] = [];
  for (const file of files) {
    try {
      for (const suite of KyvernoTestSuite.load(file)) results.push(...suite.run().results);
    } catch (err) {
      loadErrors.push((err as Error).message);
    }
  }
  if (json) {
    for (const r of results) {
      process.stdout.write(JSON.stringify({
        file: r.file ?? null,
        test: r.test,
        policy: r.policy,
        policyKind: r.policyKind,
        rule: r.rule,
        ruleType: r.category,
        kind: r.kind,
        resource: r.resource,
        expected: r.expected,
        actual: r.actual,
        matched: r.matched,
        reason: r.reason ?? null,
      }) + '\n');
    }
  } else {
    process.stdout.write(renderResultsTable(results));
    const mismatched = results.filter((r) => !r.matched).length;
    process.stdout.write(`\n${files.length} suite(s), ${results.length} result(s), ${results.length - mismatched} matched, ${mismatched} mismatched\n`);
  }
  for (const e of loadErrors) process.stderr.write(`policy-platform test: ${e}\n`);
  return loadErrors.length > 0 || results.some((r) => !r.matched) ? 1 : 0;
}
