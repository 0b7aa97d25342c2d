/**
 * The seed example's repositories (examples/seed.ts) through the full helm-render comparison:
 * every chart of every repository in every environment equals render(env) and rendered/, and Go's
 * YAML parser reads Helm's output as we do; every rendered kyverno.io object fits the CRDs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expectHelmRenderEqualsRender } from './helm-render-check';
import { buildSeed } from '../../examples/seed';
import { crdErrors } from '../support/crd-validator';
import { describeWithHelmRender } from '../support/shared';

describeWithHelmRender('seed example: helm-render equals render(env) for every repository', () => {
  const { repos } = buildSeed();
  test.each(repos.map((r) => [r.repoName, r] as const))('%s', (_name, repo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-repo-'));
    try {
      const done = expectHelmRenderEqualsRender(repo, dir);
      expect(done.length).toBe(repo.environments.length * repo.policySets.length);
      for (const env of repo.environments) {
        for (const obj of repo.render(env).filter((o) => String(o.apiVersion).startsWith('kyverno.io/'))) {
          expect({ name: obj.metadata.name, env, errors: crdErrors(obj, 'v1.13.2') }).toEqual({ name: obj.metadata.name, env, errors: [] });
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
