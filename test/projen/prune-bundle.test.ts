import { importOnlyFolders, unusedAtRunTime } from '../../projenrc/prune-bundle';

describe('unusedAtRunTime', () => {
  test.each(['index.js.map', 'README.md', 'CHANGELOG.markdown', 'index.ts', 'vite.config.mts', '.eslintrc', '.github'])('%s goes', (name) => {
    expect(unusedAtRunTime(name)).toBe(true);
  });
  test.each(['index.js', 'index.cjs', 'index.mjs', 'index.d.ts', 'index.d.cts', 'schema.json', 'LICENSE', 'LICENSE.md', 'NOTICE.md'])('%s stays', (name) => {
    expect(unusedAtRunTime(name)).toBe(false);
  });
});

describe('importOnlyFolders', () => {
  const dual = (sub: string) => ({ import: `./dist/esm/${sub}`, require: `./dist/cjs/${sub}` });

  test('the ES module build beside a CommonJS one goes', () => {
    expect(importOnlyFolders({ main: './dist/cjs/index.js', exports: { '.': dual('index.js'), './ext': dual('ext/index.js') } })).toEqual(['dist/esm']);
  });

  test('conditions of one entry point, without subpaths', () => {
    expect(importOnlyFolders({ exports: dual('index.js') })).toEqual(['dist/esm']);
  });

  test('nested builds part where their paths do', () => {
    expect(importOnlyFolders({
      main: './dist/legacy/cjs/index.js',
      exports: { '.': dual('index.mjs'), './legacy': { import: './dist/legacy/esm/index.mjs', require: './dist/legacy/cjs/index.js' } },
    })).toEqual(['dist/esm', 'dist/legacy/esm']);
  });

  test('builds in folders at the package root', () => {
    expect(importOnlyFolders({ exports: { import: './esm/index.js', require: './cjs/index.js' } })).toEqual(['esm']);
  });

  test('builds that differ only in the file name stay', () => {
    expect(importOnlyFolders({ exports: { '.': { import: { default: './build/index.js' }, require: { default: './build/index.cjs' } } } })).toEqual([]);
  });

  test('a folder that main, types or another condition names stays', () => {
    expect(importOnlyFolders({ main: './dist/esm/index.js', exports: { '.': dual('index.js') } })).toEqual([]);
    expect(importOnlyFolders({ types: 'dist/esm/index.d.ts', exports: { '.': dual('index.js') } })).toEqual([]);
    expect(importOnlyFolders({ exports: { '.': { 'module-sync': './dist/esm/index.js', ...dual('index.js') } } })).toEqual([]);
  });

  test('packages without exports keep everything', () => {
    expect(importOnlyFolders({ main: 'index.js', module: 'esm/index.js' })).toEqual([]);
  });
});
