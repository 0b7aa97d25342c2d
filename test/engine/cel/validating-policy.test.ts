import { autogenCel, autogenExpression } from '../../../src/engine/cel/autogen';
import { evaluateValidatingPolicy, isValidatingPolicy } from '../../../src/engine/cel/validating-policy';
import { RuleStatus } from '../../../src/engine/result';

const vpol = (spec: any = {}, apiVersion = 'policies.kyverno.io/v1alpha1') => ({
  apiVersion,
  kind: 'ValidatingPolicy',
  metadata: { name: 'require-tag' },
  spec: {
    validationActions: ['Audit'],
    matchConstraints: {
      resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], operations: ['CREATE', 'UPDATE'] }],
    },
    validations: [{ expression: 'object.spec.containers.all(c, c.image.contains(":"))', message: 'images need a tag' }],
    ...spec,
  },
});

const pod = (image: string, metadata: any = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'team', ...metadata }, spec: { containers: [{ name: 'c', image }] },
});

const deployment = (image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd', namespace: 'team', labels: { owner: 'controller' } },
  spec: { template: { metadata: { labels: { owner: 'template' } }, spec: { containers: [{ name: 'c', image }] } } },
});

const cronjob = (image: string) => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'cj', namespace: 'team' },
  spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image }] } } } } },
});

describe('evaluateValidatingPolicy: results', () => {
  test('pass and fail are reported under the policy name', () => {
    expect(evaluateValidatingPolicy(vpol(), pod('nginx:1.25'))).toEqual([
      { policy: 'require-tag', rule: 'require-tag', kind: 'Pod', namespace: 'team', resource: 'p', status: RuleStatus.PASS },
    ]);
    expect(evaluateValidatingPolicy(vpol(), pod('nginx'))).toEqual([
      { policy: 'require-tag', rule: 'require-tag', kind: 'Pod', namespace: 'team', resource: 'p', status: RuleStatus.FAIL, message: 'images need a tag' },
    ]);
  });

  test('v1beta1 and v1 policies are evaluated the same way', () => {
    for (const v of ['policies.kyverno.io/v1beta1', 'policies.kyverno.io/v1']) {
      expect(isValidatingPolicy(vpol({}, v))).toBe(true);
      expect(evaluateValidatingPolicy(vpol({}, v), pod('nginx'))[0].status).toBe(RuleStatus.FAIL);
    }
    expect(isValidatingPolicy({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy' })).toBe(false);
  });

  test('an evaluation error is an error result', () => {
    const r = evaluateValidatingPolicy(vpol({ validations: [{ expression: 'object.spec.nodeName == "n"' }] }), pod('nginx:1'));
    expect(r[0].status).toBe(RuleStatus.ERROR);
    expect(r[0].message).toMatch(/nodeName/);
  });

  test('variables and messageExpression', () => {
    const policy = vpol({
      variables: [{ name: 'untagged', expression: 'object.spec.containers.filter(c, !c.image.contains(":")).map(c, c.image)' }],
      validations: [{ expression: 'size(variables.untagged) == 0', messageExpression: '"untagged: " + variables.untagged.join(",")' }],
    });
    expect(evaluateValidatingPolicy(policy, pod('busybox'))[0].message).toBe('untagged: busybox');
  });
});

describe('evaluateValidatingPolicy: matchConstraints', () => {
  test('resources, apiGroups, apiVersions and operations must all match, else no result', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    expect(evaluateValidatingPolicy(vpol(), cm)).toEqual([]);
    expect(evaluateValidatingPolicy(vpol(), pod('nginx'), { operation: 'DELETE' })).toEqual([]);
    const appsOnly = vpol({ matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], resources: ['pods'], operations: ['*'] }] } });
    expect(evaluateValidatingPolicy(appsOnly, pod('nginx'))).toEqual([]);
    const wildcard = vpol({ matchConstraints: { resourceRules: [{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*'], operations: ['*'] }] } });
    expect(evaluateValidatingPolicy(wildcard, pod('nginx'), { operation: 'DELETE' })).toHaveLength(1);
  });

  test('resourceNames restrict by name', () => {
    const named = vpol({ matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], operations: ['CREATE'], resourceNames: ['other'] }] } });
    expect(evaluateValidatingPolicy(named, pod('nginx'))).toEqual([]);
    expect(evaluateValidatingPolicy(named, pod('nginx', { name: 'other' }))).toHaveLength(1);
  });

  test('excludeResourceRules remove matches', () => {
    const policy = vpol({
      matchConstraints: {
        resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], operations: ['CREATE'] }],
        excludeResourceRules: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], operations: ['CREATE'], resourceNames: ['p'] }],
      },
    });
    expect(evaluateValidatingPolicy(policy, pod('nginx'))).toEqual([]);
    expect(evaluateValidatingPolicy(policy, pod('nginx', { name: 'q' }))).toHaveLength(1);
  });

  test('objectSelector and namespaceSelector', () => {
    const base = vpol().spec.matchConstraints;
    const byLabel = vpol({ matchConstraints: { ...base, objectSelector: { matchLabels: { app: 'web' } } } });
    expect(evaluateValidatingPolicy(byLabel, pod('nginx'))).toEqual([]);
    expect(evaluateValidatingPolicy(byLabel, pod('nginx', { labels: { app: 'web' } }))).toHaveLength(1);
    const byNs = vpol({ matchConstraints: { ...base, namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] } } });
    expect(evaluateValidatingPolicy(byNs, pod('nginx'))).toEqual([]);
    expect(evaluateValidatingPolicy(byNs, pod('nginx'), { namespaceLabels: { env: 'prod' } })).toHaveLength(1);
    const byName = vpol({ matchConstraints: { ...base, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'team' } } } });
    expect(evaluateValidatingPolicy(byName, pod('nginx'))).toHaveLength(1);
  });

  test('matchConditions: all true evaluates, one false skips, an error is an error', () => {
    const policy = (expression: string) => vpol({ matchConditions: [{ name: 'always', expression: 'true' }, { name: 'cond', expression }] });
    expect(evaluateValidatingPolicy(policy('object.metadata.namespace == "team"'), pod('nginx'))[0].status).toBe(RuleStatus.FAIL);
    const skipped = evaluateValidatingPolicy(policy('object.metadata.namespace == "kube-system"'), pod('nginx'))[0];
    expect(skipped.status).toBe(RuleStatus.SKIP);
    expect(skipped.message).toBe("matchCondition 'cond' is not satisfied");
    expect(evaluateValidatingPolicy(policy('object.nope'), pod('nginx'))[0].status).toBe(RuleStatus.ERROR);
  });
});

