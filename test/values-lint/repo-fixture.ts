import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Writes a repository layout (`path → content`) into a fresh temporary directory. */
export function writeRepo(files: { [path: string]: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'values-lint-'));
  for (const [p, content] of Object.entries(files)) {
    const target = path.join(dir, ...p.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return dir;
}

export function removeRepo(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
