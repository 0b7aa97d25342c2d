/**
 * PolicyTest: typed expectations in the construct tree, evaluated through the engine and written
 * as a `.kyverno-test/` suite that runs to the same results.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { RuleStatus } from '../../src/engine';
import { ClusterPolicy, ConditionOperator, FailureAction } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { KyvernoTestSuite, PolicyTest } from '../../src/testing';

function fixture() {
  const app: App = Testing.app();
  const repo = new PolicyRepo(app, 'security', { environments: ['dev', 'prd'] });
  const set = new PolicySet(repo, 'baseline', { version: '1.0.0' });
  new ClusterPolicy(set, 'require-non-root', {
    failureAction: FailureAction.ENFORCE,
    rules: [{
      name: 'run-as-non-root',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      validate: {
        message: 'containers must run as non-root',
        pattern: { spec: { containers: [{ securityContext: { runAsNonRoot: true } }] } },
      },
    }],
  });
  new ClusterPolicy(set, 'require-team-label', {
    rules: [{
      name: 'team',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      validate: { message: 'label team is required', pattern: { metadata: { labels: { team: '?*' } } } },
    }],
  });
  const test = new PolicyTest(set, 'pods', { namespace: 'apps' });
  // cdk8s-plus defaults to runAsNonRoot: true
  const web = new kplus.Deployment(test, 'web', { containers: [{ image: 'nginx:1.25', portNumber: 8080 }] });
  const root = new ApiObject(test, 'root-pod', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'root-pod', labels: { team: 'a' } },
    spec: { containers: [{ name: 'c', image: 'nginx', securityContext: { runAsNonRoot: false } }] },
  });
  const plusPod = new kplus.Pod(test, 'plus-pod', { containers: [{ image: 'busybox:1.36' }] });
  return { app, repo, set, test, web, root, plusPod };
}

test('run() evaluates every expectation through the engine (cdk8s-plus Deployment via autogen, Pods)', () => {
  const { test, web, root, plusPod } = fixture();
  test.expect(web, 'require-non-root', 'run-as-non-root', RuleStatus.PASS);
  test.expect(root, 'require-non-root', 'run-as-non-root', RuleStatus.FAIL);
  test.expect(root, 'require-team-label', 'team', RuleStatus.PASS);
  test.expect(plusPod, 'require-team-label', 'team', RuleStatus.FAIL);
  const report = test.run();
  expect(report.passed).toBe(true);
  expect(report.results.map((r) => [r.policy, r.rule, r.kind, r.resource, r.actual])).toEqual([
    ['require-non-root', 'run-as-non-root', 'Deployment', 'security-baseline-pods-web', 'pass'],
    ['require-non-root', 'run-as-non-root', 'Pod', 'root-pod', 'fail'],
    ['require-team-label', 'team', 'Pod', 'security-baseline-pods-plus-pod', 'fail'],
    ['require-team-label', 'team', 'Pod', 'root-pod', 'pass'],
  ]);
  expect(() => test.verify()).not.toThrow();
});

test('verify() throws a readable error listing every mismatch', () => {
  const { test, root, plusPod } = fixture();
  test.expect(root, 'require-non-root', 'run-as-non-root', RuleStatus.PASS);
  test.expect(plusPod, 'require-team-label', 'team', RuleStatus.PASS);
  expect(() => test.verify()).toThrow([
    'security/baseline/pods: 2 of 2 expectations do not hold:',
    '  require-non-root/run-as-non-root on Pod apps/root-pod: expected pass, got fail (validation error: containers must run as non-root. rule run-as-non-root failed at path /spec/containers/0/securityContext/runAsNonRoot/)',
    '  require-team-label/team on Pod apps/security-baseline-pods-plus-pod: expected pass, got fail (validation error: label team is required. rule team failed at path /metadata/labels/team/)',
  ].join('\n'));
});

test('test resources are not templates of the set', () => {
  const { set } = fixture();
  expect(set.render('dev').map((m) => m.kind)).toEqual(['ClusterPolicy', 'ClusterPolicy']);
});

test('writes a .kyverno-test suite that kyverno test (and our runner) reads back to the same results', () => {
  const { repo, test, web, root } = fixture();
  test.expect(web, 'require-non-root', 'run-as-non-root', RuleStatus.PASS);
  test.expect(root, 'require-non-root', 'run-as-non-root', RuleStatus.FAIL);
  const files = test.synthFiles();
  expect(files.map((f) => f.path)).toEqual([
    'tests/baseline/pods/.kyverno-test/kyverno-test.yaml',
    'tests/baseline/pods/.kyverno-test/policies.yaml',
    'tests/baseline/pods/.kyverno-test/resources.yaml',
  ]);
  expect(files[0].content).toBe([
    'apiVersion: cli.kyverno.io/v1alpha1',
    'kind: Test',
    'metadata:',
    '  name: pods',
    'policies:',
    '  - policies.yaml',
    'resources:',
    '  - resources.yaml',
    'results:',
    '  - policy: require-non-root',
    '    rule: run-as-non-root',
    '    kind: Deployment',
    '    result: pass',
    '    resources:',
    '      - apps/security-baseline-pods-web',
    '  - policy: require-non-root',
    '    rule: run-as-non-root',
    '    kind: Pod',
    '    result: fail',
    '    resources:',
    '      - apps/root-pod',
    '',
  ].join('\n'));
  const repoFiles = repo.synthFiles().map((f) => f.path);
  expect(repoFiles).toContain('tests/baseline/pods/.kyverno-test/kyverno-test.yaml');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-policytest-'));
  try {
    repo.synth(out);
    const report = KyvernoTestSuite.fromFile(path.join(out, 'tests/baseline/pods/.kyverno-test/kyverno-test.yaml')).run();
    expect(report.results.map((r) => [r.resource, r.expected, r.actual])).toEqual([['security-baseline-pods-web', 'pass', 'pass'], ['root-pod', 'fail', 'fail']]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('bad expectations are reported with the construct path, the field and what is allowed', () => {
  const { repo, test, root, set } = fixture();
  const other = new PolicyTest(set, 'other');
  test.expect(root, 'no-such-policy', 'x', RuleStatus.PASS);
  test.expect(root, 'require-team-label', 'nope', RuleStatus.PASS);
  const outside = new ApiObject(other, 'outside', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'o' } });
  test.expect(outside, 'require-team-label', 'team', RuleStatus.PASS);
  expect(() => repo.synthFiles()).toThrow(/security\/baseline\/pods: expectations\[0\]\.policy: no policy named "no-such-policy" in set baseline \(policies: require-non-root, require-team-label\)/);
  expect(() => repo.synthFiles()).toThrow(/expectations\[1\]\.rule: policy require-team-label has no rule "nope" \(rules: team\)/);
  expect(() => repo.synthFiles()).toThrow(/expectations\[2\]\.resource: security\/baseline\/other\/outside is not inside this test/);
});

test('values mock a live lookup (configMap) and set request.operation per resource; they go to values.yaml', () => {
  const app: App = Testing.app();
  const repo = new PolicyRepo(app, 'security', { environments: ['dev'] });
  const set = new PolicySet(repo, 'registries', { version: '1.0.0' });
  new ClusterPolicy(set, 'allowed-registries', {
    rules: [{
      name: 'registry',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      context: [{ name: 'allowed', configMap: { name: 'registries', namespace: 'kyverno' } }],
      preconditions: { all: [{ key: '{{ request.operation }}', operator: ConditionOperator.NOT_EQUALS, value: 'DELETE' }] },
      validate: {
        message: 'registry not allowed',
        deny: { conditions: { any: [{ key: '{{ images.containers.*.registry }}', operator: ConditionOperator.ANY_NOT_IN, value: '{{ allowed.data.list }}' }] } },
      },
    }],
  });
  const test = new PolicyTest(set, 'registry', {
    ruleValues: [{ policy: 'allowed-registries', rule: 'registry', values: { 'allowed.data.list': ['ghcr.io'] } }],
  });
  const good = new kplus.Pod(test, 'good', { containers: [{ image: 'ghcr.io/acme/app:1' }] });
  const bad = new kplus.Pod(test, 'bad', { containers: [{ image: 'docker.io/library/nginx:1' }] });
  const deleted = new kplus.Pod(test, 'deleted', { containers: [{ image: 'docker.io/library/nginx:1' }] });
  test.addResourceValues({ policy: 'allowed-registries', resource: deleted, values: { 'request.operation': 'DELETE' } });
  test.expect(good, 'allowed-registries', 'registry', RuleStatus.PASS);
  test.expect(bad, 'allowed-registries', 'registry', RuleStatus.FAIL);
  test.expect(deleted, 'allowed-registries', 'registry', RuleStatus.SKIP);
  test.verify();
  const values = test.synthFiles().find((f) => f.path.endsWith('values.yaml'))!;
  expect(values.content).toBe([
    'apiVersion: cli.kyverno.io/v1alpha1',
    'kind: Values',
    'policies:',
    '  - name: allowed-registries',
    '    rules:',
    '      - name: registry',
    '        values:',
    '          allowed.data.list:',
    '            - ghcr.io',
    '    resources:',
    '      - name: security-registries-registry-deleted',
    '        values:',
    '          request.operation: DELETE',
    '',
  ].join('\n'));
});
