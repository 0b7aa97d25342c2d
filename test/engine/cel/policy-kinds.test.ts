/**
 * The CEL policy kinds in the offline engine, on examples from Kyverno's documentation and its
 * CLI test suites (test/cli/test-validating-admission-policy, test-mutating-policy,
 * test-generating-policy).
 */
import { evaluatePolicy } from '../../../src/engine/evaluate';
import { RuleStatus } from '../../../src/engine/result';
import { KyvernoTestRunner } from '../../../src/engine/test-runner';

const deployment = (name: string, namespace: string, replicas = 1, labels?: any) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace, ...(labels ? { labels } : {}) },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
});
const pod = (name: string, namespace: string, images: string[]) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) },
});
const DEPLOYMENTS = { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments'] }] };
const PODS = { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods'] }] };

describe('NamespacedValidatingPolicy', () => {
  const policy = {
    apiVersion: 'policies.kyverno.io/v1',
    kind: 'NamespacedValidatingPolicy',
    metadata: { name: 'max-replicas', namespace: 'team-a' },
    spec: { matchConstraints: DEPLOYMENTS, validations: [{ expression: 'object.spec.replicas <= 3', message: 'at most 3 replicas' }] },
  };
  test('applies only in its own namespace', () => {
    expect(evaluatePolicy(policy, deployment('web', 'team-a', 2))).toEqual([
      { policy: 'max-replicas', rule: 'max-replicas', kind: 'Deployment', namespace: 'team-a', resource: 'web', status: RuleStatus.PASS },
    ]);
    expect(evaluatePolicy(policy, deployment('web', 'team-a', 5))[0]).toMatchObject({ status: RuleStatus.FAIL, message: 'at most 3 replicas' });
    expect(evaluatePolicy(policy, deployment('web', 'team-b', 5))).toEqual([]);
  });
});

describe('ValidatingAdmissionPolicy (test-validating-admission-policy)', () => {
  const vap = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: 'check-deployments-replicas' },
    spec: {
      failurePolicy: 'Fail',
      paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
      matchConstraints: DEPLOYMENTS,
      validations: [{ expression: 'object.spec.replicas <= int(params.data.maxReplicas)', message: 'Replicas must be less than or equal 5' }],
    },
  };
  const binding = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: 'check-deployments-replicas-binding' },
    spec: { policyName: 'check-deployments-replicas', paramRef: { name: 'replica-limits-config' } },
  };
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'replica-limits-config', namespace: 'default' }, data: { maxReplicas: '5' } };

  test('with-params: the binding gives params from paramResources', () => {
    const options = { policyBindings: [vap, binding], paramResources: [cm] };
    expect(evaluatePolicy(vap, deployment('nginx-deployment1', 'default', 3), options)[0].status).toBe(RuleStatus.PASS);
    expect(evaluatePolicy(vap, deployment('nginx-deployment2', 'default', 7), options)[0])
      .toMatchObject({ status: RuleStatus.FAIL, message: 'Replicas must be less than or equal 5', rule: 'check-deployments-replicas' });
  });

  test('a missing parameter resource is an error, or a pass with parameterNotFoundAction Allow', () => {
    expect(evaluatePolicy(vap, deployment('d', 'default', 7), { policyBindings: [binding] })[0]).toMatchObject({
      status: RuleStatus.ERROR,
      message: 'no params found for binding check-deployments-replicas-binding: ConfigMap default/replica-limits-config is not among the parameter resources',
    });
    const allow = { ...binding, spec: { ...binding.spec, paramRef: { ...binding.spec.paramRef, parameterNotFoundAction: 'Allow' } } };
    expect(evaluatePolicy(vap, deployment('d', 'default', 7), { policyBindings: [allow] })[0].status).toBe(RuleStatus.PASS);
  });

  test('with-bindings-3: a binding namespaceSelector narrows the policy; unbound resources have no result', () => {
    const policy = { ...vap, metadata: { name: 'check-deployment-replicas' }, spec: { matchConstraints: DEPLOYMENTS, validations: [{ expression: 'object.spec.replicas <= 2' }] } };
    const nsBinding = {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name: 'check-deployment-replicas-binding' },
      spec: {
        policyName: 'check-deployment-replicas',
        validationActions: ['Deny'],
        matchResources: { namespaceSelector: { matchExpressions: [{ key: 'environment', operator: 'In', values: ['staging', 'production'] }] } },
      },
    };
    const run = (ns: string, env: string, replicas: number) => evaluatePolicy(policy, deployment(`${ns}-d`, ns, replicas),
      { policyBindings: [nsBinding], namespaceLabels: { environment: env } });
    expect(run('staging', 'staging', 4)[0]).toMatchObject({ status: RuleStatus.FAIL, message: 'failed expression: object.spec.replicas <= 2' });
    expect(run('production', 'production', 2)[0].status).toBe(RuleStatus.PASS);
    expect(run('testing', 'testing', 4)).toEqual([]);
  });

  test('through the test runner: paramResources, isValidatingAdmissionPolicy results without rule', () => {
    const report = KyvernoTestRunner.run({
      name: 'update',
      policies: [vap, binding],
      resources: [deployment('nginx-deployment1', 'default', 3), deployment('nginx-deployment2', 'default', 7)],
      paramResources: [cm],
      results: [
        { kind: 'Deployment', isValidatingAdmissionPolicy: true, policy: 'check-deployments-replicas', resources: ['nginx-deployment1'], result: 'pass' },
        { kind: 'Deployment', isValidatingAdmissionPolicy: true, policy: 'check-deployments-replicas', resources: ['nginx-deployment2'], result: 'fail' },
      ],
    });
    expect(report.results.map((r) => [r.resource, r.actual, r.category])).toEqual([
      ['nginx-deployment1', 'pass', 'validatingAdmissionPolicy'],
      ['nginx-deployment2', 'fail', 'validatingAdmissionPolicy'],
    ]);
    expect(report.passed).toBe(true);
  });
});

