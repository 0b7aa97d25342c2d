import * as YAML from 'yaml';
import { parseYamlDocuments, toYaml, toYamlDocuments } from '../../src/core/yaml';

describe('toYaml', () => {
  test('quotes strings that YAML 1.1 (Helm, Kubernetes) would read as something else', () => {
    expect(toYaml({ a: 'yes', b: 'on', c: 'Off', d: '0x1f', e: '010', f: '1e3', g: '~', h: 'null', i: '2001-01-01', j: '0o17' }))
      .toBe('a: "yes"\nb: "on"\nc: "Off"\nd: "0x1f"\ne: "010"\nf: "1e3"\ng: "~"\nh: "null"\ni: "2001-01-01"\nj: "0o17"\n');
  });

  test('multi-line strings with tabs or whitespace-only lines are double-quoted on one line', () => {
    expect(toYaml({ a: '\t\n\n', b: '\n\n  \n', c: 'x\ny' })).toBe('a: "\\t\\n\\n"\nb: "\\n\\n  \\n"\nc: |-\n  x\n  y\n');
  });

  test('round-trips through the YAML 1.1 parser unchanged', () => {
    const value = { s: ['yes', 'no', '0o17', '\t\n', ' lead', 'trail ', 'a: b', '# c', '{{ x }}', 'ü日本'], n: [1, 0.5, true, null] };
    expect(YAML.parse(toYaml(value), { version: '1.1' })).toEqual(value);
  });

  test('documents are separated by ---', () => {
    expect(toYamlDocuments([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
  });
});

describe('parseYamlDocuments', () => {
  test('drops empty documents', () => {
    expect(parseYamlDocuments('a: 1\n---\n---\nb: 2\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });

  test('reports the source on a syntax error', () => {
    expect(() => parseYamlDocuments('a: [1, 2\n', 'values.yaml')).toThrow(/^values\.yaml: invalid YAML: /);
  });
});
