/**
 * The variable checks Kyverno's admission webhook runs on a policy (pkg/validation/policy/validate.go:
 * ruleForbiddenSectionsHaveVariables, hasInvalidVariables with a mock context): no `{{ }}` in
 * match, exclude, JSON-patch paths and image references; every other `{{ }}` parses as JMESPath
 * and names a variable Kyverno knows (request, element, images, a function call, a context entry).
 * Works on rules as Kyverno JSON, so typed and imported policies are checked alike.
 * Internal module.
 */
import * as YAML from 'yaml';
import { wildcardMatch } from '../engine/wildcard';

/** JMESPath loads at the first `{{ }}` checked, not when the library loads. */
let jmespathModule: { compile(expression: string): unknown } | undefined;
function jmespath(): { compile(expression: string): unknown } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (jmespathModule ??= require('@jmespath-community/jmespath'));
}

/** Kyverno's regex.RegexVariables: `{{ }}` not preceded by a backslash (one level of nested braces). */
const VARIABLE = /(^|[^\\])(\{\{(?:\{[^{}]*\}|[^{}])*\}\})/g;
/** Kyverno's regexVariables, used for the sections where variables are forbidden. */
const ANY_VARIABLE = /\{\{[^{}]*\}\}/;
/** enginecontext.ReservedKeys (admission) and allowedVariablesBackground (background scans). */
const RESERVED = /request|serviceAccountName|serviceAccountNamespace|element|elementIndex|@|images|image|([a-z_0-9]+\()[^{}]/;
const RESERVED_BACKGROUND = /request\.|element|elementIndex|@|images|images\.|image\.|([a-z_0-9]+\()[^{}]/;
/** In mutate targets `target.` is known too. */
const RESERVED_TARGET = /request\.|serviceAccountName|serviceAccountNamespace|element|elementIndex|@|images|images\.|image\.|target\.|([a-z_0-9]+\()[^{}]/;
const RESERVED_BACKGROUND_TARGET = /request\.|element|elementIndex|@|images|images\.|image\.|target\.|([a-z_0-9]+\()[^{}]/;

/** Problems of one rule (Kyverno JSON) at `at` (e.g. `spec.rules[0]`), each `<field>: <problem>`. */
export function ruleVariableProblems(rule: any, at: string, background: boolean): string[] {
  if (!rule || typeof rule !== 'object') return [];
  const out: string[] = [];
  for (const section of ['match', 'exclude']) {
    eachString(rule[section], `${at}.${section}`, (text, where) => {
      if (ANY_VARIABLE.test(text)) {
        out.push(`${where}: variables are not allowed in ${section} (Kyverno selects resources before any variable exists); found ${JSON.stringify(text)}`);
      }
    });
  }
  const patch = rule.mutate?.patchesJson6902;
  if (typeof patch === 'string') {
    let ops: any;
    try {
      ops = YAML.parse(patch);
    } catch {
      ops = undefined;
    }
    (Array.isArray(ops) ? ops : []).forEach((op: any, i: number) => {
      if (typeof op?.path === 'string' && ANY_VARIABLE.test(op.path)) {
        out.push(`${at}.mutate.patchesJson6902[${i}].path: variables are not allowed in the path of a JSON patch; found ${JSON.stringify(op.path)}`);
      }
    });
  }
  (Array.isArray(rule.verifyImages) ? rule.verifyImages : []).forEach((v: any, i: number) => {
    const refs = [...(Array.isArray(v?.imageReferences) ? v.imageReferences : []), ...(typeof v?.image === 'string' ? [v.image] : [])];
    refs.forEach((ref: unknown, j: number) => {
      if (typeof ref === 'string' && ANY_VARIABLE.test(ref)) {
        out.push(`${at}.verifyImages[${i}].imageReferences[${j}]: variables are not allowed in image references; found ${JSON.stringify(ref)}`);
      }
    });
  });
  const known = knownVariables(rule);
  const rest = { ...rule, match: undefined, exclude: undefined };
  eachString(rest, at, (text, where) => {
    const inTarget = where.startsWith(`${at}.mutate.targets`);
    // attestation conditions are evaluated against the attestation: Kyverno does not check them
    if (/\.verifyImages\[\d+\]\.attestations\[\d+\]\.conditions/.test(where)) return;
    // foreach lists and context jmesPath fields are bare JMESPath expressions
    // (an empty one is reported as missing by the rule checks)
    if (/\.foreach\[\d+\]\.list$|\.jmesPath$/.test(where) && text.trim() !== '' && !text.includes('{{')) {
      const problem = jmesPathProblem(text);
      if (problem) out.push(`${where}: ${JSON.stringify(text)} is not a valid JMESPath expression (${problem})`);
    }
    for (const m of text.matchAll(VARIABLE)) {
      const problem = variableProblem(m[2], known, background, inTarget);
      if (problem) out.push(`${where}: ${problem}`);
    }
  });
  return out;
}

/** Why a `{{ }}` is refused, undefined when Kyverno accepts it. */
function variableProblem(variable: string, known: string[], background: boolean, inTarget: boolean): string | undefined {
  let expression = variable.slice(2, -2).trim();
  if (expression.startsWith('-')) expression = expression.slice(1).trim();
  if (expression === '') return `${variable} is empty (a variable needs a JMESPath expression, e.g. {{ request.object.metadata.name }})`;
  const syntax = jmesPathProblem(expression);
  if (syntax) return `${variable} is not a valid JMESPath expression (${syntax}); Kyverno rejects the policy`;
  const query = expression.replace(/"/g, '');
  const reserved = inTarget ? (background ? RESERVED_BACKGROUND_TARGET : RESERVED_TARGET) : background ? RESERVED_BACKGROUND : RESERVED;
  if (reserved.test(query) || known.some((pattern) => wildcardMatch(pattern, query))) return undefined;
  const names = known.map((k) => k.split(/[.*]/)[0]).filter((k, i, all) => all.indexOf(k) === i);
  return `${variable} refers to a variable Kyverno does not know: use request.*, element, elementIndex, images, @, a function call${names.length > 0 ? ` or a context entry (${names.join(', ')})` : ' or a context entry (none defined)'}`
    + (background && /^(serviceAccountName|serviceAccountNamespace)/.test(query) ? '; in background mode (spec.background: true) serviceAccountName and serviceAccountNamespace are not available' : '');
}

/** The parser's complaint about an expression, undefined when it parses. */
function jmesPathProblem(expression: string): string | undefined {
  try {
    jmespath().compile(legacyLiterals(expression));
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}

/**
 * Kyverno's JMESPath (jmespath-community/go-jmespath) reads a backtick literal that is not JSON as
 * a string (legacy behaviour, e.g. `nginx:latest`); the JavaScript parser refuses it, so such
 * literals are quoted before parsing.
 */
function legacyLiterals(expression: string): string {
  return expression.replace(/`((?:\\`|[^`])*)`/g, (whole, body: string) => {
    const raw = body.replace(/\\`/g, '`');
    try {
      JSON.parse(raw);
      return whole;
    } catch {
      return `\`${JSON.stringify(raw.trimStart()).replace(/`/g, '\\`')}\``;
    }
  });
}

/** The wildcard patterns Kyverno's mock context allows for the rule's context entries (addContextVariables). */
function knownVariables(rule: any): string[] {
  const entries: any[] = [...asArray(rule.context)];
  const nested = [rule.validate?.foreach, rule.mutate?.foreach, rule.mutate?.targets, rule.generate?.foreach].flatMap(asArray);
  for (const f of nested) {
    entries.push(...asArray(f?.context));
    for (const g of asArray(f?.foreach)) entries.push(...asArray(g?.context));
  }
  const out: string[] = [];
  for (const e of entries) {
    if (typeof e?.name !== 'string') continue;
    if (e.apiCall || e.globalReference || e.imageRegistry || e.variable) out.push(`${e.name}*`);
    if (e.configMap) out.push(`${e.name}.data`, `${e.name}.metadata`, `${e.name}.data.*`, `${e.name}.metadata.*`);
  }
  for (const v of asArray(rule.verifyImages)) for (const a of asArray(v?.attestations)) if (typeof a?.name === 'string') out.push(`${a.name}*`);
  return out;
}

function asArray(x: any): any[] {
  return Array.isArray(x) ? x : [];
}

/** Calls `fn` for every string (keys included) under `node`, with its field path. */
function eachString(node: any, at: string, fn: (text: string, where: string) => void): void {
  if (typeof node === 'string') {
    fn(node, at);
  } else if (Array.isArray(node)) {
    node.forEach((x, i) => eachString(x, `${at}[${i}]`, fn));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      const child = `${at}.${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k)}`;
      if (k.includes('{{')) fn(k, child);
      eachString(v, child, fn);
    }
  }
}
