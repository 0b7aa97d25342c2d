import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFileList, WRITTEN_FILES_MANIFEST, writeFiles, writeOwnedFiles } from '../../src/core/file-writer';
import { SynthFileSystem, NODE_FILE_SYSTEM } from '../../src/core/synth-fs';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'file-writer-'));
}

describe('checkFileList', () => {
  test('sorts by path', () => {
    expect(checkFileList([{ path: 'b', content: '' }, { path: 'a/c', content: '' }, { path: 'a', content: '' }]).map((f) => f.path))
      .toEqual(['a', 'a/c', 'b']);
  });

  test.each([
    ['/etc/passwd'],
    ['../outside'],
    ['a/../../b'],
    ['a//b'],
    ['a\\b'],
    [''],
  ])('refuses %j', (p) => {
    expect(() => checkFileList([{ path: p, content: '' }])).toThrow(`Refusing to write '${p}': synthesized paths must be relative, use '/' and contain no '..' or empty segment`);
  });

  test('refuses two files with the same path', () => {
    expect(() => checkFileList([{ path: 'x', content: '1' }, { path: 'x', content: '2' }])).toThrow("Two synthesized files have the same path 'x'");
  });
});

describe('writeFiles', () => {
  test('writes nested files and leaves unchanged files untouched (same mtime)', () => {
    const dir = tmp();
    writeFiles(dir, [{ path: 'a/b/c.yaml', content: 'x: 1\n' }, { path: 'top.txt', content: 'hi' }]);
    expect(fs.readFileSync(path.join(dir, 'a/b/c.yaml'), 'utf-8')).toBe('x: 1\n');
    const before = fs.statSync(path.join(dir, 'top.txt')).mtimeMs;
    fs.utimesSync(path.join(dir, 'top.txt'), new Date(2000, 1, 1), new Date(2000, 1, 1));
    const old = fs.statSync(path.join(dir, 'top.txt')).mtimeMs;
    writeFiles(dir, [{ path: 'a/b/c.yaml', content: 'x: 2\n' }, { path: 'top.txt', content: 'hi' }]);
    expect(fs.statSync(path.join(dir, 'top.txt')).mtimeMs).toBe(old);
    expect(old).not.toBe(before);
    expect(fs.readFileSync(path.join(dir, 'a/b/c.yaml'), 'utf-8')).toBe('x: 2\n');
  });

  test('writes nothing when the list is invalid', () => {
    const dir = tmp();
    expect(() => writeFiles(dir, [{ path: 'ok.txt', content: '' }, { path: '../bad', content: '' }])).toThrow(/Refusing/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

const OWNER = { kind: 'PolicyRepo', name: 'team' };
const write = (dir: string, files: { path: string; content: string }[], extra: { force?: boolean; fileSystem?: SynthFileSystem } = {}) =>
  writeOwnedFiles(dir, files, { owner: OWNER, ...extra });
/** sha256 of a string's UTF-8 bytes, as the manifest records each file. */
const sha = (content: string) => createHash('sha256').update(content, 'utf-8').digest('hex');
/** sha256 of "a" (the published test vector). */
const SHA_A = 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb';
const manifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, WRITTEN_FILES_MANIFEST), 'utf-8'));

/** Every file under `dir` with its bytes (the folder's state, to compare before and after). */
function snapshot(dir: string): { [p: string]: string } {
  const out: { [p: string]: string } = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { out[`${path.relative(dir, p)}/`] = ''; walk(p); } else {out[path.relative(dir, p)] = fs.readFileSync(p, 'utf-8');}
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** Node's file system, failing with `code` at the `n`th call of `op` (1-based). */
function failingAt(op: keyof SynthFileSystem, n: number, code: string): SynthFileSystem {
  let calls = 0;
  return {
    ...NODE_FILE_SYSTEM,
    [op]: (...args: any[]) => {
      calls++;
      if (calls === n) throw Object.assign(new Error(`${code}: simulated`), { code });
      return (NODE_FILE_SYSTEM[op] as any)(...args);
    },
  };
}

describe('writeOwnedFiles', () => {
  test('records owner and files in the manifest; deletes owned files no longer produced and the folders they leave empty', () => {
    const dir = tmp();
    write(dir, [{ path: 'rendered/dev/a.yaml', content: 'a' }, { path: 'rendered/stg/a.yaml', content: 'a' }, { path: 'keep.txt', content: 'k' }]);
    fs.writeFileSync(path.join(dir, 'rendered', 'mine.txt'), 'not written by synth');
    expect(manifest(dir)).toEqual({ owner: OWNER, files: ['keep.txt', 'rendered/dev/a.yaml', 'rendered/stg/a.yaml'], sha256: { 'keep.txt': sha('k'), 'rendered/dev/a.yaml': SHA_A, 'rendered/stg/a.yaml': SHA_A } });

    write(dir, [{ path: 'rendered/dev/a.yaml', content: 'a' }, { path: 'keep.txt', content: 'k' }]);
    expect(fs.existsSync(path.join(dir, 'rendered', 'stg'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'rendered', 'mine.txt'), 'utf-8')).toBe('not written by synth');
    expect(manifest(dir)).toEqual({ owner: OWNER, files: ['keep.txt', 'rendered/dev/a.yaml'], sha256: { 'keep.txt': sha('k'), 'rendered/dev/a.yaml': SHA_A } });
    expect(fs.readdirSync(dir).sort()).toEqual([WRITTEN_FILES_MANIFEST, 'keep.txt', 'rendered']);
  });

  test('a second run with the same files changes no byte and no mtime', () => {
    const dir = tmp();
    write(dir, [{ path: 'a/b.txt', content: '1' }]);
    const old = new Date(2000, 1, 1);
    for (const p of ['a/b.txt', WRITTEN_FILES_MANIFEST]) fs.utimesSync(path.join(dir, p), old, old);
    write(dir, [{ path: 'a/b.txt', content: '1' }]);
    expect(fs.statSync(path.join(dir, 'a/b.txt')).mtimeMs).toBe(old.getTime());
    expect(fs.statSync(path.join(dir, WRITTEN_FILES_MANIFEST)).mtimeMs).toBe(old.getTime());
  });

  test('reads a manifest of an earlier release (a bare list) as owned files and rewrites it', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'old.txt'), 'x');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'old');
    fs.writeFileSync(path.join(dir, WRITTEN_FILES_MANIFEST), JSON.stringify(['old.txt', 'a.txt']));
    write(dir, [{ path: 'a.txt', content: 'new' }]);
    expect(snapshot(dir)).toEqual({ 'a.txt': 'new', [WRITTEN_FILES_MANIFEST]: `${JSON.stringify({ owner: OWNER, files: ['a.txt'], sha256: { 'a.txt': sha('new') } }, null, 2)}\n` });
  });

  test('ignores listed paths that point outside the output folder', () => {
    const dir = tmp();
    const outside = path.join(dir, 'outside.txt');
    fs.writeFileSync(outside, 'precious');
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, WRITTEN_FILES_MANIFEST), JSON.stringify(['../outside.txt', '/etc/hostname']));
    write(out, [{ path: 'a', content: '' }]);
    expect(fs.readFileSync(outside, 'utf-8')).toBe('precious');
  });

  test('a manifest whose sha256 map is malformed (not hex, or a path it does not list) is not one of this library', () => {
    for (const sha256 of [{ 'a.txt': 'not-hex' }, { 'other.txt': SHA_A }, ['a.txt']]) {
      const dir = tmp();
      fs.writeFileSync(path.join(dir, WRITTEN_FILES_MANIFEST), JSON.stringify({ owner: OWNER, files: ['a.txt'], sha256 }));
      expect(() => write(dir, [{ path: 'a.txt', content: 'a' }])).toThrow(`  - ${WRITTEN_FILES_MANIFEST} (not a written-files manifest of this library)\n`);
    }
  });

  test('a file that becomes a folder, and a folder that becomes a file, between two runs', () => {
    const dir = tmp();
    write(dir, [{ path: 'x', content: 'file' }, { path: 'y/z', content: 'inside' }]);
    write(dir, [{ path: 'x/inner', content: 'now a folder' }, { path: 'y', content: 'now a file' }]);
    expect(snapshot(dir)).toEqual({
      'x/': '',
      'x/inner': 'now a folder',
      'y': 'now a file',
      [WRITTEN_FILES_MANIFEST]: `${JSON.stringify({ owner: OWNER, files: ['x/inner', 'y'], sha256: { 'x/inner': sha('now a folder'), 'y': sha('now a file') } }, null, 2)}\n`,
    });
  });

  test('refuses files in the way it did not write, listing all of them, and writes nothing', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'README.md'), 'mine');
    fs.mkdirSync(path.join(dir, 'charts'));
    fs.writeFileSync(path.join(dir, 'charts', 'Chart.yaml'), 'mine too');
    fs.writeFileSync(path.join(dir, 'same.txt'), 'same');
    const before = snapshot(dir);
    expect(() => write(dir, [{ path: 'README.md', content: 'ours' }, { path: 'charts/Chart.yaml', content: 'ours' }, { path: 'same.txt', content: 'same' }, { path: 'new.txt', content: 'n' }]))
      .toThrow(`PolicyRepo "team" cannot be synthesized into ${dir}: nothing was written. 2 path(s) in the way were not written by it:\n`
        + '  - README.md\n  - charts/Chart.yaml\n'
        + `To proceed, move them out of ${dir} (or synthesize into another folder), or adopt them: pass { force: true } to synth() to overwrite the files and own them from then on.`);
    expect(snapshot(dir)).toEqual(before);
  });

  test('force adopts the files in the way: they are overwritten and owned from then on', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'README.md'), 'mine');
    write(dir, [{ path: 'README.md', content: 'ours' }], { force: true });
    expect(manifest(dir).files).toEqual(['README.md']);
    fs.writeFileSync(path.join(dir, 'README.md'), 'edited by hand');
    write(dir, [{ path: 'README.md', content: 'ours' }]);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf-8')).toBe('ours');
  });

  test('refuses a folder where a file must go and a file where a folder must go, even with force', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'Dockerfile'));
    fs.writeFileSync(path.join(dir, 'cd'), 'a file');
    const before = snapshot(dir);
    expect(() => write(dir, [{ path: 'Dockerfile', content: 'FROM scratch' }, { path: 'cd/values.yaml', content: '{}' }, { path: 'cd/dev/values.yaml', content: '{}' }], { force: true }))
      .toThrow('2 path(s) in the way were not written by it:\n  - Dockerfile (a folder is where a file must go)\n  - cd (a file is where the folder of cd/dev/values.yaml must go)\n');
    expect(snapshot(dir)).toEqual(before);
  });

  test('refuses a folder another repository or a platform synthesized into, naming both', () => {
    const dir = tmp();
    writeOwnedFiles(dir, [{ path: 'Dockerfile', content: 'platform' }], { owner: { kind: 'PolicyPlatform', name: 'platform' } });
    const before = snapshot(dir);
    expect(() => write(dir, [{ path: 'README.md', content: 'repo' }])).toThrow(
      `PolicyRepo "team" cannot be synthesized into ${dir}: nothing was written. The folder holds the output of PolicyPlatform "platform" (listed in .policy-platform-files.json); `
      + 'two repositories or platforms cannot share a folder. Synthesize each into its own folder, or pass { force: true } to synth() to replace the output of PolicyPlatform "platform" with that of PolicyRepo "team".');
    expect(snapshot(dir)).toEqual(before);
    write(dir, [{ path: 'README.md', content: 'repo' }], { force: true });
    expect(snapshot(dir)).toEqual({ 'README.md': 'repo', [WRITTEN_FILES_MANIFEST]: `${JSON.stringify({ owner: OWNER, files: ['README.md'], sha256: { 'README.md': sha('repo') } }, null, 2)}\n` });
  });

  test('refuses an output path that is a file', () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    fs.writeFileSync(out, 'x');
    expect(() => write(out, [{ path: 'a', content: '' }])).toThrow(`PolicyRepo "team" cannot be synthesized into ${out}: nothing was written. ${out} is a file, not a folder. Move it away, or synthesize into another folder.`);
  });

  test.each([
    ['writeFile', 1, 'ENOSPC', 'cannot write a.txt: no space left on the device (the disk is full) (ENOSPC)'],
    ['writeFile', 3, 'ENOSPC', 'cannot write sub/c.txt: no space left on the device (the disk is full) (ENOSPC)'],
    ['mkdtemp', 1, 'EROFS', 'cannot create a staging folder in {dir}: the file system is read-only (EROFS)'],
    ['rename', 1, 'EACCES', 'cannot delete stale.txt: permission denied (EACCES)'],
    ['rename', 2, 'EPERM', 'cannot replace a.txt: operation not permitted (EPERM)'],
    ['rename', 4, 'EIO', 'cannot move b.txt into place: an input/output error of the device (EIO)'],
    ['mkdir', 1, 'ENOSPC', 'cannot write sub/c.txt: no space left on the device (the disk is full) (ENOSPC)'],
    ['mkdir', 2, 'ENOSPC', 'cannot create the folder of sub/c.txt: no space left on the device (the disk is full) (ENOSPC)'],
  ] as const)('an I/O failure (%s call %d, %s) leaves the previous output exactly as it was', (op, n, code, step) => {
    const dir = tmp();
    write(dir, [{ path: 'a.txt', content: 'a1' }, { path: 'stale.txt', content: 's' }]);
    const before = snapshot(dir);
    expect(() => write(dir, [{ path: 'a.txt', content: 'a2' }, { path: 'b.txt', content: 'b' }, { path: 'sub/c.txt', content: 'c' }], { fileSystem: failingAt(op, n, code) }))
      .toThrow(`PolicyRepo "team" could not be written into ${dir}: ${step.replace('{dir}', dir)}. The previous output was left as it was.`);
    expect(snapshot(dir)).toEqual(before);
  });

  test('an I/O failure on a first synthesis leaves no folder behind', () => {
    const dir = tmp();
    const out = path.join(dir, 'new', 'out');
    expect(() => write(out, [{ path: 'a.txt', content: 'a' }, { path: 'b/c.txt', content: 'c' }], { fileSystem: failingAt('writeFile', 2, 'ENOSPC') }))
      .toThrow(`PolicyRepo "team" could not be written into ${out}: cannot write b/c.txt: no space left on the device (the disk is full) (ENOSPC). Nothing was written (${out} does not exist).`);
    expect(fs.readdirSync(dir)).toEqual([]);
    write(out, [{ path: 'a.txt', content: 'a' }]);
    expect(snapshot(dir)).toEqual({ 'new/': '', 'new/out/': '', 'new/out/a.txt': 'a', [`new/out/${WRITTEN_FILES_MANIFEST}`]: `${JSON.stringify({ owner: OWNER, files: ['a.txt'], sha256: { 'a.txt': SHA_A } }, null, 2)}\n` });
  });
});
