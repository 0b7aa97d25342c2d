/**
 * The synthesis writer: writes a file list into an output folder, owning only what it wrote.
 *
 * - Ownership: the written-files manifest lists what an earlier run wrote; only those files are
 *   overwritten or deleted. A file in the way that it did not write and whose bytes differ, a
 *   folder where a file must go, or a folder that another repository or platform owns stops the
 *   synthesis before anything is written (one error listing every path), unless `force` adopts them.
 * - All or nothing: every changed file is first written to a staging folder on the same file
 *   system, then moved into place; a failure at any step restores the previous output.
 */
import * as path from 'path';
import { compareBytes } from './byte-order';
import { SynthConflictError, SynthIoError } from './synth-errors';
import { SynthFile } from './synth-file';
import { describeFsError, NODE_FILE_SYSTEM, SynthFileSystem, under } from './synth-fs';
import { manifestText, ownerLabel, readManifest, sameOwner, SynthOwner, WRITTEN_FILES_MANIFEST } from './written-files-manifest';

export { WRITTEN_FILES_MANIFEST } from './written-files-manifest';

/** Prefix of the transient staging and backup folders (never a synthesized path). */
const TEMP_PREFIX = '.policy-platform-';

/**
 * Checks a file list before anything is written: relative paths only, no `..`, no duplicates.
 * @internal
 */
export function checkFileList(files: SynthFile[]): SynthFile[] {
  const seen = new Set<string>();
  for (const f of files) {
    const p = f.path;
    if (!p || path.isAbsolute(p) || p.split('/').some((seg) => seg === '..' || seg === '') || p.includes('\\')) {
      throw new Error(`Refusing to write '${p}': synthesized paths must be relative, use '/' and contain no '..' or empty segment`);
    }
    if (p === WRITTEN_FILES_MANIFEST || p.split('/')[0].startsWith(TEMP_PREFIX)) {
      throw new Error(`Refusing to write '${p}': the name is reserved for the synthesis writer's own files`);
    }
    if (seen.has(p)) {
      throw new Error(`Two synthesized files have the same path '${p}'`);
    }
    seen.add(p);
  }
  return [...files].sort((a, b) => compareBytes(a.path, b.path));
}

/**
 * Writes a file list under a scratch folder, without ownership checks (tests dump suites with it).
 * Synthesis uses `writeOwnedFiles`.
 * @internal
 */
export function writeFiles(outdir: string, files: SynthFile[]): void {
  const fsys = NODE_FILE_SYSTEM;
  for (const f of checkFileList(files)) {
    const target = under(outdir, f.path);
    if (fsys.entryType(target) === 'file' && fsys.readFile(target).toString('utf-8') === f.content) continue;
    ensureFolder(fsys, path.dirname(target), []);
    fsys.writeFile(target, f.content);
  }
}

/**
 * Prefixes every path of a file list with a folder (e.g. a repository's name inside a workspace).
 * @internal
 */
export function underFolder(folder: string, files: SynthFile[]): SynthFile[] {
  return files.map((f) => ({ path: `${folder}/${f.path}`, content: f.content }));
}

/** @internal */
export interface OwnedWriteOptions {
  /** Who writes the folder (recorded in the manifest; another owner's folder is refused). */
  readonly owner: SynthOwner;
  /** Adopt files in the way (overwrite and own them) and take over another owner's folder. */
  readonly force?: boolean;
  /** File-system layer (tests inject failures). */
  readonly fileSystem?: SynthFileSystem;
}

/** What a synthesis would change in a folder. @internal */
export interface SynthPlan {
  /** Paths in the way (relative), each with why when it is not a file whose bytes differ. */
  readonly obstacles: string[];
  /** Files to write (new or changed). */
  readonly changed: SynthFile[];
  /** Owned files no longer produced (to delete). */
  readonly stale: string[];
}

/**
 * Compares a file list with a folder: which files change, which owned files are stale, and what is
 * in the way. `owned` are the paths an earlier run of the same owner wrote.
 * @internal
 */