describe('MutatingPolicy (test-mutating-policy)', () => {
  const mpol = {
    apiVersion: 'policies.kyverno.io/v1beta1',
    kind: 'MutatingPolicy',
    metadata: { name: 'test-mpol-jsonpatch' },
    spec: {
      matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['deployments'] }] },
      matchConditions: [{ name: 'is-dev-namespace', expression: "request.namespace == 'dev'" }],
      mutations: [{
        patchType: 'JSONPatch',
        jsonPatch: {
          expression: 'has(object.metadata.labels) ?\n[\n  JSONPatch{\n    op: "add",\n    path: "/metadata/labels/managed",\n    value: "true"\n  }\n] :\n'
            + '[\n  JSONPatch{\n    op: "add",\n    path: "/metadata/labels",\n    value: {"managed": "true"}\n  }\n]',
        },
      }],
    },
  };

  test('mutating-label: JSONPatch in dev, skip elsewhere (matchCondition)', () => {
    const [r] = evaluatePolicy(mpol, deployment('dev-deploy-2', 'dev'));
    expect(r).toMatchObject({ status: RuleStatus.PASS, message: 'success' });
    expect(r.patchedResource).toEqual({ ...deployment('dev-deploy-2', 'dev'), metadata: { name: 'dev-deploy-2', namespace: 'dev', labels: { managed: 'true' } } });
    const [labelled] = evaluatePolicy(mpol, deployment('x', 'dev', 1, { app: 'a' }));
    expect(labelled.patchedResource.metadata.labels).toEqual({ app: 'a', managed: 'true' });
    expect(evaluatePolicy(mpol, deployment('dev-deploy-1', 'default'))).toEqual([{
      policy: 'test-mpol-jsonpatch',
      rule: 'test-mpol-jsonpatch',
      kind: 'Deployment',
      namespace: 'default',
      resource: 'dev-deploy-1',
      status: RuleStatus.SKIP,
      message: "matchCondition 'is-dev-namespace' is not satisfied",
    }]);
  });

  test('exceptions-mutate-deployment: a policies.kyverno.io PolicyException skips the mutation', () => {
    const policy = { ...mpol, spec: { ...mpol.spec, matchConditions: undefined } };
    const exception = {
      apiVersion: 'policies.kyverno.io/v1alpha1',
      kind: 'PolicyException',
      metadata: { name: 'exclude-namespace' },
      spec: {
        policyRefs: [{ name: 'test-mpol-jsonpatch', kind: 'MutatingPolicy' }],
        matchConditions: [{ name: 'check-namespace', expression: "object.metadata.namespace != 'dev'" }],
      },
    };
    const [skipped] = evaluatePolicy(policy, deployment('dev-deploy-1', 'default'), { exceptions: [exception] });
    expect(skipped).toMatchObject({ status: RuleStatus.SKIP, message: 'rule is skipped due to policy exception: exclude-namespace' });
    expect(skipped.patchedResource).toBeUndefined();
    const [patched] = evaluatePolicy(policy, deployment('dev-deploy-2', 'dev'), { exceptions: [exception] });
    expect(patched.patchedResource.metadata.labels).toEqual({ managed: 'true' });
    const passing = { ...exception, spec: { ...exception.spec, reportResult: 'pass' } };
    expect(evaluatePolicy(policy, deployment('dev-deploy-1', 'default'), { exceptions: [passing] })[0])
      .toMatchObject({ status: RuleStatus.PASS, message: 'rule is passed due to policy exception: exclude-namespace' });
  });

  test('ApplyConfiguration merges like server-side apply: maps merge, containers merge by name', () => {
    const policy = {
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'MutatingPolicy',
      metadata: { name: 'add-limits' },
      spec: {
        matchConstraints: PODS,
        mutations: [
          { patchType: 'ApplyConfiguration', applyConfiguration: { expression: 'Object{metadata: Object.metadata{labels: {"team": "web"}}}' } },
          {
            patchType: 'ApplyConfiguration',
            applyConfiguration: {
              expression: 'Object{spec: Object.spec{containers: object.spec.containers.map(c, Object.spec.containers{name: c.name, '
                + 'resources: Object.spec.containers.resources{limits: {"memory": "128Mi"}}})}}',
            },
          },
        ],
      },
    };
    const [r] = evaluatePolicy(policy, pod('p', 'default', ['nginx:1', 'redis:7']));
    expect(r.patchedResource).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', labels: { team: 'web' } },
      spec: {
        containers: [
          { name: 'c0', image: 'nginx:1', resources: { limits: { memory: '128Mi' } } },
          { name: 'c1', image: 'redis:7', resources: { limits: { memory: '128Mi' } } },
        ],
      },
    });
  });

  test('a failing patch is an error; mutate-existing is unsupported offline', () => {
    const bad = { ...mpol, spec: { ...mpol.spec, matchConditions: undefined, mutations: [{ patchType: 'JSONPatch', jsonPatch: { expression: '[JSONPatch{op: "remove", path: "/spec/nope"}]' } }] } };
    expect(evaluatePolicy(bad, deployment('d', 'dev'))[0].status).toBe(RuleStatus.ERROR);
    const existing = { ...mpol, spec: { ...mpol.spec, matchConditions: undefined, evaluation: { mutateExisting: { enabled: true } } } };
    expect(evaluatePolicy(existing, deployment('d', 'dev'))[0]).toMatchObject({ status: RuleStatus.UNSUPPORTED });
    const onPods = { ...mpol, spec: { ...mpol.spec, matchConditions: undefined, matchConstraints: PODS } };
    expect(evaluatePolicy(onPods, deployment('d', 'dev'))[0]).toMatchObject({
      status: RuleStatus.UNSUPPORTED, message: 'autogen mutations of a Deployment pod template are not evaluated offline; test the Pod',
    });
  });
});

