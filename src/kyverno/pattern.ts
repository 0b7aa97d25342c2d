/**
 * Builders for Kyverno pattern keys and values, so anchors and operators are spelled right.
 * Every method returns a plain string usable as a key or value of `pattern`, `anyPattern` or
 * `patchStrategicMerge`.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#anchors
 */
export class Anchor {
  /** Conditional anchor `(key)`: check the rest of the object only if this key's value matches. */
  public static conditional(key: string): string {
    return `(${anchorKey(key)})`;
  }

  /** Equality anchor `=(key)`: if the key is present, its value must match. */
  public static equality(key: string): string {
    return `=(${anchorKey(key)})`;
  }

  /** Existence anchor `^(key)`: at least one element of the list must match. */
  public static existence(key: string): string {
    return `^(${anchorKey(key)})`;
  }

  /** Negation anchor `X(key)`: the key must not be present. */
  public static negation(key: string): string {
    return `X(${anchorKey(key)})`;
  }

  /** Global anchor `<(key)` (named so because `global` is reserved in Python): if this key's value does not match, the whole rule is skipped. */
  public static globalAnchor(key: string): string {
    return `<(${anchorKey(key)})`;
  }

  /** Add-if-not-present anchor `+(key)` (mutate): set the key only when it is missing. */
  public static addIfNotPresent(key: string): string {
    return `+(${anchorKey(key)})`;
  }

  private constructor() {}
}

/**
 * Builders for Kyverno pattern value operators. Operands are numbers or strings (quantities such
 * as `2Gi` and durations such as `1h` are allowed where Kyverno allows them).
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#operators
 */
export class PatternValue {
  /** Any non-empty value: `?*`. */
  public static nonEmpty(): string {
    return '?*';
  }

  /** Any value including empty: `*`. */
  public static anything(): string {
    return '*';
  }

  /** Not equal: `!value` (not `not`: reserved in Python). */
  public static notEquals(value: any): string {
    return `!${operand(value, 'notEquals')}`;
  }

  /** Any of the alternatives: `a | b | c`. */
  public static anyOf(...values: any[]): string {
    return list(values, ' | ', 'anyOf');
  }

  /** All of the conditions: `a & b`, e.g. `allOf(greaterThan(1), lessThan(5))`. */
  public static allOf(...values: any[]): string {
    return list(values, ' & ', 'allOf');
  }

  /** Inclusive range: `min-max`. */
  public static inRange(min: any, max: any): string {
    return `${operand(min, 'inRange')}-${operand(max, 'inRange')}`;
  }

  /** Outside the inclusive range: `min!-max`. */
  public static notInRange(min: any, max: any): string {
    return `${operand(min, 'notInRange')}!-${operand(max, 'notInRange')}`;
  }

  /** Greater than: `>value`. */
  public static greaterThan(value: any): string {
    return `>${operand(value, 'greaterThan')}`;
  }

  /** Greater than or equal: `>=value`. */
  public static greaterThanOrEquals(value: any): string {
    return `>=${operand(value, 'greaterThanOrEquals')}`;
  }

  /** Less than: `<value`. */
  public static lessThan(value: any): string {
    return `<${operand(value, 'lessThan')}`;
  }

  /** Less than or equal: `<=value`. */
  public static lessThanOrEquals(value: any): string {
    return `<=${operand(value, 'lessThanOrEquals')}`;
  }

  private constructor() {}
}

/**
 * JMESPath variable references for Kyverno (`{{ ... }}`).
 * @see https://kyverno.io/docs/policy-types/cluster-policy/variables/
 */
export class Jmes {
  /** `{{ expression }}`, e.g. `variable('request.object.metadata.name')`. */
  public static variable(expression: string): string {
    return `{{ ${expression_(expression)} }}`;
  }

  /** `{{ request.<path> }}`, e.g. `request('operation')`. */
  public static request(path: string): string {
    return Jmes.variable(`request.${expression_(path)}`);
  }

  /** `{{ request.object.<path> }}`, e.g. `requestObject('metadata.labels.app')`. */
  public static requestObject(path: string): string {
    return Jmes.variable(`request.object.${expression_(path)}`);
  }

  /** `{{ element.<path> }}` inside a foreach, e.g. `element('image')`. */
  public static element(path: string): string {
    return Jmes.variable(`element.${expression_(path)}`);
  }

  /** `\{{ expression }}`: a literal that Kyverno must not substitute (e.g. inside a generated resource). */
  public static escaped(expression: string): string {
    return `\\{{ ${expression_(expression)} }}`;
  }

  private constructor() {}
}

function anchorKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new Error(`Anchor: the key must be a non-empty string, got ${JSON.stringify(key)}`);
  }
  if (/[()]/.test(key)) {
    throw new Error(`Anchor: "${key}" already contains an anchor or parentheses (anchors cannot be nested)`);
  }
  return key;
}

function operand(value: any, op: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim().length > 0) return value.trim();
  throw new Error(`PatternValue.${op}: an operand must be a number or a non-empty string, got ${JSON.stringify(value)}`);
}

function list(values: any[], sep: string, op: string): string {
  if (values.length < 2) throw new Error(`PatternValue.${op}: give at least two values, got ${values.length}`);
  return values.map((v) => operand(v, op)).join(sep);
}

function expression_(expression: string): string {
  if (typeof expression !== 'string' || expression.trim().length === 0) {
    throw new Error(`Jmes: the expression must be a non-empty string, got ${JSON.stringify(expression)}`);
  }
  if (expression.includes('{{') || expression.includes('}}')) {
    throw new Error(`Jmes: "${expression}" already contains {{ or }} (pass the bare JMESPath expression)`);
  }
  return expression.trim();
}
