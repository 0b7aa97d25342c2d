/**
 * `policy-platform conformance`: runs the engine over the Kyverno community policy suites and
 * prints agreement per kind of policy; out-of-scope suites are counted and named.
 */
import * as fs from 'fs';
import { ConformanceReport, defaultConformanceDir } from '../conformance-report';

export async function run(args: string[]): Promise<number> {
  let min = 95;
  let verbose = false;
  let json = false;
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write('Usage: policy-platform conformance [dir] [--min PERCENT] [--verbose] [--json]\n'
        + 'Default dir: $POLICY_PLATFORM_CONFORMANCE_DIR, $POLICY_PLATFORM_SHARED/conformance/kyverno-policies or ../shared/conformance/kyverno-policies\n');
      return 0;
    }
    if (a === '--min') {
      min = Number(args[++i]);
      if (!Number.isFinite(min)) {
        process.stderr.write('--min needs a number (percent)\n');
        return 2;
      }
    } else if (a === '--verbose' || a === '-v') {
      verbose = true;
    } else if (a === '--json') {
      json = true;
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
  else process.stdout.write(report.render(verbose));
  const total = report.agreementPercent();
  if (total < min) {
    process.stderr.write(`conformance: ${total.toFixed(2)}% agreement is under the target of ${min}%\n`);
    return 1;
  }
  return 0;
}
