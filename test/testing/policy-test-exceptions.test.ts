/**
 * PolicyTest with PolicyExceptions: exceptions in the repository's sets (or inside the test) are
 * in force when the test runs, and are written into the `.kyverno-test/` suite (`exceptions:`) so
 * that kyverno test skips the same rules.
 * @see https://kyverno.io/docs/exceptions/
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { writeFiles } from '../../src/core/file-writer';
import { RuleStatus } from '../../src/engine';
import { ClusterPolicy, PolicyException } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { KyvernoTestSuite, PolicyTest } from '../../src/testing';

const REASON = 'node agents need the host network, approved by the platform team until 2027';

function fixture() {
  const app: App = Testing.app();
  const repo = new PolicyRepo(app, 'security', { environments: ['dev'] });
  const set = new PolicySet(repo, 'baseline', { version: '1.0.0' });
  const policy = new ClusterPolicy(set, 'disallow-host-network', {
    rules: [{
      name: 'host-network',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      validate: { message: 'hostNetwork is not allowed', pattern: { spec: { '=(hostNetwork)': false } } },
    }],
  });
  const exceptions = new PolicySet(repo, 'exceptions', { version: '1.0.0' });
  new PolicyException(exceptions, 'node-agent', {
    namespace: 'kyverno',
    reason: REASON,
    exceptions: [PolicyException.targetOf(policy, undefined, true)],
    match: { any: [{ resources: { kinds: ['Pod', 'DaemonSet'], namespaces: ['monitoring'], names: ['node-agent*'] } }] },
  });
  const test = new PolicyTest(set, 'host-network');
  const hostNetworkPod = (id: string, name: string, namespace: string) => new ApiObject(test, id, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { hostNetwork: true, containers: [{ name: 'c', image: 'busybox:1.36' }] },
  });
  const agent = hostNetworkPod('agent', 'node-agent-1', 'monitoring');
  const other = hostNetworkPod('other', 'web', 'monitoring');
  return { repo, set, policy, test, agent, other };
}

test('an exception in another set of the repository turns the matching resource\'s result into skip', () => {
  const { test, agent, other } = fixture();
  test.expect(agent, 'disallow-host-network', 'host-network', RuleStatus.SKIP);
  test.expect(other, 'disallow-host-network', 'host-network', RuleStatus.FAIL);
  const report = test.run();
  expect(report.results.map((r) => [r.resource, r.actual, r.reason])).toEqual([
    ['web', 'fail', 'validation error: hostNetwork is not allowed. rule host-network failed at path /spec/hostNetwork/'],
    ['node-agent-1', 'skip', 'rule is skipped due to policy exception kyverno/node-agent'],
  ]);
  expect(report.passed).toBe(true);
});

test('a wrong expectation still fails: the excepted resource does not fail', () => {
  const { test, agent } = fixture();
  test.expect(agent, 'disallow-host-network', 'host-network', RuleStatus.FAIL);
  expect(() => test.verify()).toThrow(/disallow-host-network\/host-network on Pod monitoring\/node-agent-1: expected fail, got skip \(rule is skipped due to policy exception kyverno\/node-agent\)/);
});

test('the suite lists the exceptions file, and kyverno test (our runner) reads it back with the same results', () => {
  const { repo, test, agent, other } = fixture();
  test.expect(agent, 'disallow-host-network', 'host-network', RuleStatus.SKIP);
  test.expect(other, 'disallow-host-network', 'host-network', RuleStatus.FAIL);
  const files = repo.synthFiles().filter((f) => f.path.startsWith('tests/baseline/host-network/.kyverno-test/'));
  expect(files.map((f) => path.basename(f.path))).toEqual(['exceptions.yaml', 'kyverno-test.yaml', 'policies.yaml', 'resources.yaml']);
  const suite = files.find((f) => f.path.endsWith('kyverno-test.yaml'))!.content;
  expect(suite).toContain('exceptions:\n  - exceptions.yaml\n');
  const exceptions = files.find((f) => f.path.endsWith('exceptions.yaml'))!.content;
  expect(exceptions).toContain('kind: PolicyException');
  expect(exceptions).toContain('      - autogen-host-network\n');
  // exceptions are not test resources
  expect(files.find((f) => f.path.endsWith('resources.yaml'))!.content).not.toContain('PolicyException');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-test-exceptions-'));
  try {
    writeFiles(tmp, files);
    const report = KyvernoTestSuite.fromFile(path.join(tmp, 'tests', 'baseline', 'host-network', '.kyverno-test', 'kyverno-test.yaml')).run();
    expect(report.results.map((r) => [r.resource, r.actual])).toEqual([['web', 'fail'], ['node-agent-1', 'skip']]);
    expect(report.passed).toBe(true);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('an exception created inside the test applies to it (a cdk8s-plus DaemonSet via the autogen rule name)', () => {
  const app: App = Testing.app();
  const repo = new PolicyRepo(app, 'security', { environments: ['dev'] });
  const set = new PolicySet(repo, 'baseline', { version: '1.0.0' });
  const policy = new ClusterPolicy(set, 'require-team-label', {
    rules: [{
      name: 'team',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      validate: { message: 'label team is required', pattern: { metadata: { labels: { team: '?*' } } } },
    }],
  });
  const test = new PolicyTest(set, 'agents', { namespace: 'monitoring' });
  const agent = new kplus.DaemonSet(test, 'agent', { containers: [{ image: 'busybox:1.36' }] });
  test.expect(agent, 'require-team-label', 'autogen-team', RuleStatus.FAIL);
  expect(test.run().passed).toBe(true);

  new PolicyException(test, 'agents-exception', {
    reason: REASON,
    exceptions: [PolicyException.targetOf(policy, undefined, true)],
    match: { any: [{ resources: { kinds: ['DaemonSet'], namespaces: ['monitoring'] } }] },
  });
  expect(test.exceptions().map((e) => `${e.metadata.namespace}/${e.metadata.name}`)).toEqual(['monitoring/agents-exception']);
  expect(test.resources.map((r) => r.kind)).toEqual(['DaemonSet']);
  const report = test.run();
  expect(report.results.map((r) => [r.rule, r.actual])).toEqual([['autogen-team', 'skip']]);
  expect(report.passed).toBe(false);
});
