import { Testing } from 'cdk8s';
import { expectCrdValid, newChart } from './helpers';
import {
  AutogenController, FailurePolicy, Operation, Severity, ValidatingPolicy, ValidatingPolicyProps, ValidationAction, ImportedPolicy,
} from '../../src/kyverno';

const PODS_RULE = { apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE, Operation.UPDATE], resources: ['pods'] };
const BASE: ValidatingPolicyProps = {
  matchConstraints: { resourceRules: [PODS_RULE] },
  validations: [{ expression: 'object.spec.containers.all(c, has(c.resources.limits))', message: 'limits are required' }],
};

describe('ValidatingPolicy', () => {
  test('every field', () => {
    const chart = newChart({ namespace: 'ignored' });
    const p = new ValidatingPolicy(chart, 'require-limits', {
      title: 'Require Limits',
      severity: Severity.MEDIUM,
      description: 'Containers declare limits.',
      matchConstraints: {
        resourceRules: [PODS_RULE, { apiGroups: ['apps'], apiVersions: ['v1'], operations: [Operation.CREATE], resources: ['deployments'], scope: 'Namespaced' }],
        namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] }] },
        objectSelector: { matchLabels: { managed: 'true' } },
        matchPolicy: 'Equivalent',
      },
      matchConditions: [{ name: 'not-dry-run', expression: '!request.dryRun' }],
      variables: [{ name: 'containers', expression: 'object.spec.containers' }],
      validations: [{ expression: 'variables.containers.all(c, has(c.resources.limits))', messageExpression: "'limits missing in ' + object.metadata.name", reason: 'Invalid' }],
      validationActions: [ValidationAction.AUDIT, ValidationAction.WARN],
      auditAnnotations: [{ key: 'containers', valueExpression: 'string(size(variables.containers))' }],
      failurePolicy: FailurePolicy.IGNORE,
      background: true,
      admission: false,
      autogenControllers: [AutogenController.DEPLOYMENT],
    });
    const expected = {
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'ValidatingPolicy',
      metadata: {
        name: 'require-limits',
        annotations: {
          'policies.kyverno.io/description': 'Containers declare limits.',
          'policies.kyverno.io/severity': 'medium',
          'policies.kyverno.io/title': 'Require Limits',
        },
      },
      spec: {
        failurePolicy: 'Ignore',
        validationActions: ['Audit', 'Warn'],
        evaluation: { admission: { enabled: false }, background: { enabled: true } },
        autogen: { podControllers: { controllers: ['Deployment'] } },
        matchConstraints: {
          resourceRules: [
            { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods'] },
            { apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['deployments'], scope: 'Namespaced' },
          ],
          namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] }] },
          objectSelector: { matchLabels: { managed: 'true' } },
          matchPolicy: 'Equivalent',
        },
        matchConditions: [{ name: 'not-dry-run', expression: '!request.dryRun' }],
        variables: [{ name: 'containers', expression: 'object.spec.containers' }],
        validations: [{ expression: 'variables.containers.all(c, has(c.resources.limits))', messageExpression: "'limits missing in ' + object.metadata.name", reason: 'Invalid' }],
        auditAnnotations: [{ key: 'containers', valueExpression: 'string(size(variables.containers))' }],
      },
    };
    expect(p.node.validate()).toEqual([]);
    expect(Testing.synth(chart)).toStrictEqual([expected]);
    expectCrdValid(expected, 'v1.19.0');
  });

  test('minimal', () => {
    const p = new ValidatingPolicy(newChart(), 'vp', BASE);
    expect(p.toJson()).toStrictEqual({
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'ValidatingPolicy',
      metadata: { name: 'vp' },
      spec: { matchConstraints: { resourceRules: [PODS_RULE] }, validations: BASE.validations },
    });
    expectCrdValid(p.toJson(), 'v1.19.0');
  });

  test('an imported ValidatingPolicy keeps its manifest', () => {
    const manifest = new ValidatingPolicy(newChart(), 'vp', { ...BASE, validationActions: [ValidationAction.DENY] }).toJson();
    const again = ImportedPolicy.fromManifest(newChart(), 'again', { ...manifest, spec: { ...manifest.spec, unknown: { x: null } } });
    expect(again.toJson()).toStrictEqual({ ...manifest, spec: { ...manifest.spec, unknown: { x: null } } });
    // kept as given, but refused like kubectl apply --validate=strict: the CRD has no spec.unknown
    expect(again.node.validate()).toEqual(['test/again: spec.unknown: unknown field "unknown" (not in the ValidatingPolicy schema of Kyverno 1.19.0; '
      + 'kubectl apply --validate=strict refuses it); the nearest known field is "autogen"']);
    expect(again).toBeInstanceOf(ValidatingPolicy);
  });

  const bad = (props: Partial<ValidatingPolicyProps>, name = 'vp') => new ValidatingPolicy(newChart(), name, { ...BASE, ...props }).node.validate();

  test('Deny with Warn, duplicate actions', () => {
    expect(bad({ validationActions: [ValidationAction.DENY, ValidationAction.WARN] })).toEqual([
      'test/vp: spec.validationActions: Deny and Warn cannot be combined (use Deny, or Warn with Audit)',
    ]);
    expect(bad({ validationActions: [ValidationAction.AUDIT, ValidationAction.AUDIT] })).toEqual([
      'test/vp: spec.validationActions: ["Audit","Audit"] lists an action twice',
    ]);
  });

  test('no validations, no resource rules, incomplete rule, bad name', () => {
    expect(bad({ validations: [], matchConstraints: { resourceRules: [] } }, 'Bad_VP')).toEqual([
      'test/Bad_VP: metadata.name: "Bad_VP" is not a DNS-1123 subdomain of at most 63 characters (lowercase alphanumerics, \'-\' and \'.\')',
      'test/Bad_VP: spec.matchConstraints.resourceRules: list at least one resource rule',
      'test/Bad_VP: spec.validations: list at least one CEL validation',
    ]);
    expect(bad({ matchConstraints: { resourceRules: [{ ...PODS_RULE, resources: [], operations: ['PATCH' as Operation] }] }, validations: [{ expression: ' ' }] })).toEqual([
      'test/vp: spec.matchConstraints.resourceRules[0].resources: list at least one value ("*" for all)',
      'test/vp: spec.matchConstraints.resourceRules[0].operations: "PATCH" is not one of CREATE, UPDATE, DELETE, CONNECT, *',
      'test/vp: spec.validations[0].expression: a validation needs a CEL expression',
    ]);
  });

  test('duplicate match condition names and bad variable names', () => {
    expect(bad({
      matchConditions: [{ name: 'a', expression: 'true' }, { name: 'a', expression: 'false' }],
      variables: [{ name: '1st', expression: '1' }],
    })).toEqual([
      'test/vp: spec.matchConditions[1].name: "a" is used twice (names must be unique)',
      'test/vp: spec.variables[0].name: "1st" is not a CEL identifier (letters, digits, \'_\'; not starting with a digit)',
    ]);
  });
});
