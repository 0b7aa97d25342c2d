import { newChart, problemsOf } from './support';
import * as catalog from '../../src/catalog';
import { FailureAction } from '../../src/kyverno';

const BASELINE = [
  'disallow-host-process', 'disallow-host-namespaces', 'disallow-privileged-containers', 'disallow-capabilities',
  'disallow-host-path', 'disallow-host-ports', 'restrict-apparmor-profiles', 'disallow-selinux', 'disallow-proc-mount',
  'restrict-seccomp', 'restrict-sysctls',
];
const RESTRICTED_ONLY = [
  'restrict-volume-types', 'disallow-privilege-escalation', 'require-run-as-nonroot', 'require-run-as-non-root-user',
  'restrict-seccomp-strict', 'disallow-capabilities-strict',
];

describe('catalogue: Pod Security Standards', () => {
  test('Baseline: one policy per control, with the library names and category', () => {
    const set = new catalog.PodSecurityBaseline(newChart(), 'baseline');
    expect(set.policies.map((p) => p.policyName)).toEqual(BASELINE);
    for (const p of set.policies) {
      expect(p.toJson().metadata.annotations['policies.kyverno.io/category']).toBe('Pod Security Standards (Baseline)');
    }
  });

  test('Restricted: baseline plus restricted controls', () => {
    const set = new catalog.PodSecurityRestricted(newChart(), 'restricted');
    expect(set.policies.map((p) => p.policyName)).toEqual([...BASELINE, ...RESTRICTED_ONLY]);
    expect(set.policyFor(catalog.PodSecurityControl.CAPABILITIES_STRICT)!.toJson().spec.rules.map((r: any) => r.name))
      .toEqual(['require-drop-all', 'adding-capabilities-strict']);
  });

  test('each control switched off, excluded and given its failure action on its own', () => {
    const set = new catalog.PodSecurityBaseline(newChart(), 'baseline', {
      namePrefix: 'pss-',
      failureAction: FailureAction.ENFORCE,
      excludeNamespaces: ['kube-system'],
      controls: [
        { control: catalog.PodSecurityControl.APP_ARMOR, enabled: false },
        { control: catalog.PodSecurityControl.HOST_PATH, excludeNamespaces: ['monitoring'], failureAction: FailureAction.AUDIT },
      ],
    });
    expect(set.policyFor(catalog.PodSecurityControl.APP_ARMOR)).toBeUndefined();
    expect(set.policies).toHaveLength(BASELINE.length - 1);
    const hostPath = set.policyFor(catalog.PodSecurityControl.HOST_PATH)!.toJson();
    expect(hostPath.metadata.name).toBe('pss-disallow-host-path');
    expect(hostPath.spec.rules[0].exclude).toEqual({ any: [{ resources: { namespaces: ['kube-system', 'monitoring'] } }] });
    expect(hostPath.spec.rules[0].validate.failureAction).toBe('Audit');
    const priv = set.policyFor(catalog.PodSecurityControl.PRIVILEGED)!.toJson();
    expect(priv.spec.rules[0].exclude).toEqual({ any: [{ resources: { namespaces: ['kube-system'] } }] });
    expect(priv.spec.rules[0].validate.failureAction).toBe('Enforce');
  });

  test('controls outside the profile or listed twice are reported', () => {
    const chart = newChart();
    new catalog.PodSecurityBaseline(chart, 'baseline', {
      controls: [
        { control: catalog.PodSecurityControl.VOLUME_TYPES },
        { control: catalog.PodSecurityControl.HOST_PATH },
        { control: catalog.PodSecurityControl.HOST_PATH, enabled: false },
      ],
    });
    expect(problemsOf(chart)).toEqual([
      `security-policy/baseline: controls[0].control: "restrict-volume-types" is not a control of this profile (allowed: ${BASELINE.join(', ')})`,
      'security-policy/baseline: controls[2].control: "disallow-host-path" is listed twice',
    ]);
  });

  test('a single control as its own policy', () => {
    const p = new catalog.PodSecurityControlPolicy(newChart(), 'x', { control: catalog.PodSecurityControl.RUN_AS_NON_ROOT_USER });
    expect(p.policyName).toBe('require-run-as-non-root-user');
    expect(p.toJson().metadata.annotations['policies.kyverno.io/category']).toBe('Pod Security Standards (Restricted)');
    expect(p.toJson().spec.rules[0].validate.pattern.spec.containers).toEqual([{ '=(securityContext)': { '=(runAsUser)': '>0' } }]);
  });
});

describe('catalogue: Pod Security exceptions', () => {
  test('a PolicyException suspends one control (all its rules, autogen included) for the matched resources', () => {
    const chart = newChart();
    const set = new catalog.PodSecurityBaseline(chart, 'baseline');
    const exception = set.addException('node-exporter', catalog.PodSecurityControl.HOST_PATH, {
      reason: 'node-exporter reads the host /proc and /sys',
      namespace: 'kyverno',
      match: { any: [{ resources: { kinds: ['DaemonSet', 'Pod'], namespaces: ['monitoring'], names: ['node-exporter*'] } }] },
    });
    expect(exception.toJson()).toEqual({
      apiVersion: 'kyverno.io/v2',
      kind: 'PolicyException',
      metadata: {
        name: 'disallow-host-path-node-exporter',
        namespace: 'kyverno',
        annotations: { 'policies.kyverno.io/description': 'node-exporter reads the host /proc and /sys' },
      },
      spec: {
        exceptions: [{ policyName: 'disallow-host-path', ruleNames: ['host-path', 'autogen-host-path', 'autogen-cronjob-host-path'] }],
        match: { any: [{ resources: { kinds: ['DaemonSet', 'Pod'], namespaces: ['monitoring'], names: ['node-exporter*'] } }] },
      },
    });
    expect(problemsOf(chart)).toEqual([]);
  });

  test('excepting a switched-off control is an error naming the profile', () => {
    const set = new catalog.PodSecurityBaseline(newChart(), 'baseline', { controls: [{ control: catalog.PodSecurityControl.SYSCTLS, enabled: false }] });
    expect(() => set.addException('x', catalog.PodSecurityControl.SYSCTLS, { reason: 'tuning', match: { any: [{ resources: { kinds: ['Pod'] } }] } }))
      .toThrow('security-policy/baseline: addException: control "restrict-sysctls" is switched off or not part of this profile');
  });
});
