import { removeRepo, writeRepo } from './repo-fixture';
import { ValuesLinter } from '../../src/values-lint';

const VALUES = {
  'charts/app/values.yaml': 'name: app\nreplicas: 1\nimage:\n  repository: r\n',
  'cd/prd/values.yaml': 'replicas: 20\nimage:\n  pullPolicy: Always\n',
};

const REPLICAS_RULE = 'replica-count:\n    given: $.replicas\n    severity: warn\n    then: {function: schema, functionOptions: {schema: {maximum: 10}}}\n';

/** What `policy-platform lint` says: the results (rule file:line path) or the refusal. */
async function lint(files: { [path: string]: string }): Promise<string[]> {
  const dir = writeRepo({ ...VALUES, ...files });
  try {
    const report = await ValuesLinter.lintRepo(dir, 'prd');
    return report.results.map((r) => `${r.rule} ${r.file}:${r.line} ${r.path}: ${r.message}`);
  } catch (e) {
    return [`refused: ${(e as Error).message}`];
  } finally {
    removeRepo(dir);
  }
}

const CUSTOM_ESM = `import { createRulesetFunction } from '@stoplight/spectral-core';
export default createRulesetFunction({ input: null, options: null }, function notAlways(input) {
  return input === 'Always' ? [{ message: 'pullPolicy Always re-pulls every start' }] : [];
});
`;
const CUSTOM_CJS = `module.exports = function notAlways(input) {
  return input === 'Always' ? [{ message: 'pullPolicy Always re-pulls every start (cjs)' }] : [];
};
`;

/**
 * Rulesets Spectral CLI 6 accepts or refuses, and what it then reports. Expected answers come from
 * the CLI's ruleset loading (spectral-cli getRuleset → @stoplight/spectral-ruleset-migrator:
 * validation/schema.ts, transformers/{extends,except,functions,formats,rules}.ts → spectral-core
 * `new Ruleset`) and from the Spectral documentation
 * (https://docs.stoplight.io/docs/spectral/e5b9616d6d50c-rulesets, .../83527ef2dd8c0-extending-rulesets,
 * .../a5b8bc8d0c9ce-custom-functions, .../293426e270fac-overrides).
 */
