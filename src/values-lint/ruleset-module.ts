/**
 * Loads the JavaScript a `.spectral.yaml` points at (custom functions from `functionsDir`, a
 * `.js` ruleset in `extends`) in process, as Spectral CLI's bundler does: `@stoplight/spectral-*`
 * imports resolve to the library's own Spectral packages (the CLI bundles its own copies the same
 * way), relative imports to files beside the module. CommonJS runs as is; the ES module forms
 * Spectral's documentation uses (`import ... from`, `export default`, `export const`) are
 * rewritten to CommonJS first. Anything else (a package from the repository's node_modules, top-level
 * await) fails with a message naming the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import * as spectralCore from '@stoplight/spectral-core';
import * as spectralFormats from '@stoplight/spectral-formats';
import * as spectralFunctions from '@stoplight/spectral-functions';
import * as spectralParsers from '@stoplight/spectral-parsers';
import * as spectralRulesets from '@stoplight/spectral-rulesets';

/** The modules a ruleset's JavaScript may import without a node_modules of its own. */
const BUILTIN_MODULES: { [name: string]: () => unknown } = {
  '@stoplight/spectral-core': () => spectralCore,
  '@stoplight/spectral-functions': () => spectralFunctions,
  '@stoplight/spectral-formats': () => spectralFormats,
  '@stoplight/spectral-rulesets': () => spectralRulesets,
  '@stoplight/spectral-parsers': () => spectralParsers,
};

/**
 * The default export of a JavaScript module (`export default` / `module.exports`).
 * @internal
 */
export function loadRulesetModule(file: string, cache: Map<string, any> = new Map()): any {
  const mod = loadModule(path.resolve(file), cache);
  return mod && typeof mod === 'object' && 'default' in mod && mod.__esModule ? mod.default : mod;
}

function loadModule(file: string, cache: Map<string, any>): any {
  if (cache.has(file)) return cache.get(file).exports;
  const source = fs.readFileSync(file, 'utf-8');
  const module = { exports: {} as any };
  cache.set(file, module);
  const code = isEsm(source) ? esmToCommonJs(source) : source;
  const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: file });
  const localRequire = (id: string): any => {
    if (id in BUILTIN_MODULES) return BUILTIN_MODULES[id]();
    if (id.startsWith('./') || id.startsWith('../')) {
      const base = path.resolve(path.dirname(file), id);
      const target = [base, `${base}.js`, `${base}.cjs`, `${base}.mjs`, path.join(base, 'index.js')].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (!target) throw new Error(`${file}: cannot find ${id}`);
      if (target.endsWith('.json')) return JSON.parse(fs.readFileSync(target, 'utf-8'));
      return loadModule(target, cache);
    }
    throw new Error(`${file}: cannot import ${JSON.stringify(id)} (only relative files and ${Object.keys(BUILTIN_MODULES).join(', ')})`);
  };
  wrapper.call(module.exports, module.exports, localRequire, module, file, path.dirname(file));
  return module.exports;
}

function isEsm(source: string): boolean {
  return /^\s*(import\s[^(]|export\s)/m.test(source);
}

/** The ES module forms of Spectral's custom functions, as CommonJS. */
function esmToCommonJs(source: string): string {
  const exportsAfter: string[] = [];
  let out = source
    .replace(/^\s*import\s+\*\s+as\s+([\w$]+)\s+from\s+(['"][^'"]+['"]);?/gm, (_m, name, from) => `const ${name} = require(${from});`)
    .replace(/^\s*import\s+([\w$]+)\s*,\s*\{([^}]*)\}\s*from\s+(['"][^'"]+['"]);?/gm, (_m, def, named, from) =>
      `const ${def} = __default(require(${from})); const {${renameImports(named)}} = require(${from});`)
    .replace(/^\s*import\s+\{([^}]*)\}\s*from\s+(['"][^'"]+['"]);?/gm, (_m, named, from) => `const {${renameImports(named)}} = require(${from});`)
    .replace(/^\s*import\s+([\w$]+)\s+from\s+(['"][^'"]+['"]);?/gm, (_m, def, from) => `const ${def} = __default(require(${from}));`)
    .replace(/^\s*export\s+default\s+/gm, () => 'module.exports.default = ')
    .replace(/^\s*export\s+(const|let|var|function|async function|class)\s+([\w$]+)/gm, (_m, kind, name) => {
      exportsAfter.push(name);
      return `${kind} ${name}`;
    })
    .replace(/^\s*export\s+\{([^}]*)\};?/gm, (_m, names: string) => names.split(',').map((n) => n.trim()).filter(Boolean).map((n) => {
      const [local, exported] = n.split(/\s+as\s+/);
      return `module.exports[${JSON.stringify(exported ?? local)}] = ${local};`;
    }).join(' '));
  out = 'Object.defineProperty(module.exports, "__esModule", { value: true });\n' +
    'const __default = (m) => (m && m.__esModule && "default" in m ? m.default : m);\n' + out;
  for (const name of exportsAfter) out += `\nmodule.exports[${JSON.stringify(name)}] = ${name};`;
  return out;
}

function renameImports(named: string): string {
  return named.split(',').map((n) => n.trim()).filter(Boolean).map((n) => n.replace(/\s+as\s+/, ': ')).join(', ');
}