export function planSynthesis(fsys: SynthFileSystem, root: string, files: SynthFile[], owned: Set<string>, force: boolean): SynthPlan {
  const produced = new Set(files.map((f) => f.path));
  const isStale = (p: string) => owned.has(p) && !produced.has(p);
  const obstacles: string[] = [];
  const changed: SynthFile[] = [];
  const reported = new Set<string>();
  const obstacle = (p: string, why?: string) => {
    if (!reported.has(p)) obstacles.push(why ? `${p} (${why})` : p);
    reported.add(p);
  };
  for (const f of files) {
    const segments = f.path.split('/');
    let blocked = false;
    for (let i = 1; i < segments.length && !blocked; i++) {
      const folder = segments.slice(0, i).join('/');
      const type = fsys.entryType(under(root, folder));
      if (type === undefined) break;
      if (type !== 'folder' && !isStale(folder)) {
        obstacle(folder, `a ${type === 'file' ? 'file' : 'special file'} is where the folder of ${f.path} must go`);
        blocked = true;
      }
    }
    if (blocked) continue;
    const target = under(root, f.path);
    const type = fsys.entryType(target);
    if (type === undefined) {
      changed.push(f);
    } else if (type === 'folder') {
      if (!onlyStaleInside(fsys, target, f.path, isStale)) obstacle(f.path, 'a folder is where a file must go');
      else changed.push(f);
    } else if (type === 'other') {
      obstacle(f.path, 'a symbolic link or special file is where a file must go');
    } else if (fsys.readFile(target).toString('utf-8') !== f.content) {
      if (owned.has(f.path) || force) changed.push(f);
      else obstacle(f.path);
    }
  }
  const stale = [...owned].filter((p) => isStale(p) && safeRelative(p) && fsys.entryType(under(root, p)) === 'file').sort(compareBytes);
  return { obstacles, changed, stale };
}

/**
 * Writes `files` into `outdir` as their owner: refuses (before writing anything) what is in the
 * way, stages every changed file, then moves them into place and deletes the owned files no longer
 * produced; on a failure the previous output is restored. Unchanged files keep their bytes and mtime.
 * @internal
 */
export function writeOwnedFiles(outdir: string, files: SynthFile[], options: OwnedWriteOptions): void {
  const fsys = options.fileSystem ?? NODE_FILE_SYSTEM;
  const sorted = checkFileList(files);
  const who = ownerLabel(options.owner);
  const root = path.resolve(outdir);
  const refused = (why: string) => `${who} cannot be synthesized into ${outdir}: nothing was written. ${why}`;
  const rootType = fsys.entryType(root);
  if (rootType !== undefined && rootType !== 'folder') {
    throw new SynthConflictError(refused(`${outdir} is a file, not a folder. Move it away, or synthesize into another folder.`), ['.']);
  }
  const manifestPath = under(root, WRITTEN_FILES_MANIFEST);
  const previous = rootType ? readManifest(fsys, manifestPath) : undefined;
  const obstacles: string[] = [];
  let owned = new Set<string>();
  if (previous === 'invalid') {
    if (!options.force) obstacles.push(`${WRITTEN_FILES_MANIFEST} (not a written-files manifest of this library)`);
  } else if (previous) {
    if (previous.owner && !sameOwner(previous.owner, options.owner) && !options.force) {
      throw new SynthConflictError(refused(
        `The folder holds the output of ${ownerLabel(previous.owner)} (listed in ${WRITTEN_FILES_MANIFEST}); two repositories or platforms cannot share a folder. `
        + `Synthesize each into its own folder, or pass { force: true } to synth() to replace the output of ${ownerLabel(previous.owner)} with that of ${who}.`,
      ), [WRITTEN_FILES_MANIFEST]);
    }
    owned = new Set(previous.files.filter(safeRelative));
  }
  const plan = planSynthesis(fsys, root, sorted, owned, options.force ?? false);
  obstacles.push(...plan.obstacles);
  if (obstacles.length > 0) throw obstaclesError(who, outdir, obstacles, 'pass { force: true } to synth()');
  const manifest = manifestText(options.owner, sorted);
  const manifestChanged = !(fsys.entryType(manifestPath) === 'file' && fsys.readFile(manifestPath).toString('utf-8') === manifest);
  if (plan.changed.length === 0 && plan.stale.length === 0 && !manifestChanged) return;
  const changed = manifestChanged ? [...plan.changed, { path: WRITTEN_FILES_MANIFEST, content: manifest }] : plan.changed;
  const failed = (step: string, e: unknown, restored: string) =>
    new SynthIoError(`${who} could not be written into ${outdir}: ${step}: ${describeFsError(e)}. ${restored}`);
  if (rootType === undefined) {
    firstSynthesis(fsys, root, changed, (step, e) => failed(step, e, `Nothing was written (${outdir} does not exist).`));
  } else {
    replaceInPlace(fsys, root, changed, plan.stale, failed);
  }
}

