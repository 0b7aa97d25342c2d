import * as YAML from 'yaml';

/**
 * Stringify options shared by every YAML file we write. YAML 1.1 quoting is used because Helm and
 * Kubernetes parse with YAML 1.1 rules (go-yaml v2): `yes`, `on`, `0x1f` must stay strings.
 * Double-quoted strings are written as JSON escapes on one line, which every parser reads alike.
 */
const STRINGIFY: YAML.DocumentOptions & YAML.SchemaOptions & YAML.CreateNodeOptions & YAML.ToStringOptions = {
  version: '1.1',
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
  doubleQuotedAsJSON: true,
  doubleQuotedMinMultiLineLength: 1e9,
};

/** Octal in YAML 1.2 notation: yaml 1.1 leaves it plain, but Go's parser reads a number. */
const OCTAL_12 = /^[-+]?0o[0-7]+$/i;

/**
 * Multi-line strings that a block scalar cannot carry faithfully to Go's parser: a tab, a
 * whitespace-only line, or a leading space (block indentation would swallow or reject them).
 */
function blockUnsafe(s: string): boolean {
  return s.includes('\n') && (s.includes('\t') || /(^|\n)[ ]+(\n|$)/.test(s) || /^\s/.test(s) || / \n/.test(s) || /\r/.test(s));
}

/**
 * One YAML document, deterministic for the same input.
 * @internal
 */
export function toYaml(value: unknown): string {
  const doc = new YAML.Document(value, STRINGIFY);
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && (OCTAL_12.test(node.value) || blockUnsafe(node.value))) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return doc.toString(STRINGIFY);
}

/**
 * Several YAML documents separated by `---`.
 * @internal
 */
export function toYamlDocuments(values: unknown[]): string {
  return values.map((v) => toYaml(v)).join('---\n');
}

/**
 * Parses every document of a YAML stream (null documents dropped), throwing on syntax errors.
 * @internal
 */
export function parseYamlDocuments(text: string, source = '<input>'): any[] {
  const docs = YAML.parseAllDocuments(text, { version: '1.1' } as any);
  const out: any[] = [];
  for (const d of docs as YAML.Document[]) {
    if (d.errors && d.errors.length > 0) {
      throw new Error(`${source}: invalid YAML: ${d.errors[0].message}`);
    }
    const v = d.toJS({ maxAliasCount: -1 });
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}
