/**
 * JMESPath variables and Kyverno's custom functions, cases from
 * https://kyverno.io/docs/writing-policies/jmespath/ and https://kyverno.io/docs/writing-policies/variables/
 */
import { NotFoundError, parseImage, query, substituteAll, SubstitutionMode } from '../../src/engine/jmespath';

const data = { request: { object: { metadata: { name: 'web', labels: { app: 'x' } }, spec: { containers: [{ name: 'a', image: 'nginx:1.2' }, { name: 'b', image: 'busybox' }] } } } };

describe('functions', () => {
  test.each([
    ["to_upper('abc')", 'ABC'],
    ["to_lower('ABC')", 'abc'],
    ["split('a,b', ',')", ['a', 'b']],
    ["contains('abc', 'b')", true],
    ["starts_with('abc', 'a')", true],
    ["ends_with('abc', 'c')", true],
    ["regex_match('^[a-z]+$', 'abc')", true],
    ["regex_replace_all('([a-z]+)-(\\\\d+)', 'ab-12', '$2-$1')", '12-ab'],
    ["regex_replace_all_literal('[0-9]', 'a1b2', 'x')", 'axbx'],
    ['label_match(`{"a":"b"}`, `{"a":"b","c":"d"}`)', true],
    ['add(`1`, `2`)', 3],
    ["add('1Gi', '1Gi')", '2147483648'],
    ["subtract('2h', '1h30m')", '30m0s'],
    ['multiply(`3`, `4`)', 12],
    ["divide('1Gi', '512Mi')", 2],
    ['modulo(`7`, `3`)', 1],
    ['round(`1.26`, `1`)', 1.3],
    ["truncate('abcdef', `3`)", 'abc'],
    ["compare('a', 'b')", -1],
    ["equal_fold('Go', 'GO')", true],
    ["replace('aaa', 'a', 'b', `2`)", 'bba'],
    ["replace_all('aaa', 'a', 'b')", 'bbb'],
    ["trim('  x  ', ' ')", 'x'],
    ["trim_prefix('v1.2', 'v')", '1.2'],
    ["base64_decode('aGk=')", 'hi'],
    ["base64_encode('hi')", 'aGk='],
    ["path_canonicalize('/a/../b//c')", '/b/c'],
    ["parse_json('{\"a\":1}').a", 1],
    ["parse_yaml('a: 1').a", 1],
    ["items(`{\"a\":1}`, 'k', 'v')", [{ k: 'a', v: 1 }]],
    ['object_from_lists(`["a"]`, `[1]`)', { a: 1 }],
    ["semver_compare('1.2.3', '>1.0.0')", true],
    ["pattern_match('nginx:*', 'nginx:1.2')", true],
    ["lookup(`{\"a\":1}`, 'a')", 1],
    ["image_normalize('nginx')", 'docker.io/library/nginx:latest'],
    ['sum(`[1, 2, 3]`)', 6],
    ["sha256('abc')", 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ["md5('abc')", '900150983cd24fb0d6963f7d28e17f72'],
  ])('%s', (expr, expected) => {
    expect(query(expr as string, {})).toEqual(expected);
  });
  test('operands are read as quantities before durations, as Kyverno does ("30m" is 30 milli-units)', () => {
    expect(() => query("subtract('2h', '30m')", {})).toThrow(/different types/);
  });
  test('random and x509_decode are reported unsupported, not guessed', () => {
    expect(() => query("random('[a-z]{4}')", {})).toThrow(/not supported by the offline engine/);
  });
});

describe('variables', () => {
  test('a string that is one variable becomes the value; embedded variables are interpolated', () => {
    expect(substituteAll({ k: '{{ request.object.spec.containers[].name }}' }, data)).toEqual({ k: ['a', 'b'] });
    expect(substituteAll('name={{request.object.metadata.name}}', data)).toBe('name=web');
    expect(substituteAll('{{ request.object.metadata.labels }}!', data)).toBe('{"app":"x"}!');
  });
  test('an escaped \\{{ is left as {{', () => {
    expect(substituteAll('\\{{ not a variable }}', data)).toBe('{{ not a variable }}');
  });
  test('a missing field is a NotFound error, in preconditions too (Kyverno\'s preconditions resolver returns the error)', () => {
    expect(() => substituteAll('{{ request.object.metadata.annotations.x }}', data)).toThrow(NotFoundError);
    expect(() => substituteAll('{{ request.object.metadata.annotations.x }}', data, SubstitutionMode.PRECONDITIONS)).toThrow(NotFoundError);
    expect(substituteAll("{{ request.object.metadata.annotations.x || 'none' }}", data)).toBe('none');
  });
});

test('the images variable splits references as Kyverno GetImageInfo does (variables/#variables-from-container-images)', () => {
  expect(parseImage('nginx')).toMatchObject({ registry: 'docker.io', path: 'nginx', name: 'nginx', tag: 'latest', reference: 'docker.io/nginx:latest' });
  expect(parseImage('ghcr.io/acme/app:1.2')).toMatchObject({ registry: 'ghcr.io', path: 'acme/app', name: 'app', tag: '1.2' });
  expect(parseImage('localhost:5000/app@sha256:abc')).toMatchObject({ registry: 'localhost:5000', path: 'app', digest: 'sha256:abc', reference: 'localhost:5000/app@sha256:abc' });
  expect(parseImage('bitnami/redis:7')).toMatchObject({ registry: 'docker.io', path: 'bitnami/redis', tag: '7' });
});
