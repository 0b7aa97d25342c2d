import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { devopsRepo, securityRepo, TRICKY_MESSAGE } from './fixtures';
import { expectHelmRenderEqualsRender } from './helm-render-check';
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
