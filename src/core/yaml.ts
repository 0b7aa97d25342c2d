import * as YAML from 'yaml';

/**
 * Stringify options shared by every YAML file we write. YAML 1.1 quoting is used because Helm and
 * Kubernetes parse with YAML 1.1 rules (go-yaml v2): `yes`, `on`, `0x1f` must stay strings.
 */
const STRINGIFY: YAML.DocumentOptions & YAML.SchemaOptions & YAML.CreateNodeOptions & YAML.ToStringOptions = {
  version: '1.1',
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
};

/**
 * One YAML document, deterministic for the same input.
 * @internal
 */
export function toYaml(value: unknown): string {
  return YAML.stringify(value, STRINGIFY);
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
