import * as fs from 'fs';
import * as path from 'path';
import { SynthFile } from './synth-file';

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
    if (seen.has(p)) {
      throw new Error(`Two synthesized files have the same path '${p}'`);
    }
    seen.add(p);
  }
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Writes a checked file list under `outdir`. Files whose content is unchanged are not touched, so a
 * second synth changes no byte and no mtime.
 * @internal
 */
export function writeFiles(outdir: string, files: SynthFile[]): void {
  const sorted = checkFileList(files);
  for (const f of sorted) {
    const target = path.join(outdir, ...f.path.split('/'));
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf-8') === f.content) {
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.content);
  }
}

/**
 * Prefixes every path of a file list with a folder (e.g. a repository's name inside a workspace).
 * @internal
 */
export function underFolder(folder: string, files: SynthFile[]): SynthFile[] {
  return files.map((f) => ({ path: `${folder}/${f.path}`, content: f.content }));
}

/**
 * Where a plain synth lists the files it wrote, so that the next run can delete what it no longer
 * produces (a removed environment's rendered/ folder, say). Files it never wrote are left alone.
 * @internal
 */
export const WRITTEN_FILES_MANIFEST = '.policy-platform-files.json';

/**
 * `writeFiles`, then deletes the files an earlier run listed in `WRITTEN_FILES_MANIFEST` that are
 * no longer produced (and the folders they leave empty), then updates the list.
 * @internal
 */
export function writeFilesWithCleanup(outdir: string, files: SynthFile[]): void {
  const manifestPath = path.join(outdir, WRITTEN_FILES_MANIFEST);
  const previous = readWrittenList(manifestPath);
  writeFiles(outdir, files);
  const current = new Set(files.map((f) => f.path));
  for (const stale of previous.filter((p) => !current.has(p))) removeWrittenFile(outdir, stale);
  const list = `${JSON.stringify(files.map((f) => f.path).sort(), null, 2)}\n`;
  if (!fs.existsSync(manifestPath) || fs.readFileSync(manifestPath, 'utf-8') !== list) fs.writeFileSync(manifestPath, list);
}

function readWrittenList(file: string): string[] {
  try {
    const list = JSON.parse(fs.readFileSync(file, 'utf-8'));
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/** Deletes one listed file (relative paths inside outdir only) and the folders it leaves empty. */
function removeWrittenFile(outdir: string, relative: string): void {
  if (path.isAbsolute(relative) || relative.split('/').some((s) => s === '..' || s === '' || s === '.')) return;
  const root = path.resolve(outdir);
  const target = path.join(root, ...relative.split('/'));
  if (!fs.existsSync(target) || !fs.statSync(target).isFile()) return;
  fs.rmSync(target);
  let dir = path.dirname(target);
  while (dir.startsWith(root + path.sep) && fs.readdirSync(dir).length === 0) {
    fs.rmdirSync(dir);
    dir = path.dirname(dir);
  }
}
