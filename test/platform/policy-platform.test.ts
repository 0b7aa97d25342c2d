import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { FakeRepo } from './fake-repo';
import { problemsOf } from './problems';
import { parseYamlDocuments } from '../../src/core/yaml';
import { PolicyPlatform, PolicySource, Tool, Toolchain } from '../../src/platform';
import { checkDockerfile } from '../docker/dockerfile-check';

const DIGEST = `sha256:${'b'.repeat(64)}`;
const COMMIT = 'f1f43cac5e9a8a7e9c86765449f351785fe259be';
const LIBRARY_SHA = 'd'.repeat(64);
const ARCHIVE = `https://github.com/kyverno/policies/archive/${COMMIT}.tar.gz`;

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
      PolicySource.fromRepo(security),
      PolicySource.fromRepo(devops),
      PolicySource.fromImage({ repoName: 'backend-applications', image: 'registry.example.com/ops/backend-applications-repo', digest: DIGEST, policies: ['backend-rule'] }),
      PolicySource.kyvernoCurated({ commit: COMMIT, sha256: LIBRARY_SHA }),
    ],
  });
  return { app, platform, security, devops };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'platform-'));
}

describe('PolicyPlatform Dockerfile', () => {
  test('one named stage per source, the toolchain and spectral stages, then the final stage copying each repo', () => {
    const text = seedLike().platform.dockerfile();
    const froms = text.split('\n').filter((l) => l.startsWith('FROM '));
    expect(froms).toEqual([
      `FROM registry.example.com/ops/backend-applications-repo@${DIGEST} AS backend_applications_repo`,
      'FROM registry.example.com/ops/devops-policy-repo:main AS devops_policy_repo',
      `FROM ${PolicyPlatform.DEFAULT_BASE_IMAGE} AS kyverno_policies`,
      'FROM registry.example.com/ops/security-policy-repo:main AS security_policy_repo',
      `FROM ${PolicyPlatform.DEFAULT_BASE_IMAGE} AS toolchain`,
      `FROM ${PolicyPlatform.DEFAULT_NODE_IMAGE} AS spectral`,
      `FROM ${PolicyPlatform.DEFAULT_BASE_IMAGE}`,
    ]);
    const copies = text.split('\n').filter((l) => l.startsWith('COPY '));
    expect(copies).toEqual([
      'COPY spectral/package.json spectral/package-lock.json /opt/spectral/',
      'COPY --from=toolchain /opt/tools/bin/ /usr/local/bin/',
      'COPY --from=spectral /usr/local/bin/node /usr/local/bin/node',
      'COPY --from=spectral /opt/spectral/ /opt/spectral/',
      'COPY --from=spectral /opt/spectral/bin/spectral /usr/local/bin/spectral',
      'COPY --from=backend_applications_repo /repos/backend-applications/ /repos/backend-applications/',
      'COPY --from=devops_policy_repo /repos/devops-policy/ /repos/devops-policy/',
      'COPY --from=kyverno_policies /repos/kyverno-policies/ /repos/kyverno-policies/',
      'COPY --from=security_policy_repo /repos/security-policy/ /repos/security-policy/',
      'COPY index.json /repos/index.json',
    ]);
    // the curated library: the commit's archive, checked before it is unpacked; no git, no ADD
    expect(text).toContain(`wget -q -O /tmp/source/archive.tar.gz '${ARCHIVE}' \\\n    && echo '${LIBRARY_SHA}  /tmp/source/archive.tar.gz' | sha256sum -c - \\\n    && tar -xzf /tmp/source/archive.tar.gz -C /tmp/source \\\n    && cp -R '/tmp/source/policies-${COMMIT}/.' /repos/kyverno-policies/`);
    expect(text).not.toMatch(/^ADD /m);
    expect(text).not.toMatch(/^# syntax=/m);
    expect(text).toMatch(/\nUSER 10001:10001\nWORKDIR \/repos\n$/);
    expect(text).not.toMatch(/latest|api\.github\.com|curl/);
  });

  test('every default tool download is chosen by TARGETARCH and checked against its sha256 before it is installed', () => {
    const text = seedLike().platform.dockerfile();
    // no default on the ARG (it would override the builder's value); the shell falls back to amd64
    expect(text).toContain('\nARG TARGETARCH\n');
    expect(text).toContain([
      'RUN case "${TARGETARCH:-amd64}" in',
      'amd64) url=\'https://get.helm.sh/helm-v3.16.4-linux-amd64.tar.gz\' sha256=\'fc307327959aa38ed8f9f7e66d45492bb022a66c3e5da6063958254b9767d179\' member=\'linux-amd64/helm\' ;;',
      'arm64) url=\'https://get.helm.sh/helm-v3.16.4-linux-arm64.tar.gz\' sha256=\'d3f8f15b3d9ec8c8678fbf3280c3e5902efabe5912e2f9fcf29107efbc8ead69\' member=\'linux-arm64/helm\' ;;',
      '*) echo "helm 3.16.4: no download for TARGETARCH=$TARGETARCH (pinned: amd64, arm64)" >&2; exit 1 ;; esac \\',
      '    && mkdir -p /tmp/tools/helm /opt/tools/bin \\',
      '    && wget -q -O /tmp/tools/helm/helm.tar.gz "$url" \\',
      '    && echo "$sha256  /tmp/tools/helm/helm.tar.gz" | sha256sum -c - \\',
      '    && tar -xzf /tmp/tools/helm/helm.tar.gz -C /tmp/tools/helm "$member" \\',
      '    && cp "/tmp/tools/helm/$member" /opt/tools/bin/helm \\',
      '    && chmod 0755 /opt/tools/bin/helm \\',
      '    && rm -rf /tmp/tools/helm',
    ].join(' ').replace(/ \\ {5}&&/g, ' \\\n    &&'));
    for (const [tool, sums] of Object.entries({
      kyverno: ['c0a85e8d8e855a879ddabbf19568fd80c3095a46f3f686cd4d2653cf0ab6601f', 'fc0e15f74c29d821f1b8e31147873f7fe77d759d0f6b82f27ecf48c52c27840f'],
      pluto: ['3d736c29305bc5088f8185ed5519c23a4f076738cfa2c036347901df598ecce5', '13b55c16b3b370804b0db0ad4a37307400ac5325e7c24a8f61746162ab2b6080'],
      yq: ['0c2b24e645b57d8e7c0566d18643a6d4f5580feeea3878127354a46f2a1e4598', '9477ac3cc447b6c083986129e35af8122eb2b938fe55c9c3e40436fb966e5813'],
    })) {
      expect({ tool, amd64: text.includes(`sha256='${sums[0]}'`), arm64: text.includes(`sha256='${sums[1]}'`) }).toEqual({ tool, amd64: true, arm64: true });
    }
    expect(text).toContain('kyverno-cli_v1.13.2_linux_x86_64.tar.gz');
    expect(text).toContain('kyverno-cli_v1.13.2_linux_arm64.tar.gz');
    expect(text.match(/sha256sum -c -/g)).toHaveLength(5); // four tools and the library
    expect(text).toContain('RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund');
    expect(text).not.toContain('UNVERIFIED');
  });

  test('OCI labels: title, description, version, revision, source, licenses, created, base name and digest', () => {
    const text = seedLike().platform.dockerfile();
    const label = text.slice(text.indexOf('LABEL '), text.indexOf('\n', text.indexOf('org.opencontainers.image.version')));
    expect(label.split(/ \\\n\s+/)).toEqual([
      'LABEL org.opencontainers.image.base.digest="sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1"',
      'org.opencontainers.image.base.name="alpine:3.22.1"',
      'org.opencontainers.image.created="${CREATED}"',
      'org.opencontainers.image.description="Kyverno policies of 4 source(s) and the pinned tools that check them"',
      'org.opencontainers.image.licenses="NOASSERTION"',
      'org.opencontainers.image.revision="${REVISION}"',
      'org.opencontainers.image.source="${SOURCE}"',
      'org.opencontainers.image.title="policy-platform"',
      'org.opencontainers.image.version="${VERSION}"',
    ]);
    expect(text).toContain('ARG VERSION="0.1.0"\nARG REVISION="unknown"\nARG SOURCE="unknown"\nARG CREATED="unknown"');
  });

  test('the Dockerfile parses, validates clean, and every COPY --from names a stage above it', () => {
    const report = checkDockerfile(seedLike().platform.dockerfile());
    expect(report.diagnostics).toEqual([]);
    expect(report.copyFromProblems).toEqual([]);
    expect(report.stages).toEqual(['backend_applications_repo', 'devops_policy_repo', 'kyverno_policies', 'security_policy_repo', 'toolchain', 'spectral']);
  });

  test('verified by default: a tool without sha256 is refused unless named in unverifiedTools, and then marked UNVERIFIED', () => {
    const build = (tools: Toolchain, library = PolicySource.kyvernoCurated({ commit: COMMIT, sha256: LIBRARY_SHA })) => {
      const app = new App();
      const repo = new FakeRepo(app, 'r', { environments: ['dev'], policies: [] });
      return new PolicyPlatform(app, 'p', { sources: [PolicySource.fromRepo(repo), library], tools });
    };
    const newHelm = Tool.helm({ version: '3.17.0' });
    expect(problemsOf(build(new Toolchain({ helm: newHelm })))).toContain(
      'p: tool helm (amd64): no sha256 for https://get.helm.sh/helm-v3.17.0-linux-amd64.tar.gz; every download is verified (set its sha256, or name "helm" in the toolchain\'s unverifiedTools to install it unverified)');
    expect(problemsOf(build(new Toolchain({ helm: newHelm })))).toContain('p: tool helm (arm64): no sha256 for https://get.helm.sh/helm-v3.17.0-linux-arm64.tar.gz');

    const optedOut = build(new Toolchain({ helm: newHelm, unverifiedTools: ['helm'] }));
    const text = optedOut.dockerfile();
    expect(text).toContain('# UNVERIFIED: tool helm 3.17.0 is downloaded without checksum (named in unverifiedTools)');
    expect(text).toContain('# UNVERIFIED: helm 3.17.0 is downloaded without a checksum for amd64, arm64 (named in unverifiedTools)');
    expect(text).toContain('if [ -n "$sha256" ]; then echo "$sha256  /tmp/tools/helm/helm.tar.gz" | sha256sum -c -; else echo "WARNING: helm 3.17.0 is not verified" >&2; fi');
    const readme = optedOut.synthFiles().find((f) => f.path === 'README.md')!.content;
    expect(readme).toContain('- tool helm 3.17.0 is downloaded without checksum (named in unverifiedTools)');
    expect(readme).toContain('amd64: **UNVERIFIED**<br>arm64: **UNVERIFIED**');
    expect(optedOut.index().tools.find((t: any) => t.name === 'helm')).toEqual({
      name: 'helm',
      version: '3.17.0',
      verified: false,
      assets: { amd64: { url: 'https://get.helm.sh/helm-v3.17.0-linux-amd64.tar.gz' }, arm64: { url: 'https://get.helm.sh/helm-v3.17.0-linux-arm64.tar.gz' } },
    });

    const sha = 'c'.repeat(64);
    const pinnedHelm = Tool.helm({
      version: '3.17.0',
      amd64: { url: 'https://mirror.example.com/helm-v3.17.0-linux-amd64.tar.gz', sha256: sha },
      arm64: { url: 'https://mirror.example.com/helm-v3.17.0-linux-arm64.tar.gz', sha256: sha },
    });
    const pinned = build(new Toolchain({ helm: pinnedHelm })).dockerfile();
    expect(pinned).toContain(`amd64) url='https://mirror.example.com/helm-v3.17.0-linux-amd64.tar.gz' sha256='${sha}' member='linux-amd64/helm' ;;`);

    expect(problemsOf(build(new Toolchain({ unverifiedTools: ['conftest'] })))).toContain('p: unverifiedTools: "conftest" names no tool of the toolchain (tools: kyverno, pluto, spectral, helm, yq)');
    expect(problemsOf(build(new Toolchain(), PolicySource.kyvernoCurated({ commit: 'release-1.13' })))).toContain(
      'p: git source kyverno-policies (https://github.com/kyverno/policies/archive/release-1.13.tar.gz): commit "release-1.13" is not a full 40-character commit SHA (a branch or tag can move; pin the commit)');
    expect(problemsOf(build(new Toolchain(), PolicySource.kyvernoCurated({ commit: COMMIT })))).toContain(
      `no sha256 for ${ARCHIVE}; set sha256 (curl -sSL ${ARCHIVE} | sha256sum), or unverified: true to install it unverified`);
    const unverifiedLibrary = build(new Toolchain(), PolicySource.kyvernoCurated({ commit: COMMIT, unverified: true })).dockerfile();
    expect(unverifiedLibrary).toContain(`# UNVERIFIED: kyverno-policies archive ${ARCHIVE} is downloaded without checksum (unverified: true)`);
  });

  test('strict mode (requireDigests): base, node and repo images by digest, nothing unverified', () => {
    const app = new App();
    const repo = new FakeRepo(app, 'r', { environments: ['dev'], policies: [] });
    const strict = new PolicyPlatform(app, 'p', {
      requireDigests: true,
      baseImage: 'alpine:3.22.1',
      sources: [PolicySource.fromRepo(repo), PolicySource.kyvernoCurated({ commit: COMMIT, unverified: true })],
      tools: new Toolchain({ helm: Tool.helm({ version: '3.17.0' }), unverifiedTools: ['helm'] }),
    });
    const message = problemsOf(strict);
    expect(message).toContain('p: strict mode (requireDigests): baseImage: alpine:3.22.1 is not pinned by digest (add @sha256:<digest>)');
    expect(message).toContain('p: strict mode (requireDigests): repo r (construct r): registry.example.com/ops/r-repo:main is not pinned by digest');
    expect(message).toContain('p: strict mode (requireDigests): tool helm is installed unverified (unverifiedTools)');
    expect(message).toContain(`p: strict mode (requireDigests): git source kyverno-policies (${ARCHIVE}) is installed unverified (no sha256)`);
    expect(message).not.toContain('nodeImage');

    const app2 = new App();
    const repo2 = new FakeRepo(app2, 'r', { environments: ['dev'], policies: [] });
    const ok = new PolicyPlatform(app2, 'p', {
      requireDigests: true,
      sources: [PolicySource.fromRepo(repo2, { image: `registry.example.com/ops/r-repo:main@${DIGEST}` })],
    });
    expect(problemsOf(ok)).toBe('');
    expect(ok.index().sources[0]).toMatchObject({ image: `registry.example.com/ops/r-repo:main@${DIGEST}`, repository: 'registry.example.com/ops/r-repo', digest: DIGEST, tag: 'main' });
  });

  test('"latest" versions, look-up URLs and plain http to a remote host are refused', () => {
    const app = new App();
    const repo = new FakeRepo(app, 'r', { environments: ['dev'], policies: [] });
    const p = new PolicyPlatform(app, 'p', {
      sources: [PolicySource.fromRepo(repo)],
      tools: new Toolchain({
        pluto: Tool.pluto({ version: 'latest' }),
        yq: Tool.yq({ amd64: { url: 'https://github.com/mikefarah/yq/releases/latest/download/yq_linux_amd64', sha256: 'e'.repeat(64) }, arm64: { url: 'http://mirror.example.com/yq', sha256: 'e'.repeat(64) } }),
      }),
    });
    const message = problemsOf(p);
    expect(message).toContain('tool pluto: version "latest" is not an exact version');
    expect(message).toContain('tool yq (amd64): url "https://github.com/mikefarah/yq/releases/latest/download/yq_linux_amd64" looks up a "latest" release');
    expect(message).toContain('tool yq (arm64): url "http://mirror.example.com/yq" must be an https URL (or http to 127.0.0.1/localhost)');
  });
});

describe('PolicyPlatform index and rendering', () => {
  test('/repos/index.json records each source (image, digest or tag, charts; library commit and sha256) and each tool (version, URL and sha256 per architecture)', () => {
    const index = seedLike().platform.index();
    expect(index.baseImage).toEqual({ name: 'alpine:3.22.1', digest: 'sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1' });
    expect(index.nodeImage).toEqual({ name: 'node:22.18.0-alpine3.22', digest: 'sha256:1b2479dd35a99687d6638f5976fd235e26c5b37e8122f786fcd5fe231d63de5b' });
    expect(index.sources).toEqual([
      { name: 'backend-applications', kind: 'image', path: '/repos/backend-applications/', image: `registry.example.com/ops/backend-applications-repo@${DIGEST}`, repository: 'registry.example.com/ops/backend-applications-repo', digest: DIGEST, rendered: false, policiesKnown: true, policies: ['ClusterPolicy/backend-rule'] },
      { name: 'devops-policy', kind: 'repo', path: '/repos/devops-policy/', image: 'registry.example.com/ops/devops-policy-repo:main', repository: 'registry.example.com/ops/devops-policy-repo', tag: 'main', charts: { 'devops-policy': '1.0.0' }, environments: ['dev', 'prd'], rendered: true, policiesKnown: true, policies: ['ClusterPolicy/require-standard-labels'] },
      { name: 'kyverno-policies', kind: 'git', path: '/repos/kyverno-policies/', url: ARCHIVE, commit: COMMIT, sha256: LIBRARY_SHA, verified: true, rendered: false, policiesKnown: false, policies: [] },
      { name: 'security-policy', kind: 'repo', path: '/repos/security-policy/', image: 'registry.example.com/ops/security-policy-repo:main', repository: 'registry.example.com/ops/security-policy-repo', tag: 'main', charts: { 'security-policy': '1.0.0' }, environments: ['dev', 'qac', 'stg', 'prd'], rendered: true, policiesKnown: true, policies: ['ClusterPolicy/disallow-latest-tag', 'ClusterPolicy/require-resource-limits'] },
    ]);
    expect(index.tools.map((t: any) => `${t.name}@${t.version}:${t.verified}`)).toEqual(['helm@3.16.4:true', 'kyverno@1.13.2:true', 'pluto@5.21.1:true', 'spectral@6.14.2:true', 'yq@4.44.6:true']);
    expect(index.tools.find((t: any) => t.name === 'yq').assets).toEqual({
      amd64: { url: 'https://github.com/mikefarah/yq/releases/download/v4.44.6/yq_linux_amd64', sha256: '0c2b24e645b57d8e7c0566d18643a6d4f5580feeea3878127354a46f2a1e4598' },
      arm64: { url: 'https://github.com/mikefarah/yq/releases/download/v4.44.6/yq_linux_arm64', sha256: '9477ac3cc447b6c083986129e35af8122eb2b938fe55c9c3e40436fb966e5813' },
    });
    expect(index.tools.find((t: any) => t.name === 'spectral').npm).toEqual({
      package: '@stoplight/spectral-cli', integrity: 'sha512-yn49Tkin/Zzjwt39CbQvj3NZVolvXrjO3OLNn+Yd+LhQE5C96QNsULuE4q98e7+WRcLu4gK+Z0l5CxYNtsoPtw==', lockfile: 'spectral/package-lock.json',
    });
  });

  test('render(env) merges the code-defined sources; all.yaml lists image-only and library sources as not rendered', () => {
    const { platform } = seedLike();
    expect(platform.render('prd').map((m) => `${m.metadata.name}@${m.metadata.labels.env}`)).toEqual([
      'require-standard-labels@prd', 'require-resource-limits@prd', 'disallow-latest-tag@prd',
    ]);
    expect(() => platform.render('qac')).toThrow('policy-platform: unknown environment "qac" (the platform serves: dev, prd)');
    const files = platform.synthFiles();
    expect(files.map((f) => f.path)).toEqual([
      '.dockerignore', '.github/workflows/policy-platform.yaml', 'Dockerfile', 'README.md', 'index.json', 'rendered/dev/all.yaml', 'rendered/prd/all.yaml',
      'spectral/package-lock.json', 'spectral/package.json',
    ]);
    expect(files.find((f) => f.path === '.dockerignore')!.content.split('\n')).toEqual([
      '# Generated by cdk8s-policy-platform; edit the constructs, not this file.', '# Only what the Dockerfile copies is sent to the build.', '*', '!index.json', '!spectral/package.json', '!spectral/package-lock.json', '',
    ]);
    const all = files.find((f) => f.path === 'rendered/dev/all.yaml')!.content;
    expect(all).toContain('# Not rendered here (known only by image registry.example.com/ops/backend-applications-repo@sha256:');
    expect(all).toContain(`# Not rendered here (library archive ${ARCHIVE}): kyverno-policies`);
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
        PolicySource.kyvernoCurated({ commit: COMMIT, sha256: LIBRARY_SHA }),
        PolicySource.fromImage({ repoName: 'backend-applications', image: 'registry.example.com/ops/backend-applications-repo', digest: DIGEST, policies: ['backend-rule'] }),
        PolicySource.fromRepo(devops),
        PolicySource.fromRepo(security),
      ],
    }).synthFiles();
    expect(b).toEqual(a);
  });
});

