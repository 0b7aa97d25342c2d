/**
 * Condition operators of preconditions and deny rules, cases from
 * https://kyverno.io/docs/writing-policies/preconditions/#operators
 */
import { policyWith, pod, statusOf } from './helpers';
import { evaluateOperator } from '../../src/engine/conditions';

describe('operators', () => {
  test('Equals / NotEquals: strings with wildcards in the value, numbers, booleans, objects', () => {
    expect(evaluateOperator('Equals', 'nginx:latest', '*:latest')).toBe(true);
    expect(evaluateOperator('Equals', 'nginx:1.2', '*:latest')).toBe(false);
    expect(evaluateOperator('Equals', 3, 3)).toBe(true);
    expect(evaluateOperator('Equals', 3, '3')).toBe(true);
    expect(evaluateOperator('Equals', true, 'true')).toBe(false);
    expect(evaluateOperator('Equals', { a: 1 }, { a: 1 })).toBe(true);
    expect(evaluateOperator('NotEquals', 'DELETE', 'CREATE')).toBe(true);
  });
  test('Equals compares durations and quantities by value', () => {
    expect(evaluateOperator('Equals', '1h', '60m')).toBe(true);
    expect(evaluateOperator('Equals', '1Gi', '1024Mi')).toBe(true);
  });
  test('AnyIn / AllIn / AnyNotIn / AllNotIn with lists and wildcards', () => {
    expect(evaluateOperator('AnyIn', ['a', 'b'], ['b', 'c'])).toBe(true);
    expect(evaluateOperator('AnyIn', ['a'], ['b', 'c'])).toBe(false);
    expect(evaluateOperator('AnyIn', 'kube-system', ['kube-*'])).toBe(true);
    expect(evaluateOperator('AllIn', ['a', 'b'], ['a', 'b', 'c'])).toBe(true);
    expect(evaluateOperator('AllIn', ['a', 'd'], ['a', 'b', 'c'])).toBe(false);
    expect(evaluateOperator('AnyNotIn', ['a', 'd'], ['a', 'b'])).toBe(true);
    expect(evaluateOperator('AnyNotIn', ['a'], ['a', 'b'])).toBe(false);
    expect(evaluateOperator('AllNotIn', ['x', 'y'], ['a', 'b'])).toBe(true);
    expect(evaluateOperator('AllNotIn', ['x', 'a'], ['a', 'b'])).toBe(false);
  });
  // https://kyverno.io/docs/writing-policies/preconditions/#anynotin: `value: 5000-6000` is a range
  test('set operators read a string value a-b as a numeric range (host ports 5000-6000)', () => {
    expect(evaluateOperator('AnyNotIn', [5555], '5000-6000')).toBe(false);
    expect(evaluateOperator('AnyNotIn', [80, 5555], '5000-6000')).toBe(true);
    expect(evaluateOperator('AnyNotIn', [5000, 6000], '5000-6000')).toBe(false);
    expect(evaluateOperator('AnyIn', [80, 5555], '5000-6000')).toBe(true);
    expect(evaluateOperator('AnyIn', [80, 443], '5000-6000')).toBe(false);
    expect(evaluateOperator('AnyIn', 5500, '5000-6000')).toBe(true);
    expect(evaluateOperator('AllIn', [5001, 5999], '5000-6000')).toBe(true);
    expect(evaluateOperator('AllIn', [5001, 6001], '5000-6000')).toBe(false);
    expect(evaluateOperator('AllNotIn', [80, 443], '5000-6000')).toBe(true);
    expect(evaluateOperator('AllNotIn', [80, 5555], '5000-6000')).toBe(false);
  });
  test('ranges hold quantities and decimals; a key that is not a number is in no range', () => {
    expect(evaluateOperator('AnyIn', ['512Mi'], '256Mi-1Gi')).toBe(true);
    expect(evaluateOperator('AnyIn', ['2Gi'], '256Mi-1Gi')).toBe(false);
    expect(evaluateOperator('AllIn', ['1.5'], '1-2.5')).toBe(true);
    expect(evaluateOperator('AnyIn', ['abc'], '5000-6000')).toBe(false);
    // Kyverno rewrites the range to a!-b for AnyNotIn, which a non-number does not satisfy either
    expect(evaluateOperator('AnyNotIn', ['abc'], '5000-6000')).toBe(false);
  });
  test('a!-b is no range for set operators (only patterns read it): it is compared literally', () => {
    expect(evaluateOperator('AnyIn', [80], '5000!-6000')).toBe(false);
    expect(evaluateOperator('AnyNotIn', [5555], '5000!-6000')).toBe(true);
    expect(evaluateOperator('AnyIn', ['5000!-6000'], '5000!-6000')).toBe(true);
  });
  test('In / NotIn (deprecated) never read a range', () => {
    expect(evaluateOperator('In', '5555', '5000-6000')).toBe(false);
    expect(evaluateOperator('NotIn', '5555', ['5000-6000'])).toBe(true);
  });
  test('a JSON array in a string value is a list', () => {
    expect(evaluateOperator('AnyIn', 'b', '["a", "b"]')).toBe(true);
    expect(evaluateOperator('AnyNotIn', ['c'], '["a", "b"]')).toBe(true);
  });
  test('In / NotIn (deprecated): scalar in list, list subset of list', () => {
    expect(evaluateOperator('In', 'a', ['a', 'b'])).toBe(true);
    expect(evaluateOperator('In', ['a', 'b'], ['a', 'b', 'c'])).toBe(true);
    expect(evaluateOperator('In', ['a', 'x'], ['a', 'b', 'c'])).toBe(false);
    expect(evaluateOperator('NotIn', 'x', ['a', 'b'])).toBe(true);
  });
  test('GreaterThan and friends: numbers, quantities, durations, versions', () => {
    expect(evaluateOperator('GreaterThan', 5, 3)).toBe(true);
    expect(evaluateOperator('GreaterThanOrEquals', 3, 3)).toBe(true);
    expect(evaluateOperator('LessThan', '512Mi', '1Gi')).toBe(true);
    expect(evaluateOperator('LessThanOrEquals', '2h', '90m')).toBe(false);
    expect(evaluateOperator('GreaterThan', '1.10.0', '1.9.3')).toBe(true);
    expect(evaluateOperator('GreaterThan', '4', 3)).toBe(true);
    expect(evaluateOperator('GreaterThan', 'abc', 3)).toBe(false);
  });
  test('Duration* operators (deprecated) compare durations, numbers as seconds', () => {
    expect(evaluateOperator('DurationGreaterThan', '2h', '1h')).toBe(true);
    expect(evaluateOperator('DurationLessThanOrEquals', '30s', 30)).toBe(true);
    expect(evaluateOperator('DurationGreaterThanOrEquals', '1m', '2m')).toBe(false);
  });
  test('an unknown operator throws', () => {
    expect(() => evaluateOperator('Matches', 'a', 'b')).toThrow(/unknown condition operator "Matches"/);
  });
});

