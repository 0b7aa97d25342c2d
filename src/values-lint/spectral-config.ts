import * as fs from 'fs';
import * as path from 'path';
import { Ruleset } from '@stoplight/spectral-core';
import * as formats from '@stoplight/spectral-formats';
import * as functions from '@stoplight/spectral-functions';
import { arazzo, asyncapi, oas } from '@stoplight/spectral-rulesets';
import { InputProblem, ValuesLintError } from './lint-error';
import { loadRulesetModule } from './ruleset-module';
import { LocatedYaml, lineAt, parseLocatedYaml } from './yaml-source';

/**
 * Loads `.spectral.yaml` the way Spectral CLI 6 does (spectral-cli getRuleset → the
 * spectral-ruleset-migrator turns a YAML/JSON ruleset into a JavaScript one → spectral-core's
 * `new Ruleset(definition, { severity: 'recommended', source })`), in process and offline:
 *
 * - the migrator's own schema (validation/schema.ts) first: `extends`, `formats`, `functions`,
 *   `functionsDir`, `except`, `aliases` of the wrong shape are refused ("Invalid ruleset provided");
 * - `except` becomes `overrides` (transformers/except.ts: `{ files: [pattern], rules: { r: off } }`,
 *   a `#pointer` pattern becomes `**#pointer`);
 * - `functions` are loaded from `functionsDir` (default `functions`) as `<name>.js` and run in
 *   process (transformers/functions.ts);
 * - `extends`: `spectral:oas`, `spectral:asyncapi` (and `spectral:arazzo`) are the bundled
 *   rulesets; a relative YAML/JSON file is migrated the same way (its functions relative to it); a
 *   `.js` file is loaded in process; a package or URL is refused (no network);
 * - `formats` names become @stoplight/spectral-formats functions (transformers/formats.ts);
 * - a top-level rule's `then.function` is a core function, else a custom function listed in
 *   `functions` (transformers/rules.ts; any other name is an undefined identifier in the migrated
 *   module, so Spectral fails);
 * - everything else is checked by spectral-core's Ruleset validation, with its wording.
 *
 * Every problem is reported with its file and line, all at once.
 * @internal
 */
export function loadSpectralRuleset(file: string, displayName: string = file): Ruleset {
  const problems = new Map<string, InputProblem[]>();
  const located = new Map<string, LocatedYaml>();
  const def = migrate(file, displayName, problems, located, new Set());
  // spectral-core's validation runs even when the migration found problems (unresolved parts are
  // left out), so that every problem is reported at once
  if (def !== undefined) {
    const ruleset = validateWithCore(def, path.resolve(file), located.get(displayName)!, displayName, problems);
    if (ruleset && countProblems(problems) === 0) return ruleset;
  }
  // problems of an extended ruleset name their own file
  const all = [...problems.keys()].flatMap((f) => sortProblems(problems.get(f)!).map((p) => ({ ...p, file: f })));
  throw new ValuesLintError(displayName, all);
}

/**
 * spectral-core's `new Ruleset` over a migrated definition; its validation errors are added with
 * the line of their path in `y`. Undefined when invalid.
 */
function validateWithCore(
  def: any, source: string | undefined, y: LocatedYaml, displayName: string, problems: Map<string, InputProblem[]>,
): Ruleset | undefined {
  const before = countProblems(problems);
  try {
    return new Ruleset(def, { severity: 'recommended', ...(source ? { source } : {}) });
  } catch (e) {
    const errors: any[] = Array.isArray((e as any).errors) ? (e as any).errors : [e];
    for (const err of errors) {
      const p: Path = Array.isArray(err.path) ? err.path.filter((s: unknown) => s !== '').map(indexOf) : [];
      const message = firstLine(err.message);
      // a consequence of a part already refused (left out), not a problem of its own
      if (before > 0 && p.length === 0 && message.startsWith('Ruleset must have rules or extends or overrides defined')) continue;
      const parent = valueAt(def, p);
      if (message === 'must NOT have additional properties' && p.length === 0 && isMap(parent)) {
        // spectral-core's wording names no key: name each one, at its line
        for (const key of Object.keys(parent).filter((k) => !RULESET_KEYS.includes(k))) {
          add(problems, displayName, { line: lineAt(y, [key]), message: `${key}: ${message} (allowed: ${[...RULESET_KEYS, ...MIGRATOR_KEYS].sort().join(', ')})` });
        }
        continue;
      }
      add(problems, displayName, { line: lineAt(y, p), message: `${pathText(p)}: ${message}` });
    }
    return undefined;
  }
}

