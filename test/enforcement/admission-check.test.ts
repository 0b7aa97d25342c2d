/**
 * AdmissionCheck in code: failure actions as Kyverno's admission controller resolves them, charts
 * and apps with construct paths, a PolicyPlatform construct and the image's /repos layout.
 */
import { ApiObject, App, Chart } from 'cdk8s';
import * as YAML from 'yaml';
import { GOOD_POD, LATEST_POD, policies, tempDir, writeTree } from './fixtures';
import { DisallowLatestTag } from '../../src/catalog';
import { AdmissionCheck, AdmissionOutcome } from '../../src/enforcement';
import { FailureAction } from '../../src/kyverno';
import { PolicyPlatform, PolicySource } from '../../src/platform';
import { PolicyRepo, PolicySet } from '../../src/repo';

const pod = (name: string, image: string, namespace = 'shop') => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name: 'c', image }] },
});

function policy(spec: any, annotations: any = {}): any {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'no-latest', annotations },
    spec: {
      ...spec,
      rules: (spec.rules ?? [{}]).map((r: any) => ({
        name: 'tag',
        match: { any: [{ resources: { kinds: ['Pod'] } }] },
        ...r,
        validate: { message: 'no latest', pattern: { spec: { containers: [{ image: '!*:latest' }] } }, ...r.validate },
      })),
    },
  };
}

const outcomes = (check: AdmissionCheck, manifests: any[]) =>
  check.checkManifests(manifests).resources.flatMap((r) => r.findings.map((f) => `${r.resource.name} ${f.rule} ${f.outcome} ${f.action ?? '-'}`));

