/**
 * The platform image's other two checks, run in process over the example output (what the platform's
 * CI runs inside the image with `spectral lint` and `pluto detect-files`):
 * - the values lint (`policy-platform lint`) of every repository holding a `.spectral.yaml`, every
 *   environment under its `cd/`;
 * - the deprecated-API scan (`policy-platform deprecations`) of every `rendered/` folder (each
 *   repository's and the platform's) at the platform's target Kubernetes version.
 * The folders are found on disk, so the checks run as well over a copy of examples/out/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DeprecationFormat, DeprecationReport, DeprecationScanner } from '../src/deprecations';
import { ValuesLintFormat, ValuesLintReport, ValuesLinter } from '../src/values-lint';

/** The values lint of one repository. */
export interface RepoLint {
  /** The repository folder under the output directory. */
  readonly repo: string;
  /** The linter's report (files relative to the repository), or undefined when its input was malformed. */
  readonly report?: ValuesLintReport;
  /** Why the repository could not be linted (a malformed `.spectral.yaml` or values file). */
  readonly failure?: string;
}

/** What the checks found. */
export interface SeedChecks {
  /** One entry per repository with a `.spectral.yaml`, sorted by name. */
  readonly lint: RepoLint[];
  /** The `rendered/` folders scanned, relative to the output directory, sorted. */
  readonly scanned: string[];
  /** The deprecation scan (files relative to the output directory). */
  readonly deprecations: DeprecationReport;
  /** The printed summary, one line each. */
  readonly lines: string[];
  /**
   * False when a values lint result has severity error, a repository could not be linted, an API is
   * removed at the target version, or a rendered file is not valid YAML. Warnings and deprecated (still
   * served) APIs are printed but do not fail.
   */
  readonly passed: boolean;
}

/**
 * Runs both checks over an output directory holding one folder per repository and the platform.
 * @param kubernetesVersion the target release of the deprecation scan, e.g. `v1.29`
 */
export async function checkSeed(outdir: string, kubernetesVersion: string): Promise<SeedChecks> {
  const folders = fs.readdirSync(outdir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const lines: string[] = [];
  let passed = true;

  const lint: RepoLint[] = [];
  for (const repo of folders.filter((f) => fs.existsSync(path.join(outdir, f, '.spectral.yaml')))) {
    try {
      const report = await ValuesLinter.lintRepo(path.join(outdir, repo));
      lint.push({ repo, report });
      // The CLI's lines, with files named from the output directory; the last line is its summary.
      const text = ValuesLintFormat.text({ ...report, results: report.results.map((r) => ({ ...r, file: `${repo}/${r.file}` })) });
      const [summary, ...results] = text.trimEnd().split('\n').reverse();
      lines.push(`values lint ${repo}: ${summary}`, ...results.reverse().map((l) => `  ${l}`));
      if (report.errorCount > 0) passed = false;
    } catch (e) {
      const failure = (e as Error).message;
      lint.push({ repo, failure });
      lines.push(`values lint ${repo}: cannot lint`, ...failure.split('\n').map((l) => `  ${l}`));
      passed = false;
    }
  }
  if (lint.length === 0) lines.push('values lint: no repository has a .spectral.yaml');
  // The seed's own `.spectral.yaml` says `severity: warning`; Spectral rejects that spelling (its
  // severities are error, warn, info, hint, off), so the ruleset construct writes `warn`.
  lines.push('  (the seed\'s .spectral.yaml spells replica-count\'s severity `warning`, which Spectral rejects: written as `warn`)');

  const scanned = folders.filter((f) => fs.existsSync(path.join(outdir, f, 'rendered'))).map((f) => `${f}/rendered`);
  const found = DeprecationScanner.scanPaths(scanned.map((s) => path.join(outdir, s)), kubernetesVersion);
  const rel = (file: string) => path.relative(outdir, file).split(path.sep).join('/');
  const deprecations: DeprecationReport = {
    ...found,
    findings: found.findings.map((f) => ({ ...f, file: rel(f.file) })),
    errors: found.errors.map((e) => (e.startsWith(outdir + path.sep) ? e.slice(outdir.length + 1) : e)),
    skipped: found.skipped.map((e) => (e.startsWith(outdir + path.sep) ? e.slice(outdir.length + 1) : e)),
  };
  const [summary, ...findings] = DeprecationFormat.text(deprecations).trimEnd().split('\n').reverse();
  lines.push(`deprecated APIs in ${scanned.join(', ')}: ${summary}`, ...findings.reverse().map((l) => `  ${l}`));
  lines.push(...deprecations.errors.map((e) => `  invalid: ${e}`));
  // pluto skips a file that does not parse; a rendered file of ours must parse, so it fails here
  lines.push(...deprecations.skipped.map((e) => `  invalid: ${e}`));
  if (deprecations.removedCount > 0 || deprecations.errors.length > 0 || deprecations.skipped.length > 0) passed = false;

  lines.push(passed ? 'Checks passed.' : 'Checks FAILED (see above).');
  return { lint, scanned, deprecations, lines, passed };
}
