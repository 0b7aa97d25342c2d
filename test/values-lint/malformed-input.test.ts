import * as fs from 'fs';
import { removeRepo, writeRepo } from './repo-fixture';
import { ValuesLinter } from '../../src/values-lint';
import { describeWithShared, sharedPath } from '../support/shared';

const GOOD_RULES = 'rules:\n  name-set:\n    given: $\n    severity: error\n    then:\n      field: name\n      function: truthy\n';

async function lintError(files: { [path: string]: string }, env?: string, requireRuleset = false): Promise<string> {
  const dir = writeRepo({ 'charts/app/values.yaml': 'name: app\n', 'cd/dev/values.yaml': '{}\n', ...files });
  try {
    await ValuesLinter.lintRepo(dir, env, { requireRuleset });
  } catch (e) {
    expect((e as Error).stack).toBeDefined(); // a real Error, but the message is what users see
    return (e as Error).message;
  } finally {
    removeRepo(dir);
  }
  throw new Error('expected lintRepo to reject');
}

describe('malformed input is a clear error naming file and line', () => {
  test('.spectral.yaml that is not YAML', async () => {
    expect(await lintError({ '.spectral.yaml': 'rules:\n  a:\n    given: [$\n  b: 1\n' })).toMatch(/^\.spectral\.yaml:\d: invalid YAML: /);
  });

  test('every problem of a .spectral.yaml at once, each with its line', async () => {
    const text = [
      'extends: [spectral:oas, ./local-base.yaml]', // 1
      'functionsDir: ./functions', //                  2
      'rules:', //                                      3
      '  a:', //                                        4
      '    given: $', //                                5
      '    severity: fatal', //                         6
      '    then:', //                                   7
      '      function: isSet', //                       8
      '  b:', //                                        9
      '    given: $.x', //                              10
      '    then:', //                                   11
      '      - function: length', //                   12
      '        functionOptions: {minimum: 1}', //       13
    ].join('\n') + '\n';
    expect((await lintError({ '.spectral.yaml': text })).split('\n')).toEqual([
      '.spectral.yaml:1: extends[1]: ./local-base.yaml: no such file',
      // functionsDir without functions: the migrator drops it (transformers/functions.ts)
      '.spectral.yaml:6: rules.a.severity: the value has to be one of: 0, 1, 2, 3 or "error", "warn", "info", "hint", "off"',
      '.spectral.yaml:8: rules.a.then.function: "isSet" is not defined: not a core function (alphabetical, casing, defined, enumeration, falsy, length, or, pattern, schema, truthy, undefined, unreferencedReusableObject, xor) nor listed in `functions`',
      '.spectral.yaml:13: rules.b.then[0].functionOptions.minimum: "length" function does not support "minimum" option',
    ]);
  });

  test('a ruleset that is not a mapping, and a missing ruleset', async () => {
    expect(await lintError({ '.spectral.yaml': '- rules\n' })).toBe('.spectral.yaml:1: a ruleset must be a YAML mapping with `rules` and/or `extends` (Spectral: "Invalid ruleset provided")');
    expect(await lintError({}, undefined, true)).toBe('.spectral.yaml: no ruleset: the repository has no .spectral.yaml (required by --require-ruleset)');
  });

  test('a values file that is not YAML, or not a mapping', async () => {
    expect(await lintError({ '.spectral.yaml': GOOD_RULES, 'cd/dev/values.yaml': 'name: app\nimage:\n  tag: "v1\n' }))
      .toMatch(/^cd\/dev\/values\.yaml:3: invalid YAML: /);
    expect(await lintError({ '.spectral.yaml': GOOD_RULES, 'cd/values.yaml': '- a\n- b\n' }))
      .toBe('cd/values.yaml:1: values must be a YAML mapping, not a list');
  });

  test('an unknown environment', async () => {
    expect(await lintError({ '.spectral.yaml': GOOD_RULES }, 'prd')).toBe('cd/prd: unknown environment "prd" (found: dev)');
  });
});

describeWithShared('the seed\'s own .spectral.yaml', () => {
  /** The YAML block after "**.spectral.yaml**" in the seed document. */
  function seedSpectralYaml(): string {
    const md = fs.readFileSync(sharedPath('seed', 'multi-source-policy-aggregation.md'), 'utf-8');
    const m = /\*\*\.spectral\.yaml\*\*[^\n]*\n+```yaml\n([\s\S]*?)```/.exec(md);
    if (!m) throw new Error('seed .spectral.yaml block not found');
    return m[1];
  }

  test('is rejected as Spectral rejects it: `severity: warning` is not a Spectral severity', async () => {
    const text = seedSpectralYaml();
    const line = text.split('\n').findIndex((l) => l.trim() === 'severity: warning') + 1;
    expect(line).toBeGreaterThan(0);
    expect(await lintError({ '.spectral.yaml': text })).toBe(
      `.spectral.yaml:${line}: rules.replica-count.severity: the value has to be one of: 0, 1, 2, 3 or "error", "warn", "info", "hint", "off"`,
    );
  });

  test('with `warn` it runs and agrees with ValuesRuleset.backendApplications', async () => {
    const text = seedSpectralYaml().replace('severity: warning', 'severity: warn');
    const dir = writeRepo({ '.spectral.yaml': text, 'charts/app/values.yaml': 'name: app\nreplicas: 40\n', 'cd/dev/values.yaml': '{}\n' });
    try {
      const report = await ValuesLinter.lintRepo(dir);
      expect(report.results.map((r) => `${r.file}:${r.line} ${r.severity} ${r.rule} ${r.path} ${r.message}`)).toEqual([
        'charts/app/values.yaml:1 error required-fields $.namespace "namespace" property must be truthy',
        'charts/app/values.yaml:2 warn replica-count $.replicas "replicas" property must be <= 10',
      ]);
    } finally {
      removeRepo(dir);
    }
  });
});