describe('failure action resolution (engineresponse.go: rule overrides, rule action, policy overrides, policy action)', () => {
  test('no action anywhere: Audit (warned)', () => {
    expect(outcomes(AdmissionCheck.fromPolicies([policy({})]), [pod('a', 'nginx:latest')])).toEqual(['a tag warned Audit']);
  });

  test('legacy lowercase spec.validationFailureAction: enforce denies', () => {
    expect(outcomes(AdmissionCheck.fromPolicies([policy({ validationFailureAction: 'enforce' })]), [pod('a', 'nginx:latest')])).toEqual(['a tag denied Enforce']);
  });

  test("the rule's failureAction wins over the policy's, its overrides over both", () => {
    const p = policy({
      validationFailureAction: 'Enforce',
      validationFailureActionOverrides: [{ action: 'Enforce', namespaces: ['*'] }],
      rules: [{ validate: { failureAction: 'Audit', failureActionOverrides: [{ action: 'Enforce', namespaces: ['pay*'] }] } }],
    });
    expect(outcomes(AdmissionCheck.fromPolicies([p]), [pod('a', 'nginx:latest', 'shop'), pod('b', 'nginx:latest', 'payments')]))
      .toEqual(['a tag warned Audit', 'b tag denied Enforce']);
  });

  test('policy overrides by namespaceSelector use the labels of a Namespace read before the resource', () => {
    const p = policy({ validationFailureAction: 'Audit', validationFailureActionOverrides: [{ action: 'Enforce', namespaceSelector: { matchLabels: { tier: 'prod' } } }] });
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { tier: 'prod' } } };
    const check = AdmissionCheck.fromPolicies([p]);
    expect(outcomes(check, [pod('a', 'nginx:latest')])).toEqual(['a tag warned Audit']);
    expect(outcomes(check, [ns, pod('a', 'nginx:latest')])).toEqual(['a tag denied Enforce']);
    expect(outcomes(AdmissionCheck.fromPolicies([p], { namespaceLabels: { shop: { tier: 'prod' } } }), [pod('a', 'nginx:latest')])).toEqual(['a tag denied Enforce']);
  });

  test('scored: "false" and admission: false never deny', () => {
    const enforce = { validationFailureAction: 'Enforce' };
    expect(outcomes(AdmissionCheck.fromPolicies([policy(enforce, { 'policies.kyverno.io/scored': 'false' })]), [pod('a', 'nginx:latest')])).toEqual(['a tag warned Enforce']);
    expect(outcomes(AdmissionCheck.fromPolicies([policy({ ...enforce, admission: false })]), [pod('a', 'nginx:latest')])).toEqual(['a tag warned Enforce']);
  });

  test('ValidatingPolicy: validationActions Deny denies, Audit warns', () => {
    const vpol = (actions: string[]) => ({
      apiVersion: 'policies.kyverno.io/v1alpha1',
      kind: 'ValidatingPolicy',
      metadata: { name: 'vp' },
      spec: {
        validationActions: actions,
        matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], operations: ['CREATE', 'UPDATE'] }] },
        validations: [{ expression: "object.spec.containers.all(c, !c.image.endsWith(':latest'))", message: 'no latest' }],
      },
    });
    expect(outcomes(AdmissionCheck.fromPolicies([vpol(['Deny'])]), [pod('a', 'nginx:latest')])).toEqual(['a vp denied Deny']);
    expect(outcomes(AdmissionCheck.fromPolicies([vpol(['Audit', 'Warn'])]), [pod('a', 'nginx:latest')])).toEqual(['a vp warned Audit,Warn']);
  });

  test('what the engine cannot evaluate is unsupported, never admitted silently; other policy kinds are listed', () => {
    const verify = {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'signed' },
      spec: { rules: [{ name: 'verify', match: { any: [{ resources: { kinds: ['Pod'] } }] }, verifyImages: [{ imageReferences: ['*'], failureAction: 'Enforce' }] }] },
    };
    // a kind of a policy group the engine does not know (a later Kyverno release's)
    const future = { apiVersion: 'policies.kyverno.io/v2', kind: 'FuturePolicy', metadata: { name: 'future' }, spec: {} };
    const check = AdmissionCheck.fromPolicies([verify, future]);
    const report = check.checkManifests([pod('a', 'nginx:1')]);
    expect(report.unsupported.map((f) => [f.policy, f.rule, f.outcome])).toEqual([['signed', 'verify', AdmissionOutcome.UNSUPPORTED]]);
    expect(report.notEvaluated).toEqual(['FuturePolicy future (given policies): the offline engine does not evaluate policies.kyverno.io/v2 FuturePolicy']);
    expect(report.counts.unsupported).toBe(2);
    expect(report.admitted).toBe(true);
  });

  test('namespaced built-in resources without a namespace get the default one (or the given one)', () => {
    const p = policy({ validationFailureActionOverrides: [{ action: 'Enforce', namespaces: ['default'] }] });
    const bare = { ...pod('a', 'nginx:latest'), metadata: { name: 'a' } };
    expect(AdmissionCheck.fromPolicies([p]).checkManifests([bare]).resources[0].resource.namespace).toBe('default');
    expect(outcomes(AdmissionCheck.fromPolicies([p]), [bare])).toEqual(['a tag denied Enforce']);
    expect(outcomes(AdmissionCheck.fromPolicies([p], { defaultNamespace: 'shop' }), [bare])).toEqual(['a tag warned Audit']);
  });
});

