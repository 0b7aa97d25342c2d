/**
 * Validates objects against Kyverno's CRD OpenAPI schemas in ../shared/kyverno/crds (ajv, strict off,
 * as the shared README prescribes).
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as YAML from 'yaml';
import { sharedPath } from './shared';

const cache = new Map<string, ValidateFunction>();

function validatorFor(version: string, apiVersion: string, kind: string): ValidateFunction {
  const key = `${version}|${apiVersion}|${kind}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const [group, ver] = apiVersion.split('/');
  const dir = sharedPath('kyverno', 'crds', version);
  for (const file of fs.readdirSync(dir)) {
    const crd = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf-8'));
    if (crd?.spec?.group !== group || crd?.spec?.names?.kind !== kind) continue;
    const v = (crd.spec.versions as any[]).find((x) => x.name === ver);
    if (!v) continue;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // OpenAPI's numeric formats: the JSON type already constrains them.
    for (const f of ['int32', 'int64', 'float', 'double', 'byte']) ajv.addFormat(f, true);
    const fn = ajv.compile(v.schema.openAPIV3Schema);
    cache.set(key, fn);
    return fn;
  }
  throw new Error(`No CRD for ${apiVersion} ${kind} in ${dir}`);
}

/**
 * Returns the schema errors of an object (empty when valid). `version` is the CRD folder
 * (`v1.13.2` or `v1.19.0`).
 */
export function crdErrors(obj: any, version: string): string[] {
  const fn = validatorFor(version, obj.apiVersion, obj.kind);
  if (fn(obj)) return [];
  return (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
