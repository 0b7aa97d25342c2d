/** Starter code written once (projen SampleFile) by the project types. Internal. */

export const REPO_POLICIES_SAMPLE = `import { ClusterPolicy, FailureAction, PolicyRepo, PolicySet } from 'cdk8s-policy-platform';

/**
 * The policies of this repository. Called by the project at synthesis (\`npx projen synth\`).
 */
export function definePolicies(repo: PolicyRepo): void {
  const set = new PolicySet(repo, repo.repoName, {
    version: '0.1.0',
    // Audit everywhere, Enforce in the last environment.
    defaults: {
      failureAction: FailureAction.AUDIT,
      environments: { [repo.environments[repo.environments.length - 1]]: { failureAction: FailureAction.ENFORCE } },
    },
  });
  new ClusterPolicy(set, 'require-team-label', {
    title: 'Require Team Label',
    description: 'Every Deployment names the team that owns it.',
    rules: [{
      name: 'check-team-label',
      match: { any: [{ resources: { kinds: ['Deployment'] } }] },
      validate: {
        message: 'The label team is required.',
        pattern: { metadata: { labels: { team: '?*' } } },
      },
    }],
  });
}
`;

export const REPO_POLICIES_TEST = `import { App } from 'cdk8s';
import { PolicyRepo } from 'cdk8s-policy-platform';
import { definePolicies } from '../src/policies';

// These tests check what the starter policy means, so they stay green as the team adds policies.
test('the team label policy audits in dev and is enforced in the last environment', () => {
  const repo = new PolicyRepo(new App(), 'starter', { environments: ['dev', 'prd'] });
  definePolicies(repo);
  const actions = (env: string) => repo.render(env)
    .filter((m) => m.metadata.name === 'require-team-label')
    .flatMap((m) => m.spec.rules.map((r: any) => r.validate.failureAction));
  expect(actions('dev')).toEqual(['Audit']);
  expect(actions('prd')).toEqual(['Enforce']);
});

test('the repository synthesizes charts and per-environment values', () => {
  const repo = new PolicyRepo(new App(), 'starter', { environments: ['dev', 'prd'] });
  definePolicies(repo);
  const paths = repo.synthFiles().map((f) => f.path);
  expect(paths).toEqual(expect.arrayContaining(['charts/starter/Chart.yaml', 'cd/dev/values.yaml', 'cd/prd/values.yaml']));
});
`;

export const PLATFORM_SAMPLE = `import { PolicySource, PolicyPlatformComponent } from 'cdk8s-policy-platform';

/**
 * The sources this platform aggregates. Called by the project at synthesis (\`npx projen synth\`).
 */
export function definePlatform(platform: PolicyPlatformComponent): void {
  platform.addSource(PolicySource.fromImage({
    repoName: 'security-policy',
    image: 'registry.example.com/ops/security-policy-repo',
    tag: 'main',
    environments: ['dev', 'prd'],
  }));
  // Kyverno's curated library at a reviewed commit, checked against its archive's sha256:
  // platform.addSource(PolicySource.kyvernoCurated({ commit: '<40-character SHA>', sha256: '<curl -sSL https://github.com/kyverno/policies/archive/<SHA>.tar.gz | sha256sum>' }));
}
`;

export const PLATFORM_TEST = `import { App } from 'cdk8s';
import { PolicyPlatform, PolicySource } from 'cdk8s-policy-platform';
import { definePlatform } from '../src/platform';

test('the platform Dockerfile copies every source', () => {
  const sources: PolicySource[] = [];
  // A stand-in for the project's component: definePlatform only calls addSource.
  definePlatform({ addSource: (s: PolicySource) => sources.push(s) } as any);
  const platform = new PolicyPlatform(new App(), 'platform', { sources, environments: ['dev', 'prd'] });
  const dockerfile = platform.dockerfile();
  expect(sources.length).toBeGreaterThan(0);
  for (const s of sources) expect(dockerfile).toContain(\`COPY --from=\${s.stageName} /repos/\${s.repoName}/ /repos/\${s.repoName}/\`);
});
`;
