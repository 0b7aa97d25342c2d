import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { FakeRepo } from './fake-repo';
import { parseYamlDocuments } from '../../src/core/yaml';
import { PolicyPlatform, PolicySource, Tool, Toolchain } from '../../src/platform';
import { checkDockerfile } from '../docker/dockerfile-check';

const DIGEST = `sha256:${'b'.repeat(64)}`;

function seedLike() {
  const app = new App();
  const security = new FakeRepo(app, 'security-policy', {
    environments: ['dev', 'qac', 'stg', 'prd'],
    policies: [{ name: 'require-resource-limits' }, { name: 'disallow-latest-tag' }],
  });
  const devops = new FakeRepo(app, 'devops-policy', { environments: ['dev', 'prd'], policies: [{ name: 'require-standard-labels' }] });
  const platform = new PolicyPlatform(app, 'policy-platform', {
    environments: ['dev', 'prd'],
    sources: [
      PolicySource.fromRepo(security as any),
      PolicySource.fromRepo(devops as any),
      PolicySource.fromImage({ repoName: 'backend-applications', image: 'registry.example.com/ops/backend-applications-repo', digest: DIGEST, policies: ['backend-rule'] }),
      PolicySource.kyvernoCurated({ ref: 'release-1.13' }),
    ],
  });
  return { app, platform, security, devops };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'platform-'));
}

describe('PolicyPlatform Dockerfile', () => {
  test('one named stage per source, a tools stage, then the final stage copying each repo', () => {
    const text = seedLike().platform.dockerfile();
    const froms = text.split('\n').filter((l) => l.startsWith('FROM '));
    expect(froms).toEqual([
      `FROM registry.example.com/ops/backend-applications-repo@${DIGEST} AS backend_applications_repo`,
      'FROM registry.example.com/ops/devops-policy-repo:main AS devops_policy_repo',
      'FROM scratch AS kyverno_policies',
      'FROM registry.example.com/ops/security-policy-repo:main AS security_policy_repo',
      'FROM alpine:3.22.1 AS toolchain',
      'FROM alpine:3.22.1',
    ]);
    const copies = text.split('\n').filter((l) => l.startsWith('COPY '));
    expect(copies).toEqual([
      'COPY --from=toolchain /opt/tools/bin/ /usr/local/bin/',
      'COPY --from=backend_applications_repo /repos/backend-applications/ /repos/backend-applications/',
      'COPY --from=devops_policy_repo /repos/devops-policy/ /repos/devops-policy/',
      'COPY --from=kyverno_policies /repos/kyverno-policies/ /repos/kyverno-policies/',
      'COPY --from=security_policy_repo /repos/security-policy/ /repos/security-policy/',
      'COPY --chmod=0444 index.json /repos/index.json',
    ]);
    expect(text).toContain('ADD https://github.com/kyverno/policies.git#release-1.13 /repos/kyverno-policies/');
    expect(text).toContain('ADD https://github.com/kyverno/kyverno/releases/download/v1.13.2/kyverno-cli_v1.13.2_linux_x86_64.tar.gz /tmp/tools/kyverno/kyverno.tar.gz');
    expect(text).toContain('ADD https://github.com/FairwindsOps/pluto/releases/download/v5.21.1/pluto_5.21.1_linux_amd64.tar.gz /tmp/tools/pluto/pluto.tar.gz');
    expect(text).toMatch(/\nUSER 10001:10001\nWORKDIR \/repos\n$/);
    expect(text).toContain('org.opencontainers.image.revision="${REVISION}"');
    expect(text).toContain('org.opencontainers.image.source="${SOURCE}"');
    expect(text).toContain('org.opencontainers.image.version="${VERSION}"');
    expect(text).not.toMatch(/latest|api\.github\.com|curl/);
  });

  test('the Dockerfile parses, validates clean, and every COPY --from names a stage above it', () => {
    const report = checkDockerfile(seedLike().platform.dockerfile());
    expect(report.diagnostics).toEqual([]);
    expect(report.copyFromProblems).toEqual([]);
    expect(report.stages).toEqual(['backend_applications_repo', 'devops_policy_repo', 'kyverno_policies', 'security_policy_repo', 'toolchain']);
  });

  test('pinned checksums become ADD --checksum; strict mode refuses tools without one', () => {
    const sha = 'c'.repeat(64);
    const app = new App();
    const repo = new FakeRepo(app, 'r', { environments: ['dev'], policies: [] });
    const strict = new PolicyPlatform(app, 'p', {
      sources: [PolicySource.fromRepo(repo as any), PolicySource.kyvernoCurated({ ref: 'main' })],
      tools: new Toolchain({ requireChecksums: true, kyverno: Tool.kyvernoCli({ sha256: sha }) }),
    });
    expect(() => strict.dockerfile()).toThrow(/tool pluto: no sha256 for https:\/\/github.com\/FairwindsOps/);
    let message = '';
    try { strict.dockerfile(); } catch (e) { message = (e as Error).message; }
    for (const t of ['pluto', 'spectral', 'helm', 'yq']) expect(message).toContain(`p: tool ${t}: no sha256`);
    expect(message).not.toContain('tool kyverno: no sha256');
    expect(message).toContain('p: git source kyverno-policies (https://github.com/kyverno/policies.git@main): strict mode (requireChecksums) needs a full 40-character commit SHA');

    const app2 = new App();
    const repo2 = new FakeRepo(app2, 'r', { environments: ['dev'], policies: [] });
    const ok = new PolicyPlatform(app2, 'p', {
      sources: [PolicySource.fromRepo(repo2 as any)],
      tools: new Toolchain({
        requireChecksums: true,
        kyverno: Tool.kyvernoCli({ sha256: sha }),
        pluto: Tool.pluto({ sha256: sha }),
        spectral: Tool.spectral({ sha256: sha }),
        helm: Tool.helm({ sha256: sha, version: '3.17.0' }),
        yq: Tool.yq({ sha256: sha }),
      }),
    });
    const text = ok.dockerfile();
    expect(text).toContain(`ADD --checksum=sha256:${sha} https://get.helm.sh/helm-v3.17.0-linux-amd64.tar.gz /tmp/tools/helm/helm.tar.gz`);
    expect(text.match(/ADD --checksum=sha256:/g)!.length).toBe(5);
    expect(checkDockerfile(text).diagnostics).toEqual([]);
  });

  test('"latest" versions and look-up URLs are refused', () => {
    const app = new App();
    const repo = new FakeRepo(app, 'r', { environments: ['dev'], policies: [] });
    const p = new PolicyPlatform(app, 'p', {
      sources: [PolicySource.fromRepo(repo as any)],
      tools: new Toolchain({
        spectral: Tool.spectral({ version: 'latest' }),
        yq: Tool.yq({ url: 'https://github.com/mikefarah/yq/releases/latest/download/yq_linux_amd64' }),
      }),
    });
    expect(() => p.dockerfile()).toThrow(/tool spectral: version "latest" is not an exact version[\s\S]*tool yq: url .* looks up a "latest" release/);
  });
});

