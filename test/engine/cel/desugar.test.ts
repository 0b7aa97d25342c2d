import { CelSyntaxError, desugarCel } from '../../../src/engine/cel/desugar';

describe('desugarCel', () => {
  test('plain expressions keep their meaning', () => {
    expect(desugarCel('object.spec.containers.all(c, c.image.startsWith("a"))'))
      .toBe('object.spec.containers.all(c, c.image.startsWith("a"))');
    expect(desugarCel('a || b && c')).toBe('(a) || ((b) && (c))');
    expect(desugarCel('x ? 1 : 2')).toBe('(x) ? (1) : (2)');
    expect(desugarCel("'a' in ['a', 'b']")).toBe("('a') in (['a', 'b'])");
  });

  test('optional field selection becomes __opt_sel, and so does every select after it', () => {
    expect(desugarCel('object.spec.?initContainers.orValue([])'))
      .toBe("__opt_or_value(__opt_sel(object.spec, 'initContainers'), [])");
    expect(desugarCel('object.?metadata.labels.app.hasValue()'))
      .toBe("__opt_has_value(__opt_sel(__opt_sel(__opt_sel(object, 'metadata'), 'labels'), 'app'))");
  });

  test('optional index and optional constructors', () => {
    expect(desugarCel("m[?'k'].orValue('d')")).toBe("__opt_or_value(__opt_idx(m, 'k'), 'd')");
    expect(desugarCel('optional.of(1).value()')).toBe('__opt_value(__opt_of(1))');
    expect(desugarCel('optional.none()')).toBe('__opt_none()');
    expect(desugarCel('[a, ?b]')).toBe('__opt_list([[false, a], [true, b]])');
    expect(desugarCel("{'k': v, ?'o': w}")).toBe("__opt_map([[false, 'k', v], [true, 'o', w]])");
  });

  test('Kyverno library calls become plain functions', () => {
    expect(desugarCel("resource.Get('v1', 'configmaps', 'ns', 'n')")).toBe("__kyverno_resource_Get('v1', 'configmaps', 'ns', 'n')");
    expect(desugarCel('image.GetMetadata(x).config')).toBe('__kyverno_image_GetMetadata(x).config');
  });

  test('strings, raw strings and comments are read correctly', () => {
    expect(desugarCel("'it\\'s' + r'\\d' // comment")).toBe("('it\\'s') + (r'\\d')");
    expect(desugarCel('"""multi\nline"""')).toBe('"""multi\nline"""');
  });

  test('negative literals stay literals', () => {
    expect(desugarCel('-1 < 0')).toBe('(-1) < (0)');
    expect(desugarCel('-x')).toBe('-(x)');
  });

  test('invalid syntax is reported with its position', () => {
    expect(() => desugarCel('a &&')).toThrow(CelSyntaxError);
    expect(() => desugarCel('a &&')).toThrow(/unexpected 'end of input' at position 4 in: a &&/);
    expect(() => desugarCel("'open")).toThrow(/unterminated string at position 0/);
    // The position is the offending token's, not the one after it.
    expect(() => desugarCel('(1 +)')).toThrow(/unexpected '\)' at position 4 in: \(1 \+\)/);
    expect(() => desugarCel('a.1')).toThrow(/at position 1 in: a\.1/);
    expect(() => desugarCel('a $ b')).toThrow(/unexpected character '\$'/);
  });
});
