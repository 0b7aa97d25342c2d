/**
 * The kyverno test suite model: Values (globalValues, per-rule and per-resource values,
 * namespaceSelector, subresources), UserInfo, result lookup. Format from
 * https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import { KyvernoTestRunner } from '../../src/engine';

const denyRule = (name: string, key: string, value: any, extra: any = {}) => ({
  name,
  match: { any: [{ resources: { kinds: ['Pod'] } }] },
  ...extra,
  validate: { message: 'denied', deny: { conditions: { any: [{ key, operator: 'Equals', value }] } } },
});
const policy = (rules: any[]) => ({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'p' }, spec: { rules } });
const pod = (name: string, ns = 'default', spec: any = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });
const actuals = (def: any) => KyvernoTestRunner.run({ name: 't', ...def }).results.map((r) => `${r.rule}/${r.resource}:${r.actual}`);

test('rule values, resource values and globalValues become variables', () => {
  const def = {
    policies: [policy([denyRule('by-rule', '{{ limit }}', 'low'), denyRule('by-op', '{{ request.operation }}', 'UPDATE'), denyRule('global', '{{ env }}', 'prod')])],
    resources: [pod('a'), pod('b')],
    results: [
      { policy: 'p', rule: 'by-rule', kind: 'Pod', resources: ['a'], result: 'fail' },
      { policy: 'p', rule: 'by-op', kind: 'Pod', resources: ['a', 'b'], result: 'fail' },
      { policy: 'p', rule: 'global', kind: 'Pod', resources: ['a'], result: 'fail' },
    ],
    values: {
      globalValues: { env: 'prod' },
      policies: [{ name: 'p', rules: [{ name: 'by-rule', values: { limit: 'low' } }], resources: [{ name: 'a', values: { 'request.operation': 'UPDATE' } }] }],
    },
  };
  expect(actuals(def)).toEqual(['by-rule/a:fail', 'by-op/a:fail', 'by-op/b:pass', 'global/a:fail']);
});

test('namespaceSelector labels come from the Values file', () => {
  const p = policy([{ ...denyRule('r', 'x', 'x'), match: { any: [{ resources: { kinds: ['Pod'], namespaceSelector: { matchLabels: { env: 'prod' } } } }] } }]);
  const def = {
    policies: [p],
    resources: [pod('a', 'prod-ns'), pod('b', 'dev-ns')],
    results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'fail' }, { policy: 'p', rule: 'r', kind: 'Pod', resources: ['b'], result: 'skip' }],
    values: { namespaceSelector: [{ name: 'prod-ns', labels: { env: 'prod' } }, { name: 'dev-ns', labels: { env: 'dev' } }] },
  };
  const report = KyvernoTestRunner.run({ name: 't', ...def });
  expect(report.results.map((r) => [r.resource, r.actual, r.matched])).toEqual([['a', 'fail', true], ['b', 'excluded', true]]);
});

test('a UserInfo file supplies the requesting user', () => {
  const p = policy([denyRule('r', '{{ request.userInfo.username }}', 'alice')]);
  const def = {
    policies: [p],
    resources: [pod('a')],
    results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'fail' }],
    userInfo: { kind: 'UserInfo', userInfo: { username: 'alice' }, clusterRoles: ['admin'] },
  };
  expect(actuals(def)).toEqual(['r/a:fail']);
});

test('results name Pod rules for controllers; resources may be namespace/name; the old schema uses status', () => {
  const p = policy([{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { spec: { '=(hostNetwork)': false } } } }]);
  const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'team' }, spec: { template: { spec: { hostNetwork: true, containers: [] } } } };
  const def = {
    policies: [p],
    resources: [deploy, pod('a', 'team')],
    results: [
      { policy: 'p', rule: 'r', kind: 'Deployment', resources: ['team/d'], result: 'fail' },
      { policy: 'p', rule: 'autogen-r', kind: 'Deployment', resource: 'd', status: 'fail' },
      { policy: 'p', rule: 'r', kind: 'Pod', resources: ['missing'], result: 'pass' },
    ],
  };
  const report = KyvernoTestRunner.run({ name: 't', ...def });
  expect(report.results.map((r) => [r.rule, r.resource, r.actual, r.matched])).toEqual([
    ['r', 'd', 'fail', true],
    ['autogen-r', 'd', 'fail', true],
    ['r', 'missing', 'not-found', false],
  ]);
});

test('a rule that does not select the resource is "excluded", which kyverno test counts as a skip whatever was expected', () => {
  const p = policy([{ ...denyRule('r', 'x', 'x'), match: { any: [{ resources: { kinds: ['Service'] } }] } }]);
  const def = { policies: [p], resources: [pod('a')], results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'fail' }] };
  const report = KyvernoTestRunner.run({ name: 't', ...def });
  expect(report.results[0]).toMatchObject({ actual: 'excluded', matched: true });
  expect(report.results[0].reason).toMatch(/does not select the resource/);
});

test('Values subresources map a Scale resource onto deployments/scale', () => {
  const p = policy([{ ...denyRule('r', '{{ request.object.spec.replicas }}', 9), match: { any: [{ resources: { kinds: ['Deployment/scale'] } }] } }]);
  const scale = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 9 } };
  const def = {
    policies: [p],
    resources: [scale],
    results: [{ policy: 'p', rule: 'r', kind: 'Scale', resources: ['web'], result: 'fail' }],
    values: { subresources: [{ subresource: { name: 'deployments/scale', kind: 'Scale', group: 'autoscaling', version: 'v1' }, parentResource: { name: 'deployments', kind: 'Deployment', group: 'apps', version: 'v1' } }] },
  };
  expect(actuals(def)).toEqual(['r/web:fail']);
});

test('a rule the engine cannot evaluate (signature verification) is unsupported with the reason, never excluded', () => {
  const p = policy([{
    name: 'm',
    match: { any: [{ resources: { kinds: ['Pod'] } }] },
    verifyImages: [{ imageReferences: ['*'], attestors: [{ entries: [{ keyless: { subject: 'me', issuer: 'https://issuer' } }] }] }],
  }]);
  const report = KyvernoTestRunner.run({ name: 't', policies: [p], resources: [pod('a')], results: [{ policy: 'p', rule: 'm', kind: 'Pod', resources: ['a'], result: 'pass' }] });
  expect(report.results.map((r) => [r.actual, r.matched, r.category])).toEqual([['unsupported', false, 'verifyImages']]);
  expect(report.results[0].reason).toMatch(/attestors/);
});
