import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseYamlDocuments, toYaml } from '../../src/core/yaml';
import { escapeGoTemplate } from '../../src/helm/go-template-escape';
import { describeWithHelmRender, helmRender } from '../support/shared';

/** Texts that break naive escaping: delimiters at every position, backticks, trims, comments. */
const NASTY = [
  '{{',
  '}}',
  '{{{',
  '{{{{ a }}}}',
  '{ {{x}}',
  'a}}b{{',
  '{{ unclosed',
  '{{- trim -}}',
  '{{/* comment */}}',
  '{{ `{"a": 1}` }}',
  '`{{ request.object.metadata.name }}`',
  '{{ a.{{ b }} }}',
  '\\{{ escaped }}',
  '{{ "{{" }}',
  '{{`{{ raw }}`}}',
  'line1 {{ x }}\nline2 {{ `y` }}\n',
  'message: "quoted" # not a comment',
  'non-ASCII: Übergröße 日本語 {{ ü }}',
];

describe('escapeGoTemplate', () => {
  test('keeps text without {{ unchanged', () => {
    expect(escapeGoTemplate('a }} b { c')).toBe('a }} b { c');
  });

  test('a Kyverno variable becomes one raw-string action', () => {
    expect(escapeGoTemplate('name {{ request.object.metadata.name }}!')).toBe('name {{`{{ request.object.metadata.name }}`}}!');
  });

  test('a variable with a JMESPath backtick literal escapes only its {{', () => {
    expect(escapeGoTemplate('{{ `x` }}')).toBe('{{ "{{" }} `x` }}');
  });

  test('a {{ closed only on a later line escapes only its {{ (a raw string never spans lines)', () => {
    expect(escapeGoTemplate('a: "{{ x"\nb: "y }}"\n')).toBe('a: "{{ "{{" }} x"\nb: "y }}"\n');
  });

  test('an unclosed or nested {{ escapes each delimiter', () => {
    expect(escapeGoTemplate('{{ a')).toBe('{{ "{{" }} a');
    expect(escapeGoTemplate('{{ a.{{ b }} }}')).toBe('{{ "{{" }} a.{{`{{ b }}`}} }}');
  });
});

describeWithHelmRender('escaped text renders to itself under Helm', () => {
  test('every nasty string, as YAML values and as raw lines', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escape-'));
    try {
      fs.mkdirSync(path.join(dir, 'templates'));
      fs.writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: escape\nversion: 0.1.0\n');
      const doc = { list: NASTY, map: Object.fromEntries(NASTY.map((s, i) => [`k${i}${s}`, s])) };
      fs.writeFileSync(path.join(dir, 'templates', 'a.yaml'), escapeGoTemplate(toYaml(doc)));
      const out = execFileSync(helmRender()!, [dir], { encoding: 'utf-8' });
      expect(parseYamlDocuments(out)).toEqual([doc]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
