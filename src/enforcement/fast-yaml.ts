/**
 * The manifest reader's YAML parser: js-yaml (about four times faster than the `yaml` package on
 * Kubernetes manifests) with a schema that resolves plain scalars exactly as the `yaml` package's
 * YAML 1.1 schema does, which core/yaml uses and which matches how Kubernetes reads manifests
 * (go-yaml: `yes`/`on` are booleans, `0755` is octal, `1_000` and `1:30` are numbers, dates are
 * timestamps). A document js-yaml rejects (unknown tags, syntax it reads differently) is parsed by
 * the `yaml` package, whose answer or error stands. Internal module.
 */
import * as YAML from 'yaml';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsyaml: any = require('js-yaml');

/**
 * A plain-scalar type: the first of `forms` whose test matches builds the value. js-yaml keeps one
 * type per tag, so the `yaml` package's variants of a tag (e.g. int: binary, octal, decimal, hex,
 * sexagesimal) are one type here, tried in that package's order.
 */
function scalar(tag: string, forms: Array<[RegExp, (s: string) => any]>): any {
  const form = (s: string | null) => (s === null ? undefined : forms.find(([test]) => test.test(s)));
  return new jsyaml.Type(tag, { kind: 'scalar', resolve: (s: string | null) => form(s) !== undefined, construct: (s: string) => form(s)![1](s) });
}

function intOf(s: string, offset: number, radix: number): number {
  const sign = s[0];
  const digits = s.substring(sign === '-' || sign === '+' ? offset + 1 : offset).replace(/_/g, '');
  const n = parseInt(digits, radix);
  return sign === '-' ? -1 * n : n;
}

function sexagesimal(s: string): number {
  const sign = s[0];
  const parts = sign === '-' || sign === '+' ? s.substring(1) : s;
  const n = parts.replace(/_/g, '').split(':').reduce((acc, p) => acc * 60 + Number(p), 0);
  return sign === '-' ? -1 * n : n;
}

const TIMESTAMP = new RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$');

function timestamp(s: string): Date {
  const m = s.match(TIMESTAMP)!;
  const [, year, month, day, hour, minute, second] = m.map(Number);
  const millis = m[7] ? Number((m[7] + '00').substr(1, 3)) : 0;
  let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millis);
  const tz = m[8];
  if (tz && tz !== 'Z') {
    let d = sexagesimal(tz);
    if (Math.abs(d) < 30) d *= 60;
    date -= 60000 * d;
  }
  return new Date(date);
}

const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';

/** The `yaml` package's yaml-1.1 schema, in its resolution order (schema/yaml-1.1/schema.js). */
const SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('tag:yaml.org,2002:null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar('tag:yaml.org,2002:bool', [
      [/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, () => true],
      [/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, () => false],
    ]),
    scalar(INT, [
      [/^[-+]?0b[0-1_]+$/, (s) => intOf(s, 2, 2)],
      [/^[-+]?0[0-7_]+$/, (s) => intOf(s, 1, 8)],
      [/^[-+]?[0-9][0-9_]*$/, (s) => intOf(s, 0, 10)],
      [/^[-+]?0x[0-9a-fA-F_]+$/, (s) => intOf(s, 2, 16)],
      [/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/, sexagesimal],
    ]),
    scalar(FLOAT, [
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY)],
      [/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, (s) => parseFloat(s.replace(/_/g, ''))],
      [/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, (s) => parseFloat(s.replace(/_/g, ''))],
      [/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/, sexagesimal],
    ]),
    jsyaml.types.merge,
    scalar('tag:yaml.org,2002:timestamp', [[TIMESTAMP, timestamp]]),
  ],
  explicit: [jsyaml.types.binary, jsyaml.types.omap, jsyaml.types.pairs, jsyaml.types.set],
});

/** Thrown with the `yaml` package's first error of a document. */
export class YamlDocumentError extends Error {
  constructor(message: string, public readonly line?: number) {
    super(message);
    this.name = 'YamlDocumentError';
  }
}

/** One YAML document's value, as core/yaml's YAML 1.1 reading gives it. Throws YamlDocumentError. */
export function parseYamlDocument(text: string): any {
  try {
    return jsyaml.load(text, { schema: SCHEMA });
  } catch {
    const doc = YAML.parseDocument(text, { version: '1.1' } as any);
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      throw new YamlDocumentError(e.message.split('\n')[0], e.linePos?.[0]?.line);
    }
    return doc.toJS({ maxAliasCount: -1 });
  }
}
