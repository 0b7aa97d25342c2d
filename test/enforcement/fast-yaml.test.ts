/**
 * The manifest reader's js-yaml schema resolves every plain scalar as core/yaml's YAML 1.1 reading
 * (the `yaml` package) does: a corpus of ambiguous scalars, and every YAML file of the Kyverno
 * community library's test suites.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseYamlDocuments } from '../../src/core/yaml';
import { parseYamlDocument, YamlDocumentError } from '../../src/enforcement/fast-yaml';
import { listFiles } from '../support/files';
import { hasShared, sharedPath } from '../support/shared';

const SCALARS = [
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  'yEs', 'nO', '~', 'null', 'Null', 'NULL', 'nul', '', '0', '-0', '+0', '7', '07', '0755', '0o755', '08', '09', '0_7', '-012', '+012',
  '0b101', '-0b1_01', '0x1F', '0X1F', '-0x_ff', '1_000', '1,000', '123456789012345678901', '1.5', '1.', '.5', '-.5', '1.0', '1_0.5_0',
  '1e3', '1E-3', '.1e2', '1.5e+3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'NaN', 'inf', '1:30', '-1:30', '190:20:30', '1:30.5',
  '1:60', '2024-01-02', '2024-1-2', '2024-01-02T03:04:05Z', '2024-01-02 03:04:05.123 +02:00', '2024-01-02t03:04:05-5',
  '2024-13-45', '12:30', 'v1.29', '1.2.3', '100m', '128Mi', '<<', '=', '"quoted"', "'0755'", '!!str 0755', '!!int "12"',
  '[1, yes, 0755]', '{a: on, b: 0x10}', 'nginx:latest', 'a: b', '>-\n  folded yes\n  text',
];

/** The value, or that it is rejected. */
function outcome(read: () => any): any {
  try {
    return { value: read() };
  } catch {
    return { rejected: true };
  }
}

describe('js-yaml with the YAML 1.1 schema agrees with core/yaml', () => {
  test.each(SCALARS.map((s) => [s]))('value %j', (scalar) => {
    const text = `value: ${scalar}\n`;
    expect(outcome(() => parseYamlDocument(text))).toEqual(outcome(() => parseYamlDocuments(text)[0]));
  });

  test('keys, anchors, aliases and merge keys', () => {
    const text = 'base: &b {cpu: 100m, on: yes}\nderived:\n  <<: *b\n  memory: 128Mi\n1: one\nyes: key\nlist: [*b, *b]\n';
    expect(parseYamlDocument(text)).toEqual(parseYamlDocuments(text)[0]);
  });

  test('malformed YAML: the error of core/yaml, with its line', () => {
    expect(() => parseYamlDocument('a: {b: 1\n')).toThrow(YamlDocumentError);
    try {
      parseYamlDocument('a: 1\nb: [\n');
    } catch (e) {
      expect((e as YamlDocumentError).line).toBe(3);
    }
  });

  (hasShared() ? test : test.skip)('every document of the Kyverno community library suites', () => {
    const root = sharedPath('conformance', 'kyverno-policies');
    const files = listFiles(root, (n) => n === '.git').filter((f) => /\.ya?ml$/.test(f));
    let documents = 0;
    for (const rel of files) {
      const text = fs.readFileSync(path.join(root, rel), 'utf8');
      let expected: any[];
      try {
        expected = parseYamlDocuments(text, rel);
      } catch {
        continue; // a file core/yaml rejects is out of this comparison
      }
      const ours = text.split(/^---[ \t]*(?:\r?\n|$)/m).map((d) => parseYamlDocument(d)).filter((d) => d !== null && d !== undefined);
      expect({ file: rel, docs: ours }).toEqual({ file: rel, docs: expected });
      documents += ours.length;
    }
    expect(documents).toBeGreaterThan(1000);
  });
});
