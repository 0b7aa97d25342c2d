import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { removeRepo, writeRepo } from './repo-fixture';
import { CasingType, RuleSeverity, ValuesFunction, ValuesLinter, ValuesRuleset } from '../../src/values-lint';

/** The seed's ruleset as our construct writes it. */
function seedRuleset(): string {
  return ValuesRuleset.backendApplications(new Chart(new App(), 'repo'), 'values-rules').synthFiles()[0].content;
}

const CHART_VALUES = `# chart defaults
name: backend
namespace: apps
replicas: 2
image:
  repository: registry.example.com/backend
  tag: "1.4.2"
`;

describe('ValuesLinter.lintRepo with the seed ruleset', () => {
  let dir: string;
  beforeAll(() => {
    dir = writeRepo({
      '.spectral.yaml': seedRuleset(),
      'charts/backend/values.yaml': CHART_VALUES,
      'cd/values.yaml': 'image:\n  tag: "1.5.0"\n',
      'cd/good/values.yaml': '# nothing to override\n',
      'cd/dev/values.yaml': '# dev shares the platform namespace\nimage:\n  tag: dev\nnamespace: null\n',
      'cd/stg/values.yaml': 'replicas: 11\n',
      'cd/prd/values.yaml': 'name: ""\n\nreplicas: "3"\n',
      'cd/qa/values.yaml': 'replicas: 0\n',
    });
  });
  afterAll(() => removeRepo(dir));

  test('environments and charts are discovered', async () => {
    const report = await ValuesLinter.lintRepo(dir);
    expect(report.environments).toEqual(['dev', 'good', 'prd', 'qa', 'stg']);
    expect(report.charts).toEqual(['backend']);
  });

  test('good values: no result', async () => {
    expect((await ValuesLinter.lintRepo(dir, 'good')).results).toEqual([]);
  });

  test('a field deleted with null: error at the null', async () => {
    const report = await ValuesLinter.lintRepo(dir, 'dev');
    expect(report.results).toEqual([{
      environment: 'dev',
      chart: 'backend',
      rule: 'required-fields',
      severity: RuleSeverity.ERROR,
      message: '"namespace" property must be truthy',
      path: '$.namespace',
      file: 'cd/dev/values.yaml',
      line: 4,
    }]);
    expect(report.errorCount).toBe(1);
  });

  test('too many replicas: warning at the environment file', async () => {
    expect((await ValuesLinter.lintRepo(dir, 'stg')).results).toEqual([{
      environment: 'stg',
      chart: 'backend',
      rule: 'replica-count',
      severity: RuleSeverity.WARN,
      message: '"replicas" property must be <= 10',
      path: '$.replicas',
      file: 'cd/stg/values.yaml',
      line: 1,
    }]);
  });

  test('empty name and a string replica count: each at its own line', async () => {
    const report = await ValuesLinter.lintRepo(dir, 'prd');
    expect(report.results.map((r) => [r.rule, r.severity, r.path, `${r.file}:${r.line}`, r.message])).toEqual([
      ['required-fields', 'error', '$.name', 'cd/prd/values.yaml:1', '"name" property must be truthy'],
      ['replica-count', 'warn', '$.replicas', 'cd/prd/values.yaml:3', '"replicas" property type must be integer'],
    ]);
    expect([report.errorCount, report.warningCount]).toEqual([1, 1]);
  });

  test('zero replicas breaks both rules', async () => {
    const report = await ValuesLinter.lintRepo(dir, 'qa');
    expect(report.results.map((r) => [r.rule, r.severity, `${r.file}:${r.line}`, r.message])).toEqual([
      ['replica-count', 'warn', 'cd/qa/values.yaml:1', '"replicas" property must be >= 1'],
      ['required-fields', 'error', 'cd/qa/values.yaml:1', '"replicas" property must be truthy'],
    ]);
  });

  test('all environments at once, ordered by environment, file and line', async () => {
    const report = await ValuesLinter.lintRepo(dir);
    expect(report.results.map((r) => `${r.environment} ${r.file}:${r.line} ${r.rule}`)).toEqual([
      'dev cd/dev/values.yaml:4 required-fields',
      'prd cd/prd/values.yaml:1 required-fields',
      'prd cd/prd/values.yaml:3 replica-count',
      'qa cd/qa/values.yaml:1 replica-count',
      'qa cd/qa/values.yaml:1 required-fields',
      'stg cd/stg/values.yaml:1 replica-count',
    ]);
    expect([report.errorCount, report.warningCount]).toEqual([3, 3]);
  });
});

