/**
 * `policy-platform deprecations <path>... --k8s-version <v> [--json] [--exit-codes pluto]`: lists
 * objects using APIs deprecated or removed at a Kubernetes version. Exit 1 when something is
 * removed at that version, 2 on bad usage or unreadable files, else 0; with `--exit-codes pluto`,
 * Pluto's codes (pkg/api/output.go GetReturnCode: 2 when something is deprecated, 3 when something
 * is removed, 0 otherwise; 1 for an error, as pluto exits on a command error).
 */
import { DeprecationFormat, DeprecationScanner } from '../../deprecations/deprecation-scanner';
import { parseCommandArgs, usageError } from '../command-args';

const USAGE = `Usage: policy-platform deprecations <path>... --k8s-version <version> [--json] [--exit-codes pluto]

Scans files and directories (recursively, every file, as pluto detect-files does: JSON or
multi-document YAML; files that are neither are skipped with a note) for Kubernetes APIs that
are deprecated or removed at the target version (e.g. v1.29).

Exit code: 1 if an object uses an API removed at the target version, 2 on bad usage or an
unreadable file, 0 otherwise (deprecated APIs are listed but do not fail).
With --exit-codes pluto, Pluto's codes: 3 if something is removed, 2 if something is deprecated,
0 otherwise, 1 on an error.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('deprecations', USAGE, args, {
    flags: ['--json'],
    values: { '--k8s-version': ['--k8s-version', '--kubernetes-version'], '--exit-codes': ['--exit-codes'] },
  });
  if (typeof parsed === 'number') return parsed;
  const paths = parsed.positionals;
  const version = parsed.values.get('--k8s-version');
  const json = parsed.flags.has('--json');
  if (paths.length === 0) return usageError('deprecations', USAGE, 'no path given');
  if (!version) return usageError('deprecations', USAGE, '--k8s-version is required (e.g. --k8s-version v1.29)');
  const codes = parsed.values.get('--exit-codes') ?? 'default';
  if (codes !== 'default' && codes !== 'pluto') return usageError('deprecations', USAGE, `--exit-codes: "${codes}" is not one of default, pluto`);
  const pluto = codes === 'pluto';

  let report;
  try {
    report = DeprecationScanner.scanPaths(paths, version);
  } catch (e) {
    process.stderr.write(`policy-platform deprecations: ${(e as Error).message}\n`);
    return pluto ? 1 : 2;
  }
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else if (report.errors.length === 0) {
    // a summary over files that could not be read would look clean: only the errors are printed then
    process.stdout.write(DeprecationFormat.text(report));
  }
  for (const n of report.skipped) process.stderr.write(`note: skipped ${n}\n`);
  for (const e of report.errors) process.stderr.write(`error: ${e}\n`);
  if (pluto) {
    // pluto logs unreadable files and goes on (finder.go scanFiles); its code only counts findings
    return report.removedCount > 0 ? 3 : report.deprecatedCount > 0 ? 2 : 0;
  }
  if (report.errors.length > 0) {
    process.stderr.write(`policy-platform deprecations: ${report.errors.length} file(s) could not be scanned; no summary is printed until every file is valid YAML\n`);
    return 2;
  }
  return report.removedCount > 0 ? 1 : 0;
}
