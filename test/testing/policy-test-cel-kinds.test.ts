/**
 * PolicyTest over every CEL policy kind: passing and failing cdk8s-plus resources, through the
 * offline engine and as the written `.kyverno-test/` suite.
 */
import { App, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { RuleStatus } from '../../src/engine';
import {
  CelPolicyException, DeletingPolicy, GeneratingPolicy, ImageValidatingPolicy, MutatingAdmissionPolicy, MutatingAdmissionPolicyBinding,
  MutatingPolicy,
  NamespacedValidatingPolicy, Operation, PatchType, ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding, ValidationAction,
} from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { PolicyTest } from '../../src/testing';

const DEPLOYMENTS = { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: [Operation.CREATE, Operation.UPDATE], resources: ['deployments'] }] };
const PODS = { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE, Operation.UPDATE], resources: ['pods'] }] };

function fixture() {
  const app: App = Testing.app();
  const repo = new PolicyRepo(app, 'platform', { environments: ['dev'] });
  const set = new PolicySet(repo, 'cel', { version: '1.0.0' });
  new NamespacedValidatingPolicy(set, 'max-replicas', {
    namespace: 'apps',
    matchConstraints: DEPLOYMENTS,
    validations: [{ expression: 'object.spec.replicas <= 3', message: 'at most 3 replicas' }],
  });
  new ValidatingAdmissionPolicy(set, 'no-latest', {
    matchConstraints: PODS,
    validations: [{ expression: "object.spec.containers.all(c, !c.image.endsWith(':latest'))", message: 'no latest tag' }],
  });
  new ValidatingAdmissionPolicyBinding(set, 'no-latest-binding', { policyName: 'no-latest', validationActions: [ValidationAction.DENY] });
  new MutatingPolicy(set, 'add-team', {
    matchConstraints: PODS,
    matchConditions: [{ name: 'unlabelled', expression: "!has(object.metadata.labels) || !('team' in object.metadata.labels)" }],
    mutations: [{ patchType: PatchType.APPLY_CONFIGURATION, expression: 'Object{metadata: Object.metadata{labels: {"team": "unknown"}}}' }],
  });
  new MutatingAdmissionPolicy(set, 'add-owner', {
    matchConstraints: PODS,
    mutations: [{ patchType: PatchType.JSON_PATCH, expression: '[JSONPatch{op: "add", path: "/metadata/annotations", value: {"owner": "platform"}}]' }],
  });
  new MutatingAdmissionPolicyBinding(set, 'add-owner-binding', { policyName: 'add-owner' });
  new GeneratingPolicy(set, 'default-quota', {
    matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE], resources: ['namespaces'] }] },
    matchConditions: [{ name: 'tenant', expression: "has(object.metadata.labels) && object.metadata.labels['tenant'] == 'true'" }],
    generate: [{ expression: "generator.Apply(object.metadata.name, [{'apiVersion': 'v1', 'kind': 'ResourceQuota', 'metadata': {'name': 'default'}, 'spec': {'hard': {'pods': '10'}}}])" }],
  });
  new ImageValidatingPolicy(set, 'trusted-registry', {
    matchConstraints: PODS,
    matchImageReferences: [{ glob: '*' }],
    validations: [{ expression: "images.containers.all(i, i.startsWith('ghcr.io/'))", message: 'images come from ghcr.io' }],
  });
  new DeletingPolicy(set, 'cleanup-jobs', {
    schedule: '@hourly',
    matchConstraints: { resourceRules: [{ apiGroups: ['batch'], apiVersions: ['v1'], operations: [Operation.CREATE], resources: ['jobs'] }] },
    conditions: [{ name: 'expired', expression: "has(object.metadata.labels) && object.metadata.labels['expired'] == 'true'" }],
  });
  new CelPolicyException(set, 'legacy-images', {
    namespace: 'apps',
    description: 'the legacy app is migrated by the platform team in Q3',
    policyRefs: [{ name: 'trusted-registry', kind: 'ImageValidatingPolicy' }],
    matchConditions: [{ name: 'legacy', expression: "object.metadata.name.startsWith('legacy')" }],
  });
  const test = new PolicyTest(set, 'kinds', { namespace: 'apps' });
  return { set, test };
}

