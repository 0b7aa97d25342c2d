import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App } from 'cdk8s';
import { devopsRepo, securityRepo, TRICKY_MESSAGE } from './fixtures';
import { expectHelmRenderEqualsRender, helmRenderChart, helmRenderValues, ourValuesFromFiles } from './helm-render-check';
import { RuleStatus } from '../../src/engine';
import {
  CelPolicyException, ClusterPolicy, DeletingPolicy, FailureAction, GeneratingPolicy, ImageValidatingPolicy, MutatingAdmissionPolicy,
  MutatingAdmissionPolicyBinding, MutatingPolicy, NamespacedDeletingPolicy, NamespacedGeneratingPolicy, NamespacedImageValidatingPolicy,
  NamespacedMutatingPolicy, NamespacedValidatingPolicy, Operation, PatchType, ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding,
  ValidatingPolicy, ValidationAction,
} from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { PolicyTest } from '../../src/testing';
import { crdErrors } from '../support/crd-validator';
import { describeWithHelmRender, describeWithShared } from '../support/shared';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-repo-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describeWithHelmRender('helm-render of the synthesized charts equals render(env)', () => {
  test('security repo: 4 environments, tricky strings and {{ }} variables', () => {
    const repo = securityRepo(new App());
    const done = expectHelmRenderEqualsRender(repo, tmp);
    expect(done.map((d) => `${d.environment}:${d.documents}`)).toEqual(['dev:4', 'qac:4', 'stg:4', 'prd:5']);
    // the Kyverno variables reach the cluster unchanged
    const tag = repo.render('prd').find((o) => o.metadata.name === 'disallow-latest-tag');
    expect(tag.spec.rules[0].validate.message).toBe(TRICKY_MESSAGE);
    expect(tag.spec.rules[0].validate.deny.conditions.any[0].key).toBe('{{ request.object.spec.containers[].image | [?ends_with(@, \':latest\')] | length(@) }}');
    const exception = repo.render('dev').find((o) => o.kind === 'PolicyException');
    expect(exception.spec.conditions.all[0].key).toBe('{{ request.object.metadata.labels.runner || \'\' }}');
  });

  test('devops repo: two charts sharing cd/ values, one of values only', () => {
    const repo = devopsRepo(new App());
    const done = expectHelmRenderEqualsRender(repo, tmp);
    expect(done.map((d) => `${d.environment}/${d.chart}:${d.documents}`)).toEqual([
      'dev/backend-values:2', 'dev/devops-policy:2', 'prd/backend-values:2', 'prd/devops-policy:2',
    ]);
    const signed = repo.render('dev').find((o) => o.metadata.name === 'verify-signatures');
    expect(signed.spec.rules[0].verifyImages[0].failureAction).toBe('Audit');
    expect(signed.spec.rules[0].exclude).toEqual({ any: [{ resources: { namespaces: ['sandbox'] } }] });
    expect(repo.render('prd').find((o) => o.metadata.name === 'verify-signatures').spec.rules[0].verifyImages[0].failureAction).toBe('Enforce');
  });
});