describe('PolicyPlatform index and rendering', () => {
  test('/repos/index.json lists every source with image, tag or digest, and policies', () => {
    const index = seedLike().platform.index();
    expect(index.sources).toEqual([
      { name: 'backend-applications', kind: 'image', path: '/repos/backend-applications/', image: 'registry.example.com/ops/backend-applications-repo', digest: DIGEST, rendered: false, policiesKnown: true, policies: ['ClusterPolicy/backend-rule'] },
      { name: 'devops-policy', kind: 'repo', path: '/repos/devops-policy/', image: 'registry.example.com/ops/devops-policy-repo', tag: 'main', environments: ['dev', 'prd'], rendered: true, policiesKnown: true, policies: ['ClusterPolicy/require-standard-labels'] },
      { name: 'kyverno-policies', kind: 'git', path: '/repos/kyverno-policies/', url: 'https://github.com/kyverno/policies.git', ref: 'release-1.13', rendered: false, policiesKnown: false, policies: [] },
      { name: 'security-policy', kind: 'repo', path: '/repos/security-policy/', image: 'registry.example.com/ops/security-policy-repo', tag: 'main', environments: ['dev', 'qac', 'stg', 'prd'], rendered: true, policiesKnown: true, policies: ['ClusterPolicy/disallow-latest-tag', 'ClusterPolicy/require-resource-limits'] },
    ]);
    expect(index.tools).toEqual({ helm: '3.16.4', kyverno: '1.13.2', pluto: '5.21.1', spectral: '6.14.2', yq: '4.44.6' });
  });

  test('render(env) merges the code-defined sources; all.yaml lists image-only and git sources as not rendered', () => {
    const { platform } = seedLike();
    expect(platform.render('prd').map((m) => `${m.metadata.name}@${m.metadata.labels.env}`)).toEqual([
      'require-standard-labels@prd', 'require-resource-limits@prd', 'disallow-latest-tag@prd',
    ]);
    expect(() => platform.render('qac')).toThrow('policy-platform: unknown environment "qac" (the platform serves: dev, prd)');
    const files = platform.synthFiles();
    expect(files.map((f) => f.path)).toEqual([
      '.dockerignore', '.github/workflows/policy-platform.yaml', 'Dockerfile', 'index.json', 'rendered/dev/all.yaml', 'rendered/prd/all.yaml',
    ]);
    const all = files.find((f) => f.path === 'rendered/dev/all.yaml')!.content;
    expect(all).toContain('# Not rendered here (known only by image registry.example.com/ops/backend-applications-repo@sha256:');
    expect(all).toContain('# Not rendered here (git library https://github.com/kyverno/policies.git@release-1.13): kyverno-policies');
    expect(parseYamlDocuments(all).map((m) => m.metadata.name)).toEqual(['require-standard-labels', 'require-resource-limits', 'disallow-latest-tag']);
  });

  test('synthesis is byte-identical whatever the order the sources are given in', () => {
    const a = seedLike().platform.synthFiles();
    const app = new App();
    const devops = new FakeRepo(app, 'devops-policy', { environments: ['dev', 'prd'], policies: [{ name: 'require-standard-labels' }] });
    const security = new FakeRepo(app, 'security-policy', {
      environments: ['dev', 'qac', 'stg', 'prd'],
      policies: [{ name: 'require-resource-limits' }, { name: 'disallow-latest-tag' }],
    });
    const b = new PolicyPlatform(app, 'policy-platform', {
      environments: ['dev', 'prd'],
      sources: [
        PolicySource.kyvernoCurated({ ref: 'release-1.13' }),
        PolicySource.fromImage({ repoName: 'backend-applications', image: 'registry.example.com/ops/backend-applications-repo', digest: DIGEST, policies: ['backend-rule'] }),
        PolicySource.fromRepo(devops as any),
        PolicySource.fromRepo(security as any),
      ],
    }).synthFiles();
    expect(b).toEqual(a);
  });

  test('the platform workflow builds the image and runs kyverno test, pluto and spectral inside it', () => {
    const wf = parseYamlDocuments(seedLike().platform.synthFiles().find((f) => f.path.startsWith('.github/'))!.content)[0];
    const runs = wf.jobs.platform.steps.filter((s: any) => s.run).map((s: any) => s.run);
    expect(runs[0]).toBe('docker run --rm "$IMAGE:$GITHUB_SHA" kyverno test /repos');
    expect(runs[1]).toBe('docker run --rm "$IMAGE:$GITHUB_SHA" pluto detect-files -d /repos -o wide');
    expect(runs[2]).toMatch(/^docker run --rm "\$IMAGE:\$GITHUB_SHA" sh -ec .*spectral lint --fail-severity=error --ruleset/);
    expect(runs[3]).toContain('docker push');
    const build = wf.jobs.platform.steps.find((s: any) => s.uses === 'docker/build-push-action@v6');
    expect(build.with.load).toBe(true);
    expect(build.with['build-args']).toContain('REVISION=${{ github.sha }}');
  });
});

