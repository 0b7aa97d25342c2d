/**
 * `policy-platform deprecations <path>... --k8s-version <v> [--json]`: lists objects using APIs
 * deprecated or removed at a Kubernetes version. Exit 1 when something is removed at that version,
 * 2 on bad usage or unreadable files, else 0.
 */
import { DeprecationFormat, DeprecationScanner } from '../../deprecations/deprecation-scanner';
import { parseCommandArgs, usageError } from '../command-args';

const USAGE = `Usage: policy-platform deprecations <path>... --k8s-version <version> [--json]

Scans YAML files and directories (recursively, multi-document) for Kubernetes APIs that are
deprecated or removed at the target version (e.g. v1.29).

Exit code: 1 if an object uses an API removed at the target version, 2 on bad usage or a file
that is not valid YAML, 0 otherwise (deprecated APIs are listed but do not fail).`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('deprecations', USAGE, args, {
    flags: ['--json'],
    values: { '--k8s-version': ['--k8s-version', '--kubernetes-version'] },
  });
  if (typeof parsed === 'number') return parsed;
  const paths = parsed.positionals;
  const version = parsed.values.get('--k8s-version');
  const json = parsed.flags.has('--json');
  if (paths.length === 0) return usageError('deprecations', USAGE, 'no path given');
  if (!version) return usageError('deprecations', USAGE, '--k8s-version is required (e.g. --k8s-version v1.29)');

  let report;
  try {
    report = DeprecationScanner.scanPaths(paths, version);
  } catch (e) {
    process.stderr.write(`policy-platform deprecations: ${(e as Error).message}\n`);
    return 2;
  }
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else if (report.errors.length === 0) {
    // a summary over files that could not be read would look clean: only the errors are printed then
    process.stdout.write(DeprecationFormat.text(report));
  }
  for (const e of report.errors) process.stderr.write(`error: ${e}\n`);
  if (report.errors.length > 0) {
    process.stderr.write(`policy-platform deprecations: ${report.errors.length} file(s) could not be scanned; no summary is printed until every file is valid YAML\n`);
    return 2;
  }
  return report.removedCount > 0 ? 1 : 0;
}
