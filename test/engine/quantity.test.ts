/**
 * Kubernetes quantities (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/)
 * and Go durations (time.ParseDuration).
 */
import { formatDuration, parseDuration, parseQuantity } from '../../src/engine/quantity';

test.each([
  ['1Gi', 2 ** 30], ['512Mi', 512 * 2 ** 20], ['500m', 0.5], ['2', 2], ['1.5k', 1500], ['1e3', 1000], ['100n', 1e-7],
])('quantity %s', (text, value) => {
  expect(parseQuantity(text)).toBeCloseTo(value as number, 12);
});

test('non-quantities are undefined', () => {
  expect(parseQuantity('1h')).toBeUndefined();
  expect(parseQuantity('abc')).toBeUndefined();
  expect(parseQuantity('')).toBeUndefined();
});

test.each([['1h30m', 5400], ['300ms', 0.3], ['0', 0], ['-2m', -120], ['1.5h', 5400]])('duration %s', (text, secs) => {
  expect(parseDuration(text)).toBeCloseTo(secs as number, 9);
});

test('a bare number is not a duration; formatting is Go style', () => {
  expect(parseDuration('10')).toBeUndefined();
  expect(formatDuration(5400)).toBe('1h30m0s');
  expect(formatDuration(0.3)).toBe('300ms');
});