/** Spectral's core functions by name (the migrator imports any export of spectral-functions). */
const CORE_FUNCTIONS: { [name: string]: unknown } = { ...functions };

/** Built-in rulesets, resolved offline. */
const BUILTIN_RULESETS: { [name: string]: unknown } = {
  'spectral:oas': oas,
  'spectral:asyncapi': asyncapi,
  'spectral:arazzo': arazzo,
};

/** The migrator's formats (validation/schema.ts) and the spectral-formats export of each (transformers/formats.ts). */
const FORMATS: { [name: string]: string } = {
  'oas2': 'oas2',
  'oas3': 'oas3',
  'oas3.0': 'oas3_0',
  'oas3.1': 'oas3_1',
  'asyncapi2': 'asyncapi2',
  'json-schema': 'jsonSchema',
  'json-schema-loose': 'jsonSchemaLoose',
  'json-schema-draft4': 'jsonSchemaDraft4',
  'json-schema-draft6': 'jsonSchemaDraft6',
  'json-schema-draft7': 'jsonSchemaDraft7',
  'json-schema-draft-2019-09': 'jsonSchemaDraft2019_09',
  'json-schema-2019-09': 'jsonSchemaDraft2019_09',
  'json-schema-draft-2020-12': 'jsonSchemaDraft2020_12',
  'json-schema-2020-12': 'jsonSchemaDraft2020_12',
};

const EXTENDS_MODES = ['all', 'recommended', 'off'];

/** Top-level keys spectral-core's ruleset schema allows (after the migrator removed its own). */
const RULESET_KEYS = ['aliases', 'description', 'documentationUrl', 'extends', 'formats', 'overrides', 'parserOptions', 'rules'];
const MIGRATOR_KEYS = ['except', 'functions', 'functionsDir'];
const INVALID = '(Spectral: "Invalid ruleset provided")';

type Path = Array<string | number>;

