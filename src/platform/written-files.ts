import * as fs from 'fs';
import * as path from 'path';
import { writeFiles } from '../core/file-writer';
import { SynthFile } from '../core/synth-file';

/** Where a plain synth lists what it wrote (the same file name PolicyRepo uses). Internal. */
export const WRITTEN_FILES_MANIFEST = '.policy-platform-files.json';

/**
 * Writes a checked file list, then deletes the files an earlier run listed that are no longer
 * produced (and folders they leave empty), so removing an environment removes its files. Internal.
 */
export function writeWithCleanup(outdir: string, files: SynthFile[]): void {
  const manifestPath = path.join(outdir, WRITTEN_FILES_MANIFEST);
  const previous = readList(manifestPath);
  writeFiles(outdir, files);
  const current = new Set(files.map((f) => f.path));
  for (const stale of previous.filter((p) => !current.has(p))) removeFile(outdir, stale);
  const list = `${JSON.stringify(files.map((f) => f.path).sort(), null, 2)}\n`;
  if (!fs.existsSync(manifestPath) || fs.readFileSync(manifestPath, 'utf-8') !== list) fs.writeFileSync(manifestPath, list);
}

function readList(file: string): string[] {
  try {
    const list = JSON.parse(fs.readFileSync(file, 'utf-8'));
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function removeFile(outdir: string, relative: string): void {
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
