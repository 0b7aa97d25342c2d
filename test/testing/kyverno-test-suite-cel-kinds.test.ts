/**
 * A kyverno test suite on disk with a ValidatingAdmissionPolicy, its binding and `paramResources`
 * (the layout of Kyverno's test/cli/test-validating-admission-policy suites), and a
 * policies.kyverno.io PolicyException in `exceptions`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KyvernoTestSuite } from '../../src/testing';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cel-suite-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
const deployment = (name: string, replicas: number) => [
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, '  namespace: default', 'spec:', `  replicas: ${replicas}`,
  '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: web, image: "nginx:1"}]}',
].join('\n');

test('paramResources feed the binding; a CEL PolicyException from `exceptions` skips a ValidatingPolicy', () => {
  write('policy.yaml', [
    'apiVersion: admissionregistration.k8s.io/v1',
    'kind: ValidatingAdmissionPolicy',
    'metadata: {name: max-replicas}',
    'spec:',
    '  paramKind: {apiVersion: v1, kind: ConfigMap}',
    '  matchConstraints: {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}]}',
    '  validations: [{expression: "object.spec.replicas <= int(params.data.maxReplicas)", message: too many replicas}]',
    '---',
    'apiVersion: admissionregistration.k8s.io/v1',
    'kind: ValidatingAdmissionPolicyBinding',
    'metadata: {name: max-replicas-binding}',
    'spec: {policyName: max-replicas, validationActions: [Deny], paramRef: {name: limits, parameterNotFoundAction: Deny}}',
    '---',
    'apiVersion: policies.kyverno.io/v1',
    'kind: ValidatingPolicy',
    'metadata: {name: no-big}',
    'spec:',
    '  matchConstraints: {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}]}',
    '  validations: [{expression: "object.spec.replicas < 4"}]',
  ].join('\n'));
  write('resources.yaml', `${deployment('small', 2)}\n---\n${deployment('big', 9)}\n`);
  write('params.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: limits, namespace: default}\ndata: {maxReplicas: "5"}\n');
  write('exception.yaml', [
    'apiVersion: policies.kyverno.io/v1',
    'kind: PolicyException',
    'metadata: {name: big-ok, namespace: default}',
    'spec:',
    '  policyRefs: [{name: no-big, kind: ValidatingPolicy}]',
    '  matchConditions: [{name: big, expression: "object.metadata.name == \'big\'"}]',
  ].join('\n'));
  write('kyverno-test.yaml', [
    'apiVersion: cli.kyverno.io/v1alpha1',
    'kind: Test',
    'metadata: {name: cel-kinds}',
    'policies: [policy.yaml]',
    'resources: [resources.yaml]',
    'paramResources: [params.yaml]',
    'exceptions: [exception.yaml]',
    'results:',
    '- {isValidatingAdmissionPolicy: true, kind: Deployment, policy: max-replicas, resources: [small], result: pass}',
    '- {isValidatingAdmissionPolicy: true, kind: Deployment, policy: max-replicas, resources: [big], result: fail}',
    '- {isValidatingPolicy: true, kind: Deployment, policy: no-big, resources: [small], result: pass}',
    '- {isValidatingPolicy: true, kind: Deployment, policy: no-big, resources: [big], result: skip}',
  ].join('\n'));
  const report = KyvernoTestSuite.fromFile(path.join(dir, 'kyverno-test.yaml')).run();
  expect(report.results.map((r) => [r.policy, r.resource, r.actual, r.reason])).toEqual([
    ['max-replicas', 'small', 'pass', undefined],
    ['max-replicas', 'big', 'fail', 'too many replicas'],
    ['no-big', 'small', 'pass', undefined],
    ['no-big', 'big', 'skip', 'rule is skipped due to policy exception: default/big-ok'],
  ]);
  expect(report.passed).toBe(true);
  expect(report.results.filter((r) => r.actual === 'unsupported')).toEqual([]);
});
