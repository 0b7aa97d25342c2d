/**
 * `policy-platform lint <repo-dir> [--env <env>] [--json]`: runs the repository's `.spectral.yaml`
 * over each chart's values merged per environment. Exit 1 on any error-severity result, 2 on bad
 * usage or malformed input (`.spectral.yaml`, a values file), else 0.
 */
import { ValuesLintError } from '../../values-lint/lint-error';
import { ValuesLintFormat, ValuesLintReport, ValuesLinter } from '../../values-lint/values-linter';

const USAGE = `Usage: policy-platform lint <repo-dir> [--env <env>] [--json]

Lints the Helm values of a policy repository with its .spectral.yaml (Spectral, in process): each
chart's values.yaml merged with cd/values.yaml and cd/<env>/values.yaml, for every environment
under cd/ (or only --env). Each result names the file and line that set the offending value.

Exit code: 1 if any result has severity error, 2 on bad usage or a malformed .spectral.yaml or
values file, 0 otherwise.`;

export async function run(args: string[]): Promise<number> {
  const dirs: string[] = [];
  let env: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (a === '--json') {
      json = true;
    } else if (a === '--env') {
      env = args[++i];
      if (env === undefined) return usageError('--env needs a value');
    } else if (a.startsWith('--env=')) {
      env = a.slice('--env='.length);
    } else if (a.startsWith('-')) {
      return usageError(`unknown option '${a}'`);
    } else {
      dirs.push(a);
    }
  }
  if (dirs.length !== 1) return usageError(dirs.length === 0 ? 'no repository directory given' : 'give one repository directory');

  let report: ValuesLintReport;
  try {
    report = await ValuesLinter.lintRepo(dirs[0], env);
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

function usageError(message: string): number {
  process.stderr.write(`policy-platform lint: ${message}\n\n${USAGE}\n`);
  return 2;
}
