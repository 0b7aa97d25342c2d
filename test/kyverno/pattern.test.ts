import { Anchor, Jmes, PatternValue } from '../../src/kyverno';

describe('Anchor', () => {
  test.each([
    ['conditional', Anchor.conditional('image'), '(image)'],
    ['equality', Anchor.equality('hostPath'), '=(hostPath)'],
    ['existence', Anchor.existence('containers'), '^(containers)'],
    ['negation', Anchor.negation('hostNetwork'), 'X(hostNetwork)'],
    ['globalAnchor', Anchor.globalAnchor('imagePullSecrets'), '<(imagePullSecrets)'],
    ['addIfNotPresent', Anchor.addIfNotPresent('team'), '+(team)'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test('keys with dots and slashes are kept', () => {
    expect(Anchor.equality('app.kubernetes.io/name')).toBe('=(app.kubernetes.io/name)');
  });

  test('empty and already-anchored keys are refused', () => {
    expect(() => Anchor.conditional('')).toThrow('Anchor: the key must be a non-empty string, got ""');
    expect(() => Anchor.equality('(image)')).toThrow('Anchor: "(image)" already contains an anchor or parentheses (anchors cannot be nested)');
  });
});

describe('PatternValue', () => {
  test.each([
    ['nonEmpty', PatternValue.nonEmpty(), '?*'],
    ['anything', PatternValue.anything(), '*'],
    ['notEquals', PatternValue.notEquals('latest'), '!latest'],
    ['anyOf', PatternValue.anyOf('Always', 'IfNotPresent'), 'Always | IfNotPresent'],
    ['allOf', PatternValue.allOf(PatternValue.greaterThan(1), PatternValue.lessThan(5)), '>1 & <5'],
    ['inRange', PatternValue.inRange(1, 10), '1-10'],
    ['notInRange', PatternValue.notInRange(1024, 65535), '1024!-65535'],
    ['greaterThan', PatternValue.greaterThan('100Mi'), '>100Mi'],
    ['greaterThanOrEquals', PatternValue.greaterThanOrEquals(0), '>=0'],
    ['lessThan', PatternValue.lessThan('1h'), '<1h'],
    ['lessThanOrEquals', PatternValue.lessThanOrEquals('2Gi'), '<=2Gi'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test('bad operands are refused', () => {
    expect(() => PatternValue.anyOf('only')).toThrow('PatternValue.anyOf: give at least two values, got 1');
    expect(() => PatternValue.greaterThan('')).toThrow('PatternValue.greaterThan: an operand must be a number or a non-empty string, got ""');
    expect(() => PatternValue.inRange(1, NaN)).toThrow('PatternValue.inRange: an operand must be a number or a non-empty string, got null');
  });
});

describe('Jmes', () => {
  test('variable references', () => {
    expect(Jmes.variable('request.object.metadata.name')).toBe('{{ request.object.metadata.name }}');
    expect(Jmes.variable("request.object.metadata.labels.\"app.kubernetes.io/name\" || ''")).toBe("{{ request.object.metadata.labels.\"app.kubernetes.io/name\" || '' }}");
    expect(Jmes.request('operation')).toBe('{{ request.operation }}');
    expect(Jmes.requestObject('spec.replicas')).toBe('{{ request.object.spec.replicas }}');
    expect(Jmes.element('image')).toBe('{{ element.image }}');
    expect(Jmes.escaped('request.namespace')).toBe('\\{{ request.namespace }}');
  });

  test('already-wrapped or empty expressions are refused', () => {
    expect(() => Jmes.variable('{{ request.name }}')).toThrow('Jmes: "{{ request.name }}" already contains {{ or }} (pass the bare JMESPath expression)');
    expect(() => Jmes.requestObject(' ')).toThrow('Jmes: the expression must be a non-empty string, got " "');
  });
});
