/**
 * Helpers of the packed-library tests: build and pack this library once, create throwaway team
 * repositories that depend on the tarball.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pruneTarball } from '../../projenrc/prune-bundle';
import { compareBytes } from '../../src/core/byte-order';
import { listFiles as listAllFiles } from '../support/files';

export const ROOT = path.resolve(__dirname, '..', '..');

/** Environment of every command: no post-synthesis installs unless asked, npm cache first. */
export function env(extra: { [k: string]: string } = {}): NodeJS.ProcessEnv {
  // The throwaway team repo is a user's machine, not our CI: with CI set, projen would run `npm ci`
  // against a lock file that `projen new` has not written yet.
  const { CI: _ci, ...rest } = process.env;
  return { ...rest, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

export function run(cmd: string, args: string[], cwd: string, extra: { [k: string]: string } = {}): string {
  try {
    return execFileSync(cmd, args, { cwd, env: env(extra), encoding: 'utf-8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
  } catch (e: any) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** What the tarball is built from: the sources, the shims, package.json and the build's scripts. */
const SOURCES = ['src', 'shims', 'package.json', 'projenrc/lazy-index.ts', 'projenrc/prune-bundle.ts'];

/** Hash of what the package is built from: one tarball per source state. */
function sourceHash(): string {
  const hash = crypto.createHash('sha256');
  const walk = (p: string) => {
    if (!fs.statSync(p).isDirectory()) {
      hash.update(path.relative(ROOT, p)).update(fs.readFileSync(p));
      return;
    }
    for (const name of fs.readdirSync(p).sort(compareBytes)) walk(path.join(p, name));
  };
  for (const source of SOURCES) walk(path.join(ROOT, source));
  return hash.digest('hex').slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Compiles with jsii (lib/ and .jsii, as the build does) and packs the library into `dir` as the
 * package task does: `npm pack`, then its bundled dependencies pruned (unless `prune` is false).
 */
export function packLibrary(dir: string, prune = true): string {
  run('npx', ['jsii', '--silence-warnings=reserved-word'], ROOT);
  // the post-compile step of the build: the packed entry point loads its modules lazily
  run('npx', ['ts-node', '--transpile-only', '-P', 'tsconfig.scripts.json', 'projenrc/lazy-index.ts', 'lib'], ROOT);
  const out = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], ROOT));
  const tarball = path.join(dir, out[0].filename);
  if (prune) pruneTarball(tarball);
  return tarball;
}

/**
 * The library as packLibrary packs it, kept in .tmp/packed/<hash of SOURCES>/ so test files running
 * in parallel build it once (a lock folder serializes them) and a changed source builds a new one.
 */
export function buildAndPack(): string {
  const dir = path.join(ROOT, '.tmp', 'packed', sourceHash());
  const done = path.join(dir, 'tarball.txt');
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  for (let waited = 0; !fs.existsSync(done); waited += 1000) {
    try {
      fs.mkdirSync(lock);
    } catch {
      // A lock left by a killed run is stale after 5 minutes.
      if (fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > 300_000) fs.rmdirSync(lock);
      if (waited > 150_000) throw new Error(`timed out waiting for ${lock}`);
      sleep(1000);
      continue;
    }
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(done, packLibrary(dir));
    } finally {
      fs.rmdirSync(lock);
    }
  }
  return fs.readFileSync(done, 'utf-8');
}

/** `name@version` of packages as installed in this checkout, so npm takes them from its cache. */
export function localVersions(names: string[]): string[] {
  return names.map((n) => `${n}@${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', n, 'package.json'), 'utf-8')).version}`);
}

/**
 * A throwaway project in `dir` (named after the folder) with the tarball installed as a team
 * installs it: with its peers (projen, cdk8s, constructs, cdk8s-plus-28) and `more` packages.
 */
export function installPacked(tarball: string, dir: string, more: string[] = []): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), version: '0.0.0', private: true }));
  run('npm', ['install', '--loglevel=error', tarball, ...localVersions(['projen', 'cdk8s', 'constructs', 'cdk8s-plus-28', ...more])], dir);
}

export function listFiles(dir: string): string[] {
  return listAllFiles(dir, (name) => name === 'node_modules' || name === '.git');
}
