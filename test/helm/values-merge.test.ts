import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { helmValues, mergeHelmValues, sourceOf } from '../../src/helm/values-merge';
import { parseLocatedYaml } from '../../src/values-lint/yaml-source';
import { helmRender } from '../support/shared';

const layer = (file: string, text: string) => parseLocatedYaml(text, file, 'helm');

/**
 * What `helm template` gives the templates (`{{ toJson .Values }}`) for a chart's values.yaml and
 * `-f` files, through helm-render (Helm's values code: options.go mergeMaps, then
 * chartutil.CoalesceValues); undefined when helm-render is not available.
 */
function helmRenderValues(chartValues: string, files: string[]): any {
  const bin = helmRender();
  if (!bin) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-values-'));
  try {
    fs.mkdirSync(path.join(dir, 'c', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'c', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
    fs.writeFileSync(path.join(dir, 'c', 'values.yaml'), chartValues);
    fs.writeFileSync(path.join(dir, 'c', 'templates', 'v.yaml'), '{{ toJson .Values }}\n');
    const args: string[] = [];
    files.forEach((text, i) => {
      fs.writeFileSync(path.join(dir, `f${i}.yaml`), text);
      args.push('-f', path.join(dir, `f${i}.yaml`));
    });
    const out = execFileSync(bin, [...args, path.join(dir, 'c')], { encoding: 'utf-8' });
    return JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Helm 3's values, case by case. Expected values are Helm's, from its source:
 * - pkg/cli/values/options.go mergeMaps: `-f` files merge maps recursively; any other value,
 *   `null` included, replaces the earlier one (a null is kept and overrides).
 * - pkg/chartutil/coalesce.go CoalesceValues: the user values win over the chart's values.yaml;
 *   tables coalesce recursively; a user `null` deletes the default ("When the YAML value is null,
 *   we remove the value's key"); a default the user does not set is copied (a chart null stays);
 *   a user null for a key the chart lacks stays null.
 * Each case is also run through helm-render (Helm's code) when it is available.
 */
const CASES: Array<[string, string, string[], any]> = [
  ['the issue\'s example: cd/values.yaml nulls a policy table, cd/prd/values.yaml sets one knob: the chart\'s enabled stays',
    'policies:\n  p:\n    enabled: true\n    validationFailureAction: Audit\n',
    ['policies:\n  p: null\n', 'policies:\n  p:\n    validationFailureAction: Enforce\n'],
    { policies: { p: { enabled: true, validationFailureAction: 'Enforce' } } }],
  ['a null in the last file deletes the chart default',
    'a: 1\nb: {c: 1, d: 2}\n', ['b: {c: null}\n'], { a: 1, b: { d: 2 } }],
  ['a null in an earlier file is overridden by a later map (mergeMaps replaces null)',
    'b: {c: 1, d: 2}\n', ['b: null\n', 'b: {c: 5}\n'], { b: { c: 5, d: 2 } }],
  ['a later null overrides an earlier file\'s value, then deletes the default',
    'b: {c: 1}\n', ['b: {c: 3}\n', 'b: null\n'], {}],
  ['a user null for a key the chart lacks stays null',
    'a: 1\n', ['x: null\n', 'w: {z: null}\n'], { a: 1, x: null, w: { z: null } }],
  ['the chart\'s own null is kept',
    'a: null\nb: 1\n', [], { a: null, b: 1 }],
  ['lists and scalars replace, maps merge',
    'l: [1, 2]\nm: {a: 1, b: 2}\ns: x\n', ['l: [3]\nm: {b: 3}\n', 's: z\n'], { l: [3], m: { a: 1, b: 3 }, s: 'z' }],
  ['a user table over a chart scalar is kept (warning: skipped value ... Not a table)',
    's: x\n', ['s: {a: 1}\n'], { s: { a: 1 } }],
  ['a user scalar over a chart table wins (warning: cannot overwrite table with non table)',
    'm: {t: {a: 1}}\n', ['m: {t: 5}\n'], { m: { t: 5 } }],
  ['no -f file: the chart defaults', 'a: {b: 1}\n', [], { a: { b: 1 } }],
];

describe('Helm values: -f files merged, then coalesced over the chart defaults', () => {
  test.each(CASES)('%s', (_name, chart, files, expected) => {
    const ours = helmValues(layer('charts/c/values.yaml', chart), files.map((f, i) => layer(`f${i}.yaml`, f))).value;
    expect(ours).toEqual(expected);
    const helm = helmRenderValues(chart, files);
    if (helm !== undefined) expect(helm).toEqual(expected);
  });

  test('the coalescing warnings Helm logs', () => {
    const w = helmValues(layer('c.yaml', 's: x\nm: {t: {a: 1}, u: 1}\n'), [layer('f.yaml', 's: {a: 1}\nm: {t: 5, u: {b: 1}}\n')]).warnings;
    expect(w).toEqual([
      'warning: cannot overwrite table with non table for m.t ({"a":1})',
      'warning: destination for m.u is a table. Ignoring non-table value 1',
      'warning: skipped value for s: Not a table.',
    ]);
  });

  test('plain objects (the repository render): keys sorted, inputs untouched', () => {
    const chart = { z: 1, a: { b: 1 } };
    expect(Object.keys(mergeHelmValues(chart, { m: null, a: null }))).toEqual(['m', 'z']);
    expect(chart).toEqual({ z: 1, a: { b: 1 } });
  });
});

describe('provenance (the lint names the file and line that set a value)', () => {
  const merged = helmValues(
    layer('charts/c/values.yaml', 'a: 1\nlist: [1, 2, 3]\nmap:\n  x: 1\n  w: 2\nscalar: s\nkeptNull: null\ngone:\n  deep: 1\n'),
    [
      layer('cd/values.yaml', 'map:\n  w: 20\n  z: 30\nlist: [9]\nscalar:\n  now: map\nflag: yes\n'),
      layer('cd/dev/values.yaml', 'gone: null\nmap:\n  x: null\n'),
    ],
  );

  test('values', () => {
    expect(merged.value).toEqual({ a: 1, list: [9], map: { w: 20, z: 30 }, scalar: { now: 'map' }, keptNull: null, flag: true });
  });

  test('each path points at the last file that set it', () => {
    const at = (...p: string[]) => { const s = sourceOf(merged, p)!; return `${s.file}:${s.line}`; };
    expect(at('a')).toBe('charts/c/values.yaml:1');
    expect(at('list')).toBe('cd/values.yaml:4');
    expect(at('map')).toBe('cd/dev/values.yaml:2'); // the last file that merged into it
    expect(at('map', 'w')).toBe('cd/values.yaml:2');
    expect(at('map', 'z')).toBe('cd/values.yaml:3');
    expect(at('scalar', 'now')).toBe('cd/values.yaml:6');
    expect(at('gone')).toBe('cd/dev/values.yaml:1'); // deleted there
    expect(at('gone', 'deep')).toBe('cd/dev/values.yaml:1'); // under a deleted key: the deletion
    expect(at('map', 'x')).toBe('cd/dev/values.yaml:3');
    expect(at('missing')).toBe('charts/c/values.yaml:1'); // nearest ancestor: the document
  });

  test('a values file with two documents is rejected with the line of the second', () => {
    expect(() => layer('cd/values.yaml', 'a: 1\n---\nb: 2\n')).toThrow('cd/values.yaml:2: expected a single YAML document');
  });
});
