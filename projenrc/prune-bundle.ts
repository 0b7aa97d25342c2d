/**
 * Rewrites a packed library tarball without the files of its bundled dependencies that Node never
 * loads: source maps, TypeScript sources (declarations stay: lib/*.d.ts refer to bundled types),
 * Markdown documents (licenses and notices stay), dotfiles (linter and CI configuration) and the
 * ES module builds that only `import` reaches. npm packs bundled packages wholesale (only their
 * own package.json `files` applies, not our .npmignore), so the package task prunes its tarball
 * after packing.
 *
 * Usage: prune-bundle.ts TARBALL_OR_FOLDER... (a folder: every .tgz in it). Run after `npm pack`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Whether a file inside a bundled package is one Node never loads. */
export function unusedAtRunTime(name: string): boolean {
  if (/^(licen[cs]e|notice|copying)/i.test(name)) return false;
  if (name.startsWith('.')) return true;
  if (/\.(map|md|markdown)$/i.test(name)) return true;
  return /\.[mc]?ts$/.test(name) && !/\.d\.[mc]?ts$/.test(name);
}

/** Every target of a package.json `exports` value, with the conditions leading to it. */
function exportTargets(value: unknown, conditions: string[] = []): Array<{ conditions: string[]; target: string }> {
  if (typeof value === 'string') return [{ conditions, target: value }];
  if (Array.isArray(value)) return value.flatMap((v) => exportTargets(v, conditions));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => exportTargets(v, key.startsWith('.') ? conditions : [...conditions, key]));
}

const segments = (target: string) => path.posix.normalize(target).split('/');

/**
 * Folders of a package that only its `import` entry points reach: the ES module build beside a
 * CommonJS one (dist/esm beside dist/cjs). The bundle is only ever required (the library is
 * CommonJS), so Node resolves the `require` side. A folder that `main`, `types`, `bin` or any
 * other condition names stays.
 */
export function importOnlyFolders(pkg: any): string[] {
  const candidates = new Set<string>();
  const exportsMap = typeof pkg.exports === 'object' && pkg.exports ? pkg.exports : {};
  // `exports` is either one entry point's conditions or a map of subpaths to them
  for (const entry of 'import' in exportsMap ? [exportsMap] : Object.values(exportsMap)) {
    if (!entry || typeof entry !== 'object' || !('import' in entry) || !('require' in entry)) continue;
    const imported = exportTargets((entry as any).import).map((t) => segments(t.target));
    const required = exportTargets((entry as any).require).map((t) => segments(t.target));
    if (imported.length === 0 || required.length === 0) continue;
    const [a, b] = [imported[0], required[0]];
    const differ = a.findIndex((s, i) => s !== b[i]);
    // the two builds must part in a folder, not in the file name
    if (differ >= 0 && differ < a.length - 1 && differ < b.length - 1) candidates.add(a.slice(0, differ + 1).join('/'));
  }
  const kept = [
    ...exportTargets(pkg.exports).filter((t) => !t.conditions.includes('import')).map((t) => t.target),
    ...[pkg.main, pkg.types, pkg.typings].filter((v) => typeof v === 'string'),
    ...(typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {})),
  ].map((t) => segments(t as string).join('/'));
  return [...candidates].filter((folder) => !kept.some((t) => t === folder || t.startsWith(`${folder}/`)));
}

/** The package folders of a node_modules folder: `name/` and `@scope/name/` (not .bin). */
export function packageFolders(modules: string): string[] {
  return fs.readdirSync(modules, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const dir = path.join(modules, entry.name);
      return entry.name.startsWith('@') ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : [dir];
    });
}

/** Prunes every package of a node_modules folder; returns the entries removed. */
function pruneModules(modules: string): number {
  return packageFolders(modules).reduce((removed, pkg) => removed + prunePackage(pkg), 0);
}

function prunePackage(dir: string): number {
  let removed = 0;
  const manifest = path.join(dir, 'package.json');
  if (fs.existsSync(manifest)) {
    for (const folder of importOnlyFolders(JSON.parse(fs.readFileSync(manifest, 'utf-8')))) {
      const target = path.join(dir, folder);
      if (!fs.existsSync(target)) continue;
      fs.rmSync(target, { recursive: true, force: true });
      removed++;
    }
  }
  return removed + pruneFiles(dir);
}

/** Removes the unused files under a package folder; dot folders (.github) go whole. */
function pruneFiles(dir: string): number {
  let removed = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name === 'node_modules') {
      removed += pruneModules(file);
    } else if (entry.isDirectory() && !entry.name.startsWith('.')) {
      removed += pruneFiles(file);
    } else if (unusedAtRunTime(entry.name)) {
      fs.rmSync(file, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

/** Prunes the bundled dependencies of a packed tarball in place; returns the number of entries removed. */
export function pruneTarball(tarball: string): number {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prune-bundle-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', work]);
    const pkg = path.join(work, 'package');
    const modules = path.join(pkg, 'node_modules');
    const removed = fs.existsSync(modules) ? pruneModules(modules) : 0;
    // npm packs the extracted package again, bundling what is left of its node_modules
    const out = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: pkg, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'] }));
    fs.copyFileSync(path.join(work, out[0].filename), tarball);
    return removed;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function tarballs(arg: string): string[] {
  if (!fs.statSync(arg).isDirectory()) return [arg];
  return fs.readdirSync(arg).filter((f) => f.endsWith('.tgz')).map((f) => path.join(arg, f));
}

if (require.main === module) {
  const files = process.argv.slice(2).flatMap(tarballs);
  if (files.length === 0) throw new Error('prune-bundle: no tarball given (a .tgz, or a folder holding them)');
  for (const file of files) process.stdout.write(`${file}: ${pruneTarball(file)} files not needed at run time removed from bundled dependencies\n`);
}
