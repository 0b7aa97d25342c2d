/**
 * AdmissionValidation against cdk8s-cli's contract, with a recording context (the real cdk8s-cli
 * runs in cdk8s-plugin.integration.test.ts).
 */
import * as path from 'path';
import { LATEST_POD, GOOD_POD, platformFolder, tempDir, writeTree } from './fixtures';
import { AdmissionValidation } from '../../src/enforcement';

function context(manifests: string[]) {
  const violations: any[] = [];
  const submitted: any[] = [];
  const logged: string[] = [];
  return {
    manifests,
    report: { addViolation: (v: any) => violations.push(v), submit: (status: string, metadata: any) => submitted.push({ status, metadata }) },
    logger: { log: (m: string) => logged.push(m) },
    violations,
    submitted,
    logged,
  };
}

const platform = platformFolder();
const manifest = path.join(writeTree(tempDir(), { 'chart.k8s.yaml': `${GOOD_POD}---\n${LATEST_POD}` }), 'chart.k8s.yaml');

test('prd: one violation per failing rule naming each resource, submitted as failure', async () => {
  const ctx = context([manifest]);
  await new AdmissionValidation({ platform, environment: 'prd' }).validate(ctx);
  expect(ctx.violations).toEqual([{
    ruleName: 'disallow-latest-tag/validate-image-tag: denied (Enforce) in prd',
    recommendation: 'validation error: An image tag other than latest is required. rule validate-image-tag failed at path /spec/containers/0/image/',
    fix: 'Change the resource to satisfy policy disallow-latest-tag (rule validate-image-tag), or ask the platform team for a PolicyException.',
    violatingResources: [{
      resourceName: 'latest',
      locations: ['Pod shop/latest: validation error: An image tag other than latest is required. rule validate-image-tag failed at path /spec/containers/0/image/'],
      manifestPath: manifest,
    }],
  }]);
  expect(ctx.submitted).toEqual([{ status: 'failure', metadata: { environment: 'prd', policies: '2', resources: '2', denied: '1', warnings: '0', unsupported: '1' } }]);
  expect(ctx.logged).toEqual(['policy-platform: not evaluated: source kyverno-policies (library archive https://github.com/kyverno/policies/archive/0123456789abcdef0123456789abcdef01234567.tar.gz (commit 0123456789abcdef0123456789abcdef01234567)): not rendered per environment by the platform; its policies are not evaluated']);
});

test('dev: the Audit warning is reported and the synth succeeds; auditFail and strict fail it', async () => {
  const dev = context([manifest]);
  await new AdmissionValidation({ platform, environment: 'dev' }).validate(dev);
  expect(dev.violations.map((v) => v.ruleName)).toEqual(['disallow-latest-tag/validate-image-tag: admitted with a warning (Audit) in dev']);
  expect(dev.submitted[0].status).toBe('success');
  for (const props of [{ auditFail: true }, { strict: true }]) {
    const ctx = context([manifest]);
    await new AdmissionValidation({ platform, environment: 'dev', ...props }).validate(ctx);
    expect(ctx.submitted[0].status).toBe('failure');
  }
});

test('properties missing or incomplete: a clear error', () => {
  expect(() => new AdmissionValidation({})).toThrow('AdmissionValidation: properties need "platform" (a platform folder) and "environment", or "policies" (Kyverno policy files)');
  expect(() => new AdmissionValidation({ platform: 'out/platform' })).toThrow('AdmissionValidation: properties.platform is "out/platform" but "environment" is missing (e.g. environment: prd)');
});
