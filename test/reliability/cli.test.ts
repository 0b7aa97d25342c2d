/**
 * The command line: output is never lost when piped, exit codes never lie, user errors print once
 * without a stack trace (stack only with --debug), internal errors say so.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tmpDir } from './support';
import { errorReport } from '../../src/cli/cli-errors';
import { run as conformance } from '../../src/cli/commands/conformance';
import { run as deprecations } from '../../src/cli/commands/deprecations';
import { run as lint } from '../../src/cli/commands/lint';
import { main } from '../../src/cli/main';
import { TreeValidationError } from '../../src/core/validate-tree';
import { capture } from '../cli-lint/capture';

const ROOT = path.join(__dirname, '..', '..');
const CLI = ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src', 'cli', 'main.ts')];
const ENV = { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.scripts.json') };

/** A kyverno test suite with one policy and `n` Pods: n result rows. */
function bigSuite(n: number): string {
  const dir = tmpDir('cli-suite-');
  fs.writeFileSync(path.join(dir, 'policy.yaml'), 'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: require-name}\nspec:\n  rules:\n  - name: check\n'
    + '    match: {any: [{resources: {kinds: [Pod]}}]}\n    validate: {message: m, pattern: {metadata: {name: "?*"}}}\n');
  const names = Array.from({ length: n }, (_, i) => `pod-${String(i).padStart(5, '0')}`);
  fs.writeFileSync(path.join(dir, 'resources.yaml'), names.map((name) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: default}\nspec: {containers: [{name: c, image: nginx}]}\n`).join('---\n'));
  fs.writeFileSync(path.join(dir, 'kyverno-test.yaml'), 'apiVersion: cli.kyverno.io/v1alpha1\nkind: Test\nmetadata: {name: big}\npolicies: [policy.yaml]\nresources: [resources.yaml]\n'
    + `results:\n- {policy: require-name, rule: check, kind: Pod, resources: [${names.join(', ')}], result: pass}\n`);
  return dir;
}

describe('output through a pipe', () => {
  test('every row of a large `test --json` run reaches a slow reader, and the exit code survives the pipe', () => {
    const suite = bigSuite(3000);
    const script = `node ${CLI.map((a) => `'${a}'`).join(' ')} test '${suite}' --json | (sleep 1; wc -l); exit \${PIPESTATUS[0]}`;
    const r = spawnSync('bash', ['-c', script], { env: ENV, encoding: 'utf-8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('3000');
    expect(r.status).toBe(0);
  }, 150_000);

  test('a user error prints once, without a stack trace; --debug adds it', () => {
    const bad = path.join(tmpDir('cli-bad-'), 'bad.yaml');
    fs.writeFileSync(bad, 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n');
    const plain = spawnSync('node', [...CLI, 'deprecations', bad, '--k8s-version', 'v1.29'], { env: ENV, encoding: 'utf-8' });
    expect(plain.status).toBe(2);
    expect(plain.stdout).toBe('');
    expect(plain.stderr.split('\n').filter((l) => l.startsWith('error: '))).toHaveLength(1);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('exit codes and messages', () => {
  test('conformance on a folder without suites exits 1: "no suites found", never 100%', async () => {
    const dir = tmpDir('cli-empty-');
    const r = await capture(conformance, [dir]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `policy-platform conformance: no suites found (no kyverno-test.yaml under ${dir})\n` });
  });

  test('conformance on a missing folder says so', async () => {
    const r = await capture(conformance, ['/nonexistent/suites']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'policy-platform conformance: the folder /nonexistent/suites does not exist\n' });
  });

  test('lint on a missing folder says the folder is missing', async () => {
    expect(await capture(lint, ['/nonexistent/repo'])).toEqual({ code: 2, stdout: '', stderr: 'policy-platform lint: the folder /nonexistent/repo does not exist\n' });
  });

  test('lint on a file says it is not a folder', async () => {
    const file = path.join(tmpDir('cli-file-'), 'values.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    expect(await capture(lint, [file])).toEqual({ code: 2, stdout: '', stderr: `policy-platform lint: ${file} is a file, not a repository folder\n` });
  });

  test('deprecations on malformed YAML exits 2 without a clean-looking summary', async () => {
    const dir = tmpDir('cli-yaml-');
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n');
    fs.writeFileSync(path.join(dir, 'good.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n');
    const r = await capture(deprecations, [dir, '--k8s-version', 'v1.29']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*bad\.yaml: not YAML or JSON \(line 4: .*\) \(pluto skips it; here it is an error\)\n/);
    expect(r.stderr).toContain('policy-platform deprecations: 1 file(s) could not be scanned; no summary is printed until every file is valid YAML\n');
  });

  test('an unknown command exits 2', async () => {
    const r = await capture(main, ['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Unknown command 'frobnicate'\.\nUsage: policy-platform <command>/);
  });

  test('user errors print their message once, without a stack; internal errors say they are a bug', () => {
    const user = new TreeValidationError(['repo: environments: at least one environment is required']);
    expect(errorReport('test', user, false)).toEqual({ code: 2, text: `policy-platform test: ${user.message}\n` });
    expect(errorReport('test', user, true).text).toContain('\n    at ');
    const bug = new TypeError('x is undefined');
    expect(errorReport('lint', bug, false)).toEqual({
      code: 3,
      text: 'policy-platform lint: internal error, a bug in cdk8s-policy-platform (run again with --debug for the stack trace): x is undefined\n',
    });
  });

  test('the installed bin runs from a compiled-like entry (node resolves main.ts through ts-node): --help exits 0', () => {
    const out = execFileSync('node', [...CLI, '--help'], { env: ENV, encoding: 'utf-8' });
    expect(out).toContain('Exit codes: 0 success, 1 findings (mismatches, errors found), 2 bad usage or bad input, 3 internal error.');
  }, 60_000);
});
