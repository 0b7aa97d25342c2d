/**
 * PolicyExceptions in the engine, cases from https://kyverno.io/docs/exceptions/ : an exception
 * naming the policy and rule (wildcards, autogen names) whose match selects the resource (and
 * whose conditions hold) turns the rule's result into skip; podSecurity exceptions exempt controls.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pod } from './helpers';
import { PolicyEngine } from '../../src/engine';
import { KyvernoTestSuite } from '../../src/testing';

/** The docs' disallow-host-namespaces policy (one rule, autogen for controllers). */
const hostNamespaces = {
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name: 'disallow-host-namespaces' },
  spec: {
    rules: [{
      name: 'host-namespaces',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      validate: {
        message: 'Sharing the host namespaces is disallowed.',
        pattern: { spec: { '=(hostPID)': 'false', '=(hostIPC)': 'false', '=(hostNetwork)': 'false' } },
      },
    }],
  },
};

/** The docs' delta-exception: Deployments named important-tool* in namespace delta. */
function deltaException(extra: any = {}): any {
  return {
    apiVersion: 'kyverno.io/v2',
    kind: 'PolicyException',
    metadata: { name: 'delta-exception', namespace: 'delta' },
    spec: {
      exceptions: [{ policyName: 'disallow-host-namespaces', ruleNames: ['host-namespaces', 'autogen-host-namespaces'] }],
      match: { any: [{ resources: { kinds: ['Pod', 'Deployment'], namespaces: ['delta'], names: ['important-tool*'] } }] },
      ...extra,
    },
  };
}

function deployment(name: string, namespace: string, podSpec: any, labels: any = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], ...podSpec } } },
  };
}

const statuses = (policy: any, resource: any, exceptions?: any[]) =>
  PolicyEngine.evaluate(policy, resource, { exceptions }).map((r) => `${r.rule}=${r.status}`);

describe('PolicyException turns a matching rule result into skip', () => {
  const bad = deployment('important-tool', 'delta', { hostIPC: true });

  test('without the exception the autogen rule fails; with it, it is skipped naming the exception', () => {
    expect(statuses(hostNamespaces, bad)).toEqual(['autogen-host-namespaces=fail']);
    const [r] = PolicyEngine.evaluate(hostNamespaces, bad, { exceptions: [deltaException()] });
    expect(r).toMatchObject({ rule: 'autogen-host-namespaces', status: 'skip', message: 'rule is skipped due to policy exception delta/delta-exception' });
  });

  test('a resource the exception does not match is still checked (other name, other namespace)', () => {
    expect(statuses(hostNamespaces, deployment('other-tool', 'delta', { hostIPC: true }), [deltaException()])).toEqual(['autogen-host-namespaces=fail']);
    expect(statuses(hostNamespaces, deployment('important-tool', 'gamma', { hostIPC: true }), [deltaException()])).toEqual(['autogen-host-namespaces=fail']);
  });

  test('the rule must be named: without the autogen name, a Deployment is not exempted (a Pod is)', () => {
    const podOnly = deltaException();
    podOnly.spec.exceptions = [{ policyName: 'disallow-host-namespaces', ruleNames: ['host-namespaces'] }];
    expect(statuses(hostNamespaces, bad, [podOnly])).toEqual(['autogen-host-namespaces=fail']);
    expect(statuses(hostNamespaces, pod({ hostIPC: true }, { name: 'important-tool-1', namespace: 'delta' }), [podOnly])).toEqual(['host-namespaces=skip']);
  });

  test('policy and rule names take wildcards; another policy is untouched', () => {
    const wild = deltaException();
    wild.spec.exceptions = [{ policyName: 'disallow-host-*', ruleNames: ['*host-namespaces'] }];
    expect(statuses(hostNamespaces, bad, [wild])).toEqual(['autogen-host-namespaces=skip']);
    const other = deltaException();
    other.spec.exceptions = [{ policyName: 'require-labels', ruleNames: ['*'] }];
    expect(statuses(hostNamespaces, bad, [other])).toEqual(['autogen-host-namespaces=fail']);
  });

  test('conditions must hold too (evaluated on the request)', () => {
    const cond = deltaException({ conditions: { any: [{ key: '{{ request.object.metadata.labels.app || \'\' }}', operator: 'Equals', value: 'busybox' }] } });
    expect(statuses(hostNamespaces, bad, [cond])).toEqual(['autogen-host-namespaces=fail']);
    const labelled = deployment('important-tool', 'delta', { hostIPC: true }, { app: 'busybox' });
    expect(statuses(hostNamespaces, labelled, [cond])).toEqual(['autogen-host-namespaces=skip']);
  });

  test('a namespaced Policy is named <namespace>/<name> in an exception', () => {
    const nsPolicy = { ...hostNamespaces, kind: 'Policy', metadata: { name: 'disallow-host-namespaces', namespace: 'delta' } };
    expect(statuses(nsPolicy, bad, [deltaException()])).toEqual(['autogen-host-namespaces=fail']);
    const qualified = deltaException();
    qualified.spec.exceptions = [{ policyName: 'delta/disallow-host-namespaces', ruleNames: ['autogen-host-namespaces'] }];
    expect(statuses(nsPolicy, bad, [qualified])).toEqual(['autogen-host-namespaces=skip']);
  });
});