const CASES: Array<[string, { [path: string]: string }, string[]]> = [
  ['plain rules', { '.spectral.yaml': `rules:\n  ${REPLICAS_RULE}` },
    ['replica-count cd/prd/values.yaml:1 $.replicas: "replicas" property must be <= 10']],
  ['extends a built-in ruleset by name (its OpenAPI rules never run on values)', { '.spectral.yaml': `extends: spectral:oas\nrules:\n  ${REPLICAS_RULE}` },
    ['replica-count cd/prd/values.yaml:1 $.replicas: "replicas" property must be <= 10']],
  ['extends [[name, mode]]', { '.spectral.yaml': 'extends: [[spectral:oas, off], spectral:asyncapi]\nrules: {}\n' }, []],
  // the migrator's schema: a list of names, each a string or a [name, mode] pair; a lone [name, mode]
  // is two names, and "all" then resolves as a package
  ['extends [name, mode] without the outer list is two rulesets', { '.spectral.yaml': 'extends: [spectral:oas, all]\n' },
    ['refused: .spectral.yaml:1: extends[1]: "all" is a package: not installed (the lint runs offline); extend spectral:oas, spectral:asyncapi, spectral:arazzo or a relative file']],
  ['extends a relative YAML file: its rules run', {
    '.spectral.yaml': 'extends: ./rules/base.yaml\n',
    'rules/base.yaml': `rules:\n  ${REPLICAS_RULE}`,
  }, ['replica-count cd/prd/values.yaml:1 $.replicas: "replicas" property must be <= 10']],
  ['an extended file\'s problem names that file and line', {
    '.spectral.yaml': 'extends: ./rules/base.yaml\n',
    'rules/base.yaml': 'rules:\n  a:\n    given: $\n    severity: warning\n    then: {function: truthy}\n',
  }, ['refused: rules/base.yaml:4: rules.a.severity: the value has to be one of: 0, 1, 2, 3 or "error", "warn", "info", "hint", "off"']],
  ['overrides turn a rule off for a JSON pointer of the values file', {
    '.spectral.yaml': `rules:\n  ${REPLICAS_RULE}overrides:\n  - files: ['**#/replicas']\n    rules:\n      replica-count: off\n`,
  }, []],
  ['overrides for another file leave the rule on', {
    '.spectral.yaml': `rules:\n  ${REPLICAS_RULE}overrides:\n  - files: ['cd/dev/values.yaml']\n    rules:\n      replica-count: off\n`,
  }, ['replica-count cd/prd/values.yaml:1 $.replicas: "replicas" property must be <= 10']],
  ['except (legacy): becomes an override, "#pointer" matches any file', {
    '.spectral.yaml': `rules:\n  ${REPLICAS_RULE}except:\n  '#/replicas': [replica-count]\n`,
  }, []],
  ['aliases', {
    '.spectral.yaml': 'aliases:\n  Image: [$.image]\nrules:\n  image-tag:\n    given: "#Image"\n    severity: error\n    then: {field: tag, function: truthy}\n',
  }, ['image-tag cd/prd/values.yaml:2 $.image.tag: "image.tag" property must be truthy']],
  ['a rule limited to OpenAPI formats does not run on values', {
    '.spectral.yaml': 'rules:\n  replica-count:\n    formats: [oas3]\n    given: $.replicas\n    then: {function: schema, functionOptions: {schema: {maximum: 10}}}\n',
  }, []],
  ['top-level formats: rules then run only on documents of those formats', {
    '.spectral.yaml': `formats: [oas2]\nrules:\n  ${REPLICAS_RULE}`,
  }, []],
  ['an unknown top-level format (migrator schema enum)', { '.spectral.yaml': `formats: [oas4]\nrules:\n  ${REPLICAS_RULE}` },
    ['refused: .spectral.yaml:1: formats[0]: "oas4" is not one of oas2, oas3, oas3.0, oas3.1, asyncapi2, json-schema, json-schema-loose, json-schema-draft4, json-schema-draft6, json-schema-draft7, json-schema-draft-2019-09, json-schema-2019-09, json-schema-draft-2020-12, json-schema-2020-12 (Spectral: "Invalid ruleset provided")']],
  ['custom functions (ES module, functionsDir) run in process', {
    '.spectral.yaml': 'functionsDir: ./fns\nfunctions: [notAlways]\nrules:\n  pull-policy:\n    given: $.image.pullPolicy\n    severity: error\n    then: {function: notAlways}\n',
    'fns/notAlways.js': CUSTOM_ESM,
  }, ['pull-policy cd/prd/values.yaml:3 $.image.pullPolicy: pullPolicy Always re-pulls every start']],
  ['custom functions (CommonJS, default functions folder)', {
    '.spectral.yaml': 'functions: [notAlways]\nrules:\n  pull-policy:\n    given: $.image.pullPolicy\n    then: {function: notAlways}\n',
    'functions/notAlways.js': CUSTOM_CJS,
  }, ['pull-policy cd/prd/values.yaml:3 $.image.pullPolicy: pullPolicy Always re-pulls every start (cjs)']],
  ['a listed function whose file is missing', { '.spectral.yaml': 'functions: [nope]\nrules: {}\n' },
    [expect.stringMatching(/^refused: \.spectral\.yaml:1: functions\[0\]: cannot load functions\/nope\.js: ENOENT/) as any]],
  ['a function neither core nor listed (the migrated module would reference an undefined name)', {
    '.spectral.yaml': 'rules:\n  a:\n    given: $\n    then: {function: isSet}\n',
  }, ['refused: .spectral.yaml:4: rules.a.then.function: "isSet" is not defined: not a core function (alphabetical, casing, defined, enumeration, falsy, length, or, pattern, schema, truthy, undefined, unreferencedReusableObject, xor) nor listed in `functions`']],
  ['an override\'s rule cannot name a custom function (the migrator resolves top-level rules only)', {
    '.spectral.yaml': 'overrides:\n  - files: ["**"]\n    rules:\n      a:\n        given: $\n        then: {function: truthy}\n',
  }, ['refused: .spectral.yaml:6: overrides[0].rules.a.then.function: Function is not defined']],
  ['severity: warning (spectral-core\'s validation)', { '.spectral.yaml': 'rules:\n  a:\n    given: $\n    severity: warning\n    then: {function: truthy}\n' },
    ['refused: .spectral.yaml:4: rules.a.severity: the value has to be one of: 0, 1, 2, 3 or "error", "warn", "info", "hint", "off"']],
  ['an unknown top-level key', { '.spectral.yaml': 'rules: {}\nrulez: {}\n' },
    ['refused: .spectral.yaml:2: rulez: must NOT have additional properties (allowed: aliases, description, documentationUrl, except, extends, formats, functions, functionsDir, overrides, parserOptions, rules)']],
  ['an alias that does not exist', { '.spectral.yaml': 'rules:\n  a:\n    given: "#Nope"\n    then: {function: truthy}\n' },
    ['refused: .spectral.yaml:3: rules.a.given: Alias "Nope" does not exist']],
  ['an override without files', { '.spectral.yaml': 'overrides:\n  - rules: {a: off}\n' },
    ['refused: .spectral.yaml:2: overrides[0]: must have required property \'files\'']],
  ['a URL in extends is not fetched (offline)', { '.spectral.yaml': 'extends: https://example.com/ruleset.yaml\n' },
    ['refused: .spectral.yaml:1: extends: "https://example.com/ruleset.yaml" is a URL: not fetched (the lint runs offline); vendor the ruleset into the repository']],
];

describe('.spectral.yaml as Spectral CLI reads it', () => {
  test.each(CASES)('%s', async (_name, files, expected) => {
    expect(await lint(files)).toEqual(expected);
  });
});
