/**
 * The file-system operations the synthesis writer uses, behind one interface so tests can inject
 * failures (a full disk, a read-only path) at any step. Internal module.
 */
import * as fs from 'fs';
import * as path from 'path';

/** What lies at a path. */
export type EntryType = 'file' | 'folder' | 'other';

/** @internal */
export interface SynthFileSystem {
  /** What is at `p` (symbolic links are not followed), undefined when nothing is. */
  entryType(p: string): EntryType | undefined;
  readFile(p: string): Buffer;
  writeFile(p: string, content: string): void;
  /** Creates one folder (its parent exists). */
  mkdir(p: string): void;
  /** Creates a uniquely named folder `prefix` + random characters and returns its path. */
  mkdtemp(prefix: string): string;
  rename(from: string, to: string): void;
  unlink(p: string): void;
  rmdir(p: string): void;
  readdir(p: string): string[];
  /** Removes a folder and everything in it. */
  removeTree(p: string): void;
}

/** Node's file system. @internal */
export const NODE_FILE_SYSTEM: SynthFileSystem = {
  entryType(p) {
    try {
      const s = fs.lstatSync(p);
      return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw e;
    }
  },
  readFile: (p) => fs.readFileSync(p),
  writeFile: (p, content) => fs.writeFileSync(p, content),
  mkdir: (p) => fs.mkdirSync(p),
  mkdtemp: (prefix) => fs.mkdtempSync(prefix),
  rename: (from, to) => fs.renameSync(from, to),
  unlink: (p) => fs.unlinkSync(p),
  rmdir: (p) => fs.rmdirSync(p),
  readdir: (p) => fs.readdirSync(p),
  removeTree: (p) => fs.rmSync(p, { recursive: true, force: true }),
};

const CAUSES: { [code: string]: string } = {
  ENOTDIR: 'a file is where a folder must go',
  EISDIR: 'a folder is where a file must go',
  EEXIST: 'something is already there',
  ENOTEMPTY: 'the folder is not empty',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device (the disk is full)',
  EDQUOT: 'the disk quota is exceeded',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'an input/output error of the device',
  ENOENT: 'a folder on the way does not exist',
  ELOOP: 'too many symbolic links on the way',
  EXDEV: 'the staging folder is on another file system',
  EBUSY: 'the path is busy (in use)',
};

/**
 * The cause of a file-system error in words, with the system's code in parentheses, e.g.
 * "no space left on the device (the disk is full) (ENOSPC)".
 * @internal
 */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && CAUSES[code]) return `${CAUSES[code]} (${code})`;
  const message = e instanceof Error ? e.message : String(e);
  return code ? `${message} (${code})` : message;
}

/** `root` joined with a '/'-separated relative path. @internal */
export function under(root: string, relative: string): string {
  return path.join(root, ...relative.split('/'));
}
