/**
 * The per-control Pod Security suites of the conformance corpus (pattern and CEL policies that each
 * enforce one PSS control) as a check of the podSecurity controls: a resource Kyverno expects to
 * fail must violate that control, one expected to pass must not.
 */
import * as fs from 'fs';
import * as path from 'path';
import { evaluatePodSecurity } from '../../../src/engine/pod-security/evaluate';
import { KyvernoTestSuite } from '../../../src/testing';
import { describeWithShared, sharedPath } from '../../support/shared';

/** Suite → the control it enforces (and, where the suite checks one field of it, that field's end). */
const CONTROL_OF: { [suite: string]: { control: string; field?: { [rule: string]: string } } } = {
  'disallow-capabilities': { control: 'Capabilities' },
  'disallow-host-namespaces': { control: 'Host Namespaces' },
  'disallow-host-path': { control: 'HostPath Volumes' },
  'disallow-host-ports': { control: 'Host Ports' },
  'disallow-privileged-containers': { control: 'Privileged Containers' },
  'disallow-proc-mount': { control: '/proc Mount Type' },
  'disallow-selinux': { control: 'SELinux' },
  'restrict-apparmor-profiles': { control: 'AppArmor' },
  'restrict-seccomp': { control: 'Seccomp' },
  'restrict-sysctls': { control: 'Sysctls' },
  'disallow-capabilities-strict': {
    control: 'Capabilities',
    field: { 'adding-capabilities-strict': 'capabilities.add', 'require-drop-all': 'capabilities.drop' },
  },
  'disallow-privilege-escalation': { control: 'Privilege Escalation' },
  'require-run-as-non-root-user': { control: 'Running as Non-root user' },
  'require-run-as-nonroot': { control: 'Running as Non-root' },
  'restrict-seccomp-strict': { control: 'Seccomp' },
  'restrict-volume-types': { control: 'Volume Types' },
};

describeWithShared('podSecurity controls agree with the per-control Pod Security suites', () => {
  test.each(['pod-security', 'pod-security-cel', 'pod-security-vpol'])('%s', group => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const level of ['baseline', 'restricted']) {
      const dir = sharedPath('conformance', 'kyverno-policies', group, level);
      for (const suite of fs.readdirSync(dir).sort()) {
        const spec = CONTROL_OF[suite];
        if (!spec) continue; // e.g. disallow-host-ports-range allows a port range: not a PSS control
        // the suite as the one Test file loader reads it
        const { definition } = KyvernoTestSuite.fromFile(path.join(dir, suite, '.kyverno-test', 'kyverno-test.yaml'));
        const resources = definition.resources;
        for (const expected of definition.results) {
          if (expected.result !== 'pass' && expected.result !== 'fail') continue;
          // rule names (ClusterPolicies) or policy names (ValidatingPolicies) tell which field a result is about
          const fieldEnd = spec.field?.[String(expected.rule ?? '').replace(/^autogen-(cronjob-)?/, '')] ?? spec.field?.[String(expected.policy)];
          for (const name of (expected.resources ?? []) as string[]) {
            const resource = resources.find(r => r.metadata?.name === name && r.kind === expected.kind);
            if (!resource) continue;
            checked++;
            const violations = evaluatePodSecurity({ level, version: 'latest' }, resource).violations ?? [];
            const violated = violations.some(v => v.control === spec.control && (!fieldEnd || v.field.endsWith(fieldEnd)));
            if ((expected.result === 'fail') !== violated) {
              mismatches.push(`${suite} ${expected.kind}/${name}: expected ${expected.result}`);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(mismatches).toEqual([]);
  });
});
