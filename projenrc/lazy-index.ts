/**
 * Rewrites the compiled entry point (lib/index.js) so each domain module loads on first use of one
 * of its exports: `require('cdk8s-policy-platform')` then costs only what the caller touches (a team
 * writing policies never loads projen, Spectral or the CEL engine). aws-cdk-lib's index does the
 * same. The exports keep their names (jsii and TypeScript read the .d.ts files, which are not
 * changed); the script checks that the lazy index exports exactly what the eager one did.
 *
 * Usage: lazy-index.ts [LIB_DIR] (default lib/). Run after the TypeScript/jsii compile.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const libDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'lib'));
const indexFile = path.join(libDir, 'index.js');
const source = fs.readFileSync(indexFile, 'utf-8');

const STAR = /^__exportStar\(require\("(\.\/[^"]+)"\), exports\);$/gm;
const modules = [...source.matchAll(STAR)].map((m) => m[1]);
if (modules.length === 0) {
  if (source.includes('Lazy entry point')) process.exit(0); // already rewritten
  throw new Error(`${indexFile}: no \`export * from './<module>'\` lines found to make lazy`);
}

/** Export names of a module, read in a child process so this one stays clean. */
function exportNames(file: string): string[] {
  const out = execFileSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(file)})).sort()))`], { encoding: 'utf-8' });
  return JSON.parse(out);
}

const eager = exportNames(indexFile);
const lines = [
  '"use strict";',
  '// Lazy entry point (written by projenrc/lazy-index.ts): each domain module loads on first use.',
  'Object.defineProperty(exports, "__esModule", { value: true });',
  'function lazy(names, load) {',
  '  let mod;',
  '  for (const name of names) {',
  '    Object.defineProperty(exports, name, { enumerable: true, configurable: true, get: () => (mod ?? (mod = load()))[name] });',
  '  }',
  '}',
];
const claimed = new Set<string>();
for (const mod of modules) {
  // as with `export *`, the first module to export a name provides it
  const names = exportNames(path.join(libDir, mod)).filter((n) => n !== 'default' && !claimed.has(n));
  names.forEach((n) => claimed.add(n));
  lines.push(`lazy(${JSON.stringify(names)}, () => require(${JSON.stringify(mod)}));`);
}
const lazySource = `${lines.join('\n')}\n`;
fs.writeFileSync(indexFile, lazySource);

const rewritten = exportNames(indexFile);
if (JSON.stringify(rewritten) !== JSON.stringify(eager)) {
  fs.writeFileSync(indexFile, source);
  const missing = eager.filter((n) => !rewritten.includes(n));
  const extra = rewritten.filter((n) => !eager.includes(n));
  throw new Error(`lazy index differs from the eager one (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'}); ${indexFile} left as compiled`);
}
process.stdout.write(`lazy-index: ${indexFile} exports ${rewritten.length} names from ${modules.length} modules on demand\n`);