describe('PolicyPlatform conflicts: every error names both sources, nothing is written', () => {
  function expectNothingWritten(platform: PolicyPlatform, ...messages: string[]) {
    const dir = tmp();
    let error: Error | undefined;
    try { platform.synth(dir); } catch (e) { error = e as Error; }
    expect(error).toBeDefined();
    for (const m of messages) expect(error!.message).toContain(m);
    expect(fs.readdirSync(dir)).toEqual([]);
  }

  test('the same cluster-scoped policy name in two repos', () => {
    const app = new App();
    const a = new FakeRepo(app, 'team-a', { environments: ['dev'], policies: [{ name: 'require-labels' }] });
    const b = new FakeRepo(app, 'team-b', { environments: ['dev'], policies: [{ name: 'require-labels' }, { name: 'other' }] });
    const p = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(b as any), PolicySource.fromRepo(a as any)] });
    expectNothingWritten(p, 'platform: cluster-scoped policy ClusterPolicy/require-labels is brought by two sources: repo team-a (construct team-a) and repo team-b (construct team-b) (they would overwrite each other in the cluster)');
    expect(a.renders + b.renders).toBe(0);
  });

  test('the same policy name in a repo and an image-only source', () => {
    const app = new App();
    const a = new FakeRepo(app, 'team-a', { environments: ['dev'], policies: [{ name: 'require-labels' }] });
    const p = new PolicyPlatform(app, 'platform', {
      sources: [PolicySource.fromRepo(a as any), PolicySource.fromImage({ repoName: 'team-c', image: 'reg.example.com/team-c', tag: 'v1', policies: ['require-labels'] })],
    });
    expectNothingWritten(p, 'policy ClusterPolicy/require-labels is brought by two sources: repo team-a (construct team-a) and image source team-c (reg.example.com/team-c:v1)');
  });

  test('namespaced policies with the same name in different namespaces do not conflict', () => {
    const app = new App();
    const a = new FakeRepo(app, 'team-a', { environments: ['dev'], policies: [{ kind: 'Policy', name: 'x', namespace: 'a' }] });
    const b = new FakeRepo(app, 'team-b', { environments: ['dev'], policies: [{ kind: 'Policy', name: 'x', namespace: 'b' }] });
    const p = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a as any), PolicySource.fromRepo(b as any)] });
    expect(() => p.synthFiles()).not.toThrow();
  });

  test('the same repo twice', () => {
    const app = new App();
    const a = new FakeRepo(app, 'security-policy', { environments: ['dev'], policies: [] });
    const p = new PolicyPlatform(app, 'platform', {
      sources: [
        PolicySource.fromRepo(a as any),
        PolicySource.fromImage({ repoName: 'security-policy', image: 'reg.example.com/other/security-policy-repo', tag: 'main' }),
      ],
    });
    expectNothingWritten(p, 'platform: repo name "security-policy" is used by two sources: image source security-policy (reg.example.com/other/security-policy-repo:main) and repo security-policy (construct security-policy) (both would be copied to /repos/security-policy/)');
  });

  test('mismatched environments', () => {
    const app = new App();
    const a = new FakeRepo(app, 'security-policy', { environments: ['dev', 'qac', 'stg', 'prd'], policies: [] });
    const b = new FakeRepo(app, 'devops-policy', { environments: ['dev', 'prd'], policies: [] });
    const p = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a as any), PolicySource.fromRepo(b as any)] });
    expect(p.environments).toEqual(['dev', 'qac', 'stg', 'prd']);
    expectNothingWritten(p, 'platform: repo devops-policy (construct devops-policy) does not cover the platform\'s environments: missing qac, stg (source: dev, prd; platform platform: dev, qac, stg, prd)');
  });

  test('all problems at once, including bad image references and a repo without image', () => {
    const app = new App();
    const a = new FakeRepo(app, 'a', { environments: ['dev'], policies: [], image: null });
    const p = new PolicyPlatform(app, 'platform', {
      sources: [
        PolicySource.fromRepo(a as any),
        PolicySource.fromImage({ repoName: 'b', image: 'reg.example.com/b', tag: 'latest' }),
        PolicySource.fromImage({ repoName: 'c', image: 'reg.example.com/c', tag: 'v1', digest: 'sha256:1' }),
      ],
    });
    expectNothingWritten(p,
      'platform: repo a (construct a): the repo has no image to pull it from',
      'platform: image source b (reg.example.com/b:latest): image reg.example.com/b: tag "latest" is not a pinned tag',
      'image reg.example.com/c: give exactly one of tag and digest',
      'digest "sha256:1" is not sha256:<64 lowercase hex>',
    );
  });
});

describe('PolicyPlatform.synth', () => {
  test('a second synth touches nothing; serving fewer environments removes their files', () => {
    const dir = tmp();
    const build = (environments: string[]) => {
      const app = new App();
      const repo = new FakeRepo(app, 'r', { environments: ['dev', 'stg', 'prd'], policies: [{ name: 'p' }] });
      return new PolicyPlatform(app, 'p', { environments, sources: [PolicySource.fromRepo(repo as any)] });
    };
    build(['dev', 'stg', 'prd']).synth(dir);
    const all = path.join(dir, 'rendered', 'stg', 'all.yaml');
    const mtime = fs.statSync(all).mtimeMs;
    build(['dev', 'stg', 'prd']).synth(dir);
    expect(fs.statSync(all).mtimeMs).toBe(mtime);
    build(['dev', 'prd']).synth(dir);
    expect(fs.existsSync(path.join(dir, 'rendered', 'stg'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'rendered', 'prd', 'all.yaml'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.policy-platform-files.json'), 'utf-8')).files).not.toContain('rendered/stg/all.yaml');
  });
});
