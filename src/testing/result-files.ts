/**
 * The files a kyverno test result names besides policies and resources: the expected patched
 * resources (`patchedResources`, `patchedResource`), the expected generated resources
 * (`generatedResource`, `generatedResources`) and the clone sources (`cloneSourceResource`), read
 * relative to the test file. A missing file is left out: the
 * result that names it fails with the reason, as in `kyverno test`, not the whole suite.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseYamlDocuments } from '../core/yaml';

/** Result fields that name one file (string) or several (list). */
export const RESULT_FILE_FIELDS = ['patchedResources', 'patchedResource', 'generatedResource', 'generatedResources', 'cloneSourceResource'];

/** The paths a result names in `RESULT_FILE_FIELDS`, as written. */
export function resultFilePaths(result: any, fields: string[] = RESULT_FILE_FIELDS): string[] {
  const out: string[] = [];
  for (const field of fields) {
    const v = result?.[field];
    if (typeof v === 'string' && v !== '') out.push(v);
    else if (Array.isArray(v)) out.push(...v.filter((x) => typeof x === 'string' && x !== ''));
  }
  return out;
}

/** Reads every file the results name (relative to `dir`): path as written → its documents (Lists flattened). */
export function loadResultFiles(results: any[], dir: string): { [file: string]: any[] } {
  const out: { [file: string]: any[] } = {};
  for (const rel of new Set((results ?? []).flatMap((r) => resultFilePaths(r)))) {
    const p = path.resolve(dir, rel);
    if (!fs.existsSync(p) || !fs.statSync(p).isFile()) continue;
    const docs = parseYamlDocuments(fs.readFileSync(p, 'utf8'), p).filter((d) => d !== null && d !== undefined);
    out[rel] = docs.flatMap((d) => (d?.kind === 'List' && Array.isArray(d.items) ? d.items : [d]));
  }
  return out;
}
