import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseLocatedYaml } from '../../src/values-lint/yaml-source';
import { helmRender } from '../support/shared';

const read = (text: string) => parseLocatedYaml(text, 'v.yaml', 'helm');

/** helm-render's (sigs.k8s.io/yaml over go-yaml v2) reading of a values file: `{{ toJson .Values }}`, or its error. */
function helmRead(text: string): { value?: any; error?: string } | undefined {
  const bin = helmRender();
  if (!bin) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-yaml-'));
  try {
    fs.mkdirSync(path.join(dir, 'c', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'c', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
    fs.writeFileSync(path.join(dir, 'c', 'templates', 'v.yaml'), '{{ toJson .Values }}\n');
    fs.writeFileSync(path.join(dir, 'v.yaml'), text);
    try {
      const out = execFileSync(bin, ['-f', path.join(dir, 'v.yaml'), path.join(dir, 'c')], { encoding: 'utf-8', stdio: 'pipe' });
      return { value: JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!) };
    } catch (e) {
      return { error: String((e as any).stderr) };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Plain scalars as Helm reads them. Expected values from go-yaml v2's resolve.go (resolveMap for
 * booleans/null/.inf; for a digit or sign: strconv.ParseInt(plain, 0, 64) with `_` removed, then
 * ParseUint, then a yamlStyleFloat float; a timestamp-like scalar decodes to its string when the
 * target is interface{}), then sigs.k8s.io/yaml's JSON round trip (numbers become float64).
 * Checked against helm-render (the same Go libraries) when it is available.
 */
const SCALARS: Array<[string, any, string]> = [
  ['012', 10, 'leading 0: octal (strconv base 0)'],
  // The issue says `0o10` is 8: true, though not because of YAML 1.1 (go-yaml v2 has no 0o rule):
  // resolve.go hands `0o10` to strconv.ParseInt(s, 0, 64), which reads the 0o prefix since Go 1.13.
  ['0o10', 8, '0o prefix: Go strconv base 0'],
  ['0O10', 8, '0O prefix too'],
  ['08', 8, 'not octal: ParseInt fails, yamlStyleFloat reads 8 (a float)'],
  ['0x1F', 31, 'hex'],
  ['-0x10', -16, 'signed hex'],
  ['0b101', 5, 'binary'],
  ['1_000', 1000, 'underscores are dropped before parsing'],
  ['1_0.5', 10.5, 'underscores in a float too'],
  ['+12', 12, 'explicit sign'],
  ['1e3', 1000, 'float'],
  ['.5', 0.5, "'.' hint: ParseFloat"],
  ['1.', 1, 'trailing dot float'],
  ['1e400', '1e400', 'ParseFloat out of range: stays a string'],
  ['1:20', '1:20', 'no sexagesimal in go-yaml v2: a string'],
  ['2001-12-14', '2001-12-14', 'timestamp: a string in interface{}'],
  ['yes', true, 'YAML 1.1 boolean'],
  ['y', true, 'resolveMap has y/Y'],
  ['On', true, 'on/On/ON'],
  ['NO', false, 'no/No/NO'],
  ['n', false, 'n/N'],
  ['off', false, 'off'],
  ['True', true, 'true/True/TRUE'],
  ['tRUE', 'tRUE', 'other spellings are strings'],
  ['~', null, 'null'],
  ['Null', null, 'null/Null/NULL'],
  ['12345678901234567890', 12345678901234567000, 'uint64, then float64 through JSON'],
  ['abc', 'abc', 'string'],
];

describe('values scalars as Helm reads them', () => {
  test.each(SCALARS)('%s', (text, expected, _why) => {
    expect(read(`k: ${text}\n`).value).toEqual({ k: expected });
    const helm = helmRead(`k: ${text}\n`);
    if (helm) expect(helm).toEqual({ value: { k: expected } });
  });

  test('quoted and block scalars are strings', () => {
    expect(read('a: "012"\nb: \'yes\'\nc: |\n  on\nd: !!str 1\n').value).toEqual({ a: '012', b: 'yes', c: 'on\n', d: '1' });
  });

  test('keys become strings as sigs.k8s.io/yaml converts them: y is true, 1 is "1"', () => {
    const text = 'y: 1\n1: a\nno: b\n';
    expect(read(text).value).toEqual({ true: 1, 1: 'a', false: 'b' });
    const helm = helmRead(text);
    if (helm) expect(helm).toEqual({ value: { true: 1, 1: 'a', false: 'b' } });
  });

  test.each([
    ['.inf', 'k: .inf\n', 'v.yaml:1: .inf: Helm refuses it (error converting YAML to JSON: json: unsupported value: +Inf); quote it for a string', 'json: unsupported value: +Inf'],
    ['-.inf', 'a: 1\nk: -.Inf\n', 'v.yaml:2: -.Inf: Helm refuses it (error converting YAML to JSON: json: unsupported value: -Inf); quote it for a string', 'json: unsupported value: -Inf'],
    ['.nan', 'k: .nan\n', 'v.yaml:1: .nan: Helm refuses it (error converting YAML to JSON: json: unsupported value: NaN); quote it for a string', 'json: unsupported value: NaN'],
    ['a null key', '~: 1\n', 'v.yaml:1: key "~": a null map key; Helm refuses it (error converting YAML to JSON: Unsupported map key of type: %!s(<nil>))', 'Unsupported map key of type: %!s(<nil>)'],
  ])('%s is refused, as JSON cannot hold it', (_name, text, ours, helmSays) => {
    expect(() => read(text)).toThrow(ours);
    const helm = helmRead(text);
    if (helm) expect(helm.error).toContain(helmSays);
  });

  test('a duplicate key keeps the last value (go-yaml v2 Unmarshal is not strict) and says so', () => {
    const text = 'a: 1\nb:\n  c: 1\na: 3\nb:\n  d: 2\n';
    const y = read(text);
    expect(y.value).toEqual({ a: 3, b: { d: 2 } });
    expect(y.warnings).toEqual([
      { line: 4, message: 'duplicate key "a" (also on line 1): Helm keeps the last value' },
      { line: 5, message: 'duplicate key "b" (also on line 2): Helm keeps the last value' },
    ]);
    expect(y.locations.get('["b","c"]')).toBeUndefined();
    expect(y.locations.get('["b","d"]')).toEqual({ file: 'v.yaml', line: 6 });
    const helm = helmRead(text);
    if (helm) expect(helm).toEqual({ value: { a: 3, b: { d: 2 } } });
  });

  test('anchors, aliases and merge keys (go-yaml v2: `<<` sets keys in place, earlier maps of a list win)', () => {
    const text = 'base: &b {x: 1, y2: 2}\nother: &o {x: 9, z: 3}\nm:\n  x: 0\n  <<: [*b, *o]\n  w: 4\nr: *b\n';
    const expected = { base: { x: 1, y2: 2 }, other: { x: 9, z: 3 }, m: { x: 1, y2: 2, z: 3, w: 4 }, r: { x: 1, y2: 2 } };
    expect(read(text).value).toEqual(expected);
    const helm = helmRead(text);
    if (helm) expect(helm).toEqual({ value: expected });
  });
});
