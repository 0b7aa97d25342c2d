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
