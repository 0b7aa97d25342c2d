import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App } from 'cdk8s';
import { devopsRepo, securityRepo, TRICKY_MESSAGE } from './fixtures';
import { expectHelmRenderEqualsRender } from './helm-render-check';
import { ClusterPolicy, FailureAction } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { ExpectedResult, PolicyTest } from '../../src/testing';
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
    suite.expect(pod, 'require-team', 'team', ExpectedResult.FAIL);
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
