/**
 * PolicyPlatform over real PolicyRepos and ClusterPolicies: conflicts name both sources and nothing
 * is written; render(env) is the repos' renders merged.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import {
  ClusterPolicy, FailureAction, NamespacedMutatingPolicy, Operation, PatchType, Policy, ValidatingAdmissionPolicyBinding, ValidatingPolicy,
  ValidationAction,
} from '../../src/kyverno';
import { PolicyPlatform, PolicySource } from '../../src/platform';
import { PolicyRepo, PolicySet } from '../../src/repo';

function repo(app: App, name: string, environments: string[], policies: string[], image: any = { registry: 'r.example.com/ops', repository: `${name}-repo`, tag: 'main' }): PolicyRepo {
  const r = new PolicyRepo(app, name, { environments, image });
  const prd = environments.includes('prd') ? { prd: { failureAction: FailureAction.ENFORCE } } : undefined;
  const set = new PolicySet(r, name, { version: '1.0.0', defaults: { failureAction: FailureAction.AUDIT, environments: prd } });
  for (const p of policies) {
    new ClusterPolicy(set, p, {
      rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { labels: { team: '?*' } } } } }],
    });
  }
  return r;
}

/** The error of synth(), and what it wrote (must be nothing). */
function synthError(platform: PolicyPlatform): { message: string; written: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-real-'));
  let message = '';
  try { platform.synth(dir); } catch (e) { message = (e as Error).message; }
  return { message, written: fs.readdirSync(dir) };
}

test('render(env) is every code-defined repo\'s render, in repo-name order', () => {
  const app = new App();
  const b = repo(app, 'b-team', ['dev', 'prd'], ['b-one']);
  const a = repo(app, 'a-team', ['dev', 'prd'], ['a-one', 'a-two']);
  const platform = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(b), PolicySource.fromRepo(a)] });
  expect(platform.render('prd')).toEqual([...a.render('prd'), ...b.render('prd')]);
  expect(platform.render('prd').flatMap((m) => m.spec.rules.map((r: any) => r.validate.failureAction))).toEqual(['Enforce', 'Enforce', 'Enforce']);
  expect(platform.index().sources[0].policies).toEqual(['ClusterPolicy/a-one', 'ClusterPolicy/a-two']);
});

test('the same policy name in two repos: an error naming both, nothing written', () => {
  const app = new App();
  const a = repo(app, 'security-policy', ['dev'], ['require-labels']);
  const b = repo(app, 'devops-policy', ['dev'], ['require-labels']);
  const { message, written } = synthError(new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a), PolicySource.fromRepo(b)] }));
  expect(message).toContain('platform: cluster-scoped policy ClusterPolicy/require-labels is brought by two sources: repo devops-policy (construct devops-policy) and repo security-policy (construct security-policy)');
  expect(written).toEqual([]);
});

test('namespaced Policies of the same name in different namespaces do not conflict', () => {
  const app = new App();
  const mk = (name: string, ns: string) => {
    const r = new PolicyRepo(app, name, { environments: ['dev'], image: { registry: 'r.example.com', repository: name, tag: 'v1' } });
    const set = new PolicySet(r, name, { version: '1.0.0' });
    new Policy(set, 'same', { namespace: ns, rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { name: '?*' } } } }] });
    return r;
  };
  const platform = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(mk('a', 'team-a')), PolicySource.fromRepo(mk('b', 'team-b'))] });
  expect(platform.index().sources.map((s: any) => s.policies)).toEqual([['Policy/team-a/same'], ['Policy/team-b/same']]);
  expect(() => platform.synthFiles()).not.toThrow();
});

test('the same repo twice: an error naming both, nothing written', () => {
  const app = new App();
  const a = repo(app, 'security-policy', ['dev'], ['one']);
  const other = new App();
  const a2 = repo(other, 'security-policy', ['dev'], ['two']);
  const { message, written } = synthError(new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a), PolicySource.fromRepo(a2)] }));
  expect(message).toContain('platform: repo name "security-policy" is used by two sources: repo security-policy (construct security-policy) and repo security-policy (construct security-policy)');
  expect(written).toEqual([]);
});

test('mismatched environments: an error naming the source and the platform, nothing written', () => {
  const app = new App();
  const a = repo(app, 'security-policy', ['dev', 'qac', 'stg', 'prd'], ['one']);
  const b = repo(app, 'devops-policy', ['dev', 'prd'], ['two']);
  const { message, written } = synthError(new PolicyPlatform(app, 'platform', { environments: ['dev', 'stg', 'prd'], sources: [PolicySource.fromRepo(a), PolicySource.fromRepo(b)] }));
  expect(message).toContain('platform: repo devops-policy (construct devops-policy) does not cover the platform\'s environments: missing stg (source: dev, prd; platform platform: dev, stg, prd)');
  expect(written).toEqual([]);
});

test('problems inside a source repo stop the platform too, with the repo\'s construct path', () => {
  const app = new App();
  const a = repo(app, 'security-policy', ['dev'], ['Bad_Name']);
  const { message, written } = synthError(new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a)] }));
  expect(message).toMatch(/security-policy\/security-policy\/Bad_Name: .*"Bad_Name"/);
  expect(written).toEqual([]);
});

test('a repo image pinned to "latest" is refused', () => {
  const app = new App();
  const a = repo(app, 'security-policy', ['dev'], ['one'], { registry: 'r.example.com/ops', repository: 'security-policy-repo', tag: 'latest' });
  const { message } = synthError(new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a)] }));
  expect(message).toContain('platform: repo security-policy (construct security-policy): image r.example.com/ops/security-policy-repo:latest: "latest" is not a pinned tag');
  expect(message).toContain('security-policy: image.tag: "latest" is not a pinned tag');
});

test('CEL policy kinds conflict like ClusterPolicies: same kind and name (and namespace) in two repos', () => {
  const app = new App();
  const mk = (name: string, withNamespaced: string) => {
    const r = new PolicyRepo(app, name, { environments: ['dev'], image: { registry: 'r.example.com', repository: name, tag: 'v1' } });
    const set = new PolicySet(r, name, { version: '1.0.0' });
    const match = { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE], resources: ['pods'] }] };
    new ValidatingPolicy(set, 'require-team', { matchConstraints: match, validations: [{ expression: 'true' }] });
    new ValidatingAdmissionPolicyBinding(set, 'require-team-binding', { policyName: 'require-team', validationActions: [ValidationAction.DENY] });
    new NamespacedMutatingPolicy(set, 'add-team', { namespace: withNamespaced, matchConstraints: match, mutations: [{ patchType: PatchType.JSON_PATCH, expression: '[]' }] });
    return r;
  };
  const a = mk('a', 'team-a');
  const b = mk('b', 'team-b');
  const { message, written } = synthError(new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a), PolicySource.fromRepo(b)] }));
  expect(message).toContain('platform: cluster-scoped policy ValidatingAdmissionPolicyBinding/require-team-binding is brought by two sources: repo a (construct a) and repo b (construct b) (they would overwrite each other in the cluster)');
  expect(message).toContain('platform: cluster-scoped policy ValidatingPolicy/require-team is brought by two sources: repo a (construct a) and repo b (construct b)');
  // the namespaced ones live in different namespaces: no conflict
  expect(message).not.toContain('NamespacedMutatingPolicy');
  expect(written).toEqual([]);
  expect(PolicySource.fromRepo(a).policyKeys).toEqual([
    'NamespacedMutatingPolicy/team-a/add-team', 'ValidatingAdmissionPolicyBinding/require-team-binding', 'ValidatingPolicy/require-team',
  ]);
});