/** One ruleset file, migrated to a Ruleset definition (undefined when it cannot be read). */
function migrate(
  file: string, displayName: string, problems: Map<string, InputProblem[]>, located: Map<string, LocatedYaml>, stack: Set<string>,
): any {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf-8');
  } catch (e) {
    add(problems, displayName, { message: `cannot read the ruleset: ${(e as Error).message}` });
    return undefined;
  }
  let y: LocatedYaml;
  try {
    y = parseLocatedYaml(text, displayName);
  } catch (e) {
    if (e instanceof ValuesLintError) {
      for (const p of e.problems) add(problems, displayName, p);
      return undefined;
    }
    throw e;
  }
  located.set(displayName, y);
  const at = (p: Path, message: string) => add(problems, displayName, { line: lineAt(y, p), message: `${pathText(p)}: ${message}` });
  const def = y.value;
  if (!def || typeof def !== 'object' || Array.isArray(def)) {
    add(problems, displayName, { line: 1, message: `a ruleset must be a YAML mapping with \`rules\` and/or \`extends\` ${INVALID}` });
    return undefined;
  }
  const out: any = { ...def };
  const dir = path.dirname(abs);

  // validation/schema.ts of the migrator
  checkShapes(def, at);

  // transformers/except.ts
  if (isMap(def.except)) {
    delete out.except;
    out.overrides = Array.isArray(def.overrides) ? [...def.overrides] : def.overrides ?? [];
    if (Array.isArray(out.overrides)) {
      for (const [pattern, rules] of Object.entries(def.except)) {
        out.overrides.push({
          files: [pattern.startsWith('#') ? `**${pattern}` : pattern],
          rules: Array.isArray(rules) ? Object.fromEntries(rules.map((r) => [String(r), 'off'])) : rules,
        });
      }
    }
  }

  // transformers/functions.ts
  const custom: { [name: string]: unknown } = {};
  delete out.functions;
  delete out.functionsDir;
  if (Array.isArray(def.functions)) {
    def.functions.forEach((name: unknown, i: number) => {
      if (typeof name !== 'string') return;
      const fnFile = path.join(dir, typeof def.functionsDir === 'string' ? def.functionsDir : 'functions', `${name}.js`);
      try {
        const fn = loadRulesetModule(fnFile);
        if (typeof fn !== 'function') at(['functions', i], `${path.relative(dir, fnFile)} does not export a function (export default or module.exports)`);
        else custom[name] = fn;
      } catch (e) {
        at(['functions', i], `cannot load ${path.relative(dir, fnFile)}: ${firstLine((e as Error).message)}`);
      }
    });
  }

  // transformers/extends.ts (top level and overrides)
  const resolveOne = (name: unknown, p: Path): any => {
    if (typeof name !== 'string') return name;
    if (name in BUILTIN_RULESETS) return BUILTIN_RULESETS[name];
    if (/^[a-z]+:\/\//i.test(name)) {
      at(p, `"${name}" is a URL: not fetched (the lint runs offline); vendor the ruleset into the repository`);
      return undefined;
    }
    if (!name.startsWith('.') && !path.isAbsolute(name)) {
      at(p, `"${name}" is a package: not installed (the lint runs offline); extend spectral:oas, spectral:asyncapi, spectral:arazzo or a relative file`);
      return undefined;
    }
    const target = path.resolve(dir, name);
    const shown = path.join(path.dirname(displayName), name).split(path.sep).join('/');
    if (!fs.existsSync(target)) {
      at(p, `${name}: no such file`);
      return undefined;
    }
    if (/\.[cm]?js$/.test(target)) {
      try {
        return loadRulesetModule(target);
      } catch (e) {
        at(p, `cannot load ${name}: ${firstLine((e as Error).message)}`);
        return undefined;
      }
    }
    if (stack.has(target)) {
      at(p, `${name} extends itself (a cycle)`);
      return undefined;
    }
    const nested = migrate(target, shown, problems, located, new Set([...stack, abs]));
    // validated on its own so that its problems name its file; a refused one is left out
    return nested !== undefined && validateWithCore(nested, undefined, located.get(shown)!, shown, problems) ? nested : undefined;
  };
  const resolveExtends = (ext: any, p: Path): any => {
    if (typeof ext === 'string') return resolveOne(ext, p);
    if (!Array.isArray(ext)) return ext;
    return ext.map((e, i) => (Array.isArray(e) ? [resolveOne(e[0], [...p, i, 0]), e[1]] : resolveOne(e, [...p, i])))
      .filter((e) => e !== undefined && !(Array.isArray(e) && e[0] === undefined));
  };
  if (def.extends !== undefined) out.extends = resolveExtends(def.extends, ['extends']);
  if (out.extends === undefined) delete out.extends;
  if (Array.isArray(def.overrides)) {
    out.overrides = out.overrides.map((o: any, i: number) => (i < def.overrides.length && isMap(o) && o.extends !== undefined
      ? { ...o, extends: resolveExtends(o.extends, ['overrides', i, 'extends']) } : o));
  }

  // transformers/formats.ts
  const toFormats = (list: any, p: Path): any => {
    if (!Array.isArray(list)) return list;
    return list.map((f, i) => {
      const fn = typeof f === 'string' ? (formats as any)[FORMATS[f] ?? safeFormat(f)] : undefined;
      if (fn === undefined && p.length > 1) at([...p, i], `unknown format ${JSON.stringify(f)} (formats: ${Object.keys(FORMATS).join(', ')})`);
      return fn;
    }).filter((fn) => fn !== undefined);
  };
  if (def.formats !== undefined) out.formats = toFormats(def.formats, ['formats']);
  if (isMap(def.aliases)) {
    const aliasEntries: Array<[string, any]> = Object.entries(def.aliases);
    out.aliases = Object.fromEntries(aliasEntries.map(([name, alias]) => [name, isMap(alias) && Array.isArray(alias.targets)
      ? { ...alias, targets: alias.targets.map((t: any, i: number) => (isMap(t) ? { ...t, formats: toFormats(t.formats, ['aliases', name, 'targets', i, 'formats']) } : t)) }
      : alias]));
  }
  const mapRules = (rules: any, p: Path, resolveFunctions: boolean): any => {
    if (!isMap(rules)) return rules;
    return Object.fromEntries(Object.entries(rules).map(([name, rule]: [string, any]) => {
      if (!isMap(rule)) return [name, rule];
      const r: any = { ...rule };
      if (rule.formats !== undefined) r.formats = toFormats(rule.formats, [...p, name, 'formats']);
      if (resolveFunctions && rule.then !== undefined) {
        const then = (t: any, tp: Path): any => {
          if (!isMap(t) || typeof t.function !== 'string') return t;
          if (t.function in CORE_FUNCTIONS) return { ...t, function: CORE_FUNCTIONS[t.function] };
          if (t.function in custom) return { ...t, function: custom[t.function] };
          at([...tp, 'function'], `"${t.function}" is not defined: not a core function (${Object.keys(CORE_FUNCTIONS).sort().join(', ')}) nor listed in \`functions\``);
          return { ...t, function: functions.defined };
        };
        r.then = Array.isArray(rule.then) ? rule.then.map((t: any, i: number) => then(t, [...p, name, 'then', i])) : then(rule.then, [...p, name, 'then']);
      }
      return [name, r];
    }));
  };
  if (def.rules !== undefined) out.rules = mapRules(def.rules, ['rules'], true);
  if (Array.isArray(out.overrides)) {
    // the migrator resolves function names of top-level rules only (transformers/rules.ts): an
    // override's rule keeps its function name, which spectral-core's validation then refuses
    out.overrides = out.overrides.map((o: any, i: number) => (isMap(o) && o.rules !== undefined ? { ...o, rules: mapRules(o.rules, ['overrides', i, 'rules'], false) } : o));
  }
  return out;
}

