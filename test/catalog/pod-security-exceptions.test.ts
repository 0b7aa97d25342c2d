/**
 * `PodSecurityProfile.addException` proven by evaluation: a resource that fails a control without
 * the exception is skipped with it (Kyverno reports exceptions as skip), for that control only,
 * and the generated `.kyverno-test/` suite carries the exception.
 * @see https://kyverno.io/docs/exceptions/
 */
import { ApiObject, App } from 'cdk8s';
import * as catalog from '../../src/catalog';
import { RuleStatus } from '../../src/engine';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { PolicyTest } from '../../src/testing';

function daemonSet(test: PolicyTest, name: string, hostNetwork: boolean): ApiObject {
  return new ApiObject(test, name, {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'monitoring' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          hostNetwork,
          containers: [{ name: 'agent', image: 'quay.io/prometheus/node-exporter:v1.8.2', volumeMounts: [{ name: 'proc', mountPath: '/host/proc' }] }],
          volumes: [{ name: 'proc', hostPath: { path: '/proc' } }],
        },
      },
    },
  });
}

function build(withException: boolean) {
  const repo = new PolicyRepo(new App(), 'security', { environments: ['dev'] });
  const set = new PolicySet(repo, 'pss', { version: '1.0.0' });
  const baseline = new catalog.PodSecurityBaseline(set, 'baseline');
  if (withException) {
    baseline.addException('node-exporter', catalog.PodSecurityControl.HOST_PATH, {
      reason: 'node-exporter reads the host /proc and /sys, approved by security until 2027',
      namespace: 'kyverno',
      match: { any: [{ resources: { kinds: ['DaemonSet', 'Pod'], namespaces: ['monitoring'], names: ['node-exporter*'] } }] },
    });
  }
  const test = new PolicyTest(set, 'node-agents');
  const exporter = daemonSet(test, 'node-exporter', true);
  const other = daemonSet(test, 'log-agent', false);
  return { repo, test, exporter, other };
}

const outcome = (test: PolicyTest) => test.run().results.map((r) => `${r.policy}/${r.rule} ${r.resource}: ${r.actual}`);

describe('PodSecurityBaseline.addException by evaluation', () => {
  test('without the exception, the hostPath DaemonSet fails disallow-host-path', () => {
    const { test, exporter, other } = build(false);
    test.expect(exporter, 'disallow-host-path', 'autogen-host-path', RuleStatus.FAIL);
    test.expect(other, 'disallow-host-path', 'autogen-host-path', RuleStatus.FAIL);
    expect(outcome(test)).toEqual([
      'disallow-host-path/autogen-host-path log-agent: fail',
      'disallow-host-path/autogen-host-path node-exporter: fail',
    ]);
    test.verify();
  });

  test('with it, the matched DaemonSet is skipped for that control only; other resources and controls still fail', () => {
    const { test, exporter, other } = build(true);
    test.expect(exporter, 'disallow-host-path', 'autogen-host-path', RuleStatus.SKIP);
    test.expect(other, 'disallow-host-path', 'autogen-host-path', RuleStatus.FAIL);
    test.expect(exporter, 'disallow-host-namespaces', 'autogen-host-namespaces', RuleStatus.FAIL);
    const report = test.run();
    expect(report.results.map((r) => `${r.policy}/${r.rule} ${r.resource}: ${r.actual}`)).toEqual([
      'disallow-host-namespaces/autogen-host-namespaces node-exporter: fail',
      'disallow-host-path/autogen-host-path log-agent: fail',
      'disallow-host-path/autogen-host-path node-exporter: skip',
    ]);
    expect(report.results.find((r) => r.actual === 'skip')!.reason).toBe('rule is skipped due to policy exception kyverno/disallow-host-path-node-exporter');
    test.verify();
  });

  test('the generated suite carries the exception for kyverno test', () => {
    const { repo, test, exporter } = build(true);
    test.expect(exporter, 'disallow-host-path', 'autogen-host-path', RuleStatus.SKIP);
    const files = repo.synthFiles().filter((f) => f.path.startsWith('tests/pss/node-agents/.kyverno-test/'));
    const suite = files.find((f) => f.path.endsWith('kyverno-test.yaml'))!.content;
    expect(suite).toContain('exceptions:\n  - exceptions.yaml\n');
    const exceptions = files.find((f) => f.path.endsWith('exceptions.yaml'))!.content;
    expect(exceptions).toContain('name: disallow-host-path-node-exporter');
  });
});
