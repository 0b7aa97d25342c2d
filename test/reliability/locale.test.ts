/**
 * Output is byte-identical whatever the locale: the example seed and a repository with names that
 * collate differently are synthesized in child processes under LANG=C, da_DK.UTF-8 and
 * tr_TR.UTF-8 (Node's ICU follows LANG/LC_ALL without installed system locales).
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { snapshot, tmpDir } from './support';

const ROOT = path.join(__dirname, '..', '..');
const LOCALES = ['C', 'da_DK.UTF-8', 'tr_TR.UTF-8'];

/** Runs the child under a locale; resolves with its stdout, stderr and exit code. */
function child(locale: string, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'locale-child.ts'), out], {
      env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.scripts.json'), LANG: locale, LC_ALL: locale },
      encoding: 'utf-8',
      timeout: 180_000,
    }, (err, stdout, stderr) => resolve({ code: err ? Number((err as any).code ?? 1) : 0, stdout, stderr }));
  });
}

test('the example and a locale-sensitive repository synthesize to the same bytes under C, da_DK and tr_TR', async () => {
  const runs = await Promise.all(LOCALES.map(async (locale) => {
    const out = tmpDir(`locale-${locale}-`);
    const r = await child(locale, out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return { locale, collation: JSON.parse(r.stdout), files: snapshot(out)! };
  }));
  // the locales were in effect: localeCompare orders the same names three ways
  expect(new Set(runs.map((r) => JSON.stringify(r.collation))).size).toBe(3);
  expect(Object.keys(runs[0].files).filter((f) => f.startsWith('locale/tests/')).length).toBeGreaterThan(0);
  expect(Object.keys(runs[0].files).length).toBeGreaterThan(40);
  for (const r of runs.slice(1)) expect(r.files).toEqual(runs[0].files);
}, 300_000);