/** The migrator's validation/schema.ts, with the line of each offending value. */
function checkShapes(def: any, at: (p: Path, message: string) => void): void {
  const ext = def.extends;
  if (ext !== undefined && typeof ext !== 'string') {
    if (!Array.isArray(ext)) {
      at(['extends'], `must be a ruleset name or a list of names and [name, mode] pairs ${INVALID}`);
    } else {
      ext.forEach((e, i) => {
        if (typeof e === 'string') return;
        if (!Array.isArray(e) || e.length < 2 || typeof e[0] !== 'string') at(['extends', i], `must be a ruleset name or a [name, mode] pair ${INVALID}`);
        else if (!EXTENDS_MODES.includes(e[1])) at(['extends', i, 1], `"${e[1]}" is not one of ${EXTENDS_MODES.join(', ')} ${INVALID}`);
      });
    }
  }
  if (def.formats !== undefined) {
    if (!Array.isArray(def.formats) || def.formats.length === 0) {at(['formats'], `must be a non-empty list of formats ${INVALID}`);} else {
      def.formats.forEach((f: unknown, i: number) => {
        if (typeof f !== 'string' || !(f in FORMATS)) at(['formats', i], `${JSON.stringify(f)} is not one of ${Object.keys(FORMATS).join(', ')} ${INVALID}`);
      });
    }
  }
  if (def.functions !== undefined && (!Array.isArray(def.functions) || def.functions.some((f: unknown) => typeof f !== 'string'))) {
    at(['functions'], `must be a list of function names ${INVALID}`);
  }
  if (def.functionsDir !== undefined && typeof def.functionsDir !== 'string') at(['functionsDir'], `must be a folder path ${INVALID}`);
  if (def.except !== undefined) {
    if (!isMap(def.except)) {at(['except'], `must map "file#pointer" patterns to lists of rule names ${INVALID}`);} else {
      for (const [k, v] of Object.entries(def.except)) {
        if (!Array.isArray(v) || v.some((r) => typeof r !== 'string')) at(['except', k], `must be a list of rule names ${INVALID}`);
      }
    }
  }
  if (def.aliases !== undefined && !isMap(def.aliases)) at(['aliases'], `must be a mapping of alias names ${INVALID}`);
}

function valueAt(v: any, p: Path): any {
  for (const s of p) v = v === null || typeof v !== 'object' ? undefined : v[s];
  return v;
}

function safeFormat(format: string): string {
  return format.replace(/\.|(?<=[0-9])-(?=[0-9])/g, '_').replace(/-([0-9a-z])/g, (_m, c) => String(c).toUpperCase());
}

function add(problems: Map<string, InputProblem[]>, file: string, p: InputProblem): void {
  if (!problems.has(file)) problems.set(file, []);
  problems.get(file)!.push(p);
}

function countProblems(problems: Map<string, InputProblem[]>): number {
  let n = 0;
  for (const list of problems.values()) n += list.length;
  return n;
}

function sortProblems(list: InputProblem[]): InputProblem[] {
  return [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function isMap(v: unknown): v is { [key: string]: any } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function indexOf(segment: unknown): string | number {
  return typeof segment === 'string' && /^\d+$/.test(segment) ? Number(segment) : (segment as string | number);
}

function pathText(p: Path): string {
  if (p.length === 0) return '(document)';
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${s}`)).join('');
}

function firstLine(s: unknown): string {
  return String(s).split('\n')[0];
}
