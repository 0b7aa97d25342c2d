/**
 * Values files read the way Helm reads them: sigs.k8s.io/yaml (YAML → JSON) over go-yaml v2.
 * Plain scalars are resolved by go-yaml v2's resolve.go (YAML 1.1-ish, numbers through Go's
 * strconv), then converted to JSON as sigs.k8s.io/yaml does (map keys become strings, numbers
 * float64, infinities and NaN refused). Duplicate keys keep the last value (go-yaml v2's
 * Unmarshal is not strict), reported as warnings.
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/resolve.go
 * @see https://github.com/kubernetes-sigs/yaml/blob/master/yaml.go (convertToJSONableObject)
 */
import * as YAML from 'yaml';
import { pathKey, ValueLocation } from './values-merge';

/** A problem at a line of a values file. @internal */
export interface ValuesYamlProblem {
  readonly line: number;
  readonly message: string;
}

/** A values file as Helm reads it. @internal */
export interface ValuesYaml {
  /** The JSON value (`null` for an empty file). */
  readonly value: any;
  /** Path key → the line of that key or item. */
  readonly locations: Map<string, ValueLocation>;
  /** What Helm accepts silently but a reader should know (duplicate keys). */
  readonly warnings: ValuesYamlProblem[];
  /** What Helm refuses (the file then fails `helm template`). */
  readonly errors: ValuesYamlProblem[];
}

/** Parse options: every scalar as its text, so that go-yaml's resolution can be applied. */
export const GO_YAML_PARSE_OPTIONS = { schema: 'failsafe', uniqueKeys: false, merge: false, version: '1.1' } as const;

const STR = 'tag:yaml.org,2002:str';
const BINARY = 'tag:yaml.org,2002:binary';

/** resolve.go's resolveMap. */
const RESOLVE_MAP: { [text: string]: boolean | null | number } = {};
for (const t of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) RESOLVE_MAP[t] = true;
for (const t of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) RESOLVE_MAP[t] = false;
for (const t of ['', '~', 'null', 'Null', 'NULL']) RESOLVE_MAP[t] = null;
for (const t of ['.nan', '.NaN', '.NAN']) RESOLVE_MAP[t] = NaN;
for (const t of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) RESOLVE_MAP[t] = Infinity;
for (const t of ['-.inf', '-.Inf', '-.INF']) RESOLVE_MAP[t] = -Infinity;

/** resolve.go's yamlStyleFloat. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * go-yaml v2's resolution of a plain (unquoted, untagged) scalar, as the JSON value
 * sigs.k8s.io/yaml makes of it (numbers are float64 after its JSON round trip; a timestamp-like
 * scalar stays a string when decoded into interface{}).
 * @internal
 */
export function resolvePlainScalar(text: string): string | number | boolean | null {
  const hint = text === '' ? 'N' : hintOf(text[0]);
  if (hint === '') return text;
  if (Object.prototype.hasOwnProperty.call(RESOLVE_MAP, text)) return RESOLVE_MAP[text];
  if (hint === 'M') return text;
  if (hint === '.') {
    // strconv.ParseFloat(in, 64): a decimal float starting with '.', no underscores
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) {
      const f = Number(text);
      if (Number.isFinite(f)) return f;
    }
    return text;
  }
  // 'D' (digit) or 'S' (sign): strconv.ParseInt(plain, 0, 64), then ParseUint, then a float
  const plain = text.split('_').join('');
  const int = goParseInt(plain);
  if (int !== undefined) return int;
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return f; // ParseFloat's ErrRange (1e400) leaves the string
  }
  return text;
}

function hintOf(c: string): string {
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

const UINT64_MAX = BigInt('18446744073709551615');
const INT64_MAX = BigInt('9223372036854775807');
const INT64_MIN = -INT64_MAX - BigInt(1);

/**
 * Go's strconv.ParseInt(s, 0, 64) falling back to ParseUint(s, 0, 64): base from the prefix
 * (`0x`, `0o`, `0b`, a leading `0` is octal), within int64 or uint64. Undefined when Go fails.
 */
function goParseInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const digits = m[2];
  let magnitude: bigint;
  if (/^0[oO]/.test(digits)) magnitude = BigInt('0o' + digits.slice(2));
  else if (/^0[0-7]+$/.test(digits)) magnitude = BigInt('0o' + digits.slice(1));
  else magnitude = BigInt(digits);
  const v = m[1] === '-' ? -magnitude : magnitude;
  if (v < INT64_MIN || v > UINT64_MAX || (m[1] !== '' && v > INT64_MAX)) return undefined;
  return Number(v);
}

