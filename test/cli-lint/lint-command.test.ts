import { capture } from './capture';
import { run } from '../../src/cli/commands/lint';
import { removeRepo, writeRepo } from '../values-lint/repo-fixture';

const RULES = [
  'rules:',
  '  required-fields:',
  '    given: $',
  '    severity: error',
  '    then: {field: name, function: truthy}',
  '  replica-count:',
  '    given: $.replicas',
  '    severity: warn',
  '    then: {function: schema, functionOptions: {schema: {type: integer, maximum: 10}}}',
].join('\n') + '\n';

describe('policy-platform lint', () => {
  let dir: string;
  beforeEach(() => {
    dir = writeRepo({
      '.spectral.yaml': RULES,
      'charts/app/values.yaml': 'name: app\nreplicas: 1\n',
      'cd/dev/values.yaml': 'replicas: 20\n',
      'cd/prd/values.yaml': 'name: ""\n',
    });
  });
  afterEach(() => removeRepo(dir));

  test('warnings only: listed, exit 0', async () => {
    const r = await capture(run, [dir, '--env', 'dev']);
    expect(r).toEqual({
      code: 0,
      stdout: 'dev app cd/dev/values.yaml:1 warn  replica-count $.replicas: "replicas" property must be <= 10\n' +
        '0 error(s), 1 warning(s), 1 result(s) in 1 chart(s) x 1 environment(s) (dev)\n',
      stderr: '',
    });
  });

  test('an error-severity result anywhere: exit 1', async () => {
    const r = await capture(run, [dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('prd app cd/prd/values.yaml:1 error required-fields $.name: "name" property must be truthy\n');
    expect(r.stdout).toContain('1 error(s), 1 warning(s), 2 result(s) in 1 chart(s) x 2 environment(s) (dev, prd)');
  });

  test('--json prints the report', async () => {
    const r = await capture(run, [dir, '--json', '--env=prd']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      environments: ['prd'],
      charts: ['app'],
      results: [{ environment: 'prd', chart: 'app', rule: 'required-fields', severity: 'error', message: '"name" property must be truthy', path: '$.name', file: 'cd/prd/values.yaml', line: 1 }],
      errorCount: 1,
      warningCount: 0,
      notes: [],
    });
  });

  test('no .spectral.yaml: skipped with a note (exit 0), an error with --require-ruleset (exit 2)', async () => {
    const bare = writeRepo({ 'charts/app/values.yaml': 'name: app\n', 'cd/dev/values.yaml': '{}\n' });
    try {
      expect(await capture(run, [bare])).toEqual({
        code: 0,
        stdout: 'note: .spectral.yaml: no ruleset, values lint skipped (--require-ruleset makes this an error)\n' +
          '0 error(s), 0 warning(s), 0 result(s) in 0 chart(s) x 0 environment(s) ()\n',
        stderr: '',
      });
      expect(await capture(run, [bare, '--require-ruleset'])).toEqual({
        code: 2,
        stdout: '',
        stderr: `policy-platform lint: ${bare}: invalid input\n  .spectral.yaml: no ruleset: the repository has no .spectral.yaml (required by --require-ruleset)\n`,
      });
    } finally {
      removeRepo(bare);
    }
  });

  test('a duplicate key in a values file: Helm keeps the last value, the lint says so', async () => {
    const dup = writeRepo({ '.spectral.yaml': RULES, 'charts/app/values.yaml': 'name: app\nreplicas: 1\n', 'cd/dev/values.yaml': 'replicas: 20\nreplicas: 2\n' });
    try {
      expect(await capture(run, [dup])).toEqual({
        code: 0,
        stdout: 'note: cd/dev/values.yaml:2: duplicate key "replicas" (also on line 1): Helm keeps the last value\n' +
          '0 error(s), 0 warning(s), 0 result(s) in 1 chart(s) x 1 environment(s) (dev)\n',
        stderr: '',
      });
    } finally {
      removeRepo(dup);
    }
  });

  test('malformed input and bad usage: exit 2 with a message, no stack trace', async () => {
    const bad = writeRepo({ '.spectral.yaml': 'rules:\n  a:\n    given: $\n    severity: warning\n    then: {function: truthy}\n', 'charts/app/values.yaml': 'a: 1\n' });
    try {
      const r = await capture(run, [bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`policy-platform lint: ${bad}: invalid input\n` +
        '  .spectral.yaml:4: rules.a.severity: the value has to be one of: 0, 1, 2, 3 or "error", "warn", "info", "hint", "off"\n');
      expect(r.stderr).not.toMatch(/\bat .+\.(ts|js):\d+/);
    } finally {
      removeRepo(bad);
    }
    expect(await capture(run, [])).toMatchObject({ code: 2, stderr: expect.stringContaining('no repository directory given') });
    expect(await capture(run, [dir, '--env'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--env needs a value') });
    expect(await capture(run, [dir, '--env', 'qa'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cd/qa: unknown environment "qa" (found: dev, prd)') });
  });
});
