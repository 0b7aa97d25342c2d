import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { ENTRIES } from './entries';
import * as catalog from '../../src/catalog';
import { FailureAction } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { expectHelmRenderEqualsRender } from '../repo/helm-render-check';
import { describeWithHelmRender } from '../support/shared';

describeWithHelmRender('catalogue through the Helm chart', () => {
  test('every catalogue policy renders through Helm exactly as render(env) says, Kyverno variables included', () => {
    const repo = new PolicyRepo(new App(), 'platform-policy', { environments: ['dev', 'prd'] });
    const security = new PolicySet(repo, 'security-policy', { version: '1.0.0', defaults: { failureAction: FailureAction.AUDIT, environments: { prd: { failureAction: FailureAction.ENFORCE } } } });
    const devops = new PolicySet(repo, 'devops-policy', { version: '1.0.0' });
    for (const e of ENTRIES) e.build(e.group === 'DevOps' ? devops : security, e.className);
    const restricted = new catalog.PodSecurityRestricted(security, 'restricted', { namePrefix: 'pss-' });
    security.configure(restricted.policyFor(catalog.PodSecurityControl.HOST_PATH)!, { environments: { dev: { enabled: false } } });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-helm-'));
    try {
      const done = expectHelmRenderEqualsRender(repo, dir);
      expect(done).toEqual([
        { environment: 'dev', chart: 'devops-policy', documents: 5 },
        { environment: 'dev', chart: 'security-policy', documents: 11 + 16 },
        { environment: 'prd', chart: 'devops-policy', documents: 5 },
        { environment: 'prd', chart: 'security-policy', documents: 11 + 17 },
      ]);
      const naming = repo.render('prd').find((m: any) => m.metadata.name === 'naming-conventions');
      expect(naming.spec.rules[0].validate.message).toMatch(/^\{\{ request\.object\.kind \}\} name '\{\{ request\.object\.metadata\.name \}\}'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
