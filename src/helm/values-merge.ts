/**
 * Helm's merge of values files (`-f a.yaml -f b.yaml`): maps merge key by key recursively, any
 * other value (scalars, lists) replaces, and `null` deletes the key. render() uses it so that the
 * values files we write are the values our resolved manifests read.
 */
export function mergeValues(base: { [key: string]: any }, override: { [key: string]: any }): { [key: string]: any } {
  const out: { [key: string]: any } = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null || value === undefined) {
      delete out[key];
    } else if (isMap(value) && isMap(out[key])) {
      out[key] = mergeValues(out[key], value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function isMap(v: unknown): v is { [key: string]: any } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
