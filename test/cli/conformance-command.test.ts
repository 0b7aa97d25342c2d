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
const MUTATE = `    mutate:
      patchStrategicMerge:
        metadata:
          labels:
            a: b
`;
const GENERATE = `    generate:
      kind: ConfigMap
      name: x
      namespace: default
      data: {}
`;
const LIVE_LOOKUP = `    context:
    - name: pods
      apiCall:
        urlPath: /api/v1/pods
    validate:
      deny:
        conditions:
          any:
          - {key: '{{ length(pods.items) }}', operator: GreaterThan, value: 10}
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

test('prints agreement per kind and names out-of-scope suites', async () => {
  suite(tmp, 'right', POLICY('right', PATTERN), 'fail');
  suite(tmp, 'mutating', POLICY('mutating', MUTATE), 'pass');
  suite(tmp, 'generating', POLICY('generating', GENERATE), 'pass');
  suite(tmp, 'looking-up', POLICY('looking-up', LIVE_LOOKUP), 'pass');
  expect(await run([tmp])).toBe(0);
  expect(out).toContain('4 suites, 3 in scope, 1 out of scope');
  expect(out).toMatch(/pattern\s+1\s+1\s+100\.0%/);
  expect(out).toMatch(/mutate\s+1\s+1\s+100\.0%/);
  expect(out).toMatch(/generate\s+1\s+1\s+100\.0%/);
  expect(out).toContain('looking-up: rule looking-up/r needs a live apiCall ("pods")');
});

test('exits 1 under the target; --min overrides it', async () => {
  suite(tmp, 'right', POLICY('right', PATTERN), 'fail');
  suite(tmp, 'wrong', POLICY('wrong', PATTERN), 'pass');
  expect(await run([tmp])).toBe(1);
  expect(await run([tmp, '--min', '50'])).toBe(0);
});
