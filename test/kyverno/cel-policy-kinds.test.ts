import { Testing } from 'cdk8s';
import { expectCrdValid, newChart } from './helpers';
import {
  CelPolicy, CelPolicyException, DeletingPolicy, DeletionPropagationPolicy, ExceptionReportResult, FailurePolicy, GeneratingPolicy,
  ImageValidatingPolicy,
  MutatingAdmissionPolicy, MutatingAdmissionPolicyBinding, MutatingAdmissionPolicyVersion, MutatingPolicy, NamespacedDeletingPolicy,
  NamespacedGeneratingPolicy, NamespacedImageValidatingPolicy, NamespacedMutatingPolicy, NamespacedValidatingPolicy, Operation, PatchType,
  ReinvocationPolicy, Severity, TemplateInterpolation, ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding, ValidationAction, ImportedPolicy,
} from '../../src/kyverno';

const PODS_RULE = { apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE, Operation.UPDATE], resources: ['pods'] };
const MATCH = { resourceRules: [PODS_RULE] };
const LABEL_APPLY = 'Object{metadata: Object.metadata{labels: {"team": "web"}}}';

describe('policies.kyverno.io kinds', () => {
  test('NamespacedValidatingPolicy takes the chart namespace and is CRD-valid', () => {
    const chart = newChart({ namespace: 'team-a' });
    const p = new NamespacedValidatingPolicy(chart, 'require-team', {
      severity: Severity.LOW,
      matchConstraints: MATCH,
      validations: [{ expression: "has(object.metadata.labels) && 'team' in object.metadata.labels", message: 'team label required' }],
      validationActions: [ValidationAction.DENY],
      webhookTimeoutSeconds: 15,
    });
    const expected = {
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'NamespacedValidatingPolicy',
      metadata: { name: 'require-team', namespace: 'team-a', annotations: { 'policies.kyverno.io/severity': 'low' } },
      spec: {
        validationActions: ['Deny'],
        webhookConfiguration: { timeoutSeconds: 15 },
        matchConstraints: MATCH,
        validations: [{ expression: "has(object.metadata.labels) && 'team' in object.metadata.labels", message: 'team label required' }],
      },
    };
    expect(p.node.validate()).toEqual([]);
    expect(Testing.synth(chart)).toStrictEqual([expected]);
    expectCrdValid(expected, 'v1.19.0');
    expect(new NamespacedValidatingPolicy(newChart(), 'x', { namespace: 'ns', matchConstraints: MATCH, validations: [{ expression: 'true' }], webhookTimeoutSeconds: 31 }).node.validate())
      .toEqual(['test/x: spec.webhookConfiguration.timeoutSeconds: 31 is not an integer from 1 to 30']);
  });

  test('MutatingPolicy and NamespacedMutatingPolicy: every field, CRD-valid', () => {
    const chart = newChart();
    const p = new MutatingPolicy(chart, 'add-team', {
      matchConstraints: MATCH,
      matchConditions: [{ name: 'no-label', expression: "!has(object.metadata.labels) || !('team' in object.metadata.labels)" }],
      variables: [{ name: 'team', expression: "'web'" }],
      mutations: [
        { patchType: PatchType.APPLY_CONFIGURATION, expression: LABEL_APPLY },
        { patchType: PatchType.JSON_PATCH, expression: '[JSONPatch{op: "add", path: "/metadata/annotations", value: {"a": "b"}}]' },
      ],
      failurePolicy: FailurePolicy.IGNORE,
      reinvocationPolicy: ReinvocationPolicy.IF_NEEDED,
      admission: true,
      background: false,
      mutateExisting: true,
      targetMatchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: [Operation.UPDATE], resources: ['configmaps'] }] },
    });
    const json = p.toJson();
    expect(json.spec).toStrictEqual({
      failurePolicy: 'Ignore',
      reinvocationPolicy: 'IfNeeded',
      evaluation: { admission: { enabled: true }, background: { enabled: false }, mutateExisting: { enabled: true } },
      matchConstraints: MATCH,
      matchConditions: [{ name: 'no-label', expression: "!has(object.metadata.labels) || !('team' in object.metadata.labels)" }],
      targetMatchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['UPDATE'], resources: ['configmaps'] }] },
      variables: [{ name: 'team', expression: "'web'" }],
      mutations: [
        { patchType: 'ApplyConfiguration', applyConfiguration: { expression: LABEL_APPLY } },
        { patchType: 'JSONPatch', jsonPatch: { expression: '[JSONPatch{op: "add", path: "/metadata/annotations", value: {"a": "b"}}]' } },
      ],
    });
    expect(p.node.validate()).toEqual([]);
    expectCrdValid(json, 'v1.19.0');
    const n = new NamespacedMutatingPolicy(newChart(), 'n', { namespace: 'apps', matchConstraints: MATCH, mutations: [{ patchType: PatchType.APPLY_CONFIGURATION, expression: LABEL_APPLY }] });
    expect(n.toJson().metadata).toStrictEqual({ name: 'n', namespace: 'apps' });
    expectCrdValid(n.toJson(), 'v1.19.0');
  });

  test('MutatingPolicy problems: no mutation, bad CEL, bad patch type', () => {
    expect(new MutatingPolicy(newChart(), 'm', { matchConstraints: MATCH, mutations: [] }).node.validate())
      .toEqual(['test/m: spec.mutations: list at least one mutation']);
    const bad = new MutatingPolicy(newChart(), 'm', { matchConstraints: MATCH, mutations: [{ patchType: 'Merge' as PatchType, expression: 'Object{' }] });
    expect(bad.node.validate()).toEqual([
      'test/m: spec.mutations[0].patchType: "Merge" is not one of ApplyConfiguration, JSONPatch',
      expect.stringMatching(/^test\/m: spec\.mutations\[0\]\.applyConfiguration\.expression: not valid CEL: /),
    ]);
  });

  test('GeneratingPolicy: expression or template, CRD-valid, exactly one of them', () => {
    const chart = newChart();
    const p = new GeneratingPolicy(chart, 'gen-cm', {
      matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE], resources: ['namespaces'] }] },
      variables: [{ name: 'ns', expression: 'object.metadata.name' }],
      generate: [
        { expression: "generator.Apply(variables.ns, [{'apiVersion': 'v1', 'kind': 'ConfigMap', 'metadata': {'name': 'zk'}}])" },
        { template: { value: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\n', interpolate: TemplateInterpolation.CEL } },
      ],
      synchronize: true,
      generateExisting: false,
      orphanDownstreamOnPolicyDelete: true,
      useServerSideApply: true,
    });
    expect(p.node.validate()).toEqual([]);
    const json = p.toJson();
    expect(json.spec.evaluation).toStrictEqual({
      generateExisting: { enabled: false }, synchronize: { enabled: true }, orphanDownstreamOnPolicyDelete: { enabled: true },
    });
    expectCrdValid(json, 'v1.19.0');
    const n = new NamespacedGeneratingPolicy(newChart({ namespace: 'x' }), 'n', { matchConstraints: MATCH, generate: [{ expression: 'true', template: { value: 'a: b' } }, {}] });
    expect(n.node.validate()).toEqual([
      'test/n: spec.generate[0]: set exactly one of expression or template (a non-empty template.value)',
      'test/n: spec.generate[1]: set exactly one of expression or template (a non-empty template.value)',
    ]);
  });

  test('ImageValidatingPolicy: every field CRD-valid; glob xor expression', () => {
    const chart = newChart();
    const p = new ImageValidatingPolicy(chart, 'verify', {
      matchConstraints: MATCH,
      matchImageReferences: [{ glob: 'ghcr.io/kyverno/*' }, { expression: "ref.startsWith('docker.io/')" }],
      images: [{ name: 'all', expression: 'object.spec.containers.map(c, c.image)' }],
      attestors: [{ name: 'cosign', cosign: { key: { data: '-----BEGIN PUBLIC KEY-----' } } }],
      attestations: [{ name: 'sbom', referrer: { type: 'sbom/cyclone-dx' } }],
      validations: [{ expression: 'images.containers.map(i, verifyImageSignatures(i, [attestors.cosign])).all(e, e > 0)', message: 'unsigned' }],
      validationActions: [ValidationAction.AUDIT],
      validationConfigurations: { mutateDigest: false, verifyDigest: false, required: true },
    });
    expect(p.node.validate()).toEqual([]);
    expectCrdValid(p.toJson(), 'v1.19.0');
    const n = new NamespacedImageValidatingPolicy(newChart(), 'n', {
      namespace: 'apps',
      matchConstraints: MATCH,
      validations: [{ expression: 'true' }],
      matchImageReferences: [{}],
      attestors: [{ name: 'a' }],
    });
    expect(n.toJson().spec.attestors).toStrictEqual([{ name: 'a' }]);
    expect(n.node.validate()).toEqual(['test/n: spec.matchImageReferences[0]: set exactly one of glob or expression', 'test/n: spec.attestors[0]: set exactly one of cosign or notary']);
  });

  test('DeletingPolicy: schedule checked, CRD-valid', () => {
    const p = new DeletingPolicy(newChart(), 'cleanup', {
      schedule: '0 * * * *',
      matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE], resources: ['pods'] }] },
      conditions: [{ name: 'failed', expression: "object.status.phase == 'Failed'" }],
      deletionPropagationPolicy: DeletionPropagationPolicy.BACKGROUND,
    });
    expect(p.node.validate()).toEqual([]);
    expect(p.toJson().spec).toStrictEqual({
      schedule: '0 * * * *',
      deletionPropagationPolicy: 'Background',
      matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] },
      conditions: [{ name: 'failed', expression: "object.status.phase == 'Failed'" }],
    });
    expectCrdValid(p.toJson(), 'v1.19.0');
    const n = new NamespacedDeletingPolicy(newChart(), 'n', { namespace: 'ci', schedule: 'every hour', matchConstraints: MATCH });
    expect(n.node.validate()).toEqual(['test/n: spec.schedule: "every hour" is not a cron schedule (five fields, e.g. "0 * * * *", or a macro such as "@hourly")']);
    expectCrdValid(n.toJson(), 'v1.19.0');
  });

  test('CelPolicyException: CRD-valid; imported by its policies.kyverno.io apiVersion', () => {
    const e = new CelPolicyException(newChart({ namespace: 'kyverno' }), 'allow-ci', {
      description: 'CI runners need host paths, approved by security',
      policyRefs: [{ name: 'disallow-host-path', kind: 'ValidatingPolicy' }],
      matchConditions: [{ name: 'ci', expression: "object.metadata.namespace == 'ci'" }],
      reportResult: ExceptionReportResult.PASS,
      allowedValues: ['a'],
      images: ['ghcr.io/ci/*'],
    });
    expect(e.node.validate()).toEqual([]);
    expect(e.toJson().metadata.namespace).toBe('kyverno');
    expectCrdValid(e.toJson(), 'v1.19.0');
    const imported = ImportedPolicy.fromManifest(newChart(), 'x', e.toJson());
    expect(imported).toBeInstanceOf(CelPolicyException);
    expect(imported.toJson()).toStrictEqual(e.toJson());
    expect(new CelPolicyException(newChart(), 'y', { policyRefs: [{ name: 'p', kind: '' }] }).node.validate())
      .toEqual(['test/y: spec.policyRefs[0].kind: a policy kind is required (e.g. ValidatingPolicy)']);
  });

  test('ImportedPolicy keeps every kind unchanged and refuses the kind of another API group', () => {
    const chart = newChart();
    const authored = [
      new MutatingPolicy(chart, 'a', { matchConstraints: MATCH, mutations: [{ patchType: PatchType.APPLY_CONFIGURATION, expression: LABEL_APPLY }] }),
      new GeneratingPolicy(chart, 'b', { matchConstraints: MATCH, generate: [{ expression: 'true' }] }),
      new DeletingPolicy(chart, 'c', { schedule: '@hourly', matchConstraints: MATCH }),
      new ImageValidatingPolicy(chart, 'd', { matchConstraints: MATCH, validations: [{ expression: 'true' }] }),
      new NamespacedValidatingPolicy(chart, 'e', { namespace: 'x', matchConstraints: MATCH, validations: [{ expression: 'true' }] }),
      new ValidatingAdmissionPolicy(chart, 'f', { matchConstraints: MATCH, validations: [{ expression: 'true' }] }),
      new MutatingAdmissionPolicy(chart, 'g', { matchConstraints: MATCH, mutations: [{ patchType: PatchType.JSON_PATCH, expression: '[]' }] }),
    ].map((p) => p.toJson());
    authored.forEach((m) => {
      const withExtra = { ...m, apiVersion: m.apiVersion.replace('/v1', '/v1beta1'), metadata: { ...m.metadata, labels: { team: 'platform' } } };
      const imported = ImportedPolicy.fromManifest(newChart(), 'i', withExtra) as CelPolicy;
      expect(imported.kind).toBe(m.kind);
      expect(imported.toJson()).toStrictEqual(withExtra);
      expect(imported.node.validate()).toEqual([]);
      expect(imported.imported).toBe(true);
      // a field the kind's schema does not have is refused as kubectl apply --validate=strict refuses it
      if (m.apiVersion.startsWith('policies.kyverno.io/')) {
        const unknown = ImportedPolicy.fromManifest(newChart(), 'i', { ...withExtra, spec: { ...withExtra.spec, extra: { x: 1 } } });
        expect(unknown.node.validate()).toEqual([expect.stringContaining(`test/i: spec.extra: unknown field "extra" (not in the ${m.kind} schema of Kyverno 1.19.0`)]);
      }
      // the kind of another API group is not taken for this one
      expect(() => ImportedPolicy.fromManifest(newChart(), 'i', { ...withExtra, apiVersion: 'kyverno.io/v1' }))
        .toThrow(`test/i: apiVersion: expected ${m.apiVersion.split('/')[0]}/<version> for kind ${m.kind}, got "kyverno.io/v1"`);
    });
    const broken = ImportedPolicy.fromManifest(newChart(), 'bad', { ...authored[0], spec: { ...authored[0].spec, mutations: [{ patchType: 'JSONPatch', jsonPatch: { expression: '[' } }] } });
    expect(broken.node.validate()).toEqual([expect.stringMatching(/^test\/bad: spec\.mutations\[0\]\.jsonPatch\.expression: not valid CEL: /)]);
  });
});

