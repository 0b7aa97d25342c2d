/**
 * `policy-platform test`: exit codes, table and --json output (every Test document of a file).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands/test';

const POLICY = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: disallow-host-network
spec:
  rules:
  - name: host-network
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      message: hostNetwork is not allowed
      pattern:
        spec:
          =(hostNetwork): false
`;
const RESOURCES = `apiVersion: v1
kind: Pod
metadata:
  name: good
spec:
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  hostNetwork: true
  containers: [{name: c, image: nginx}]
`;

function suite(dir: string, results: string): string {
  const d = path.join(dir, '.kyverno-test');
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(dir, 'policy.yaml'), POLICY);
  fs.writeFileSync(path.join(d, 'resources.yaml'), RESOURCES);
  fs.writeFileSync(path.join(d, 'kyverno-test.yaml'), `apiVersion: cli.kyverno.io/v1alpha1
kind: Test
metadata:
  name: host-network
policies: [../policy.yaml]
resources: [resources.yaml]
results:
${results}`);
  return dir;
}

const RIGHT = `- {policy: disallow-host-network, rule: host-network, kind: Pod, resources: [good], result: pass}
- {policy: disallow-host-network, rule: host-network, kind: Pod, resources: [bad], result: fail}
`;
const WANTED_FAIL_PASSES = `- {policy: disallow-host-network, rule: host-network, kind: Pod, resources: [good], result: fail}
`;

let tmp: string;
let out: string;
let err: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-test-'));
  out = '';
  err = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((s: any) => { out += String(s); return true; });
  jest.spyOn(process.stderr, 'write').mockImplementation((s: any) => { err += String(s); return true; });
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('exit 0 and a results table when every result matches; suites are found recursively', async () => {
  suite(path.join(tmp, 'a', 'b'), RIGHT);
  expect(await run([tmp])).toBe(0);
  expect(out).toMatch(/host-network\s+disallow-host-network\s+host-network\s+Pod\/good\s+pass\s+pass\s+ok/);
  expect(out).toMatch(/Pod\/bad\s+fail\s+fail\s+ok/);
  expect(out).toContain('1 suite(s), 2 result(s), 2 matched, 0 mismatched');
});

test('a wanted fail that passes is a mismatch and exits 1', async () => {
  suite(tmp, WANTED_FAIL_PASSES);
  expect(await run([tmp])).toBe(1);
  expect(out).toContain('MISMATCH');
  expect(out).toContain('disallow-host-network/host-network on Pod/good: expected fail, got pass');
});

test('--json prints one object per result', async () => {
  suite(tmp, RIGHT);
  expect(await run([tmp, '--json'])).toBe(0);
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  const file = fs.realpathSync(path.join(tmp, '.kyverno-test', 'kyverno-test.yaml'));
  const row = { file, test: 'host-network', policy: 'disallow-host-network', policyKind: 'ClusterPolicy', rule: 'host-network', ruleType: 'pattern', kind: 'Pod', matched: true };
  expect(lines).toEqual([
    { ...row, resource: 'good', expected: 'pass', actual: 'pass', reason: "validation rule 'host-network' passed." },
    { ...row, resource: 'bad', expected: 'fail', actual: 'fail', reason: expect.stringContaining('hostNetwork is not allowed') },
  ]);
});

test('usage errors exit 2; a directory without suites exits 1; an unloadable suite exits 1', async () => {
  expect(await run([])).toBe(2);
  expect(await run(['--bogus'])).toBe(2);
  expect(await run([path.join(tmp, 'missing')])).toBe(2);
  expect(await run([tmp])).toBe(1);
  expect(err).toContain('no kyverno-test.yaml found');
  fs.writeFileSync(path.join(tmp, 'kyverno-test.yaml'), 'kind: Test\nresults: []\npolicies: [nope.yaml]\n');
  expect(await run([tmp])).toBe(1);
  expect(err).toContain('file "nope.yaml" does not exist');
});

test('--json over a file with two Test documents prints the rows of both, with file, policy kind and rule type', async () => {
  const fixture = path.join(__dirname, '..', 'testing', 'fixtures', 'kyverno-test-file', 'kyverno-test.yaml');
  expect(await run([fixture, '--json'])).toBe(0);
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.map((l) => [l.test, l.policyKind, l.ruleType, l.resource, l.actual])).toEqual([
    ['team-annotations', 'ClusterPolicy', 'deny', 'with-value', 'pass'],
    ['team-annotations', 'ClusterPolicy', 'deny', 'without-value', 'error'],
    ['team-annotations', 'ClusterPolicy', 'deny', 'with-value', 'fail'],
    ['team-annotations', 'ClusterPolicy', 'deny', 'team-settings', 'fail'],
    ['team-annotations', 'Policy', 'pattern', 'team-settings', 'pass'],
    ['pod-quota', 'ClusterPolicy', 'deny', 'new-pod', 'fail'],
    ['pod-quota', 'ClusterPolicy', 'deny', 'new-pod', 'pass'],
  ]);
  expect(new Set(lines.map((l) => l.file))).toEqual(new Set([path.resolve(fixture)]));
});
