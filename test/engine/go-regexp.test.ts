/**
 * Go regexp (RE2) semantics where Kyverno uses Go's regexp package: match anywhere, RE2 syntax
 * only (no lookarounds or backreferences), ReplaceAllString's template expansion.
 * @see https://pkg.go.dev/regexp
 */
import { CelEnvironment } from '../../src/engine/cel/environment';
import { goFindAllString, goFindString, goMatchString, goReplaceAllLiteralString, goReplaceAllString } from '../../src/engine/go-regexp';

test('MatchString finds a match anywhere; (?P<name>), (?i) and \\pL are RE2 syntax', () => {
  expect(goMatchString('\\d+', 'web-01')).toBe(true);
  expect(goMatchString('^\\d+$', 'web-01')).toBe(false);
  expect(goMatchString('(?P<team>[a-z]+)-\\d', 'web-01')).toBe(true);
  expect(goMatchString('(?i)^WEB', 'web-01')).toBe(true);
  expect(goMatchString('^\\pL+$', 'héllo')).toBe(true);
});

test('syntax RE2 does not have is an error (JavaScript would accept it)', () => {
  expect(() => goMatchString('a(?=b)', 'ab')).toThrow('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  expect(() => goMatchString('(a)\\1', 'aa')).toThrow(/error parsing regexp: invalid escape sequence/);
});

test('ReplaceAllString expands $1, ${1}, $name and $$; $1x names the group "1x"', () => {
  expect(goReplaceAllString('(\\w+)@(\\w+)', 'bob@example', '$2.$1')).toBe('example.bob');
  expect(goReplaceAllString('(\\w+)@(\\w+)', 'bob@example', '${2}x${1}')).toBe('examplexbob');
  expect(goReplaceAllString('(?P<user>\\w+)@\\w+', 'bob@example', 'user=$user')).toBe('user=bob');
  expect(goReplaceAllString('(\\w+)@(\\w+)', 'bob@example', '[$1x]')).toBe('[]');
  expect(goReplaceAllString('o', 'foo', '$$')).toBe('f$$');
  expect(goReplaceAllLiteralString('(o)', 'foo', '$1')).toBe('f$1$1');
});

test('an empty match right after a match is not replaced (Go), other empty matches are', () => {
  expect(goReplaceAllString('a*', 'baaac', '-')).toBe('-b-c-');
});

test('FindString and FindAllString (the Kubernetes CEL find/findAll)', () => {
  expect(goFindString('\\d+', 'a12b345')).toBe('12');
  expect(goFindString('x', 'abc')).toBe('');
  expect(goFindAllString('\\d+', 'a12b345c6')).toEqual(['12', '345', '6']);
  expect(goFindAllString('\\d+', 'a12b345c6', 2)).toEqual(['12', '345']);
  const env = new CelEnvironment();
  expect([...env.evaluate("'a12b345'.findAll('[0-9]+')", {})]).toEqual(['12', '345']);
  expect(env.evaluate("'abc'.matches('^a.c$')", {})).toBe(true);
  expect(() => env.evaluate("'abc'.matches('a(?=b)')", {})).toThrow();
});
