/**
 * `policy-platform lint <repo-dir> [--env <env>] [--json]`: runs the repository's `.spectral.yaml`
 * over each chart's values merged per environment. Exit 1 on any error-severity result, 2 on bad
 * usage or malformed input (`.spectral.yaml`, a values file), else 0.
 */
import * as fs from 'fs';
import { ValuesLintError } from '../../values-lint/lint-error';
import { ValuesLintFormat, ValuesLintReport, ValuesLinter } from '../../values-lint/values-linter';
import { parseCommandArgs, usageError } from '../command-args';

const USAGE = `Usage: policy-platform lint <repo-dir> [--env <env>] [--json] [--require-ruleset]

Lints the Helm values of a policy repository with its .spectral.yaml (Spectral, in process): each
chart's values.yaml merged with cd/values.yaml and cd/<env>/values.yaml, for every environment
under cd/ (or only --env). Each result names the file and line that set the offending value.
A repository without .spectral.yaml is skipped with a note (exit 0), an error (exit 2) with
--require-ruleset.

Exit code: 1 if any result has severity error, 2 on bad usage or a malformed .spectral.yaml or
values file, 0 otherwise.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('lint', USAGE, args, { flags: ['--json', '--require-ruleset'], values: { '--env': ['--env'] } });
  if (typeof parsed === 'number') return parsed;
  const dirs = parsed.positionals;
  const env = parsed.values.get('--env');
  const json = parsed.flags.has('--json');
  if (dirs.length !== 1) return usageError('lint', USAGE, dirs.length === 0 ? 'no repository directory given' : 'give one repository directory');

  const kind = fs.existsSync(dirs[0]) ? (fs.statSync(dirs[0]).isDirectory() ? 'folder' : 'file') : undefined;
  if (kind !== 'folder') {
    process.stderr.write(`policy-platform lint: ${kind === 'file' ? `${dirs[0]} is a file, not a repository folder` : `the folder ${dirs[0]} does not exist`}\n`);
    return 2;
  }
  let report: ValuesLintReport;
  try {
    report = await ValuesLinter.lintRepo(dirs[0], env, { requireRuleset: parsed.flags.has('--require-ruleset') });
  } catch (e) {
    if (e instanceof ValuesLintError) {
      process.stderr.write(`policy-platform lint: ${dirs[0]}: invalid input\n${e.message.split('\n').map((l) => `  ${l}`).join('\n')}\n`);
      return 2;
    }
    throw e;
  }
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    process.stdout.write(ValuesLintFormat.text(report));
  }
  return report.errorCount > 0 ? 1 : 0;
}