/**
 * The one error listing every path in the way, and how to proceed (`adopt`: how to set force).
 * @internal
 */
export function obstaclesError(who: string, outdir: string, obstacles: string[], adopt: string): SynthConflictError {
  return new SynthConflictError(
    `${who} cannot be synthesized into ${outdir}: nothing was written. ${obstacles.length} path(s) in the way were not written by it:\n`
    + `${obstacles.map((o) => `  - ${o}`).join('\n')}\n`
    + `To proceed, move them out of ${outdir} (or synthesize into another folder), or adopt them: ${adopt} to overwrite the files and own them from then on.`,
    obstacles,
  );
}

/** A first synthesis: stage the whole folder beside it, then rename the staging folder into place. */
function firstSynthesis(fsys: SynthFileSystem, root: string, files: SynthFile[], failed: (step: string, e: unknown) => Error): void {
  const created: string[] = [];
  let stage: string | undefined;
  try {
    let step = `cannot create the folder ${path.dirname(root)}`;
    try {
      ensureFolder(fsys, path.dirname(root), created);
      step = `cannot create a staging folder in ${path.dirname(root)}`;
      stage = fsys.mkdtemp(path.join(path.dirname(root), `.${path.basename(root)}${TEMP_PREFIX}staging-`));
      stageFiles(fsys, stage, files, (p) => (step = `cannot write ${p}`));
      step = `cannot move the staging folder to ${root}`;
      fsys.rename(stage, root);
      stage = undefined;
    } catch (e) {
      throw failed(step, e);
    }
  } finally {
    if (stage) quietly(() => fsys.removeTree(stage!));
    if (stage !== undefined || fsys.entryType(root) === undefined) {
      for (const dir of created.reverse()) quietly(() => fsys.rmdir(dir));
    }
  }
}

/** One step of moving the staged output into place, and how to undo it. */
type Undo = () => void;

/** Stages the changed files in the folder, moves them into place, deletes stale files; restores on failure. */
function replaceInPlace(
  fsys: SynthFileSystem, root: string, changed: SynthFile[], stale: string[],
  failed: (step: string, e: unknown, restored: string) => Error,
): void {
  let step = `cannot create a staging folder in ${root}`;
  let stage: string | undefined;
  let backup: string | undefined;
  const undo: Undo[] = [];
  try {
    stage = fsys.mkdtemp(path.join(root, `${TEMP_PREFIX}staging-`));
    stageFiles(fsys, stage, changed, (p) => (step = `cannot write ${p}`));
    step = `cannot create a backup folder in ${root}`;
    backup = fsys.mkdtemp(path.join(root, `${TEMP_PREFIX}backup-`));
    // stale files first: a file may become a folder (and the reverse) between two runs
    for (const rel of stale) {
      step = `cannot delete ${rel}`;
      moveAside(fsys, root, backup, rel, undo);
      removeEmptyFolders(fsys, root, path.dirname(under(root, rel)), undo);
    }
    for (const f of changed) {
      step = `cannot replace ${f.path}`;
      const target = under(root, f.path);
      const type = fsys.entryType(target);
      if (type === 'file') moveAside(fsys, root, backup, f.path, undo);
      else if (type === 'folder') removeEmptyFolders(fsys, root, target, undo, true);
      step = `cannot create the folder of ${f.path}`;
      const created: string[] = [];
      ensureFolder(fsys, path.dirname(target), created);
      for (const dir of created) undo.push(() => fsys.rmdir(dir));
      step = `cannot move ${f.path} into place`;
      fsys.rename(under(stage, f.path), target);
      undo.push(() => fsys.unlink(target));
    }
  } catch (e) {
    const problems: string[] = [];
    for (const u of undo.reverse()) {
      try {
        u();
      } catch (r) {
        problems.push(describeFsError(r));
      }
    }
    if (stage) quietly(() => fsys.removeTree(stage!));
    const restored = problems.length === 0
      ? 'The previous output was left as it was.'
      : `Restoring the previous output failed too (${problems.join('; ')}); the previous files are kept in ${backup}.`;
    if (backup && problems.length === 0) quietly(() => fsys.removeTree(backup!));
    throw failed(step, e, restored);
  }
  quietly(() => fsys.removeTree(stage!));
  quietly(() => fsys.removeTree(backup!));
}

