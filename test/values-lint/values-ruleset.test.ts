import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as YAML from 'yaml';
import { TreeValidationError, validateTree } from '../../src/core/validate-tree';
import {
  CasingType, ExtendsMode, RuleSeverity, SchemaDialect, SpectralExtends, ValuesFunction, ValuesRuleset,
} from '../../src/values-lint';

function scope(): Construct {
  return new Chart(new App(), 'repo');
}

describe('ValuesRuleset', () => {
  test('the seed\'s backend-applications ruleset, with Spectral\'s severity spelling', () => {
    const rs = ValuesRuleset.backendApplications(scope(), 'values-rules');
    const files = rs.synthFiles();
    expect(files.map((f) => f.path)).toEqual(['.spectral.yaml']);
    expect(files[0].content).toBe(`extends: spectral:oas
rules:
  replica-count:
    severity: warn
    given: $.replicas
    then:
      function: schema
      functionOptions:
        schema:
          type: integer
          minimum: 1
          maximum: 10
  required-fields:
    severity: error
    given: $
    then:
      - field: name
        function: truthy
      - field: namespace
        function: truthy
      - field: replicas
        function: truthy
`);
  });

  test('every core function writes its typed options as Spectral reads them', () => {
    const checks = [
      ValuesFunction.truthy(), ValuesFunction.falsy(), ValuesFunction.defined(), ValuesFunction.undefined(),
      ValuesFunction.pattern({ match: '^[a-z]+$', notMatch: 'latest' }),
      ValuesFunction.enumeration({ values: ['a', 1, true, null] }),
      ValuesFunction.length({ min: 1, max: 3 }),
      ValuesFunction.schema({ schema: { type: 'string' }, dialect: SchemaDialect.DRAFT2020_12, allErrors: true }),
      ValuesFunction.alphabetical(), ValuesFunction.alphabetical({ keyedBy: 'name' }),
      ValuesFunction.casing({ casingType: CasingType.KEBAB, disallowDigits: true, separatorChar: '/', separatorAllowLeading: true }),
      ValuesFunction.xor({ properties: ['a', 'b'] }),
    ];
    expect(checks.map((c) => [c.functionName, c.functionOptions])).toEqual([
      ['truthy', undefined], ['falsy', undefined], ['defined', undefined], ['undefined', undefined],
      ['pattern', { match: '^[a-z]+$', notMatch: 'latest' }],
      ['enumeration', { values: ['a', 1, true, null] }],
      ['length', { min: 1, max: 3 }],
      ['schema', { schema: { type: 'string' }, dialect: 'draft2020-12', allErrors: true }],
      ['alphabetical', undefined], ['alphabetical', { keyedBy: 'name' }],
      ['casing', { type: 'kebab', disallowDigits: true, separator: { char: '/', allowLeading: true } }],
      ['xor', { properties: ['a', 'b'] }],
    ]);
  });

  test('extends, several given paths, message and resolved', () => {
    const rs = new ValuesRuleset(scope(), 'rules', {
      extendsRulesets: [SpectralExtends.oas(ExtendsMode.OFF), SpectralExtends.asyncapi()],
      rules: [{
        name: 'image-tag',
        given: ['$.image', '$.sidecar.image'],
        message: '{{property}} must be pinned: {{error}}',
        resolved: false,
        severity: RuleSeverity.HINT,
        then: [{ field: 'tag', check: ValuesFunction.pattern({ notMatch: '^latest$' }) }],
      }],
    });
    expect(rs.toJson()).toEqual({
      extends: [['spectral:oas', 'off'], 'spectral:asyncapi'],
      rules: {
        'image-tag': {
          message: '{{property}} must be pinned: {{error}}',
          severity: 'hint',
          given: ['$.image', '$.sidecar.image'],
          resolved: false,
          then: { field: 'tag', function: 'pattern', functionOptions: { notMatch: '^latest$' } },
        },
      },
    });
  });

  test('a single extends with a mode is written inside a list (spectral-ruleset-migrator reads a lone [name, mode] as two names)', () => {
    const rs = new ValuesRuleset(scope(), 'rules', { extendsRulesets: [SpectralExtends.oas(ExtendsMode.ALL)] });
    expect(rs.toJson().extends).toEqual([['spectral:oas', 'all']]);
    expect(new ValuesRuleset(scope(), 'plain', { extendsRulesets: [SpectralExtends.oas()] }).toJson().extends).toBe('spectral:oas');
  });

  test('output does not depend on the order rules are added', () => {
    const a = { name: 'a', given: ['$'], then: [{ field: 'x', check: ValuesFunction.defined() }] };
    const b = { name: 'b', given: ['$'], then: [{ field: 'y', check: ValuesFunction.defined() }] };
    const one = new ValuesRuleset(scope(), 'r', { rules: [a, b] });
    const two = new ValuesRuleset(scope(), 'r');
    two.addRule(b);
    two.addRule(a);
    expect(two.synthFiles()).toEqual(one.synthFiles());
    expect(YAML.parse(one.synthFiles()[0].content).rules).toHaveProperty('a');
  });

  test('reports every problem with the construct path, the rule and what is allowed', () => {
    const root = scope();
    new ValuesRuleset(root, 'values-rules', {
      rules: [
        { name: 'Bad Name', given: ['$'], then: [{ check: ValuesFunction.truthy() }] },
        { name: 'no-given', given: [], then: [] },
        { name: 'dup', given: ['replicas'], then: [{ check: ValuesFunction.pattern({ match: '([' }) }] },
        { name: 'dup', given: ['$'], then: [{ check: ValuesFunction.length({ min: 3, max: 1 }) }, { check: ValuesFunction.xor({ properties: ['a'] }) }] },
        { name: 'opts', given: ['$'], then: [{ check: ValuesFunction.casing({ casingType: CasingType.CAMEL, separatorChar: '--' }) }, { check: ValuesFunction.pattern({}) }] },
      ],
    });
    let error: TreeValidationError | undefined;
    try {
      validateTree(root);
    } catch (e) {
      error = e as TreeValidationError;
    }
    expect(error).toBeInstanceOf(TreeValidationError);
    expect(error!.problems).toEqual([
      'repo/values-rules: rules[0] (Bad Name).name: "Bad Name" is not a valid rule name (letters, digits, \'.\', \'_\', \'-\', starting with a letter or digit)',
      'repo/values-rules: rules[1] (no-given).given: at least one JSONPath expression is required',
      'repo/values-rules: rules[1] (no-given).then: at least one check is required',
      'repo/values-rules: rules[2] (dup).given[0]: "replicas" is not a JSONPath expression (must start with \'$\') or an alias (\'#name\')',
      expect.stringMatching(/^repo\/values-rules: rules\[2\] \(dup\)\.then\[0\]: pattern\.match: "\(\[" is not a valid regular expression \(.+\)$/),
      'repo/values-rules: rules[3] (dup).name: duplicate rule name "dup"',
      'repo/values-rules: rules[3] (dup).then[0]: length.min (3) is greater than length.max (1)',
      'repo/values-rules: rules[3] (dup).then[1]: xor.properties must list at least two property names',
      'repo/values-rules: rules[4] (opts).then[0]: casing.separatorChar: "--" must be exactly one character',
      'repo/values-rules: rules[4] (opts).then[1]: pattern needs `match` or `notMatch`',
    ]);
  });
});