describe('policies.kyverno.io PolicyException images and allowedValues (exceptions.allowedImages / allowedValues)', () => {
  const vpol = {
    apiVersion: 'policies.kyverno.io/v1',
    kind: 'ValidatingPolicy',
    metadata: { name: 'restrict-image-tag' },
    spec: {
      matchConstraints: PODS,
      validations: [
        { expression: "object.spec.containers.all(c, string(c.image) in exceptions.allowedImages || !c.image.endsWith(':latest'))", message: 'no latest' },
        { expression: "!has(object.metadata.labels) || !('tier' in object.metadata.labels) || object.metadata.labels.tier in ['web'] + exceptions.allowedValues" },
      ],
    },
  };
  const exception = {
    apiVersion: 'policies.kyverno.io/v1',
    kind: 'PolicyException',
    metadata: { name: 'allow-ci-latest-images', namespace: 'ci' },
    spec: {
      policyRefs: [{ name: 'restrict-image-tag', kind: 'ValidatingPolicy' }],
      images: ['ghcr.io/kyverno/test:latest'],
      allowedValues: ['batch'],
      matchConditions: [{ name: 'ci', expression: "object.metadata.namespace == 'ci'" }],
    },
  };
  test('only the listed images and values are bypassed, where the exception applies', () => {
    const run = (ns: string, images: string[], tier?: string) => {
      const p: any = pod('p', ns, images);
      if (tier) p.metadata.labels = { tier };
      return evaluatePolicy(vpol, p, { exceptions: [exception] })[0].status;
    };
    expect(run('ci', ['ghcr.io/kyverno/test:latest'])).toBe(RuleStatus.PASS);
    expect(run('ci', ['ghcr.io/kyverno/other:latest'])).toBe(RuleStatus.FAIL);
    expect(run('default', ['ghcr.io/kyverno/test:latest'])).toBe(RuleStatus.FAIL);
    expect(run('ci', ['nginx:1'], 'batch')).toBe(RuleStatus.PASS);
    expect(run('default', ['nginx:1'], 'batch')).toBe(RuleStatus.FAIL);
    // without exceptions the lists are empty
    expect(evaluatePolicy(vpol, pod('p', 'ci', ['nginx:1']))[0].status).toBe(RuleStatus.PASS);
  });
});

