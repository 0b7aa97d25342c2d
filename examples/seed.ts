/**
 * The seed (multi-source policy aggregation) defined with this library: three team repositories,
 * Kyverno's curated library, and the policy-platform image that aggregates them.
 */
import { createHash } from 'crypto';
import { App } from 'cdk8s';
import {
  ComputeResource, DisallowLatestTag, DisallowPrivileged, NamingConventions, RequireAnnotations, RequireLabels,
  RequireProbes, RequireResourceLimits,
} from '../src/catalog';
import { AutogenController, AutogenControllers, FailureAction } from '../src/kyverno';
import { PolicyPlatform, PolicySource, RepoImageWorkflow } from '../src/platform';
import { PolicyRepo, PolicySet } from '../src/repo';
import { ValuesRuleset } from '../src/values-lint';

/** The registry of the seed. */
export const REGISTRY = 'europe-west6-docker.pkg.dev/ops/charts';

/**
 * Digests of the repo images, as the repos' image workflows print them after pushing (the platform
 * pins them: strict mode refuses tags). The seed's registry is not public, so these are stand-ins
 * computed from the image names; a real platform records the pushed digests (e.g. with Renovate).
 */
export function standInDigest(repository: string): string {
  return `sha256:${createHash('sha256').update(`${REGISTRY}/${repository}:main`).digest('hex')}`;
}

/**
 * The Kubernetes release the platform's clusters run: the target of the deprecated-API scan
 * (`policy-platform deprecations --k8s-version`). 1.29 lies inside the range Kyverno 1.13 supports;
 * raise it with the clusters, the scan then reports what the upgrade removes.
 */
export const KUBERNETES_VERSION = 'v1.29';

export interface Seed {
  readonly app: App;
  readonly repos: PolicyRepo[];
  readonly platform: PolicyPlatform;
}

function repoImage(name: string) {
  return { registry: REGISTRY, repository: `${name}-repo`, tag: 'main', digest: standInDigest(`${name}-repo`) };
}

/** security-policy: four policies, four environments; Audit until qac, Enforce from stg. */
function securityPolicy(app: App): PolicyRepo {
  const repo = new PolicyRepo(app, 'security-policy', {
    environments: ['dev', 'qac', 'stg', 'prd'],
    image: repoImage('security-policy'),
    description: 'Security team policies: resource limits, image tags, probes, privileged containers',
  });
  const set = new PolicySet(repo, 'security-policy', {
    version: '1.0.0',
    defaults: {
      failureAction: FailureAction.AUDIT,
      environments: {
        stg: { failureAction: FailureAction.ENFORCE },
        prd: { failureAction: FailureAction.ENFORCE },
      },
    },
  });
  // The seed's check-cpu-memory: CPU and memory LIMITS on the containers of Deployments,
  // StatefulSets and DaemonSets (the catalogue's default is the Kyverno library's: requests for
  // both, a limit for memory only). The catalogue matches Pods and lets Kyverno generate the
  // controller rules, so those are narrowed to the seed's three kinds.
  new RequireResourceLimits(set, 'require-resource-limits', {
    category: 'Best Practices',
    requests: [],
    limits: [ComputeResource.CPU, ComputeResource.MEMORY],
    autogenControllers: AutogenControllers.of(AutogenController.DEPLOYMENT, AutogenController.STATEFUL_SET, AutogenController.DAEMON_SET),
  });
  new DisallowLatestTag(set, 'disallow-latest-tag');
  new RequireProbes(set, 'require-probes');
  new DisallowPrivileged(set, 'disallow-privileged');
  new RepoImageWorkflow(repo, 'image-workflow');
  return repo;
}

/** devops-policy: labels, ownership annotations, naming; dev (Audit) and prd (Enforce). */
function devopsPolicy(app: App): PolicyRepo {
  const repo = new PolicyRepo(app, 'devops-policy', {
    environments: ['dev', 'prd'],
    image: repoImage('devops-policy'),
    description: 'DevOps team policies: standard labels, ownership, naming',
  });
  const set = new PolicySet(repo, 'devops-policy', {
    version: '1.0.0',
    defaults: { failureAction: FailureAction.AUDIT, environments: { prd: { failureAction: FailureAction.ENFORCE } } },
  });
  new RequireLabels(set, 'require-standard-labels', {
    name: 'require-standard-labels',
    requiredLabels: [{ key: 'app' }, { key: 'environment' }, { key: 'team' }],
    kinds: ['Deployment', 'StatefulSet'],
  });
  new RequireAnnotations(set, 'require-annotations', {
    requiredAnnotations: [{ key: 'owner' }, { key: 'contact' }],
    kinds: ['Deployment', 'StatefulSet'],
  });
  new NamingConventions(set, 'naming-conventions', {
    conventions: [{ kinds: ['Deployment', 'StatefulSet', 'Service'], regex: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', description: 'lowercase words separated by single dashes', ruleName: 'resource-name' }],
  });
  new RepoImageWorkflow(repo, 'image-workflow');
  return repo;
}

/** backend-applications: the application chart's values, checked by the seed's `.spectral.yaml`. */
function backendApplications(app: App): PolicyRepo {
  const repo = new PolicyRepo(app, 'backend-applications', {
    environments: ['dev', 'prd'],
    image: repoImage('backend-applications'),
    description: 'Backend application chart values and their Spectral ruleset',
  });
  new PolicySet(repo, 'backend-applications', {
    version: '1.0.0',
    description: 'Values of the backend applications chart',
    values: { name: 'orders-api', namespace: 'backend', replicas: 3, image: { repository: 'europe-west6-docker.pkg.dev/ops/apps/orders-api', tag: '1.4.2' } },
  });
  ValuesRuleset.backendApplications(repo, 'spectral');
  new RepoImageWorkflow(repo, 'image-workflow');
  return repo;
}

/** Builds the whole seed in a fresh cdk8s App. */
export function buildSeed(): Seed {
  const app = new App();
  const repos = [securityPolicy(app), devopsPolicy(app), backendApplications(app)];
  const platform = new PolicyPlatform(app, 'policy-platform', {
    // devops-policy and backend-applications deploy to dev and prd only: the platform serves those.
    environments: ['dev', 'prd'],
    image: `${REGISTRY}/policy-platform`,
    version: '1.0.0',
    description: 'Security, DevOps and application policies with the pinned tools that check them',
    licenses: 'Apache-2.0',
    // strict mode: every image by digest, every download verified (the default toolchain's checksums)
    requireDigests: true,
    sources: [
      ...repos.map((r) => PolicySource.fromRepo(r)),
      // Kyverno's curated library, mirrored into the platform's registry as a repo image at a
      // reviewed commit. To fetch it directly instead: PolicySource.kyvernoCurated({ commit, sha256 })
      // with the commit's archive checksum (curl -sSL <archive url> | sha256sum).
      PolicySource.fromImage({
        repoName: 'kyverno-policies',
        image: `${REGISTRY}/kyverno-policies-repo`,
        digest: standInDigest('kyverno-policies-repo'),
      }),
    ],
  });
  return { app, repos, platform };
}
