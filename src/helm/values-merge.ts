/**
 * Helm 3's values: the `-f` files merged in order, then coalesced over the chart's values.yaml.
 * The one implementation of it, used by the repository render (`render(env)`, `valuesOf`) and by
 * the values lint (which also needs, for each path, the file and line that set it).
 *
 * - `-f` files (pkg/cli/values/options.go, mergeMaps): maps merge key by key, anything else
 *   replaces what earlier files said; a `null` is a value like any other: kept, and overriding.
 * - chart defaults (pkg/chartutil/coalesce.go, CoalesceValues → coalesceValues / CoalesceTables):
 *   user values win; tables are coalesced recursively; a user `null` deletes the chart default;
 *   a default missing from the user values is copied (the chart's own nulls included); a user
 *   `null` for a key the chart does not have stays `null`.
 */

/** Where a value is written. @internal */
export interface ValueLocation {
  readonly file: string;
  readonly line: number;
}

/** One values file: its mapping and, when known, where each path is written (see `pathKey`). @internal */
export interface ValuesLayer {
  readonly value: { [key: string]: any } | null;
  readonly locations?: ReadonlyMap<string, ValueLocation>;
}

/** The values a chart's templates read, with the provenance of every path. @internal */
export interface HelmValues {
  /** The coalesced values, keys sorted (Go maps have no order; Helm prints them sorted). */
  readonly value: { [key: string]: any };
  /** Path key → the file and line that set the value there. */
  readonly sources: Map<string, ValueLocation>;
  /** Path key → the user `null` that deleted a chart default there. */
  readonly deletions: Map<string, ValueLocation>;
  /** Helm's coalescing warnings (a table over a scalar and the reverse), in path order. */
  readonly warnings: string[];
}

/** A stable key for a JSON path. @internal */
export function pathKey(path: ReadonlyArray<string | number>): string {
  return JSON.stringify(path.map((p) => String(p)));
}

/**
 * Helm's values for a chart: `userFiles` (the `-f` files, in order) merged, then coalesced over
 * `chartDefaults` (the chart's values.yaml).
 * @internal
 */
export function helmValues(chartDefaults: ValuesLayer, userFiles: ValuesLayer[]): HelmValues {
  const state: State = { sources: new Map(), deletions: new Map(), warnings: [] };
  const user: { [key: string]: any } = {};
  for (const file of userFiles) {
    if (isMap(file.value)) mergeFile(user, file.value, [], file, state);
  }
  coalesceTable(user, isMap(chartDefaults.value) ? chartDefaults.value : {}, [], chartDefaults, state, true);
  const root = pathKey([]);
  // a missing top-level field points at the chart's values file (else the first -f file)
  const rootLocation = [chartDefaults, ...userFiles].map((l) => l.locations?.get(root)).find((l) => l !== undefined);
  if (rootLocation) state.sources.set(root, rootLocation);
  state.warnings.sort();
  return { value: sortKeys(user), sources: state.sources, deletions: state.deletions, warnings: state.warnings };
}

/** Plain values (no provenance): Helm's values for chart defaults and `-f` files. @internal */
export function mergeHelmValues(chartDefaults: { [key: string]: any }, ...userFiles: Array<{ [key: string]: any }>): { [key: string]: any } {
  return helmValues({ value: chartDefaults }, userFiles.map((value) => ({ value }))).value;
}

/**
 * Where the value at a path was set: the last file that defined it; for a chart default a file
 * deleted with `null` (or inside one), that `null`; for a missing value, the nearest ancestor
 * that exists.
 * @internal
 */
export function sourceOf(values: HelmValues, path: ReadonlyArray<string | number>): ValueLocation | undefined {
  for (let n = path.length; n >= 0; n--) {
    const key = pathKey(path.slice(0, n));
    const loc = values.deletions.get(key) ?? values.sources.get(key);
    if (loc) return loc;
  }
  return undefined;
}

interface State {
  readonly sources: Map<string, ValueLocation>;
  readonly deletions: Map<string, ValueLocation>;
  readonly warnings: string[];
}

/** options.go mergeMaps: a later file's maps merge into earlier maps, anything else replaces. */
function mergeFile(target: { [key: string]: any }, src: { [key: string]: any }, path: string[], layer: ValuesLayer, state: State): void {
  for (const [key, v] of Object.entries(src)) {
    const p = [...path, key];
    if (isMap(v) && isMap(target[key])) {
      setLocation(state.sources, p, layer);
      mergeFile(target[key], v, p, layer, state);
    } else {
      target[key] = clone(v);
      dropUnder(state.sources, p);
      copyLocations(layer, p, state.sources);
    }
  }
}

/**
 * coalesce.go: coalesceValues (top level: `top`) and CoalesceTables (below). `dst` holds the
 * user's values and wins; `src` the chart defaults.
 */
function coalesceTable(
  dst: { [key: string]: any }, src: { [key: string]: any }, path: string[], defaults: ValuesLayer, state: State, top: boolean,
): void {
  for (const [key, def] of Object.entries(src)) {
    const p = [...path, key];
    const name = p.join('.');
    if (!(key in dst)) {
      dst[key] = clone(def);
      copyLocations(defaults, p, state.sources);
    } else if (dst[key] === null) {
      delete dst[key];
      const at = state.sources.get(pathKey(p));
      dropUnder(state.sources, p);
      if (at) state.deletions.set(pathKey(p), at);
    } else if (top) {
      if (isMap(dst[key])) {
        if (isMap(def)) coalesceTable(dst[key], def, p, defaults, state, false);
        else if (def !== null) state.warnings.push(`warning: skipped value for ${name}: Not a table.`);
      }
    } else if (isMap(def)) {
      if (isMap(dst[key])) coalesceTable(dst[key], def, p, defaults, state, false);
      else state.warnings.push(`warning: cannot overwrite table with non table for ${name} (${goText(def)})`);
    } else if (isMap(dst[key]) && def !== null) {
      state.warnings.push(`warning: destination for ${name} is a table. Ignoring non-table value ${goText(def)}`);
    }
  }
}

function setLocation(to: Map<string, ValueLocation>, path: string[], layer: ValuesLayer): void {
  const loc = layer.locations?.get(pathKey(path));
  if (loc) to.set(pathKey(path), loc);
}

function dropUnder(map: Map<string, ValueLocation>, path: string[]): void {
  const exact = pathKey(path);
  const prefix = exact.slice(0, -1) + ',';
  for (const k of [...map.keys()]) if (k === exact || k.startsWith(prefix)) map.delete(k);
}

function copyLocations(layer: ValuesLayer, path: string[], to: Map<string, ValueLocation>): void {
  if (!layer.locations) return;
  const exact = pathKey(path);
  const prefix = exact.slice(0, -1) + ',';
  for (const [k, loc] of layer.locations) if (k === exact || k.startsWith(prefix)) to.set(k, loc);
}

function isMap(v: unknown): v is { [key: string]: any } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return v === undefined ? v : structuredClone(v);
}

/** Keys in byte order, recursively (what Helm's toYaml/toJson print). */
function sortKeys(v: any): any {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isMap(v)) return v;
  const out: { [key: string]: any } = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
  return out;
}

/** Go's `%v` of a value, roughly: enough to recognise it in a warning. */
function goText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
