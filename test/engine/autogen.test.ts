/**
 * Pod controller autogen, cases from https://kyverno.io/docs/writing-policies/autogen/
 */
import { PolicyEngine } from '../../src/engine';
import { autogenControllers } from '../../src/engine/autogen';

const podRule = {
  name: 'no-host-network',
  match: { any: [{ resources: { kinds: ['Pod'] } }] },
  validate: { message: 'no hostNetwork', pattern: { spec: { '=(hostNetwork)': false } } },
};
const policy = (rules: any[] = [podRule], annotations?: any) => ({
  apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'p', ...(annotations ? { annotations } : {}) }, spec: { rules },
});
const template = (hostNetwork: boolean) => ({ metadata: { labels: { app: 'x' } }, spec: { hostNetwork, containers: [{ name: 'c', image: 'nginx' }] } });
const deployment = (hostNetwork: boolean) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { template: template(hostNetwork) } });
const cronJob = (hostNetwork: boolean) => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj', namespace: 'default' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: template(hostNetwork) } } } });

test('a Pod rule applies to Deployments as autogen-<rule> and to CronJobs as autogen-cronjob-<rule>', () => {
  expect(PolicyEngine.evaluate(policy(), deployment(true)).map((r) => [r.rule, r.status])).toEqual([['autogen-no-host-network', 'fail']]);
  expect(PolicyEngine.evaluate(policy(), deployment(false)).map((r) => [r.rule, r.status])).toEqual([['autogen-no-host-network', 'pass']]);
  expect(PolicyEngine.evaluate(policy(), cronJob(true)).map((r) => [r.rule, r.status])).toEqual([['autogen-cronjob-no-host-network', 'fail']]);
});

test('variables are rewritten to the pod template (request.object.spec -> spec.template.spec)', () => {
  const rule = {
    name: 'deny-host-network',
    match: { any: [{ resources: { kinds: ['Pod'] } }] },
    validate: { message: 'no', deny: { conditions: { any: [{ key: '{{ request.object.spec.hostNetwork }}', operator: 'Equals', value: true }] } } },
  };
  expect(PolicyEngine.evaluate(policy([rule]), deployment(true))[0].status).toBe('fail');
  expect(PolicyEngine.evaluate(policy([rule]), cronJob(false))[0].status).toBe('pass');
});

test('the autogen-controllers annotation limits or disables generation', () => {
  expect(PolicyEngine.evaluate(policy([podRule], { 'pod-policies.kyverno.io/autogen-controllers': 'none' }), deployment(true))).toEqual([]);
  expect(PolicyEngine.evaluate(policy([podRule], { 'pod-policies.kyverno.io/autogen-controllers': 'Deployment' }), cronJob(true))).toEqual([]);
  expect(PolicyEngine.evaluate(policy([podRule], { 'pod-policies.kyverno.io/autogen-controllers': 'Deployment' }), deployment(true))).toHaveLength(1);
});

test('autogen is off when a rule matches by name or selector, or mixes Pod with other kinds', () => {
  expect(autogenControllers(policy())).toContain('CronJob');
  const named = { ...podRule, match: { any: [{ resources: { kinds: ['Pod'], names: ['web-*'] } }] } };
  expect(autogenControllers(policy([named]))).toEqual([]);
  const selector = { ...podRule, match: { any: [{ resources: { kinds: ['Pod'], selector: { matchLabels: { a: 'b' } } } }] } };
  expect(autogenControllers(policy([selector]))).toEqual([]);
  const mixed = { ...podRule, match: { any: [{ resources: { kinds: ['Pod', 'Deployment'] } }] } };
  expect(autogenControllers(policy([mixed]))).toEqual([]);
  const noPod = { ...podRule, match: { any: [{ resources: { kinds: ['Service'] } }] } };
  expect(autogenControllers(policy([noPod]))).toEqual([]);
});