describe('preconditions and deny (preconditions/, validate/#deny-rules)', () => {
  test('preconditions not met skip the rule', () => {
    const policy = policyWith({
      preconditions: { all: [{ key: '{{ request.operation }}', operator: 'Equals', value: 'UPDATE' }] },
      validate: { message: 'no', deny: {} },
    });
    expect(statusOf(policy, pod())).toBe('skip');
    expect(statusOf(policy, pod(), { operation: 'UPDATE' })).toBe('fail');
  });
  test('any and all combine: any needs one, all needs every condition', () => {
    const deny = (conditions: any) => policyWith({ validate: { message: 'no', deny: { conditions } } });
    const hn = pod({ hostNetwork: true });
    expect(statusOf(deny({ any: [{ key: '{{ request.object.spec.hostNetwork }}', operator: 'Equals', value: true }, { key: 1, operator: 'Equals', value: 2 }] }), hn)).toBe('fail');
    expect(statusOf(deny({ all: [{ key: '{{ request.object.spec.hostNetwork }}', operator: 'Equals', value: true }, { key: 1, operator: 'Equals', value: 2 }] }), hn)).toBe('pass');
  });
  test('an unresolvable variable is an error in preconditions and in deny conditions; || supplies a default', () => {
    const pre = policyWith({
      preconditions: { all: [{ key: '{{ request.object.metadata.labels.team }}', operator: 'Equals', value: '' }] },
      validate: { message: 'no', deny: {} },
    });
    expect(statusOf(pre, pod())).toBe('error');
    const deny = policyWith({ validate: { message: 'no', deny: { conditions: { any: [{ key: '{{ request.object.metadata.labels.team }}', operator: 'Equals', value: 'a' }] } } } });
    expect(statusOf(deny, pod())).toBe('error');
    const defaulted = policyWith({ validate: { message: 'no', deny: { conditions: { any: [{ key: "{{ request.object.metadata.labels.team || '' }}", operator: 'Equals', value: 'a' }] } } } });
    expect(statusOf(defaulted, pod())).toBe('pass');
  });
});

test('numbers are compared as Go prints float64 values in set operators (1e+06 for a million)', () => {
  expect(evaluateOperator('AnyIn', [80], ['80'])).toBe(true);
  expect(evaluateOperator('AnyIn', [1000000], ['1000000'])).toBe(false);
  expect(evaluateOperator('AnyIn', [1000000], ['1e+06'])).toBe(true);
  expect(evaluateOperator('AllIn', [0.5], ['0.5'])).toBe(true);
});
