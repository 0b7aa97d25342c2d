import * as fs from 'fs';
import * as path from 'path';
import { parseYamlDocuments } from '../../src/core/yaml';

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

/** The object documents of a YAML file (scalars and empty documents left out). */
export function readYamlObjects(file: string): any[] {
  return parseYamlDocuments(fs.readFileSync(file, 'utf8'), file).filter((d) => d && typeof d === 'object');
}
