import * as YAML from 'yaml';
import { InputProblem, ValuesLintError } from './lint-error';
import { pathKey, ValueLocation } from '../helm/values-merge';
import { GO_YAML_PARSE_OPTIONS, readValuesYaml } from '../helm/values-yaml';

export { pathKey };

/** A file and 1-based line. */
export type SourceLocation = ValueLocation;

/** A parsed YAML file with the line of every key and item. @internal */
export interface LocatedYaml {
  readonly file: string;
  readonly value: any;
  readonly doc: YAML.Document.Parsed;
  readonly lines: YAML.LineCounter;
  /** Path key (see `pathKey`) → where that key or item is written. */
  readonly locations: Map<string, SourceLocation>;
  /** What the reader accepted but should be told (duplicate keys in a values file). */
  readonly warnings: InputProblem[];
}

/**
 * Parses a single-document YAML file (Helm values, `.spectral.yaml`) keeping line numbers; a syntax
 * error becomes a `ValuesLintError` naming the file and line.
 * @internal
 */
export function parseLocatedYaml(text: string, file: string, reader: 'helm' | '1.2' = '1.2'): LocatedYaml {
  const lines = new YAML.LineCounter();
  // Helm values: every scalar as text, resolved as go-yaml v2 does (readValuesYaml)
  const options = reader === 'helm' ? GO_YAML_PARSE_OPTIONS : { version: reader };
  const docs = YAML.parseAllDocuments(text, { lineCounter: lines, ...options } as any);
  const list = (Array.isArray(docs) ? docs : [docs]) as YAML.Document.Parsed[];
  const nonEmpty = list.filter((d) => d.contents !== null || d.errors.length > 0);
  for (const d of list) {
    if (d.errors.length > 0) {
      const e = d.errors[0];
      // An unterminated quote or bracket is reported at the end of input: name the last written line.
      const lastLine = text.replace(/\s+$/, '').split('\n').length;
      const line = Math.min(lines.linePos(e.pos[0]).line, Math.max(lastLine, 1));
      throw new ValuesLintError(file, [{ line, message: `invalid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` }]);
    }
  }
  if (nonEmpty.length > 1) {
    const second = nonEmpty[1];
    throw new ValuesLintError(file, [{ line: second.range ? lines.linePos(second.range[0]).line : undefined, message: 'expected a single YAML document' }]);
  }
  const doc = nonEmpty[0] ?? list[0] ?? new YAML.Document();
  if (reader === 'helm') {
    const helm = readValuesYaml(doc, lines, file);
    if (helm.errors.length > 0) throw new ValuesLintError(file, helm.errors);
    return { file, value: helm.value, doc, lines, locations: helm.locations, warnings: helm.warnings };
  }
  const value = doc.contents === null || doc.contents === undefined ? null : doc.toJS({ maxAliasCount: -1 });
  const locations = new Map<string, SourceLocation>();
  const lineOf = (node: any) => (node && node.range ? lines.linePos(node.range[0]).line : 1);
  locations.set(pathKey([]), { file, line: lineOf(doc.contents) });
  const walk = (node: any, path: Array<string | number>) => {
    if (YAML.isMap(node)) {
      for (const pair of node.items) {
        const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const p = [...path, key];
        locations.set(pathKey(p), { file, line: lineOf(pair.key) });
        walk(pair.value, p);
      }
    } else if (YAML.isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = [...path, i];
        locations.set(pathKey(p), { file, line: lineOf(item) });
        walk(item, p);
      });
    }
  };
  walk(doc.contents, []);
  return { file, value, doc, lines, locations, warnings: [] };
}

/**
 * The line of the node at a path of a parsed document, or of its nearest existing ancestor.
 * @internal
 */
export function lineAt(y: LocatedYaml, path: ReadonlyArray<string | number>): number {
  for (let n = path.length; n >= 0; n--) {
    const loc = y.locations.get(pathKey(path.slice(0, n)));
    if (loc) return loc.line;
  }
  return 1;
}