describe('charts, apps and platforms', () => {
  function seedLikePlatform() {
    const app = new App();
    const repo = new PolicyRepo(app, 'security-policy', {
      environments: ['dev', 'prd'],
      image: { registry: 'registry.example.com/ops', repository: 'security-policy-repo', tag: 'main' },
    });
    const set = new PolicySet(repo, 'security-policy', {
      version: '1.0.0',
      defaults: { failureAction: FailureAction.AUDIT, environments: { prd: { failureAction: FailureAction.ENFORCE } } },
    });
    new DisallowLatestTag(set, 'disallow-latest-tag');
    const platform = new PolicyPlatform(app, 'policy-platform', { sources: [PolicySource.fromRepo(repo), PolicySource.kyvernoCurated({ commit: '0123456789abcdef0123456789abcdef01234567', sha256: 'a'.repeat(64) })] });
    return { platform, repo };
  }

  function appChart(): { app: App; chart: Chart } {
    const app = new App();
    const chart = new Chart(app, 'orders', { namespace: 'orders' });
    new ApiObject(chart, 'good', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'good' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } as any);
    new ApiObject(chart, 'worker', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'worker' }, spec: { containers: [{ name: 'c', image: 'nginx:latest' }] } } as any);
    return { app, chart };
  }

  test('this chart is admitted in dev (with a warning) and denied in prd, naming the construct path', () => {
    const { platform } = seedLikePlatform();
    const { app, chart } = appChart();
    const prd = AdmissionCheck.fromPlatform(platform, 'prd').checkChart(chart);
    expect(prd.admitted).toBe(false);
    expect(prd.denials.map((d) => [d.origin.constructPath, d.resource.namespace, d.policy, d.rule])).toEqual([
      ['orders/worker', 'orders', 'disallow-latest-tag', 'validate-image-tag'],
    ]);
    expect(prd.notEvaluated).toEqual(['source kyverno-policies (git): not rendered per environment by the platform; its policies are not evaluated']);
    const dev = AdmissionCheck.fromPlatform(platform, 'dev').checkApp(app);
    expect(dev.admitted).toBe(true);
    expect(dev.warnings.map((w) => [w.origin.constructPath, w.action])).toEqual([['orders/worker', 'Audit']]);
  });

  test('an unknown environment of a platform construct lists the known ones', () => {
    const { platform } = seedLikePlatform();
    expect(() => AdmissionCheck.fromPlatform(platform, 'stg')).toThrow('policy-platform (platform policy-platform): unknown environment "stg" (known environments: dev, prd)');
  });

  test("the synthesized folder and the image's /repos layout load the same policies", () => {
    const { platform, repo } = seedLikePlatform();
    const folder = tempDir('platform-');
    platform.synth(folder);
    // the image: /repos/index.json and /repos/<repo>/ as each repo image ships itself
    const repos = tempDir('repos-');
    repo.synth(`${repos}/security-policy`);
    writeTree(repos, { 'index.json': JSON.stringify(platform.index()), 'kyverno-policies/README.md': 'library' });
    const manifests = [pod('a', 'nginx:latest')];
    const fromFolder = AdmissionCheck.fromPlatformFolder(folder, 'prd').checkManifests(manifests);
    const fromImage = AdmissionCheck.fromPlatformFolder(repos, 'prd').checkManifests(manifests);
    expect(fromFolder.denials.map((d) => `${d.policy}/${d.rule}`)).toEqual(['disallow-latest-tag/validate-image-tag']);
    expect(fromImage.denials.map((d) => `${d.policy}/${d.rule}`)).toEqual(fromFolder.denials.map((d) => `${d.policy}/${d.rule}`));
    expect(fromImage.notEvaluated).toEqual(['source kyverno-policies (library archive https://github.com/kyverno/policies/archive/0123456789abcdef0123456789abcdef01234567.tar.gz (commit 0123456789abcdef0123456789abcdef01234567)): has no rendered/prd/ folder; its policies are not evaluated']);
  });

  test('policy files and manifest files', () => {
    const dir = writeTree(tempDir(), { 'p.yaml': policies('Enforce'), 'm.yaml': `${GOOD_POD}---\n${LATEST_POD}` });
    const report = AdmissionCheck.fromPolicyFiles([`${dir}/p.yaml`]).checkFiles([`${dir}/m.yaml`]);
    expect(report.resources.map((r) => [r.resource.name, r.origin.document, r.origin.line, r.admitted])).toEqual([['good', 1, 1, true], ['latest', 2, 10, false]]);
    expect(YAML.parse(LATEST_POD).metadata.name).toBe('latest');
  });
});

describe('namespaced policies and odd input', () => {
  test('a namespaced Policy applies in its namespace only and is reported as namespace/name', () => {
    const p = { ...policy({ validationFailureAction: 'Enforce' }), kind: 'Policy', metadata: { name: 'no-latest', namespace: 'shop' } };
    const report = AdmissionCheck.fromPolicies([p]).checkManifests([pod('a', 'nginx:latest', 'shop'), pod('b', 'nginx:latest', 'other')]);
    expect(report.denials.map((d) => `${d.policy} ${d.resource.namespace}/${d.resource.name}`)).toEqual(['shop/no-latest shop/a']);
    expect(report.resources[1].findings).toEqual([]);
  });

  test('a byte order mark and CRLF line ends are read as any other file', () => {
    const dir = writeTree(tempDir(), { 'p.yaml': policies('Enforce'), 'm.yaml': `\uFEFF---\r\n${LATEST_POD.split('\n').join('\r\n')}` });
    const report = AdmissionCheck.fromPolicyFiles([`${dir}/p.yaml`]).checkFiles([`${dir}/m.yaml`]);
    expect(report.resources.map((r) => [r.resource.name, r.origin.document, r.origin.line, r.admitted])).toEqual([['latest', 1, 1, false]]);
  });
});

