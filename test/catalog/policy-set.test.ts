import { App } from 'cdk8s';
import * as catalog from '../../src/catalog';
import { FailureAction } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';

function securityRepo(): { repo: PolicyRepo; set: PolicySet } {
  const repo = new PolicyRepo(new App(), 'security-policy', { environments: ['dev', 'prd'] });
  const set = new PolicySet(repo, 'security-policy', { version: '1.0.0' });
  return { repo, set };
}

describe('catalogue policies in a PolicySet', () => {
  test('take per-environment settings like any hand-written policy', () => {
    const { set } = securityRepo();
    const limits = new catalog.RequireResourceLimits(set, 'require-resource-limits');
    const tag = new catalog.DisallowLatestTag(set, 'disallow-latest-tag', { failureAction: FailureAction.ENFORCE });
    set.configure(limits, {
      failureAction: FailureAction.AUDIT,
      environments: { prd: { failureAction: FailureAction.ENFORCE, excludedNamespaces: ['legacy'] } },
    });
    set.configure(tag, { environments: { dev: { enabled: false } } });
    expect(set.policies.map((p) => p.policyName)).toEqual(['disallow-latest-tag', 'require-resource-limits']);

    const byName = (env: string) => Object.fromEntries(set.render(env).map((m: any) => [m.metadata.name, m]));
    const dev = byName('dev');
    const prd = byName('prd');
    expect(Object.keys(dev)).toEqual(['require-resource-limits']);
    expect(dev['require-resource-limits'].spec.rules[0].validate.failureAction).toBe('Audit');
    expect(dev['require-resource-limits'].spec.rules[0].exclude).toBeUndefined();
    expect(prd['require-resource-limits'].spec.rules[0].validate.failureAction).toBe('Enforce');
    expect(prd['require-resource-limits'].spec.rules[0].exclude).toEqual({ any: [{ resources: { namespaces: ['legacy'] } }] });
    expect(prd['disallow-latest-tag'].spec.rules.map((r: any) => r.validate.failureAction)).toEqual(['Enforce', 'Enforce']);
  });

  test('a Pod Security set: every control its own policy, each configurable per environment', () => {
    const { set } = securityRepo();
    const baseline = new catalog.PodSecurityBaseline(set, 'baseline', { excludeNamespaces: ['kube-system'] });
    set.configure(baseline.policyFor(catalog.PodSecurityControl.HOST_PATH)!, { environments: { dev: { enabled: false } } });
    const dev = set.render('dev').map((m: any) => m.metadata.name);
    const prd = set.render('prd').map((m: any) => m.metadata.name);
    expect(prd).toHaveLength(11);
    expect(prd.filter((n: string) => !dev.includes(n))).toEqual(['disallow-host-path']);
    const hostNs = set.render('prd').find((m: any) => m.metadata.name === 'disallow-host-namespaces');
    expect(hostNs.spec.rules[0].exclude).toEqual({ any: [{ resources: { namespaces: ['kube-system'] } }] });
  });
});
