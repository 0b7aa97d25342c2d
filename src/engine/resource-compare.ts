/**
 * How `kyverno test` compares an expected resource with the one the engine produced (patched or
 * generated): both are tidied (nulls, empty maps and empty lists dropped, recursively) and must
 * then be equal as JSON (the CLI's merge patch from one to the other is `{}`). The differences
 * are listed by path so that a mismatch reads as a diff.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */

/** Drops nulls, empty objects and empty lists, recursively (the CLI's resource.Tidy). */
export function tidyResource(value: any): any {
  if (Array.isArray(value)) {
    const out = value.map(tidyResource).filter((v) => v !== undefined);
    return out.length === 0 ? undefined : out;
  }
  if (value !== null && typeof value === 'object') {
    const out: any = {};
    for (const [k, v] of Object.entries(value)) {
      const t = tidyResource(v);
      if (t !== undefined) out[k] = t;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value === null ? undefined : value;
}

function show(v: any): string {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The differences between two tidied values, as `path: expected X, got Y` lines in path order
 * (empty when equal). Lists are compared element by element; a length difference is reported.
 */
export function resourceDifferences(expected: any, actual: any, path = ''): string[] {
  const here = path === '' ? '(root)' : path;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const out: string[] = [];
    if (expected.length !== actual.length) out.push(`${here}: expected ${expected.length} item(s), got ${actual.length}`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) out.push(...resourceDifferences(expected[i], actual[i], `${path}[${i}]`));
    return out;
  }
  const isMap = (v: any) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isMap(expected) && isMap(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort(byteOrder);
    return keys.flatMap((k) => resourceDifferences(expected[k], actual[k], path === '' ? k : `${path}.${k}`));
  }
  if (expected === actual) return [];
  return [`${here}: expected ${show(expected)}, got ${show(actual)}`];
}
