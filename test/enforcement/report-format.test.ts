/**
 * AdmissionReportFormat.text on reports the engine cannot produce yet offline (a mutate rule with
 * its patched resource, a namespaced Policy), and the request context: --userinfo and --set.
 */
import * as path from 'path';
import { tempDir, writeTree } from './fixtures';
import { run } from '../../src/cli/commands/apply';
import { AdmissionOutcome, AdmissionReport, AdmissionReportFormat, ResourceRef } from '../../src/enforcement';
import { RuleStatus } from '../../src/engine/result';
import { capture } from '../cli-lint/capture';

const resource: ResourceRef = { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'shop' };
const origin = { file: 'app.yaml', document: 1, line: 1 };

test('a mutation shows the patched resource under its resource', () => {
  const patched = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', labels: { team: 'shop' } } };
  const finding = {
    resource,
    origin,
    policy: 'shop/add-team',
    rule: 'label',
    status: RuleStatus.PASS,
    outcome: AdmissionOutcome.MUTATED,
    message: 'mutated',
    patchedResource: patched,
    scored: true,
  };
  const report: AdmissionReport = {
    environment: 'dev',
    policyCount: 1,
    resources: [{ resource, origin, admitted: true, findings: [finding], patchedResource: patched }],
    admitted: true,
    denials: [],
    warnings: [],
    unsupported: [],
    notEvaluated: [],
    counts: { resources: 1, denied: 0, warned: 0, mutated: 1, unsupported: 0, passed: 0, skipped: 0 },
  };
  expect(AdmissionReportFormat.text(report)).toBe([
    'Pod shop/web  admitted  (app.yaml: document 1 (line 1))',
    '  POLICY         RULE   ACTION  MESSAGE',
    '  shop/add-team  label  mutate  mutated',
    '  patched resource:',
    '    apiVersion: v1',
    '    kind: Pod',
    '    metadata:',
    '      name: web',
    '      namespace: shop',
    '      labels:',
    '        team: shop',
    '',
    '1 policy of environment dev applied to 1 resource(s): 0 denied, 0 admitted with warnings, 1 admitted without warnings',
    'rule results: 0 deny, 0 warn, 1 mutate, 0 unsupported, 0 pass, 0 skip',
    '',
  ].join('\n'));
});

describe('request context', () => {
  const dir = writeTree(tempDir(), {
    'policy.yaml': `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: {name: only-admins-delete-protection}
spec:
  validationFailureAction: Enforce
  rules:
    - name: deny-unless-admin
      match:
        any:
          - resources: {kinds: [ConfigMap]}
      exclude:
        any:
          - clusterRoles: [cluster-admin]
      validate:
        message: "only cluster admins may create ConfigMaps with {{ request.userInfo.username }} as owner ({{ tier }})"
        deny:
          conditions:
            all:
              - key: "{{ tier }}"
                operator: Equals
                value: gold
`,
    'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n',
    'userinfo.yaml': 'apiVersion: cli.kyverno.io/v1alpha1\nkind: UserInfo\nclusterRoles: [cluster-admin]\nuserInfo: {username: alice}\n',
  });
  const f = (n: string) => path.join(dir, n);

  test('--set supplies variables; --userinfo the requesting user (its clusterRoles exclude the rule)', async () => {
    const gold = await capture(run, [f('cm.yaml'), '--policies', f('policy.yaml'), '--set', 'tier=gold']);
    expect(gold.code).toBe(1);
    expect(gold.stdout).toContain('only cluster admins may create ConfigMaps with  as owner (gold)');
    expect((await capture(run, [f('cm.yaml'), '--policies', f('policy.yaml'), '--set', 'tier=silver'])).code).toBe(0);
    const admin = await capture(run, [f('cm.yaml'), '--policies', f('policy.yaml'), '--set', 'tier=gold', '--userinfo', f('userinfo.yaml')]);
    expect(admin.code).toBe(0);
    expect(admin.stdout).toContain('rule results: 0 deny, 0 warn, 0 mutate, 0 unsupported, 0 pass, 0 skip');
  });

  test('a missing values or userinfo file is an input error', async () => {
    const r = await capture(run, [f('cm.yaml'), '--policies', f('policy.yaml'), '-u', f('nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`policy-platform apply: userinfo file ${f('nope.yaml')}: no such file\n`);
  });
});
