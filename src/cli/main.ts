#!/usr/bin/env node
/**
 * `policy-platform`: the package's command line. Each command lives in `commands/<name>.ts` and
 * exports `run(args: string[]): Promise<number>` (the exit code); this file only dispatches.
 */
import * as path from 'path';

const COMMANDS: Record<string, string> = {
  test: 'Run kyverno test suites (kyverno-test.yaml) through the offline engine',
  conformance: 'Run the engine over the Kyverno community library suites and report agreement',
  lint: 'Lint Helm values of a policy repository with its .spectral.yaml, per environment',
  deprecations: 'Find deprecated or removed Kubernetes APIs in YAML files',
  apply: "Check manifests against an environment's policies as its admission controller would",
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([n, d]) => `  ${n.padEnd(14)}${d}`);
  return `Usage: policy-platform <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'policy-platform <command> --help' for a command's options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  if (!(name in COMMANDS)) {
    process.stderr.write(`Unknown command '${name}'.\n${usage()}\n`);
    return 2;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(__dirname, 'commands', name));
  return mod.run(rest);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`policy-platform: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
}