describeWithHelmRender('null layers and schema violations: helm-render and ours agree', () => {
  const limitsRepo = () => {
    const repo = new PolicyRepo(new App(), 'r', {
      environments: ['dev', 'prd'],
      // pkg/cli/values/options.go keeps the -f nulls; chartutil.CoalesceValues then deletes the
      // chart defaults they name (coalesce.go: "When the YAML value is null, we remove the value's key")
      values: { tuning: null, extra: { gone: null, kept: 1 } },
      environmentValues: { prd: { tuning: { replicas: 5 } } },
    });
    const set = new PolicySet(repo, 's', {
      version: '1.0.0',
      values: { tuning: { replicas: 1, timeout: '30s' }, extra: { gone: 'x' } },
      defaults: { environments: { dev: { failureAction: FailureAction.AUDIT } } },
    });
    new ClusterPolicy(set, 'require-team', {
      failureAction: FailureAction.ENFORCE,
      rules: [{ name: 'team', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'label team is required', pattern: { metadata: { labels: { team: '?*' } } } } }],
    });
    return { repo, set };
  };

  test('nulls in cd/values.yaml: a later file\'s table wins over the null, the chart defaults it lacks come back', () => {
    const { repo, set } = limitsRepo();
    expectHelmRenderEqualsRender(repo, tmp); // also compares valuesOf and the files' values with helm-render's .Values
    expect(repo.valuesOf(set, 'prd').tuning).toEqual({ replicas: 5, timeout: '30s' });
    expect(repo.valuesOf(set, 'dev').tuning).toBeUndefined();
    expect(repo.valuesOf(set, 'dev').extra).toEqual({ kept: 1 });
  });

  test('the issue\'s example, edited by hand: cd/values.yaml nulls the policy table, cd/prd/values.yaml sets only the failure action', () => {
    const { repo } = limitsRepo();
    repo.synth(tmp);
    fs.writeFileSync(path.join(tmp, 'cd', 'values.yaml'), 'policies:\n  requireTeam: null\n');
    fs.writeFileSync(path.join(tmp, 'cd', 'prd', 'values.yaml'), 'policies:\n  requireTeam:\n    validationFailureAction: Audit\n');
    // Helm keeps the chart's enabled: true and renders the policy, in Audit
    const docs = helmRenderChart(tmp, 's', 'prd');
    expect(docs.map((d) => [d.metadata.name, d.spec.validationFailureAction ?? d.spec.rules[0].validate.failureAction])).toEqual([['require-team', 'Audit']]);
    const ours = ourValuesFromFiles(tmp, 's', 'prd');
    expect(ours).toEqual(helmRenderValues(tmp, 's', 'prd'));
    expect(ours.values.policies.requireTeam).toEqual({ enabled: true, validationFailureAction: 'Audit', background: true, excludedNamespaces: [] });
  });

  test.each([
    ['a string for a boolean', 'policies:\n  requireTeam:\n    enabled: "yes"\n'],
    ['a YAML 1.1 boolean is a boolean (no error)', 'policies:\n  requireTeam:\n    enabled: no\n'],
    ['an octal number for a boolean', 'policies:\n  requireTeam:\n    background: 012\n'],
    ['a null deleting a required knob', 'policies:\n  requireTeam:\n    excludedNamespaces: null\n'],
    ['an unknown knob', 'policies:\n  requireTeam:\n    enabeld: true\n'],
  ])('schema: %s gives Helm\'s answer', (_name, prd) => {
    const { repo } = limitsRepo();
    repo.synth(tmp);
    fs.writeFileSync(path.join(tmp, 'cd', 'prd', 'values.yaml'), prd);
    const helm = helmRenderValues(tmp, 's', 'prd');
    expect(ourValuesFromFiles(tmp, 's', 'prd')).toEqual(helm);
  });
});

describeWithHelmRender('a PolicyTest inside a set', () => {
  test('its resources are not chart templates, its suite files are repository files', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev', 'prd'] });
    const set = new PolicySet(repo, 's', { version: '1.0.0', defaults: { environments: { dev: { failureAction: FailureAction.AUDIT } } } });
    new ClusterPolicy(set, 'require-team', {
      failureAction: FailureAction.ENFORCE,
      rules: [{ name: 'team', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'label team is required', pattern: { metadata: { labels: { team: '?*' } } } } }],
    });
    const suite = new PolicyTest(set, 'pods', { environment: 'prd' });
    const pod = new ApiObject(suite, 'pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    suite.expect(pod, 'require-team', 'team', RuleStatus.FAIL);
    const paths = repo.synthFiles().map((f) => f.path);
    expect(paths.filter((p) => p.startsWith('charts/s/templates/'))).toEqual(['charts/s/templates/require-team.yaml']);
    expect(paths.some((p) => p.endsWith('kyverno-test.yaml'))).toBe(true);
    expect(expectHelmRenderEqualsRender(repo, tmp).map((d) => d.documents)).toEqual([1, 1]);
  });
});