describe('MutatingAdmissionPolicy', () => {
  test('binding with params: the parameter object feeds the mutation', () => {
    const map = {
      apiVersion: 'admissionregistration.k8s.io/v1beta1',
      kind: 'MutatingAdmissionPolicy',
      metadata: { name: 'set-team' },
      spec: {
        paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
        matchConstraints: PODS,
        mutations: [{ patchType: 'ApplyConfiguration', applyConfiguration: { expression: 'Object{metadata: Object.metadata{labels: {"team": params.data.team}}}' } }],
      },
    };
    const binding = {
      apiVersion: 'admissionregistration.k8s.io/v1beta1',
      kind: 'MutatingAdmissionPolicyBinding',
      metadata: { name: 'set-team-binding' },
      spec: { policyName: 'set-team', paramRef: { name: 'teams', namespace: 'kube-system' } },
    };
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'teams', namespace: 'kube-system' }, data: { team: 'platform' } };
    const [r] = evaluatePolicy(map, pod('p', 'default', ['nginx']), { policyBindings: [binding], paramResources: [cm] });
    expect(r.status).toBe(RuleStatus.PASS);
    expect(r.patchedResource.metadata.labels).toEqual({ team: 'platform' });
  });
});

describe('GeneratingPolicy (test-generating-policy)', () => {
  test('data/generate-cm: generator.Apply creates the ConfigMap in the new namespace', () => {
    const gpol = {
      apiVersion: 'policies.kyverno.io/v1alpha1',
      kind: 'GeneratingPolicy',
      metadata: { name: 'generate-cm' },
      spec: {
        matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['namespaces'] }] },
        variables: [
          { name: 'nsName', expression: 'object.metadata.name' },
          {
            name: 'configmap',
            expression: '[{"kind": dyn("ConfigMap"), "apiVersion": dyn("v1"), "metadata": dyn({"name": "zk-kafka-address", "namespace": string(variables.nsName)}), '
              + '"data": dyn({"KAFKA_ADDRESS": "192.168.10.13:9092", "ZK_ADDRESS": "192.168.10.10:2181"})}]',
          },
        ],
        generate: [{ expression: 'generator.Apply(variables.nsName, variables.configmap)' }],
      },
    };
    const [r] = evaluatePolicy(gpol, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'test-ns' } });
    expect(r).toMatchObject({ status: RuleStatus.PASS, rule: 'generate-cm' });
    expect(r.generatedResources).toEqual([{
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'zk-kafka-address', namespace: 'test-ns' },
      data: { KAFKA_ADDRESS: '192.168.10.13:9092', ZK_ADDRESS: '192.168.10.10:2181' },
    }]);
    expect(evaluatePolicy(gpol, pod('p', 'default', ['nginx']))).toEqual([]);
  });

  test('template with interpolate: cel; a clone source read with resource.Get from the context', () => {
    const gpol = {
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'GeneratingPolicy',
      metadata: { name: 'clone-secret' },
      spec: {
        matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['namespaces'] }] },
        variables: [{ name: 'source', expression: "resource.Get('v1', 'secrets', 'default', 'regcred')" }],
        generate: [
          { expression: "generator.Apply(object.metadata.name, [{'apiVersion': 'v1', 'kind': 'Secret', 'metadata': {'name': 'regcred'}, 'data': variables.source.data}])" },
          { template: { interpolate: 'cel', value: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: owner\n  namespace: ((object.metadata.name))\ndata:\n  team: ((object.metadata.labels.team))\n' } },
        ],
      },
    };
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'default' }, data: { token: 'c2VjcmV0' } };
    const [r] = evaluatePolicy(gpol, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps', labels: { team: 'web' } } }, { contextResources: [secret] });
    expect(r.generatedResources).toEqual([
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'apps' }, data: { token: 'c2VjcmV0' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'apps' }, data: { team: 'web' } },
    ]);
    const [missing] = evaluatePolicy(gpol, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } });
    expect(missing.status).toBe(RuleStatus.ERROR);
  });
});

