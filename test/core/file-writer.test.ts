import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFileList, WRITTEN_FILES_MANIFEST, writeFiles, writeFilesWithCleanup } from '../../src/core/file-writer';

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

describe('writeFilesWithCleanup', () => {
  test('deletes files an earlier run wrote and no longer produces, and the folders they leave empty', () => {
    const dir = tmp();
    writeFilesWithCleanup(dir, [{ path: 'rendered/dev/a.yaml', content: 'a' }, { path: 'rendered/stg/a.yaml', content: 'a' }, { path: 'keep.txt', content: 'k' }]);
    fs.writeFileSync(path.join(dir, 'rendered', 'mine.txt'), 'not written by synth');
    expect(JSON.parse(fs.readFileSync(path.join(dir, WRITTEN_FILES_MANIFEST), 'utf-8'))).toEqual(['keep.txt', 'rendered/dev/a.yaml', 'rendered/stg/a.yaml']);

    writeFilesWithCleanup(dir, [{ path: 'rendered/dev/a.yaml', content: 'a' }, { path: 'keep.txt', content: 'k' }]);
    expect(fs.existsSync(path.join(dir, 'rendered', 'stg'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'rendered', 'mine.txt'), 'utf-8')).toBe('not written by synth');
    expect(JSON.parse(fs.readFileSync(path.join(dir, WRITTEN_FILES_MANIFEST), 'utf-8'))).toEqual(['keep.txt', 'rendered/dev/a.yaml']);
  });

  test('ignores listed paths that point outside the output folder', () => {
    const dir = tmp();
    const outside = path.join(dir, 'outside.txt');
    fs.writeFileSync(outside, 'precious');
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, WRITTEN_FILES_MANIFEST), JSON.stringify(['../outside.txt', '/etc/hostname']));
    writeFilesWithCleanup(out, [{ path: 'a', content: '' }]);
    expect(fs.readFileSync(outside, 'utf-8')).toBe('precious');
  });
});
