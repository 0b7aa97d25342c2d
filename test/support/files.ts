import * as fs from 'fs';
import * as path from 'path';

/**
 * Every file under `dir`, recursively, as sorted '/'-separated paths relative to `dir` (none when
 * `dir` does not exist). Entries whose name `skip` accepts are left out, folders with what is in them.
 */
export function listFiles(dir: string, skip: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (skip(e.name)) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}
