/**
 * `npm run example`: writes the seed to examples/out/ (one folder per repository and the platform),
 * prints a short summary, then runs the platform's values lint and deprecated-API scan over that
 * output (examples/checks.ts), then applies the example application (examples/application/) to the
 * platform in dev and prd (examples/apply.ts; the prd denial is expected). Exits non-zero when a
 * check finds an error or an environment does not answer as expected. A second run changes no byte.
 */
import * as path from 'path';
import { applyApplication } from './apply';
import { checkSeed } from './checks';
import { buildSeed, KUBERNETES_VERSION } from './seed';

export function writeSeed(outdir: string): string[] {
  const { repos, platform } = buildSeed();
  const lines: string[] = [];
  for (const repo of repos) {
    const files = repo.synthFiles();
    repo.synth(path.join(outdir, repo.repoName));
    const policies = repo.policySets.flatMap((s) => s.policies.map((p) => p.policyName));
    lines.push(`${repo.repoName.padEnd(22)} ${String(files.length).padStart(3)} files  envs ${repo.environments.join(',')}  policies ${policies.join(', ') || '(values only)'}`);
  }
  const files = platform.synthFiles();
  platform.synth(path.join(outdir, platform.platformName));
  const rendered = platform.environments.map((e) => `${e}: ${platform.render(e).length}`).join(', ');
  lines.push(`${platform.platformName.padEnd(22)} ${String(files.length).padStart(3)} files  sources ${platform.sources.map((s) => `${s.repoName} (${s.kind})`).join(', ')}`);
  lines.push(`${''.padEnd(22)} rendered manifests per environment: ${rendered}`);
  return lines;
}

async function main(): Promise<number> {
  const outdir = path.join(__dirname, 'out');
  const shown = path.relative(process.cwd(), outdir) || '.';
  const lines = writeSeed(outdir);
  process.stdout.write(`Seed written to ${shown}/\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  const checks = await checkSeed(outdir, KUBERNETES_VERSION);
  process.stdout.write(`Checks of ${shown}/ (policy-platform lint, policy-platform deprecations --k8s-version ${KUBERNETES_VERSION}):\n`);
  process.stdout.write(checks.lines.map((l) => `  ${l}\n`).join(''));
  // the app team's flow: the example application against the platform, per environment
  const platformDir = path.join(outdir, 'policy-platform');
  const applied = applyApplication(platformDir, ['dev', 'prd']);
  process.stdout.write(`Application examples/application/ against the platform (policy-platform apply):\n${applied.lines.map((l) => (l ? `  ${l}\n` : '\n')).join('')}`);
  return checks.passed && applied.asExpected ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => { process.exitCode = code; },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
