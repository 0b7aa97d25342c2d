import { LocatedYaml, pathKey, SourceLocation } from './yaml-source';

/** Merged values and, for every path, the file and line that last set it. @internal */
export interface MergedValues {
  readonly value: { [key: string]: any };
  readonly sources: Map<string, SourceLocation>;
  /** Paths a later file deleted with `null`, and where. */
  readonly deletions: Map<string, SourceLocation>;
}

function isMap(v: unknown): v is { [key: string]: any } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merges values files the way Helm does for `helm template chart -f a.yaml -f b.yaml`: later files
 * win, maps merge key by key, lists and scalars are replaced whole, and `null` deletes a key.
 * The first layer is the chart's `values.yaml` (its own nulls are kept, as Helm keeps defaults).
 * @internal
 */
export function mergeValues(layers: LocatedYaml[]): MergedValues {
  const value: { [key: string]: any } = {};
  const sources = new Map<string, SourceLocation>();
  const deletions = new Map<string, SourceLocation>();
  layers.forEach((layer, index) => {
    if (layer.value === null || layer.value === undefined) return;
    sources.set(pathKey([]), sources.get(pathKey([])) ?? layer.locations.get(pathKey([]))!);
    mergeInto(value, layer.value, [], layer, sources, deletions, index === 0);
  });
  if (!sources.has(pathKey([])) && layers.length > 0) sources.set(pathKey([]), { file: layers[0].file, line: 1 });
  return { value, sources, deletions };
}

function mergeInto(
  target: { [key: string]: any },
  src: { [key: string]: any },
  path: string[],
  layer: LocatedYaml,
  sources: Map<string, SourceLocation>,
  deletions: Map<string, SourceLocation>,
  isDefaults: boolean,
): void {
  for (const [key, v] of Object.entries(src)) {
    const p = [...path, key];
    if (v === null && !isDefaults) {
      delete target[key];
      dropSources(sources, p);
      deletions.set(pathKey(p), layer.locations.get(pathKey(p))!);
    } else if (isMap(v) && isMap(target[key])) {
      sources.set(pathKey(p), layer.locations.get(pathKey(p))!);
      mergeInto(target[key], v, p, layer, sources, deletions, isDefaults);
    } else {
      target[key] = structuredClone(v);
      dropSources(sources, p);
      dropSources(deletions, p);
      copySources(layer, p, sources);
    }
  }
}

function dropSources(sources: Map<string, SourceLocation>, path: string[]): void {
  const exact = pathKey(path);
  const prefix = exact.slice(0, -1) + ',';
  for (const k of [...sources.keys()]) if (k === exact || k.startsWith(prefix)) sources.delete(k);
}

function copySources(layer: LocatedYaml, path: string[], sources: Map<string, SourceLocation>): void {
  const exact = pathKey(path);
  const prefix = exact.slice(0, -1) + ',';
  for (const [k, loc] of layer.locations) if (k === exact || k.startsWith(prefix)) sources.set(k, loc);
}

/**
 * Where the value at a path was set: the last file that defined it; for a value a file deleted
 * with `null` (or inside one), that `null`; for a missing value, the nearest ancestor that exists (a missing
 * top-level field points at the chart's values file).
 * @internal
 */
export function sourceOf(merged: MergedValues, path: ReadonlyArray<string | number>): SourceLocation {
  for (let n = path.length; n >= 0; n--) {
    const key = pathKey(path.slice(0, n));
    const loc = merged.deletions.get(key) ?? merged.sources.get(key);
    if (loc) return loc;
  }
  return { file: '', line: 1 };
}
