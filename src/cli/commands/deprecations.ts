/**
 * `policy-platform deprecations <path>... --k8s-version <v> [--json]`: lists objects using APIs
 * deprecated or removed at a Kubernetes version. Exit 1 when something is removed at that version,
 * 2 on bad usage or unreadable files, else 0.
 */
import { DeprecationFormat, DeprecationScanner } from '../../deprecations/deprecation-scanner';

const USAGE = `Usage: policy-platform deprecations <path>... --k8s-version <version> [--json]

Scans YAML files and directories (recursively, multi-document) for Kubernetes APIs that are
deprecated or removed at the target version (e.g. v1.29).

Exit code: 1 if an object uses an API removed at the target version, 2 on bad usage or a file
that is not valid YAML, 0 otherwise (deprecated APIs are listed but do not fail).`;

export async function run(args: string[]): Promise<number> {
  const paths: string[] = [];
  let version: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (a === '--json') {
      json = true;
    } else if (a === '--k8s-version' || a === '--kubernetes-version') {
      version = args[++i];
      if (version === undefined) return usageError(`${a} needs a value`);
    } else if (a.startsWith('--k8s-version=')) {
      version = a.slice('--k8s-version='.length);
    } else if (a.startsWith('-')) {
      return usageError(`unknown option '${a}'`);
    } else {
      paths.push(a);
    }
  }
  if (paths.length === 0) return usageError('no path given');
  if (!version) return usageError('--k8s-version is required (e.g. --k8s-version v1.29)');

  let report;
  try {
    report = DeprecationScanner.scanPaths(paths, version);
  } catch (e) {
    process.stderr.write(`policy-platform deprecations: ${(e as Error).message}\n`);
    return 2;
  }
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    process.stdout.write(DeprecationFormat.text(report));
  }
  for (const e of report.errors) process.stderr.write(`error: ${e}\n`);
  if (report.errors.length > 0) return 2;
  return report.removedCount > 0 ? 1 : 0;
}

function usageError(message: string): number {
  process.stderr.write(`policy-platform deprecations: ${message}\n\n${USAGE}\n`);
  return 2;
}
