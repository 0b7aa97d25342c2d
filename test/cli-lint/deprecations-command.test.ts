import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { capture } from './capture';
import { run } from '../../src/cli/commands/deprecations';

describe('policy-platform deprecations', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deprecations-cli-'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), [
      'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\n  namespace: jobs\n',
      'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: fs\n',
    ].join('---\n'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('deprecated only: listed, exit 0', async () => {
    const r = await capture(run, [dir, '--k8s-version', 'v1.24']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `DEPRECATED ${path.join(dir, 'a.yaml')}:1 (document 0): batch/v1beta1 CronJob jobs/nightly: deprecated in v1.21, removed in v1.25; use batch/v1\n` +
      '0 removed, 1 deprecated at v1.24 (2 objects in 1 files)\n',
    );
  });

  test('removed at the target: exit 1', async () => {
    const r = await capture(run, [path.join(dir, 'a.yaml'), '--k8s-version=1.32']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('REMOVED'))).toEqual([
      `REMOVED    ${path.join(dir, 'a.yaml')}:1 (document 0): batch/v1beta1 CronJob jobs/nightly: removed in v1.25; use batch/v1`,
      `REMOVED    ${path.join(dir, 'a.yaml')}:7 (document 1): flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema fs: removed in v1.32; use flowcontrol.apiserver.k8s.io/v1`,
    ]);
  });

  test('--json prints the report', async () => {
    const r = await capture(run, [dir, '--k8s-version', 'v1.29', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: any) => [f.kind, f.lifecycle, f.documentIndex])).toEqual([['CronJob', 'removed', 0], ['FlowSchema', 'deprecated', 1]]);
  });

  test('bad usage exits 2 with a message; a manifest file that does not parse is an error, except for pluto\'s exit codes', async () => {
    expect(await capture(run, [dir])).toMatchObject({ code: 2, stderr: expect.stringContaining('--k8s-version is required') });
    expect(await capture(run, ['--k8s-version', 'v1.29'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no path given') });
    expect(await capture(run, [dir, '--k8s-version', 'one'])).toMatchObject({ code: 2, stderr: expect.stringContaining('"one" is not a Kubernetes version') });
    expect(await capture(run, [dir, '--k8s-version', 'v1.29', '--exit-codes', 'helm'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--exit-codes: "helm" is not one of default, pluto') });
    fs.writeFileSync(path.join(dir, 'b.yaml'), 'a: [\n');
    const r = await capture(run, [dir, '--k8s-version', 'v1.20']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*b\.yaml: not YAML or JSON \(line \d+: .*\) \(pluto skips it; here it is an error\)\n/);
    // pluto logs the file and goes on: its exit code counts findings only
    const pluto = await capture(run, [dir, '--k8s-version', 'v1.20', '--exit-codes', 'pluto']);
    expect(pluto.code).toBe(0);
  });

  /**
   * `--exit-codes pluto`: Pluto's return code (pkg/api/output.go GetReturnCode: "exit 2 - version
   * deprecated, exit 3 - version removed"; removals win), 1 on an error.
   */
  test.each([
    ['nothing deprecated at v1.20', 'v1.20', 0],
    ['deprecated only at v1.24', 'v1.24', 2],
    ['removed at v1.25 (and deprecated)', 'v1.29', 3],
    ['removed only at v1.32', 'v1.32', 3],
  ])('--exit-codes pluto: %s', async (_name, version, code) => {
    expect((await capture(run, [dir, '--k8s-version', version, '--exit-codes', 'pluto'])).code).toBe(code);
  });

  test('--exit-codes pluto: a missing path is an error (1)', async () => {
    expect(await capture(run, [path.join(dir, 'nope'), '--k8s-version', 'v1.29', '--exit-codes', 'pluto'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file or directory') });
  });
});