/**
 * Reads a values file as Helm does. Syntax errors are the caller's (`doc.errors`); this reports
 * what go-yaml and sigs.k8s.io/yaml decide differently from a YAML 1.2 reader.
 * @internal
 */
export function readValuesYaml(doc: YAML.Document.Parsed, lines: YAML.LineCounter, file: string): ValuesYaml {
  const locations = new Map<string, ValueLocation>();
  const warnings: ValuesYamlProblem[] = [];
  const errors: ValuesYamlProblem[] = [];
  const lineOf = (node: any): number => (node && node.range ? lines.linePos(node.range[0]).line : 1);

  const scalar = (node: YAML.Scalar): any => {
    const text = String(node.value ?? '');
    if (node.tag === STR || node.tag === BINARY) return text;
    if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) return text; // a local tag: go-yaml leaves the text
    if (node.type !== 'PLAIN' && !node.tag) return text; // quoted and block scalars are strings
    const v = resolvePlainScalar(text);
    if (typeof v === 'number' && !Number.isFinite(v)) {
      const go = Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
      errors.push({ line: lineOf(node), message: `${text}: Helm refuses it (error converting YAML to JSON: json: unsupported value: ${go}); quote it for a string` });
      return null;
    }
    return v;
  };

  const keyText = (node: any): string | undefined => {
    const k = YAML.isScalar(node) ? scalar(node) : undefined;
    if (typeof k === 'string') return k;
    if (typeof k === 'boolean') return String(k);
    if (typeof k === 'number' && Number.isInteger(k) && Math.abs(k) <= Number.MAX_SAFE_INTEGER) return String(k);
    const shown = YAML.isScalar(node) ? String(node.value) : String(node);
    errors.push({
      line: lineOf(node),
      message: k === null
        ? `key ${JSON.stringify(shown)}: a null map key; Helm refuses it (error converting YAML to JSON: Unsupported map key of type: %!s(<nil>))`
        : `key ${JSON.stringify(shown)}: only string, boolean and integer keys are supported (Helm converts other keys with Go's formatting); quote the key`,
    });
    return undefined;
  };

  const convert = (node: any, path: Array<string | number>, seen: Set<any>): any => {
    if (YAML.isAlias(node)) {
      const target = node.resolve(doc as any);
      if (!target || seen.has(target)) return null;
      return convert(target, path, new Set([...seen, target]));
    }
    if (YAML.isScalar(node)) return scalar(node);
    if (YAML.isSeq(node)) {
      return node.items.map((item, i) => {
        const p = [...path, i];
        locations.set(pathKey(p), { file, line: lineOf(item) });
        return convert(item, p, seen);
      });
    }
    if (YAML.isMap(node)) {
      const out: { [key: string]: any } = {};
      const firstLine = new Map<string, number>();
      for (const pair of node.items) {
        if (YAML.isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN' && !pair.key.tag) {
          // go-yaml v2 decode.go merge(): the merged maps set their keys in place (a sequence from
          // its last map to its first, so earlier maps win), overwriting keys written before `<<`
          const sources = YAML.isSeq(pair.value) ? [...pair.value.items].reverse() : [pair.value];
          for (const s of sources) {
            const merged = convert(s, path, seen);
            if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) {
              errors.push({ line: lineOf(s), message: 'map merge requires map or sequence of maps as the value' });
              continue;
            }
            Object.assign(out, merged);
          }
          continue;
        }
        const key = keyText(pair.key);
        if (key === undefined) continue;
        const p = [...path, key];
        const line = lineOf(pair.key);
        if (firstLine.has(key)) {
          warnings.push({ line, message: `duplicate key ${JSON.stringify(key)} (also on line ${firstLine.get(key)}): Helm keeps the last value` });
          // the earlier value's locations go: this one replaces it
          const prefix = pathKey(p).slice(0, -1) + ',';
          for (const k of [...locations.keys()]) if (k.startsWith(prefix)) locations.delete(k);
        } else {
          firstLine.set(key, line);
        }
        locations.set(pathKey(p), { file, line });
        out[key] = convert(pair.value, p, seen);
      }
      return out;
    }
    return null; // an empty value (`a:`) is null
  };

  locations.set(pathKey([]), { file, line: lineOf(doc.contents) });
  const value = doc.contents === null || doc.contents === undefined ? null : convert(doc.contents, [], new Set());
  return { value, locations, warnings, errors };
}
