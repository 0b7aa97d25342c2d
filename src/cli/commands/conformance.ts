/**
 * `policy-platform conformance`: runs the engine over the Kyverno community policy suites and
 * prints agreement over every expected result, per type of rule, listing every miss with its
 * reason; exits 1 under the target (default 98%).
 */
import * as fs from 'fs';
import { ConformanceReport, DEFAULT_MIN_AGREEMENT, defaultConformanceDir } from '../conformance-report';

const USAGE = `Usage: policy-platform conformance [dir...] [--min PERCENT] [--json]

Runs every kyverno-test.yaml under the directories (default: $POLICY_PLATFORM_CONFORMANCE_DIR,
$POLICY_PLATFORM_SHARED/conformance/kyverno-policies or ../shared/conformance/kyverno-policies)
through the offline engine. Agreement is over all expected results of all suites (a suite that
cannot be loaded counts as a miss); every miss is listed with its reason.

Options:
  --min PERCENT  exit 1 when agreement is under PERCENT (default ${DEFAULT_MIN_AGREEMENT})
  --json         print the summary as JSON
`;

export async function run(args: string[]): Promise<number> {
  let min = DEFAULT_MIN_AGREEMENT;
  let json = false;
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (a === '--min') {
      min = Number(args[++i]);
      if (!Number.isFinite(min)) {
        process.stderr.write('--min needs a number (percent)\n');
        return 2;
      }
    } else if (a === '--verbose' || a === '-v') {
      // every miss is always listed; kept so existing invocations keep working
    } else if (a === '--json') {
      json = true;
    } else if (a.startsWith('-')) {
      process.stderr.write(`Unknown option '${a}'.\n${USAGE}`);
      return 2;
    } else {
      dirs.push(a);
    }
  }
  const roots = dirs.length > 0 ? dirs : [defaultConformanceDir()];
  const missing = roots.filter((d) => !fs.existsSync(d));
  if (missing.length > 0) {
    process.stderr.write(`policy-platform conformance: ${missing.map((d) => `the folder ${d} does not exist`).join('; ')}\n`);
    return 2;
  }
  const report = ConformanceReport.build(roots);
  if (report.outcomes.length === 0) {
    // 0 of 0 is not 100% agreement
    process.stderr.write(`policy-platform conformance: no suites found (no kyverno-test.yaml under ${roots.join(', ')})\n`);
    return 1;
  }
  if (json) process.stdout.write(JSON.stringify(report.summary(), null, 2) + '\n');
  else process.stdout.write(report.render());
  const total = report.agreementPercent();
  if (total < min) {
    process.stderr.write(`conformance: ${total.toFixed(2)}% agreement is under the target of ${min}%\n`);
    return 1;
  }
  return 0;
}