describe('evaluateValidatingPolicy: pod controller autogen', () => {
  test('a Pod policy applies to Deployments and CronJobs through their pod templates', () => {
    expect(evaluateValidatingPolicy(vpol(), deployment('nginx'))[0]).toMatchObject({ kind: 'Deployment', status: RuleStatus.FAIL });
    expect(evaluateValidatingPolicy(vpol(), deployment('nginx:1'))[0].status).toBe(RuleStatus.PASS);
    expect(evaluateValidatingPolicy(vpol(), cronjob('nginx'))[0]).toMatchObject({ kind: 'CronJob', status: RuleStatus.FAIL });
  });

  test('object.metadata means the template metadata', () => {
    const policy = vpol({ validations: [{ expression: 'object.metadata.labels.owner == "template"' }] });
    expect(evaluateValidatingPolicy(policy, deployment('nginx'))[0].status).toBe(RuleStatus.PASS);
  });

  test('no autogen when selectors, resourceNames or other resources narrow the match (Kyverno CanAutoGen)', () => {
    const base = vpol().spec.matchConstraints;
    const withSelector = vpol({ matchConstraints: { ...base, objectSelector: { matchLabels: { owner: 'controller' } } } });
    expect(evaluateValidatingPolicy(withSelector, deployment('nginx'))).toEqual([]);
    const withNames = vpol({ matchConstraints: { resourceRules: [{ ...base.resourceRules[0], resourceNames: ['d'] }] } });
    expect(evaluateValidatingPolicy(withNames, deployment('nginx'))).toEqual([]);
    const podsAndServices = vpol({ matchConstraints: { resourceRules: [{ ...base.resourceRules[0], resources: ['pods', 'services'] }] } });
    expect(evaluateValidatingPolicy(podsAndServices, deployment('nginx'))).toEqual([]);
  });

  test('spec.autogen.podControllers.controllers limits or disables autogen', () => {
    const onlyCronJobs = vpol({ autogen: { podControllers: { controllers: ['cronjobs'] } } });
    expect(evaluateValidatingPolicy(onlyCronJobs, deployment('nginx'))).toEqual([]);
    expect(evaluateValidatingPolicy(onlyCronJobs, cronjob('nginx'))).toHaveLength(1);
    const none = vpol({ autogen: { podControllers: { controllers: [] } } });
    expect(evaluateValidatingPolicy(none, deployment('nginx'))).toEqual([]);
  });
});

describe('validate.cel autogen rewriting', () => {
  test('object.spec and object.metadata move to the pod template (metadata only when asked)', () => {
    expect(autogenExpression('object.spec.containers.size() > 0 && oldObject.spec.x', 'Deployment', false))
      .toBe('object.spec.template.spec.containers.size() > 0 && oldObject.spec.template.spec.x');
    expect(autogenExpression('object.metadata.name', 'CronJob', true)).toBe('object.spec.jobTemplate.spec.template.metadata.name');
    expect(autogenExpression('object.metadata.name', 'CronJob', false)).toBe('object.metadata.name');
    expect(autogenExpression('namespaceObject.spec', 'Deployment', true)).toBe('namespaceObject.spec');
  });

  test('autogenCel rewrites expressions, messageExpressions and variables', () => {
    const out = autogenCel({
      variables: [{ name: 'c', expression: 'object.spec.containers' }],
      expressions: [{ expression: 'object.spec.hostNetwork != true', messageExpression: '"x" + object.metadata.name' }],
    }, 'Job');
    expect(out.variables[0].expression).toBe('object.spec.template.spec.containers');
    expect(out.expressions[0]).toEqual({ expression: 'object.spec.template.spec.hostNetwork != true', messageExpression: '"x" + object.spec.template.metadata.name' });
  });
});