function stageFiles(fsys: SynthFileSystem, stage: string, files: SynthFile[], onStep: (p: string) => void): void {
  for (const f of files) {
    onStep(f.path);
    const target = under(stage, f.path);
    ensureFolder(fsys, path.dirname(target), []);
    fsys.writeFile(target, f.content);
  }
}

/** Moves `root/rel` to `backup/rel`, with the undo that moves it back. */
function moveAside(fsys: SynthFileSystem, root: string, backup: string, rel: string, undo: Undo[]): void {
  const target = under(root, rel);
  const kept = under(backup, rel);
  ensureFolder(fsys, path.dirname(kept), []);
  fsys.rename(target, kept);
  undo.push(() => fsys.rename(kept, target));
}

/**
 * Removes `dir` and its parents inside `root` while they are empty, with undos that recreate them.
 * `strict`: `dir` must be gone afterwards (a folder where a file must go).
 */
function removeEmptyFolders(fsys: SynthFileSystem, root: string, dir: string, undo: Undo[], strict = false): void {
  let d = dir;
  while (d.startsWith(root + path.sep) && fsys.entryType(d) === 'folder' && fsys.readdir(d).length === 0) {
    const removed = d;
    fsys.rmdir(removed);
    undo.push(() => fsys.mkdir(removed));
    d = path.dirname(d);
  }
  if (strict && fsys.entryType(dir) !== undefined) {
    throw Object.assign(new Error('a folder is where a file must go'), { code: 'EISDIR' });
  }
}

/** Creates `dir` and its missing parents, appending each folder created (outermost first) to `created`. */
function ensureFolder(fsys: SynthFileSystem, dir: string, created: string[]): void {
  const missing: string[] = [];
  let d = path.resolve(dir);
  while (fsys.entryType(d) === undefined) {
    missing.unshift(d);
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const m of missing) {
    fsys.mkdir(m);
    created.push(m);
  }
}

/**
 * Whether a folder holds owned files no longer produced and nothing else (so it goes away when they
 * are deleted). An empty folder is someone else's: it is in the way.
 */
function onlyStaleInside(fsys: SynthFileSystem, dir: string, rel: string, isStale: (p: string) => boolean): boolean {
  let stale = 0;
  const walk = (d: string, r: string): boolean => fsys.readdir(d).every((name) => {
    const p = `${r}/${name}`;
    const type = fsys.entryType(path.join(d, name));
    if (type === 'folder') return walk(path.join(d, name), p);
    stale++;
    return type === 'file' && isStale(p);
  });
  return walk(dir, rel) && stale > 0;
}

/** A listed path that stays inside the folder (manifests are files users can edit). */
function safeRelative(p: string): boolean {
  return p.length > 0 && !path.isAbsolute(p) && !p.includes('\\') && !p.split('/').some((s) => s === '..' || s === '' || s === '.');
}

/** Clean-up of transient folders: a failure there must not hide the result. */
function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // the transient folder stays; it is hidden and the next run ignores it
  }
}
