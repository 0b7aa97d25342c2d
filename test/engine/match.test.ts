/**
 * match / exclude, cases from https://kyverno.io/docs/writing-policies/match-exclude/
 */
import { pod, statusOf } from './helpers';
import { kindMatches, selectorMatches } from '../../src/engine/match';

const rule = (match: any, exclude?: any) => ({
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name: 'p' },
  spec: { rules: [{ name: 'r', match, ...(exclude ? { exclude } : {}), validate: { message: 'm', deny: {} } }] },
});
const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'prod' }, spec: {} };

describe('kinds', () => {
  test('Kind, Version/Kind, Group/Version/Kind, wildcards and subresources', () => {
    expect(kindMatches(['Deployment'], deployment)).toBe(true);
    expect(kindMatches(['apps/v1/Deployment'], deployment)).toBe(true);
    expect(kindMatches(['apps/*/Deployment'], deployment)).toBe(true);
    expect(kindMatches(['v1/Deployment'], deployment)).toBe(true);
    expect(kindMatches(['batch/*/Deployment'], deployment)).toBe(false);
    expect(kindMatches(['*'], deployment)).toBe(true);
    expect(kindMatches(['Pod'], deployment)).toBe(false);
    expect(kindMatches(['Pod/exec'], pod(), 'exec')).toBe(true);
    expect(kindMatches(['Pod/exec'], pod())).toBe(false);
    expect(kindMatches(['Pod'], pod(), 'exec')).toBe(false);
  });
});

describe('resource filters', () => {
  test('names and namespaces with * and ?', () => {
    expect(statusOf(rule({ any: [{ resources: { kinds: ['Pod'], names: ['p*'] } }] }), pod())).toBe('fail');
    expect(statusOf(rule({ any: [{ resources: { kinds: ['Pod'], names: ['x?'] } }] }), pod())).toBe('excluded');
    expect(statusOf(rule({ any: [{ resources: { kinds: ['Pod'], namespaces: ['def*'] } }] }), pod())).toBe('fail');
    expect(statusOf(rule({ any: [{ resources: { kinds: ['Pod'], namespaces: ['prod'] } }] }), pod())).toBe('excluded');
  });
  test('any needs one filter, all needs every filter', () => {
    const m = (block: string) => ({ [block]: [{ resources: { kinds: ['Pod'] } }, { resources: { namespaces: ['prod'] } }] });
    expect(statusOf(rule(m('any')), pod())).toBe('fail');
    expect(statusOf(rule(m('all')), pod())).toBe('excluded');
  });
  test('exclude any removes a resource that one filter selects; exclude all only when all do', () => {
    const match = { any: [{ resources: { kinds: ['Pod'] } }] };
    expect(statusOf(rule(match, { any: [{ resources: { namespaces: ['default'] } }, { resources: { names: ['zzz'] } }] }), pod())).toBe('excluded');
    expect(statusOf(rule(match, { all: [{ resources: { namespaces: ['default'] } }, { resources: { names: ['zzz'] } }] }), pod())).toBe('fail');
    expect(statusOf(rule(match, { all: [{ resources: { namespaces: ['default'] } }, { resources: { names: ['p'] } }] }), pod())).toBe('excluded');
  });
  test('label selectors: matchLabels with wildcards, matchExpressions', () => {
    expect(selectorMatches({ matchLabels: { app: 'web-*' } }, { app: 'web-1' })).toBe(true);
    expect(selectorMatches({ matchLabels: { 'app.kubernetes.io/*': 'web' } }, { 'app.kubernetes.io/name': 'web' })).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'web' } }, { app: 'db' })).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, { tier: 'b' })).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }, { tier: 'a' })).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, {})).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, {})).toBe(true);
  });
  test('namespaceSelector reads the labels the test supplies for the namespace', () => {
    const p = rule({ any: [{ resources: { kinds: ['Pod'], namespaceSelector: { matchLabels: { env: 'prod' } } } }] });
    expect(statusOf(p, pod(), { namespaceLabels: { env: 'prod' } })).toBe('fail');
    expect(statusOf(p, pod(), { namespaceLabels: { env: 'dev' } })).toBe('excluded');
  });
  test('operations', () => {
    const p = rule({ any: [{ resources: { kinds: ['Pod'], operations: ['UPDATE'] } }] });
    expect(statusOf(p, pod())).toBe('excluded');
    expect(statusOf(p, pod(), { operation: 'UPDATE' })).toBe('fail');
  });
  test('annotations with wildcards', () => {
    const p = rule({ any: [{ resources: { kinds: ['Pod'], annotations: { 'team.io/*': 'a*' } } }] });
    expect(statusOf(p, pod({}, { annotations: { 'team.io/owner': 'alice' } }))).toBe('fail');
    expect(statusOf(p, pod({}, { annotations: { 'team.io/owner': 'bob' } }))).toBe('excluded');
  });
  test('subjects, roles and clusterRoles of the requesting user', () => {
    const p = rule({ any: [{ resources: { kinds: ['Pod'] }, subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'tools' }] }] });
    expect(statusOf(p, pod(), { userInfo: { username: 'system:serviceaccount:tools:ci' } })).toBe('fail');
    expect(statusOf(p, pod(), { userInfo: { username: 'alice' } })).toBe('excluded');
    const g = rule({ any: [{ resources: { kinds: ['Pod'] } }] }, { any: [{ clusterRoles: ['cluster-admin'] }] });
    expect(statusOf(g, pod(), { userInfo: { clusterRoles: ['cluster-admin'] } })).toBe('excluded');
    expect(statusOf(g, pod(), { userInfo: { clusterRoles: ['view'] } })).toBe('fail');
    const grp = rule({ any: [{ resources: { kinds: ['Pod'] }, subjects: [{ kind: 'Group', name: 'devs' }] }] });
    expect(statusOf(grp, pod(), { userInfo: { username: 'bob', groups: ['devs'] } })).toBe('fail');
  });
  test('a namespaced Policy only applies in its namespace', () => {
    const p = { ...rule({ any: [{ resources: { kinds: ['Pod'] } }] }), kind: 'Policy', metadata: { name: 'p', namespace: 'team-a' } };
    expect(statusOf(p, pod())).toBe('excluded');
    expect(statusOf(p, pod({}, { namespace: 'team-a' }))).toBe('fail');
  });
});

describe('subresources (match-exclude/#subresources)', () => {
  test('Deployment/scale matches a Scale request on a Deployment', () => {
    const p = rule({ any: [{ resources: { kinds: ['Deployment/scale'] } }] });
    const scale = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 9 } };
    expect(statusOf(p, scale, { subresource: 'scale', parentResource: { apiVersion: 'apps/v1', kind: 'Deployment' } })).toBe('fail');
    expect(statusOf(p, scale)).toBe('excluded');
    expect(statusOf(p, deployment)).toBe('excluded');
  });
});
