/**
 * Helm's check of a chart's values against its values.schema.json, with Helm's message, so that
 * `render(env)` fails where `helm template` fails. Helm 3.16 (the platform's pin) validates with
 * xeipuuv/gojsonschema: this walks the schema in gojsonschema's order (validation.go:
 * validateRecursive → type, then validateSchema (allOf), validateObject (required, additional
 * properties), validateCommon (enum), then properties / items) and words each error as its
 * locales.go does. Only the keywords values.schema.json uses are implemented; any other keyword
 * is refused rather than ignored.
 * @see https://github.com/helm/helm/blob/v3.16.4/pkg/chartutil/jsonschema.go
 * @see https://github.com/xeipuuv/gojsonschema/blob/master/validation.go
 */

/** Keywords this check implements (annotations included). */
const KEYWORDS = new Set([
  '$schema', '$id', 'title', 'description', 'definitions', '$ref', 'type', 'properties', 'required',
  'additionalProperties', 'allOf', 'enum', 'items', 'uniqueItems', 'pattern', 'maxLength', 'minLength', 'default',
]);

/**
 * The errors gojsonschema reports for `values`, as `<field>: <description>` lines (Helm prints
 * each after `- `). Empty when the values meet the schema.
 * @internal
 */
export function schemaErrors(schema: any, values: any): string[] {
  const out: string[] = [];
  validate(schema, values === null ? {} : values, [], schema, out);
  return out;
}

/**
 * Throws Helm's error when `values` do not meet `schema` (ToRenderValues:
 * "values don't meet the specifications of the schema(s) in the following chart(s):").
 * @internal
 */
export function checkValuesAgainstSchema(chartName: string, schema: any, values: any): void {
  const errors = schemaErrors(schema, values);
  if (errors.length === 0) return;
  throw new Error(`values don't meet the specifications of the schema(s) in the following chart(s):\n${chartName}:\n${errors.map((e) => `- ${e}\n`).join('')}`);
}

function validate(schema: any, value: any, path: string[], root: any, out: string[]): void {
  if (schema === true || schema === undefined) return;
  if (schema === false) {
    out.push(`${field(path)}: False always fails validation`);
    return;
  }
  for (const k of Object.keys(schema)) {
    if (!KEYWORDS.has(k)) throw new Error(`values.schema.json: keyword "${k}" is not supported by the in-process schema check`);
  }
  if (schema.$ref !== undefined) {
    validate(resolveRef(schema.$ref, root), value, path, root, out);
    return; // draft-07: siblings of $ref are ignored
  }
  const given = typeOf(value);
  if (schema.type !== undefined) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    const ok = types.some((t) => t === given || (t === 'number' && given === 'integer'));
    if (!ok) {
      out.push(`${field(path)}: Invalid type. Expected: ${types.join(',')}, given: ${given}`);
      return;
    }
  }
  // validateSchema: allOf
  if (Array.isArray(schema.allOf)) {
    let valid = 0;
    for (const sub of schema.allOf) {
      const errs: string[] = [];
      validate(sub, value, path, root, errs);
      if (errs.length === 0) valid++;
      out.push(...errs);
    }
    if (valid !== schema.allOf.length) out.push(`${field(path)}: Must validate all the schemas (allOf)`);
  }
  if (given === 'object') {
    for (const req of schema.required ?? []) if (!(req in value)) out.push(`${field(path)}: ${req} is required`);
    const props = schema.properties ?? {};
    // gojsonschema walks the document's keys (a Go map: any order); we take them sorted
    for (const key of Object.keys(value).sort()) {
      if (key in props) continue;
      const ap = schema.additionalProperties;
      if (ap === false) out.push(`${field(path)}: Additional property ${key} is not allowed`);
      else if (ap !== undefined && ap !== true) validate(ap, value[key], [...path, key], root, out);
    }
  }
  if (schema.enum !== undefined && !schema.enum.some((e: any) => JSON.stringify(e) === JSON.stringify(value))) {
    out.push(`${field(path)}: ${field(path)} must be one of the following: ${schema.enum.map((e: any) => JSON.stringify(e)).join(', ')}`);
  }
  if (given === 'object') {
    for (const key of Object.keys(schema.properties ?? {})) {
      if (key in value) validate(schema.properties[key], value[key], [...path, key], root, out);
    }
  } else if (given === 'array') {
    if (schema.items !== undefined) value.forEach((item: any, i: number) => validate(schema.items, item, [...path, String(i)], root, out));
    if (schema.uniqueItems === true) {
      const seen = new Map<string, number>();
      value.forEach((item: any, j: number) => {
        const id = JSON.stringify(item);
        if (seen.has(id)) out.push(`${field(path)}: array items[${seen.get(id)},${j}] must be unique`);
        seen.set(id, j);
      });
    }
  } else if (given === 'string') {
    const length = [...value].length; // runes, as Go's utf8.RuneCountInString
    if (schema.minLength !== undefined && length < schema.minLength) out.push(`${field(path)}: String length must be greater than or equal to ${schema.minLength}`);
    if (schema.maxLength !== undefined && length > schema.maxLength) out.push(`${field(path)}: String length must be less than or equal to ${schema.maxLength}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) out.push(`${field(path)}: Does not match pattern '${schema.pattern}'`);
  }
}

/** gojsonschema's field of an error: `(root)`, else the path joined with dots. */
function field(path: string[]): string {
  return path.length === 0 ? '(root)' : path.join('.');
}

/** gojsonschema's JSON type names (a whole number is `integer`). */
function typeOf(v: any): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function resolveRef(ref: string, root: any): any {
  if (!ref.startsWith('#/')) throw new Error(`values.schema.json: $ref ${JSON.stringify(ref)} is not supported by the in-process schema check (only local #/ references)`);
  let node = root;
  for (const part of ref.slice(2).split('/')) {
    node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (node === undefined) throw new Error(`values.schema.json: $ref ${JSON.stringify(ref)} does not resolve`);
  return node;
}