test('every kind: passing and failing cdk8s-plus resources', () => {
  const { test } = fixture();
  const small = new kplus.Deployment(test, 'small', { replicas: 2, containers: [{ image: 'ghcr.io/app:1.0' }] });
  const big = new kplus.Deployment(test, 'big', { replicas: 5, containers: [{ image: 'ghcr.io/app:1.0' }] });
  const good = new kplus.Pod(test, 'good', { containers: [{ image: 'ghcr.io/app:1.0' }] });
  const bad = new kplus.Pod(test, 'bad', { containers: [{ image: 'docker.io/nginx:latest' }] });
  const legacy = new kplus.Pod(test, 'legacy', { metadata: { name: 'legacy-app' }, containers: [{ image: 'docker.io/nginx:1.0' }] });
  const labelled = new kplus.Pod(test, 'labelled', { metadata: { labels: { team: 'web' } }, containers: [{ image: 'ghcr.io/app:1.0' }] });
  const tenant = new kplus.Namespace(test, 'tenant', { metadata: { name: 'tenant-a', labels: { tenant: 'true' } } });
  const system = new kplus.Namespace(test, 'system', { metadata: { name: 'infra' } });
  const expired = new kplus.Job(test, 'expired', { metadata: { labels: { expired: 'true' } }, containers: [{ image: 'ghcr.io/job:1' }] });
  const fresh = new kplus.Job(test, 'fresh', { containers: [{ image: 'ghcr.io/job:1' }] });

  test.expect(small, 'max-replicas', 'max-replicas', RuleStatus.PASS);
  test.expect(big, 'max-replicas', 'max-replicas', RuleStatus.FAIL);
  test.expect(good, 'no-latest', '', RuleStatus.PASS);
  test.expect(bad, 'no-latest', '', RuleStatus.FAIL);
  test.expect(good, 'add-team', 'add-team', RuleStatus.PASS);
  test.expect(labelled, 'add-team', 'add-team', RuleStatus.SKIP);
  test.expect(good, 'add-owner', 'add-owner', RuleStatus.PASS);
  test.expect(tenant, 'default-quota', 'default-quota', RuleStatus.PASS);
  test.expect(system, 'default-quota', 'default-quota', RuleStatus.SKIP);
  test.expect(good, 'trusted-registry', 'trusted-registry', RuleStatus.PASS);
  test.expect(bad, 'trusted-registry', 'trusted-registry', RuleStatus.FAIL);
  test.expect(legacy, 'trusted-registry', 'trusted-registry', RuleStatus.SKIP);
  test.expect(expired, 'cleanup-jobs', 'cleanup-jobs', RuleStatus.PASS);
  test.expect(fresh, 'cleanup-jobs', 'cleanup-jobs', RuleStatus.SKIP);
  expect(test.node.validate()).toEqual([]);
  const report = test.run();
  expect(report.mismatches).toEqual([]);
  expect(report.results.map((r) => `${r.policy} ${r.resource} ${r.actual}`)).toEqual([
    'add-owner platform-cel-kinds-good pass',
    'add-team platform-cel-kinds-good pass',
    'add-team platform-cel-kinds-labelled skip',
    'cleanup-jobs platform-cel-kinds-expired pass',
    'cleanup-jobs platform-cel-kinds-fresh skip',
    'default-quota tenant-a pass',
    'default-quota infra skip',
    'max-replicas platform-cel-kinds-big fail',
    'max-replicas platform-cel-kinds-small pass',
    'no-latest platform-cel-kinds-bad fail',
    'no-latest platform-cel-kinds-good pass',
    'trusted-registry platform-cel-kinds-bad fail',
    'trusted-registry platform-cel-kinds-good pass',
    'trusted-registry legacy-app skip',
  ]);
  // the suite written for kyverno test lists every policy document and the CEL exception
  const files = test.synthFiles();
  const policies = files.find((f) => f.path.endsWith('policies.yaml'))!.content;
  for (const kind of ['NamespacedValidatingPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicyBinding', 'GeneratingPolicy', 'DeletingPolicy']) {
    expect(policies).toContain(`kind: ${kind}\n`);
  }
  expect(files.find((f) => f.path.endsWith('exceptions.yaml'))!.content).toContain('apiVersion: policies.kyverno.io/v1\nkind: PolicyException\n');
});

test('a wrong expectation on a CEL policy is reported', () => {
  const { test } = fixture();
  const big = new kplus.Deployment(test, 'big', { replicas: 5, containers: [{ image: 'ghcr.io/app:1.0' }] });
  test.expect(big, 'max-replicas', 'max-replicas', RuleStatus.PASS);
  test.expect(big, 'no-such-policy', '', RuleStatus.PASS);
  expect(test.node.validate()).toEqual(['expectations[1].policy: no policy named "no-such-policy" in set cel (policies: add-owner, add-team, cleanup-jobs, default-quota, max-replicas, no-latest, trusted-registry)']);
  const other = fixture().test;
  const big2 = new kplus.Deployment(other, 'big', { replicas: 5, containers: [{ image: 'ghcr.io/app:1.0' }] });
  other.expect(big2, 'max-replicas', 'max-replicas', RuleStatus.PASS);
  expect(() => other.verify()).toThrow('max-replicas/max-replicas on Deployment apps/platform-cel-kinds-big: expected pass, got fail (at most 3 replicas)');
});