describe('every policy kind answers as its admission controller would', () => {
  const replicasRule = { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments'] }] };
  const deployment = (name: string, replicas: number) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } },
  });
  const vpol = (actions: string[]) => ({
    apiVersion: 'policies.kyverno.io/v1',
    kind: 'ValidatingPolicy',
    metadata: { name: 'max-replicas' },
    spec: { validationActions: actions, matchConstraints: replicasRule, validations: [{ expression: 'object.spec.replicas <= 3', message: 'at most 3 replicas' }] },
  });
  const vap = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: 'vap-replicas' },
    spec: { matchConstraints: replicasRule, validations: [{ expression: 'object.spec.replicas <= 5', message: 'at most 5 replicas' }] },
  };
  const binding = (actions: string[]) => ({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: 'vap-replicas-binding' },
    spec: { policyName: 'vap-replicas', validationActions: actions },
  });
  const mpol = {
    apiVersion: 'policies.kyverno.io/v1',
    kind: 'MutatingPolicy',
    metadata: { name: 'add-team' },
    spec: {
      matchConstraints: replicasRule,
      mutations: [{ patchType: 'ApplyConfiguration', applyConfiguration: { expression: 'Object{metadata: Object.metadata{labels: {"team": "shop"}}}' } }],
    },
  };
  const byPolicy = (check: AdmissionCheck, manifest: any) => check.checkManifests([manifest]).resources[0].findings
    .map((f) => `${f.policy} ${f.outcome} ${f.action ?? '-'}`).sort();

  test('a ValidatingPolicy denies with Deny and warns with Audit', () => {
    expect(byPolicy(AdmissionCheck.fromPolicies([vpol(['Deny'])]), deployment('big', 7))).toEqual(['max-replicas denied Deny']);
    expect(byPolicy(AdmissionCheck.fromPolicies([vpol(['Audit'])]), deployment('big', 7))).toEqual(['max-replicas warned Audit']);
    expect(byPolicy(AdmissionCheck.fromPolicies([vpol(['Deny'])]), deployment('small', 2))).toEqual(['max-replicas passed -']);
  });

  test('a ValidatingAdmissionPolicy takes its actions from its bindings; without one nothing is enforced', () => {
    expect(byPolicy(AdmissionCheck.fromPolicies([vap, binding(['Deny'])]), deployment('big', 7))).toEqual(['vap-replicas denied Deny']);
    expect(byPolicy(AdmissionCheck.fromPolicies([vap, binding(['Warn', 'Audit'])]), deployment('big', 7))).toEqual(['vap-replicas warned Warn,Audit']);
  });

  test('a MutatingPolicy patches the resource before the validations see it', () => {
    const report = AdmissionCheck.fromPolicies([mpol, vpol(['Deny'])]).checkManifests([deployment('small', 2)]);
    const resource = report.resources[0];
    expect(resource.admitted).toBe(true);
    expect(resource.patchedResource?.metadata?.labels).toEqual({ team: 'shop' });
    expect(resource.findings.map((f) => `${f.policy} ${f.outcome}`).sort()).toEqual(['add-team mutated', 'max-replicas passed']);
  });

  test('a DeletingPolicy takes no part in admission; a policies.kyverno.io PolicyException exempts', () => {
    const dpol = { apiVersion: 'policies.kyverno.io/v1', kind: 'DeletingPolicy', metadata: { name: 'old' }, spec: { schedule: '* * * * *', matchConstraints: replicasRule, conditions: [] } };
    const exception = {
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'PolicyException',
      metadata: { name: 'big-ok', namespace: 'shop' },
      spec: { policyRefs: [{ name: 'max-replicas', kind: 'ValidatingPolicy' }], matchConditions: [{ name: 'big', expression: "object.metadata.name == 'big'" }] },
    };
    const check = AdmissionCheck.fromPolicies([vpol(['Deny']), dpol, exception]);
    expect(check.policyCount).toBe(1);
    const resource = check.checkManifests([deployment('big', 7)]).resources[0];
    expect(resource.admitted).toBe(true);
    expect(resource.findings.map((f) => `${f.policy} ${f.outcome}`)).toEqual(['max-replicas skipped']);
  });
});
