import * as fs from 'fs';
import { Ruleset } from '@stoplight/spectral-core';
import * as functions from '@stoplight/spectral-functions';
import { arazzo, asyncapi, oas } from '@stoplight/spectral-rulesets';
import { InputProblem, ValuesLintError } from './lint-error';
import { lineAt, parseLocatedYaml } from './yaml-source';

/** Spectral's core functions by the name `.spectral.yaml` uses. */
const CORE_FUNCTIONS: { [name: string]: unknown } = {
  alphabetical: functions.alphabetical,
  casing: functions.casing,
  defined: functions.defined,
  enumeration: functions.enumeration,
  falsy: functions.falsy,
  length: functions.length,
  pattern: functions.pattern,
  schema: functions.schema,
  truthy: functions.truthy,
  undefined: functions.undefined,
  unreferencedReusableObject: functions.unreferencedReusableObject,
  xor: functions.xor,
  or: functions.or,
};

/** Built-in rulesets resolved offline (no network, no file lookups). */
const BUILTIN_RULESETS: { [name: string]: unknown } = {
  'spectral:oas': oas,
  'spectral:asyncapi': asyncapi,
  'spectral:arazzo': arazzo,
};

const TOP_LEVEL_KEYS = ['extends', 'rules', 'aliases', 'description', 'documentationUrl', 'parserOptions'];
const EXTENDS_MODES = ['recommended', 'all', 'off'];

/**
 * Loads `.spectral.yaml` into a Spectral ruleset: function names become Spectral's core
 * functions and `extends` resolves to the bundled rulesets. Every problem (YAML syntax, unknown
 * function, Spectral's own ruleset validation) is reported with its line, all at once.
 * @internal
 */
export function loadSpectralRuleset(file: string, displayName: string = file): Ruleset {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch (e) {
    throw new ValuesLintError(displayName, [{ message: `cannot read the ruleset: ${(e as Error).message}` }]);
  }
  const y = parseLocatedYaml(text, displayName);
  const def = y.value;
  const problems: InputProblem[] = [];
  const at = (path: Array<string | number>, message: string) => problems.push({ line: lineAt(y, path), message: `${pathText(path)}: ${message}` });
  if (!def || typeof def !== 'object' || Array.isArray(def)) {
    throw new ValuesLintError(displayName, [{ line: 1, message: 'a ruleset must be a YAML mapping with `rules` and/or `extends`' }]);
  }
  for (const key of Object.keys(def)) {
    if (key === 'functions' || key === 'functionsDir') {
      at([key], 'custom functions are not supported; use Spectral\'s core functions (' + Object.keys(CORE_FUNCTIONS).join(', ') + ')');
    } else if (!TOP_LEVEL_KEYS.includes(key)) {
      at([key], `unknown key (allowed: ${TOP_LEVEL_KEYS.join(', ')})`);
    }
  }
  const out: any = {};
  for (const key of TOP_LEVEL_KEYS) if (def[key] !== undefined) out[key] = def[key];
  if (def.extends !== undefined) out.extends = resolveExtends(def.extends, at);
  if (def.rules !== undefined) {
    if (!def.rules || typeof def.rules !== 'object' || Array.isArray(def.rules)) {
      at(['rules'], 'must be a mapping of rule name to rule');
    } else {
      out.rules = {};
      for (const [name, rule] of Object.entries<any>(def.rules)) {
        out.rules[name] = resolveRule(rule, ['rules', name], at);
      }
    }
  }
  if (out.extends === undefined) delete out.extends;
  try {
    const ruleset = new Ruleset(out, { source: file });
    if (problems.length === 0) return ruleset;
  } catch (e) {
    const errors: any[] = Array.isArray((e as any).errors) ? (e as any).errors : [e];
    for (const err of errors) {
      const path = Array.isArray(err.path) ? err.path.map(indexOf) : [];
      at(path, firstLine(err.message));
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  throw new ValuesLintError(displayName, problems);
}

type Report = (path: Array<string | number>, message: string) => void;

function resolveExtends(ext: any, at: Report): any {
  const one = (e: any, path: Array<string | number>): any => {
    if (typeof e === 'string') {
      if (e in BUILTIN_RULESETS) return BUILTIN_RULESETS[e];
      at(path, `"${e}" cannot be resolved offline; extend one of ${Object.keys(BUILTIN_RULESETS).join(', ')}`);
      return undefined;
    }
    if (Array.isArray(e) && e.length === 2 && typeof e[0] === 'string') {
      if (!EXTENDS_MODES.includes(e[1])) at([...path, 1], `"${e[1]}" is not one of ${EXTENDS_MODES.join(', ')}`);
      return [one(e[0], [...path, 0]), e[1]];
    }
    at(path, 'must be a ruleset name or [name, mode]');
    return undefined;
  };
  // `extends: [name, mode]` (a single pair) and `extends: [a, b]` (a list) look alike; Spectral
  // reads a two-element list whose second element is a mode as a pair.
  if (Array.isArray(ext) && !(ext.length === 2 && typeof ext[0] === 'string' && EXTENDS_MODES.includes(ext[1]))) {
    return ext.map((e, i) => one(e, ['extends', i])).filter((e) => e !== undefined && !(Array.isArray(e) && e[0] === undefined));
  }
  const single = one(ext, ['extends']);
  return single === undefined || (Array.isArray(single) && single[0] === undefined) ? undefined : single;
}

function resolveRule(rule: any, path: Array<string | number>, at: Report): any {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return rule; // `off`, `true`, a severity: Spectral checks
  const out = { ...rule };
  const resolveThen = (then: any, thenPath: Array<string | number>): any => {
    if (!then || typeof then !== 'object' || Array.isArray(then)) return then;
    const t = { ...then };
    if (typeof then.function === 'string') {
      if (then.function in CORE_FUNCTIONS) {t.function = CORE_FUNCTIONS[then.function];} else {
        at([...thenPath, 'function'], `unknown function "${then.function}" (core functions: ${Object.keys(CORE_FUNCTIONS).join(', ')})`);
        t.function = functions.defined; // placeholder so Spectral still validates the rest
      }
    }
    return t;
  };
  if (Array.isArray(rule.then)) out.then = rule.then.map((t: any, i: number) => resolveThen(t, [...path, 'then', i]));
  else if (rule.then !== undefined) out.then = resolveThen(rule.then, [...path, 'then']);
  return out;
}

function indexOf(segment: unknown): string | number {
  return typeof segment === 'string' && /^\d+$/.test(segment) ? Number(segment) : (segment as string | number);
}

function pathText(path: Array<string | number>): string {
  if (path.length === 0) return '(document)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('');
}

function firstLine(s: unknown): string {
  return String(s).split('\n')[0];
}

