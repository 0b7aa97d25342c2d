/**
 * `npm run example`: writes the seed to examples/out/ (one folder per repository and the platform)
 * and prints a short summary. A second run changes no byte.
 */
import * as path from 'path';
import { buildSeed } from './seed';

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

if (require.main === module) {
  const outdir = path.join(__dirname, 'out');
  const lines = writeSeed(outdir);
  process.stdout.write(`Seed written to ${path.relative(process.cwd(), outdir) || '.'}/\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}
