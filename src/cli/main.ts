#!/usr/bin/env node
/**
 * `policy-platform`: the package's command line. Each command lives in `commands/<name>.ts` and
 * exports `run(args: string[]): Promise<number>` (the exit code); this file only dispatches, prints
 * errors that escape a command (once; the stack only with --debug) and ends the process only once
 * everything written to stdout and stderr was handed over (a pipe to `wc -l` gets every line).
 */
import * as path from 'path';
import { errorReport } from './cli-errors';

const COMMANDS: Record<string, string> = {
  test: 'Run kyverno test suites (kyverno-test.yaml) through the offline engine',
  conformance: 'Run the engine over the Kyverno community library suites and report agreement',
  lint: 'Lint Helm values of a policy repository with its .spectral.yaml, per environment',
  deprecations: 'Find deprecated or removed Kubernetes APIs in YAML files',
  apply: "Check manifests against an environment's policies as its admission controller would",
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([n, d]) => `  ${n.padEnd(14)}${d}`);
  return `Usage: policy-platform <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n`
    + 'Global option: --debug prints the stack trace of an error.\n'
    + 'Exit codes: 0 success, 1 findings (mismatches, errors found), 2 bad usage or bad input, 3 internal error.\n\n'
    + 'Run \'policy-platform <command> --help\' for a command\'s options.';
}

/** Runs a command line; errors a command throws are printed here and turned into the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  if (!(name in COMMANDS)) {
    process.stderr.write(`Unknown command '${name}'.\n${usage()}\n`);
    return 2;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, 'commands', name));
    return await mod.run(rest);
  } catch (e) {
    const report = errorReport(name, e, debug);
    process.stderr.write(report.text);
    return report.code;
  }
}

/** Resolves once everything written to `stream` so far was handed to the OS (or the stream failed). */
export function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    if (!stream.writable) return resolve();
    stream.write('', () => resolve());
  });
}

if (require.main === module) {
  // a reader that went away (`| head`) is not an error of ours
  for (const s of [process.stdout, process.stderr]) s.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });
  void main(process.argv.slice(2)).then(async (code) => {
    // exitCode, not process.exit(): exiting while a pipe still holds output loses it
    process.exitCode = code;
    await Promise.all([drained(process.stdout), drained(process.stderr)]);
  });
}
