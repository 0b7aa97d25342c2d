/**
 * What a team downloads and keeps on disk when it installs the library: the library is compiled
 * and packed as the package task does (test/projen/pack-support.ts), the tarball is installed with
 * its peers into a throwaway project, and the sizes are read there:
 * - the tarball (MB as packed), the installed package (disk usage, its bundled node_modules
 *   included), its compiled lib/ and its bundled dependencies;
 * - the largest bundled packages (transitive ones included, each without its own nested
 *   node_modules);
 * - the same tarball as npm packs it before the bundle is pruned, for what the pruning saves.
 * Everything but the build's own outputs (lib/, .jsii) is written under the system temp folder and
 * removed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageFolders, pruneTarball } from '../projenrc/prune-bundle';
import { installPacked, packLibrary } from '../test/projen/pack-support';

const NAME = 'cdk8s-policy-platform';
const TOP = 10;

/** Disk usage of a folder in bytes (allocated blocks, as `du`), without `skip` folders. */
function diskBytes(dir: string, skip: (name: string) => boolean = () => false): number {
  let total = fs.lstatSync(dir).blocks * 512;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && skip(entry.name)) continue;
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? diskBytes(file, skip) : fs.lstatSync(file).blocks * 512;
  }
  return total;
}

/** Every package under a node_modules folder, nested ones included, with its own disk usage. */
function packages(modules: string, out: Array<{ name: string; bytes: number }> = []): Array<{ name: string; bytes: number }> {
  for (const pkg of packageFolders(modules)) {
    const manifest = path.join(pkg, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf-8'));
    out.push({ name: `${name}@${version}`, bytes: diskBytes(pkg, (n) => n === 'node_modules') });
    if (fs.existsSync(path.join(pkg, 'node_modules'))) packages(path.join(pkg, 'node_modules'), out);
  }
  return out;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Installed {
  readonly tarball: number;
  readonly installed: number;
  readonly lib: number;
  readonly bundled: number;
  readonly modules: string;
}

function install(tarball: string, dir: string): Installed {
  installPacked(tarball, dir);
  const pkg = path.join(dir, 'node_modules', NAME);
  const modules = path.join(pkg, 'node_modules');
  return {
    tarball: fs.statSync(tarball).size,
    installed: diskBytes(pkg),
    lib: diskBytes(path.join(pkg, 'lib')),
    bundled: fs.existsSync(modules) ? diskBytes(modules) : 0,
    modules,
  };
}

export async function run(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-size-'));
  try {
    const raw = packLibrary(work, false);
    const pruned = path.join(work, 'pruned.tgz');
    fs.copyFileSync(raw, pruned);
    pruneTarball(pruned);
    const before = install(raw, path.join(work, 'as-packed'));
    const after = install(pruned, path.join(work, 'shipped'));

    const all = packages(after.modules);
    process.stdout.write(`size: tarball ${mb(after.tarball)}, installed ${mb(after.installed)} (du of node_modules/${NAME}, its bundled node_modules included): lib ${mb(after.lib)}, bundled dependencies ${mb(after.bundled)} in ${all.length} packages\n`);
    process.stdout.write(`size: before pruning the bundle (as npm packs it): tarball ${mb(before.tarball)}, installed ${mb(before.installed)}, bundled dependencies ${mb(before.bundled)}\n`);
    const top = all.sort((a, b) => b.bytes - a.bytes).slice(0, TOP);
    process.stdout.write(`size: largest bundled packages: ${top.map((p) => `${p.name} ${mb(p.bytes)}`).join(', ')}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