describeWithShared('rendered kyverno.io objects validate against the v1.13.2 CRDs', () => {
  test.each([['security', securityRepo], ['devops', devopsRepo]])('%s repo, every environment', (_name, make) => {
    const repo = make(new App());
    let checked = 0;
    for (const env of repo.environments) {
      for (const obj of repo.render(env)) {
        expect({ name: obj.metadata.name, env, errors: crdErrors(obj, 'v1.13.2') }).toEqual({ name: obj.metadata.name, env, errors: [] });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describeWithHelmRender('a chart holding every CEL policy kind', () => {
  test('enabled, failure action (validationActions) and background per environment: helm-render equals render(env)', () => {
    const repo = new PolicyRepo(new App(), 'cel', { environments: ['dev', 'prd'] });
    const set = new PolicySet(repo, 'cel-kinds', {
      version: '1.0.0',
      defaults: { failureAction: FailureAction.AUDIT, environments: { prd: { failureAction: FailureAction.ENFORCE } } },
      policySettings: { 'cleanup-jobs': { environments: { dev: { enabled: false } } }, 'add-team': { background: false } },
    });
    const pods = { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE], resources: ['pods'] }] };
    const apply = 'Object{metadata: Object.metadata{labels: {"team": "{{ unknown }}"}}}';
    new ValidatingPolicy(set, 'vpol', { matchConstraints: pods, validations: [{ expression: "object.metadata.name != 'x'", message: 'not {{ x }}' }] });
    new NamespacedValidatingPolicy(set, 'nvpol', { namespace: 'apps', matchConstraints: pods, validations: [{ expression: 'true' }] });
    new MutatingPolicy(set, 'add-team', { matchConstraints: pods, mutations: [{ patchType: PatchType.APPLY_CONFIGURATION, expression: apply }] });
    new NamespacedMutatingPolicy(set, 'nmpol', { namespace: 'apps', matchConstraints: pods, mutations: [{ patchType: PatchType.JSON_PATCH, expression: '[]' }] });
    new GeneratingPolicy(set, 'gpol', { matchConstraints: pods, generate: [{ template: { value: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' } }] });
    new NamespacedGeneratingPolicy(set, 'ngpol', { namespace: 'apps', matchConstraints: pods, generate: [{ expression: 'true' }] });
    new ImageValidatingPolicy(set, 'ivpol', { matchConstraints: pods, validations: [{ expression: 'true' }] });
    new NamespacedImageValidatingPolicy(set, 'nivpol', { namespace: 'apps', matchConstraints: pods, validations: [{ expression: 'true' }] });
    new DeletingPolicy(set, 'cleanup-jobs', { schedule: '0 * * * *', matchConstraints: pods });
    new NamespacedDeletingPolicy(set, 'ndpol', { namespace: 'apps', schedule: '@hourly', matchConstraints: pods });
    new CelPolicyException(set, 'cpolex', { namespace: 'kyverno', policyRefs: [{ name: 'vpol', kind: 'ValidatingPolicy' }] });
    new ValidatingAdmissionPolicy(set, 'vap', { matchConstraints: pods, validations: [{ expression: 'true' }] });
    new ValidatingAdmissionPolicyBinding(set, 'vap-binding', { policyName: 'vap', validationActions: [ValidationAction.DENY] });
    new MutatingAdmissionPolicy(set, 'map', { matchConstraints: pods, mutations: [{ patchType: PatchType.JSON_PATCH, expression: '[]' }] });
    new MutatingAdmissionPolicyBinding(set, 'map-binding', { policyName: 'map' });
    const done = expectHelmRenderEqualsRender(repo, tmp);
    expect(done.map((d) => `${d.environment}:${d.documents}`)).toEqual(['dev:14', 'prd:15']);
    const find = (env: string, kind: string) => repo.render(env).find((o) => o.kind === kind);
    for (const kind of ['ValidatingPolicy', 'NamespacedValidatingPolicy', 'ImageValidatingPolicy', 'NamespacedImageValidatingPolicy', 'ValidatingAdmissionPolicyBinding']) {
      expect([kind, find('dev', kind).spec.validationActions, find('prd', kind).spec.validationActions]).toEqual([kind, ['Audit'], ['Deny']]);
    }
    expect(find('dev', 'MutatingPolicy').spec.evaluation).toEqual({ background: { enabled: false } });
    expect(find('dev', 'ValidatingPolicy').spec.evaluation).toEqual({ background: { enabled: true } });
    expect(find('dev', 'ValidatingPolicy').spec.validations[0].message).toBe('not {{ x }}');
    expect(find('dev', 'DeletingPolicy')).toBeUndefined();
    expect(find('prd', 'DeletingPolicy').metadata.name).toBe('cleanup-jobs');
    expect(find('dev', 'MutatingPolicy').spec.mutations[0].applyConfiguration.expression).toBe(apply);
    for (const m of repo.render('prd').filter((o) => o.apiVersion.startsWith('policies.kyverno.io/'))) expect([m.kind, crdErrors(m, 'v1.19.0')]).toEqual([m.kind, []]);
    const values = fs.readFileSync(path.join(tmp, 'cd', 'prd', 'values.yaml'), 'utf-8');
    expect(values).toContain('vapBinding:');
  });

  test('extra excluded namespaces are refused for CEL kinds', () => {
    const repo = new PolicyRepo(new App(), 'cel', { environments: ['dev'] });
    const set = new PolicySet(repo, 'cel-kinds', { version: '1.0.0', defaults: { excludedNamespaces: ['kube-system'] } });
    new ValidatingPolicy(set, 'vpol', { matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE], resources: ['pods'] }] }, validations: [{ expression: 'true' }] });
    expect(() => repo.render('dev')).toThrow('cel/cel-kinds/vpol: excludedNamespaces: ValidatingPolicy takes no extra excluded namespaces (select namespaces with spec.matchConstraints.namespaceSelector)');
  });
});