describe('ImageValidatingPolicy (offline parts)', () => {
  const ivpol = (validations: any[], refs?: any[]) => ({
    apiVersion: 'policies.kyverno.io/v1',
    kind: 'ImageValidatingPolicy',
    metadata: { name: 'images' },
    spec: { matchConstraints: PODS, matchImageReferences: refs, attestors: [{ name: 'cosign', cosign: { key: { data: 'k' } } }], validations },
  });
  test('validations over the matched images; no matched image is a skip', () => {
    const tagged = ivpol([{ expression: "images.containers.all(i, i.contains(':') && !i.endsWith(':latest'))", message: 'pin a tag' }], [{ glob: 'ghcr.io/*' }]);
    expect(evaluatePolicy(tagged, pod('p', 'default', ['ghcr.io/app:1.0', 'docker.io/x:latest']))[0].status).toBe(RuleStatus.PASS);
    expect(evaluatePolicy(tagged, pod('p', 'default', ['ghcr.io/app:latest']))[0]).toMatchObject({ status: RuleStatus.FAIL, message: 'pin a tag' });
    expect(evaluatePolicy(tagged, pod('p', 'default', ['docker.io/x:1']))[0])
      .toMatchObject({ status: RuleStatus.SKIP, message: 'no image matches matchImageReferences' });
    const byExpression = ivpol([{ expression: 'size(images.containers) == 1' }], [{ expression: "ref.startsWith('docker.io/')" }]);
    expect(evaluatePolicy(byExpression, pod('p', 'default', ['docker.io/a:1', 'ghcr.io/b:1']))[0].status).toBe(RuleStatus.PASS);
  });
  test('any matching PolicyException exempts an ImageValidatingPolicy (it has no exceptions.allowedImages)', () => {
    const tagged = ivpol([{ expression: "images.containers.all(i, !i.endsWith(':latest'))", message: 'pin a tag' }]);
    const exception = {
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'PolicyException',
      metadata: { name: 'legacy', namespace: 'default' },
      spec: { policyRefs: [{ name: 'images', kind: 'ImageValidatingPolicy' }], images: ['docker.io/legacy/app:latest'] },
    };
    expect(evaluatePolicy(tagged, pod('p', 'default', ['ghcr.io/a:latest']), { exceptions: [exception] })[0])
      .toMatchObject({ status: RuleStatus.SKIP, message: 'rule is skipped due to policy exception: default/legacy' });
  });

  test('signature verification needs a registry: unsupported, naming the function', () => {
    const signed = ivpol([{ expression: 'images.containers.map(i, verifyImageSignatures(i, [attestors.cosign])).all(e, e > 0)' }]);
    const [r] = evaluatePolicy(signed, pod('p', 'default', ['ghcr.io/app:1.0']));
    expect(r.status).toBe(RuleStatus.UNSUPPORTED);
    expect(r.message).toContain('verifyImageSignatures needs a live registry and cannot be evaluated offline');
  });
});

describe('DeletingPolicy', () => {
  const dpol = {
    apiVersion: 'policies.kyverno.io/v1',
    kind: 'DeletingPolicy',
    metadata: { name: 'cleanup-failed' },
    spec: {
      schedule: '0 * * * *',
      matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] },
      conditions: [{ name: 'failed', expression: "object.status.phase == 'Failed'" }],
    },
  };
  test('conditions decide which resources a run deletes', () => {
    const failed = { ...pod('a', 'default', ['x']), status: { phase: 'Failed' } };
    const running = { ...pod('b', 'default', ['x']), status: { phase: 'Running' } };
    expect(evaluatePolicy(dpol, failed)[0]).toMatchObject({ status: RuleStatus.PASS, message: 'resource would be deleted' });
    expect(evaluatePolicy(dpol, running)[0]).toMatchObject({ status: RuleStatus.SKIP, message: "condition 'failed' is not satisfied" });
    expect(evaluatePolicy(dpol, deployment('d', 'default'))).toEqual([]);
    const namespaced = { ...dpol, kind: 'NamespacedDeletingPolicy', metadata: { name: 'n', namespace: 'ci' } };
    expect(evaluatePolicy(namespaced, failed)).toEqual([]);
    expect(evaluatePolicy(namespaced, { ...failed, metadata: { name: 'a', namespace: 'ci' } })[0].status).toBe(RuleStatus.PASS);
  });
});
