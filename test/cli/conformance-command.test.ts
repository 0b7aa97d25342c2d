/**
 * `policy-platform conformance`: agreement per kind of policy, out-of-scope suites named, and a
 * non-zero exit under the target.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands/conformance';

const POLICY = (name: string, body: string) => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: ${name}
spec:
  rules:
  - name: r
    match:
      any:
      - resources:
          kinds: [Pod]
${body}`;
const PATTERN = `    validate:
      pattern:
        spec:
          =(hostNetwork): false
`;
const VERIFY_IMAGES = `    verifyImages:
    - imageReferences: ['*']
      attestors:
      - entries:
        - keyless: {subject: me, issuer: 'https://issuer'}
`;
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  hostNetwork: true\n  containers: [{name: c, image: nginx}]\n';

function suite(root: string, name: string, policy: string, result: string): void {
  const d = path.join(root, name);
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(d, 'policy.yaml'), policy);
  fs.writeFileSync(path.join(d, 'resource.yaml'), POD);
  fs.writeFileSync(path.join(d, 'kyverno-test.yaml'), `kind: Test\nmetadata: {name: ${name}}\npolicies: [policy.yaml]\nresources: [resource.yaml]\nresults:\n- {policy: ${name}, rule: r, kind: Pod, resources: [bad], result: ${result}}\n`);
}

let tmp: string;
let out: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-conf-'));
  out = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((s: any) => { out += String(s); return true; });
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('counts every suite: a rule the engine cannot evaluate is a miss listed with its reason', async () => {
  suite(tmp, 'right', POLICY('right', PATTERN), 'fail');
  suite(tmp, 'verifying', POLICY('verifying', VERIFY_IMAGES), 'pass');
  expect(await run([tmp, '--min', '50'])).toBe(0);
  expect(out).toContain('2 suite files, 2 Test documents, 0 not loadable');
  expect(out).toMatch(/pattern\s+1\s+1\s+100\.0%/);
  expect(out).toMatch(/verifyImages\s+0\s+1\s+0\.0%/);
  expect(out).toMatch(/total\s+1\s+2\s+50\.0%/);
  expect(out).toContain('[verifyImages] verifying: verifying/r Pod/bad: expected pass, got unsupported (verifyImages needs a registry: docker.io/nginx:latest matches imageReferences');
});

test('the default target is 98% of all expected results', async () => {
  suite(tmp, 'right', POLICY('right', PATTERN), 'fail');
  suite(tmp, 'verifying', POLICY('verifying', VERIFY_IMAGES), 'pass');
  expect(await run([tmp])).toBe(1);
});

test('a suite that cannot be loaded counts as a miss with the error', async () => {
  suite(tmp, 'right', POLICY('right', PATTERN), 'fail');
  fs.mkdirSync(path.join(tmp, 'broken'));
  fs.writeFileSync(path.join(tmp, 'broken', 'kyverno-test.yaml'), 'kind: Test\nmetadata: {name: broken}\npolicies: [missing.yaml]\nresults: []\n');
  expect(await run([tmp, '--min', '50'])).toBe(0);
  expect(out).toMatch(/total\s+1\s+2\s+50\.0%/);
  expect(out).toContain('[load] broken: suite: expected loaded, got load error');
  expect(out).toContain('policies: file "missing.yaml" does not exist');
});

test('exits 1 under the target; --min overrides it', async () => {
  suite(tmp, 'right', POLICY('right', PATTERN), 'fail');
  suite(tmp, 'wrong', POLICY('wrong', PATTERN), 'pass');
  expect(await run([tmp])).toBe(1);
  expect(await run([tmp, '--min', '50'])).toBe(0);
});