describe('the platform workflow', () => {
  const workflow = (image: string) => {
    const app = new App();
    const repo = new FakeRepo(app, 'r', { environments: ['dev'], policies: [] });
    const p = new PolicyPlatform(app, 'policy-platform', { image, version: '2.0.0', sources: [PolicySource.fromRepo(repo)] });
    const text = p.synthFiles().find((f) => f.path === '.github/workflows/policy-platform.yaml')!.content;
    return { text, wf: parseYamlDocuments(text)[0] };
  };

  test('actions pinned by commit SHA with the tag in a comment; no permission at the top, the least per job', () => {
    const { text, wf } = workflow('europe-west6-docker.pkg.dev/ops/charts/policy-platform');
    const uses = text.split('\n').filter((l) => l.includes('uses: '));
    expect(uses.length).toBeGreaterThan(8);
    for (const l of uses) expect(l).toMatch(/uses: [a-z-]+\/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    expect(text).toContain('uses: sigstore/cosign-installer@d7d6bc7722e3daa8354c50bcb52f4837da5e9b6a # v3.8.1');
    expect(wf.permissions).toEqual({});
    expect(wf.jobs.check.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.publish.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
    // logins only to the image's registry
    const logins = [...wf.jobs.check.steps, ...wf.jobs.publish.steps].filter((s: any) => s.uses?.startsWith('docker/login-action@'));
    expect(logins.map((s: any) => s.with.registry)).toEqual(['europe-west6-docker.pkg.dev', 'europe-west6-docker.pkg.dev']);
    expect(text).not.toContain('docker.io');
  });

  test('check: the checks run inside the built image without network; publish: both platforms pushed by digest, signed keyless, SBOM attested', () => {
    const { wf } = workflow('europe-west6-docker.pkg.dev/ops/charts/policy-platform');
    const runs = wf.jobs.check.steps.filter((s: any) => s.run && s.name !== 'Commit time');
    expect(runs.map((s: any) => s.name)).toEqual(['kyverno test', 'pluto detect-files', 'spectral lint']);
    for (const s of runs) expect(s.run).toMatch(/^docker run --rm --network none policy-platform-check:\$\{\{ github\.sha \}\} sh -ec '/);
    expect(runs[0].run).toContain('kyverno test "$d"');
    expect(runs[1].run).toContain('pluto detect-files -d "$d" -o wide');
    expect(runs[2].run).toContain('spectral lint --fail-severity=error --ruleset "${repo}.spectral.yaml" "$tmp/values-$env.yaml"');
    const checkBuild = wf.jobs.check.steps.find((s: any) => s.uses?.startsWith('docker/build-push-action@')).with;
    expect(checkBuild.load).toBe(true);
    expect(checkBuild['build-args']).toBe('VERSION=2.0.0\nREVISION=${{ github.sha }}\nSOURCE=${{ github.server_url }}/${{ github.repository }}\nCREATED=${{ steps.meta.outputs.created }}');

    const publish = wf.jobs.publish;
    expect(publish.needs).toBe('check');
    expect(publish.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    const build = publish.steps.find((s: any) => s.uses?.startsWith('docker/build-push-action@')).with;
    expect(build.platforms).toBe('linux/amd64,linux/arm64');
    expect(build.outputs).toBe('type=image,name=${{ env.IMAGE }},push-by-digest=true,name-canonical=true,push=true');
    const runText = publish.steps.filter((s: any) => s.run).map((s: any) => s.run).join('\n');
    expect(runText).toContain('docker buildx imagetools create --tag "$IMAGE:$GITHUB_SHA" --tag "$IMAGE:main" "$IMAGE@$DIGEST"');
    expect(runText).toContain('cosign sign --yes "$IMAGE@$DIGEST"');
    expect(runText).toContain('cosign attest --yes --type spdxjson --predicate sbom.spdx.json "$IMAGE@$DIGEST"');
    expect(publish.steps.find((s: any) => s.uses?.startsWith('anchore/sbom-action@')).with).toMatchObject({ image: '${{ env.IMAGE }}@${{ steps.build.outputs.digest }}', format: 'spdx-json' });
    expect(publish.steps.some((s: any) => s.uses?.startsWith('docker/setup-qemu-action@'))).toBe(true);
  });

  test('GHCR: the job token logs in, with packages read to check and write to publish', () => {
    const { wf } = workflow('ghcr.io/acme/policy-platform');
    expect(wf.jobs.check.permissions).toEqual({ contents: 'read', packages: 'read' });
    expect(wf.jobs.publish.permissions).toEqual({ 'contents': 'read', 'id-token': 'write', 'packages': 'write' });
    const login = wf.jobs.publish.steps.find((s: any) => s.uses?.startsWith('docker/login-action@')).with;
    expect(login).toEqual({ registry: 'ghcr.io', username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' });
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
    const p = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(b), PolicySource.fromRepo(a)] });
    expectNothingWritten(p, 'platform: cluster-scoped policy ClusterPolicy/require-labels is brought by two sources: repo team-a (construct team-a) and repo team-b (construct team-b) (they would overwrite each other in the cluster)');
    expect(a.renders + b.renders).toBe(0);
  });

  test('the same policy name in a repo and an image-only source', () => {
    const app = new App();
    const a = new FakeRepo(app, 'team-a', { environments: ['dev'], policies: [{ name: 'require-labels' }] });
    const p = new PolicyPlatform(app, 'platform', {
      sources: [PolicySource.fromRepo(a), PolicySource.fromImage({ repoName: 'team-c', image: 'reg.example.com/team-c', tag: 'v1', policies: ['require-labels'] })],
    });
    expectNothingWritten(p, 'policy ClusterPolicy/require-labels is brought by two sources: repo team-a (construct team-a) and image source team-c (reg.example.com/team-c:v1)');
  });

  test('namespaced policies with the same name in different namespaces do not conflict', () => {
    const app = new App();
    const a = new FakeRepo(app, 'team-a', { environments: ['dev'], policies: [{ kind: 'Policy', name: 'x', namespace: 'a' }] });
    const b = new FakeRepo(app, 'team-b', { environments: ['dev'], policies: [{ kind: 'Policy', name: 'x', namespace: 'b' }] });
    const p = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a), PolicySource.fromRepo(b)] });
    expect(() => p.synthFiles()).not.toThrow();
  });

  test('the same repo twice', () => {
    const app = new App();
    const a = new FakeRepo(app, 'security-policy', { environments: ['dev'], policies: [] });
    const p = new PolicyPlatform(app, 'platform', {
      sources: [
        PolicySource.fromRepo(a),
        PolicySource.fromImage({ repoName: 'security-policy', image: 'reg.example.com/other/security-policy-repo', tag: 'main' }),
      ],
    });
    expectNothingWritten(p, 'platform: repo name "security-policy" is used by two sources: image source security-policy (reg.example.com/other/security-policy-repo:main) and repo security-policy (construct security-policy) (both would be copied to /repos/security-policy/)');
  });

  test('mismatched environments', () => {
    const app = new App();
    const a = new FakeRepo(app, 'security-policy', { environments: ['dev', 'qac', 'stg', 'prd'], policies: [] });
    const b = new FakeRepo(app, 'devops-policy', { environments: ['dev', 'prd'], policies: [] });
    const p = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a), PolicySource.fromRepo(b)] });
    expect(p.environments).toEqual(['dev', 'qac', 'stg', 'prd']);
    expectNothingWritten(p, 'platform: repo devops-policy (construct devops-policy) does not cover the platform\'s environments: missing qac, stg (source: dev, prd; platform platform: dev, qac, stg, prd)');
  });

  test('all problems at once, including bad image references and a repo without image', () => {
    const app = new App();
    const a = new FakeRepo(app, 'a', { environments: ['dev'], policies: [], image: null });
    const p = new PolicyPlatform(app, 'platform', {
      sources: [
        PolicySource.fromRepo(a),
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
      return new PolicyPlatform(app, 'p', { environments, sources: [PolicySource.fromRepo(repo)] });
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