// https://kyverno.io/docs/exceptions/#pod-security-exemptions
describe('podSecurity exceptions exempt controls, not the whole rule', () => {
  const baseline = {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'psa' },
    spec: { rules: [{ name: 'baseline', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { podSecurity: { level: 'baseline', version: 'latest' } } }] },
  };
  const hostNetworkExemption = {
    apiVersion: 'kyverno.io/v2',
    kind: 'PolicyException',
    metadata: { name: 'pod-security-exception', namespace: 'kyverno' },
    spec: {
      exceptions: [{ policyName: 'psa', ruleNames: ['baseline'] }],
      match: { any: [{ resources: { kinds: ['Pod'], namespaces: ['delta'] } }] },
      podSecurity: [{ controlName: 'Host Namespaces' }],
    },
  };

  test('a violation of only the exempted control is skipped', () => {
    const p = pod({ hostNetwork: true }, { namespace: 'delta' });
    expect(statuses(baseline, p)).toEqual(['baseline=fail']);
    const [r] = PolicyEngine.evaluate(baseline, p, { exceptions: [hostNetworkExemption] });
    expect(r).toMatchObject({ status: 'skip', message: 'rule is skipped due to policy exception kyverno/pod-security-exception' });
  });

  test('another control still fails, and the message lists only what is left', () => {
    const p = pod({ hostNetwork: true, containers: [{ name: 'c', image: 'nginx', securityContext: { privileged: true } }] }, { namespace: 'delta' });
    const [r] = PolicyEngine.evaluate(baseline, p, { exceptions: [hostNetworkExemption] });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('Forbidden reason: privileged');
    expect(r.message).not.toContain('host namespaces');
  });

  test('a compliant Pod passes (the exception does not turn a pass into a skip)', () => {
    expect(statuses(baseline, pod({}, { namespace: 'delta' }), [hostNetworkExemption])).toEqual(['baseline=pass']);
  });
});

describe('kyverno test suites with exceptions', () => {
  test('the `exceptions` files of kyverno-test.yaml are read and applied', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polex-'));
    const yaml = (o: any) => JSON.stringify(o);
    fs.writeFileSync(path.join(dir, 'policy.yaml'), yaml(hostNamespaces));
    fs.writeFileSync(path.join(dir, 'exception.yaml'), yaml(deltaException()));
    fs.writeFileSync(path.join(dir, 'resources.yaml'), [
      deployment('important-tool', 'delta', { hostIPC: true }),
      deployment('other-tool', 'delta', { hostIPC: true }),
    ].map(yaml).join('\n---\n'));
    fs.writeFileSync(path.join(dir, 'kyverno-test.yaml'), yaml({
      apiVersion: 'cli.kyverno.io/v1alpha1',
      kind: 'Test',
      metadata: { name: 'delta' },
      policies: ['policy.yaml'],
      resources: ['resources.yaml'],
      exceptions: ['exception.yaml'],
      results: [
        { policy: 'disallow-host-namespaces', rule: 'host-namespaces', kind: 'Deployment', resources: ['important-tool'], result: 'skip' },
        { policy: 'disallow-host-namespaces', rule: 'host-namespaces', kind: 'Deployment', resources: ['other-tool'], result: 'fail' },
      ],
    }));
    const report = KyvernoTestSuite.fromFile(path.join(dir, 'kyverno-test.yaml')).run();
    expect(report.results.map((r) => `${r.resource}:${r.actual}`)).toEqual(['important-tool:skip', 'other-tool:fail']);
    expect(report.passed).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