describe('Kubernetes admission policies', () => {
  test('ValidatingAdmissionPolicy with params and its binding', () => {
    const chart = newChart();
    const vap = new ValidatingAdmissionPolicy(chart, 'max-replicas', {
      paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
      matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: [Operation.CREATE, Operation.UPDATE], resources: ['deployments'] }] },
      validations: [{ expression: 'object.spec.replicas <= int(params.data.maxReplicas)', messageExpression: "'at most ' + params.data.maxReplicas" }],
      failurePolicy: FailurePolicy.FAIL,
    });
    const binding = new ValidatingAdmissionPolicyBinding(chart, 'max-replicas-binding', {
      policyName: 'max-replicas',
      validationActions: [ValidationAction.DENY],
      paramRef: { name: 'replica-limits', namespace: 'default', parameterNotFoundAction: 'Deny' },
      matchResources: { namespaceSelector: { matchLabels: { env: 'prod' } } },
    });
    expect(vap.node.validate()).toEqual([]);
    expect(binding.node.validate()).toEqual([]);
    expect(Testing.synth(chart)).toStrictEqual([
      {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicy',
        metadata: { name: 'max-replicas' },
        spec: {
          failurePolicy: 'Fail',
          paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
          matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments'] }] },
          validations: [{ expression: 'object.spec.replicas <= int(params.data.maxReplicas)', messageExpression: "'at most ' + params.data.maxReplicas" }],
        },
      },
      {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicyBinding',
        metadata: { name: 'max-replicas-binding' },
        spec: {
          policyName: 'max-replicas',
          paramRef: { name: 'replica-limits', namespace: 'default', parameterNotFoundAction: 'Deny' },
          matchResources: { namespaceSelector: { matchLabels: { env: 'prod' } } },
          validationActions: ['Deny'],
        },
      },
    ]);
    const bad = new ValidatingAdmissionPolicyBinding(newChart(), 'b', {
      policyName: '', validationActions: [], paramRef: { name: 'a', selector: {}, parameterNotFoundAction: 'Maybe' },
    });
    expect(bad.node.validate()).toEqual([
      'test/b: spec.policyName: the name of the ValidatingAdmissionPolicy is required',
      'test/b: spec.validationActions: list at least one action (Deny, Warn, Audit)',
      'test/b: spec.paramRef: set exactly one of name or selector',
      'test/b: spec.paramRef.parameterNotFoundAction: "Maybe" is not one of Allow, Deny',
    ]);
  });

  test('MutatingAdmissionPolicy: version, binding, mutations', () => {
    const chart = newChart();
    const map = new MutatingAdmissionPolicy(chart, 'sidecar', {
      version: MutatingAdmissionPolicyVersion.V1ALPHA1,
      matchConstraints: MATCH,
      mutations: [{ patchType: PatchType.APPLY_CONFIGURATION, expression: LABEL_APPLY }],
      reinvocationPolicy: ReinvocationPolicy.NEVER,
    });
    const binding = new MutatingAdmissionPolicyBinding(chart, 'sidecar-binding', { policyName: 'sidecar' });
    expect(map.node.validate()).toEqual([]);
    expect(map.toJson()).toStrictEqual({
      apiVersion: 'admissionregistration.k8s.io/v1alpha1',
      kind: 'MutatingAdmissionPolicy',
      metadata: { name: 'sidecar' },
      spec: { reinvocationPolicy: 'Never', matchConstraints: MATCH, mutations: [{ patchType: 'ApplyConfiguration', applyConfiguration: { expression: LABEL_APPLY } }] },
    });
    expect(binding.toJson()).toStrictEqual({
      apiVersion: 'admissionregistration.k8s.io/v1beta1', kind: 'MutatingAdmissionPolicyBinding', metadata: { name: 'sidecar-binding' }, spec: { policyName: 'sidecar' },
    });
  });
});
