/**
 * Benchmark of what a team pays for the library in its inner loop, side by side with what it pays
 * without it, measured in the same run:
 * - load: a fresh `node` requiring the compiled library, against one requiring only cdk8s and
 *   constructs (which any cdk8s app loads anyway);
 * - projen: `npx projen` (synthesis only) in a policy-repo project and in a policy-platform project,
 *   against a bare TypeScript projen project.
 * (The installed size of the packed library is the `size` section, bench/size.ts.)
 * The library is compiled with tsc into .bench/pkg (lib/ with the build's lazy entry point, and its
 * package.json), which the throwaway projects resolve through a node_modules of links to this
 * checkout's.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.bench', 'projen');
const PKG = path.join(WORK, 'pkg');
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall time of a command in ms. */
function timed(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  execFileSync(cmd, args, { cwd, env, stdio: 'pipe' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function compileLibrary(): void {
  fs.rmSync(PKG, { recursive: true, force: true });
  fs.mkdirSync(PKG, { recursive: true });
  execFileSync('npx', ['tsc', '-p', 'tsconfig.json', '--outDir', path.join(PKG, 'lib'), '--noEmit', 'false'], { cwd: ROOT, stdio: 'pipe' });
  // as the build's post-compile step does
  execFileSync('npx', ['ts-node', '--transpile-only', '-P', 'tsconfig.scripts.json', 'projenrc/lazy-index.ts', path.join(PKG, 'lib')], { cwd: ROOT, stdio: 'pipe' });
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
  fs.writeFileSync(path.join(PKG, 'package.json'), JSON.stringify({ name: pkg.name, version: '0.0.0', main: 'lib/index.js', types: 'lib/index.d.ts' }));
}

/** A folder whose node_modules links every package of this checkout, plus the compiled library. */
function projectDir(name: string, projenrc: string): string {
  const dir = path.join(WORK, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry === '.bin') continue;
    fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules', '.bin'), path.join(dir, 'node_modules', '.bin'));
  fs.symlinkSync(PKG, path.join(dir, 'node_modules', 'cdk8s-policy-platform'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '0.0.0', private: true }));
  fs.writeFileSync(path.join(dir, '.projenrc.js'), projenrc);
  return dir;
}

const COMMON = "name: 'bench', defaultReleaseBranch: 'main', github: false, release: false, packageManager: javascript.NodePackageManager.NPM, sampleCode: false";
const BARE = `const { javascript, typescript } = require('projen');\nnew typescript.TypeScriptProject({ ${COMMON} }).synth();\n`;
const REPO = `const { javascript } = require('projen');\nconst { PolicyRepoProject } = require('cdk8s-policy-platform');\nnew PolicyRepoProject({ ${COMMON}, environments: ['dev', 'prd'] }).synth();\n`;
const PLATFORM = `const { javascript } = require('projen');\nconst { PolicyPlatformProject } = require('cdk8s-policy-platform');\nnew PolicyPlatformProject({ ${COMMON}, environments: ['dev', 'prd'] }).synth();\n`;

export async function run(): Promise<void> {
  compileLibrary();
  const entry = path.join(PKG, 'lib', 'index.js');
  // what a team's policies module touches: the authoring types
  const loadLib = `const t = process.hrtime.bigint(); const m = require(${JSON.stringify(entry)}); m.PolicyRepo; m.PolicySet; m.ClusterPolicy; m.DisallowLatestTag; m.PolicyTest; process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))`;
  const loadBase = "const t = process.hrtime.bigint(); require('cdk8s'); require('constructs'); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))";
  const lib: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(Number(execFileSync('node', ['-e', loadBase], { cwd: ROOT, encoding: 'utf-8' })));
    lib.push(Number(execFileSync('node', ['-e', loadLib], { cwd: ROOT, encoding: 'utf-8' })));
  }
  process.stdout.write(`load: require('cdk8s-policy-platform') and its authoring types ${median(lib).toFixed(0)} ms (median of ${RUNS} fresh processes; cdk8s + constructs alone ${median(base).toFixed(0)} ms, library on top of them ${(median(lib) - median(base)).toFixed(0)} ms)\n`);

  // projen runs .projenrc.js, synthesizes and (with PROJEN_DISABLE_POST) skips the npm install
  const env = { ...process.env, PROJEN_DISABLE_POST: 'true', CI: 'true' };
  const projects = { bare: projectDir('bare', BARE), repo: projectDir('repo', REPO), platform: projectDir('platform', PLATFORM) };
  const times: { [k: string]: number[] } = { bare: [], repo: [], platform: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, dir] of Object.entries(projects)) times[name].push(timed('node', [path.join(ROOT, 'node_modules', 'projen', 'bin', 'projen')], dir, env));
  }
  const [bare, repo, platform] = [median(times.bare), median(times.repo), median(times.platform)];
  process.stdout.write(`projen: bare TypeScript project ${bare.toFixed(0)} ms, policy-repo ${repo.toFixed(0)} ms (${(repo / bare).toFixed(2)}x), policy-platform ${platform.toFixed(0)} ms (${(platform / bare).toFixed(2)}x) (medians of ${RUNS})\n`);
  fs.rmSync(WORK, { recursive: true, force: true });
}
