import { mergeValues, sourceOf } from '../../src/values-lint/values-merge';
import { parseLocatedYaml } from '../../src/values-lint/yaml-source';

const layer = (file: string, text: string) => parseLocatedYaml(text, file, '1.1');

describe('values merge (Helm order: chart values, cd/values.yaml, cd/<env>/values.yaml)', () => {
  const merged = mergeValues([
    layer('charts/c/values.yaml', 'a: 1\nlist: [1, 2, 3]\nmap:\n  x: 1\n  w: 2\nscalar: s\nkeptNull: null\ngone:\n  deep: 1\n'),
    layer('cd/values.yaml', 'map:\n  w: 20\n  z: 30\nlist: [9]\nscalar:\n  now: map\nflag: yes\n'),
    layer('cd/dev/values.yaml', 'gone: null\nmap:\n  x: null\n'),
  ]);

  test('maps merge key by key, lists and scalars are replaced, null deletes, YAML 1.1 booleans', () => {
    expect(merged.value).toEqual({
      a: 1, list: [9], map: { w: 20, z: 30 }, scalar: { now: 'map' }, keptNull: null, flag: true,
    });
  });

  test('each path points at the last file that set it', () => {
    const at = (...p: string[]) => { const s = sourceOf(merged, p); return `${s.file}:${s.line}`; };
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

  test('YAML 1.1 as Helm reads it: `y` and `on` are booleans, even as keys', () => {
    expect(mergeValues([layer('v.yaml', 'y: 1\nvalue: on\n')]).value).toEqual({ true: 1, value: true });
  });

  test('a values file with two documents is rejected with the line of the second', () => {
    expect(() => layer('cd/values.yaml', 'a: 1\n---\nb: 2\n')).toThrow('cd/values.yaml:2: expected a single YAML document');
  });
});