describe('ValuesLinter: which file and line set the value', () => {
  let dir: string;
  beforeAll(() => {
    dir = writeRepo({
      '.spectral.yaml': seedRuleset(),
      'charts/api/values.yaml': 'namespace: api\nreplicas: 1\n',
      'charts/worker/values.yaml': 'name: worker\nnamespace: jobs\nreplicas: 1\n',
      'cd/values.yaml': '# shared\n\nreplicas: 12\n',
      'cd/a/values.yaml': '{}\n',
      'cd/b/values.yaml': 'replicas: 4\n',
    });
  });
  afterAll(() => removeRepo(dir));

  test('a value from cd/values.yaml is reported there; a later override clears it', async () => {
    const report = await ValuesLinter.lintRepo(dir);
    expect(report.results.map((r) => `${r.environment} ${r.chart} ${r.file}:${r.line} ${r.rule} ${r.path}`)).toEqual([
      'a api charts/api/values.yaml:1 required-fields $.name',
      'a api cd/values.yaml:3 replica-count $.replicas',
      'a worker cd/values.yaml:3 replica-count $.replicas',
      'b api charts/api/values.yaml:1 required-fields $.name',
    ]);
  });

  test('a field missing from a nested object points at that object in the file that last set it', async () => {
    fs.writeFileSync(path.join(dir, '.spectral.yaml'), new ValuesRulesetFile([
      { name: 'image-tag', given: ['$.image'], severity: RuleSeverity.ERROR, then: [{ field: 'tag', check: ValuesFunction.truthy() }] },
    ]).content);
    fs.writeFileSync(path.join(dir, 'cd', 'b', 'values.yaml'), 'replicas: 4\nimage:\n  repository: r\n');
    const report = await ValuesLinter.lintRepo(dir, 'b');
    expect(report.results.map((r) => `${r.chart} ${r.file}:${r.line} ${r.path} ${r.message}`)).toEqual([
      'api cd/b/values.yaml:2 $.image.tag "image.tag" property must be truthy',
      'worker cd/b/values.yaml:2 $.image.tag "image.tag" property must be truthy',
    ]);
  });
});

/** A ruleset file written by the construct (rules given inline). */
class ValuesRulesetFile {
  public readonly content: string;
  constructor(rules: any[]) {
    this.content = new ValuesRuleset(new Chart(new App(), 'repo'), 'rules', { rules }).synthFiles()[0].content;
  }
}

describe('every core function, through the construct and Spectral', () => {
  test('values breaking each rule give exactly one result per rule, at the offending line', async () => {
    const rules = [
      { name: 'truthy', given: ['$'], then: [{ field: 'enabled', check: ValuesFunction.truthy() }] },
      { name: 'falsy', given: ['$'], then: [{ field: 'debug', check: ValuesFunction.falsy() }] },
      { name: 'defined', given: ['$'], then: [{ field: 'owner', check: ValuesFunction.defined() }] },
      { name: 'undefined', given: ['$'], then: [{ field: 'password', check: ValuesFunction.undefined() }] },
      { name: 'pattern', given: ['$.image.tag'], then: [{ check: ValuesFunction.pattern({ match: '^v\\d+', notMatch: 'latest' }) }] },
      { name: 'enumeration', given: ['$.tier'], then: [{ check: ValuesFunction.enumeration({ values: ['gold', 'silver'] }) }] },
      { name: 'length', given: ['$.hosts'], then: [{ check: ValuesFunction.length({ min: 1, max: 2 }) }] },
      { name: 'schema', given: ['$.port'], then: [{ check: ValuesFunction.schema({ schema: { type: 'integer' } }) }] },
      { name: 'alphabetical', given: ['$.hosts'], then: [{ check: ValuesFunction.alphabetical() }] },
      { name: 'casing', given: ['$.labels'], then: [{ field: '@key', check: ValuesFunction.casing({ casingType: CasingType.KEBAB, separatorChar: '/' }) }] },
      { name: 'xor', given: ['$.storage'], then: [{ check: ValuesFunction.xor({ properties: ['size', 'existingClaim'] }) }] },
    ];
    const bad = [
      'enabled: false', //                                     1 truthy
      'debug: true', //                                        2 falsy
      'password: secret', //                                   3 undefined (and owner missing: defined)
      'image:', //                                             4
      '  tag: latest', //                                      5 pattern
      'tier: bronze', //                                       6 enumeration
      'hosts: [c.example.com, b.example.com, a.example.com]', // 7 length and alphabetical
      'port: "80"', //                                         8 schema
      'labels:', //                                            9
      '  team/Name: x', //                                     10 casing
      'storage:', //                                           11
      '  size: 1Gi', //                                        12
      '  existingClaim: data', //                              13 xor
    ].join('\n') + '\n';
    const good = 'enabled: true\ndebug: false\nowner: team\nimage:\n  tag: v1.2\ntier: gold\nhosts: [a, b]\nport: 80\nlabels:\n  team/name: x\nstorage:\n  size: 1Gi\n';
    const dir = writeRepo({
      '.spectral.yaml': new ValuesRulesetFile(rules).content,
      'charts/app/values.yaml': bad,
      'cd/bad/values.yaml': '{}\n',
    });
    try {
      const report = await ValuesLinter.lintRepo(dir);
      const byRule = new Map<string, string[]>();
      for (const r of report.results) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), `${r.line}`]);
      expect(Object.fromEntries(byRule)).toEqual({
        truthy: ['1'],
        falsy: ['2'],
        undefined: ['3'],
        defined: ['1'], // missing at the top level: the chart values file's first key
        pattern: ['5', '5'], // does not match ^v\d+, and matches latest
        enumeration: ['6'],
        length: ['7'],
        alphabetical: ['7'],
        schema: ['8'],
        casing: ['10'],
        xor: ['11'],
      });
      expect(report.results.every((r) => r.file === 'charts/app/values.yaml' && r.severity === RuleSeverity.WARN)).toBe(true);

      fs.writeFileSync(path.join(dir, 'charts', 'app', 'values.yaml'), good);
      expect((await ValuesLinter.lintRepo(dir)).results).toEqual([]);
    } finally {
      removeRepo(dir);
    }
  });
});
