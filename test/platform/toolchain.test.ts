import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { parseYamlDocuments } from '../../src/core/yaml';
import { Dockerfile } from '../../src/docker';
import { ClusterPolicy } from '../../src/kyverno';
import { RepoImageWorkflow, Tool, ToolArchive, Toolchain } from '../../src/platform';
import { SPECTRAL_CLI_INTEGRITY, SPECTRAL_CLI_VERSION, SPECTRAL_PACKAGE_JSON, SPECTRAL_PACKAGE_LOCK } from '../../src/platform/spectral-lock';
import { addToolchainStages, copyToolchainInto } from '../../src/platform/toolchain-stages';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { checkDockerfile } from '../docker/dockerfile-check';

describe('Toolchain', () => {
  test('default pins: the seed\'s versions, a sha256 for each architecture, Spectral from npm', () => {
    const t = new Toolchain();
    expect(t.tools.map((x) => `${x.name}@${x.version}`)).toEqual(['kyverno@1.13.2', 'pluto@5.21.1', 'spectral@6.14.2', 'helm@3.16.4', 'yq@4.44.6']);
    expect(t.problems()).toEqual([]);
    expect(t.tools.every((x) => x.verified)).toBe(true);
    expect(t.versions()).toEqual({ helm: '3.16.4', kyverno: '1.13.2', pluto: '5.21.1', spectral: '6.14.2', yq: '4.44.6' });
    const pluto = Tool.pluto();
    expect(pluto.amd64).toEqual({ url: 'https://github.com/FairwindsOps/pluto/releases/download/v5.21.1/pluto_5.21.1_linux_amd64.tar.gz', pathInArchive: 'pluto', sha256: '3d736c29305bc5088f8185ed5519c23a4f076738cfa2c036347901df598ecce5' });
    expect(pluto.arm64).toEqual({ url: 'https://github.com/FairwindsOps/pluto/releases/download/v5.21.1/pluto_5.21.1_linux_arm64.tar.gz', pathInArchive: 'pluto', sha256: '13b55c16b3b370804b0db0ad4a37307400ac5325e7c24a8f61746162ab2b6080' });
  });

  test('the Spectral lockfile pins the CLI with the integrity npm publishes, and every package with its own', () => {
    expect(Toolchain.SPECTRAL_CLI_VERSION).toBe(SPECTRAL_CLI_VERSION);
    expect(SPECTRAL_PACKAGE_JSON.dependencies).toEqual({ '@stoplight/spectral-cli': SPECTRAL_CLI_VERSION });
    const packages = SPECTRAL_PACKAGE_LOCK.packages;
    expect(packages['node_modules/@stoplight/spectral-cli']).toMatchObject({ version: SPECTRAL_CLI_VERSION, integrity: SPECTRAL_CLI_INTEGRITY });
    expect(SPECTRAL_CLI_INTEGRITY).toBe('sha512-yn49Tkin/Zzjwt39CbQvj3NZVolvXrjO3OLNn+Yd+LhQE5C96QNsULuE4q98e7+WRcLu4gK+Z0l5CxYNtsoPtw==');
    const withoutIntegrity = Object.entries(packages).filter(([k, v]: [string, any]) => k !== '' && !/^sha512-/.test(v.integrity ?? '')).map(([k]) => k);
    expect(withoutIntegrity).toEqual([]);
    expect(Tool.spectral().verified).toBe(true);
  });

  test('a custom tool and an overridden version are installed in the tools stage, each architecture from its own asset', () => {
    const conftest = Tool.custom({
      name: 'conftest',
      version: '0.56.0',
      archive: ToolArchive.TAR_GZ,
      amd64: { url: 'https://github.com/open-policy-agent/conftest/releases/download/v0.56.0/conftest_0.56.0_Linux_x86_64.tar.gz', sha256: 'd'.repeat(64) },
    });
    const t = new Toolchain({ pluto: Tool.pluto({ version: '5.22.0' }), additionalTools: [conftest], unverifiedTools: ['pluto'] });
    expect(t.problems()).toEqual([]);
    const file = new Dockerfile({ syntax: '' });
    addToolchainStages(t, file, 'alpine:3.22.1', 'node:22-alpine');
    copyToolchainInto(t, file.addStage({ from: 'alpine:3.22.1' }));
    const text = file.render();
    expect(text).toContain('https://github.com/FairwindsOps/pluto/releases/download/v5.22.0/pluto_5.22.0_linux_amd64.tar.gz');
    expect(text).toContain(`case "\${TARGETARCH:-amd64}" in amd64) url='https://github.com/open-policy-agent/conftest/releases/download/v0.56.0/conftest_0.56.0_Linux_x86_64.tar.gz' sha256='${'d'.repeat(64)}' member='conftest' ;; *) echo "conftest 0.56.0: no download for TARGETARCH=$TARGETARCH (pinned: amd64)" >&2; exit 1 ;; esac`);
    expect(text).toContain('cp "/tmp/tools/conftest/$member" /opt/tools/bin/conftest');
    expect(checkDockerfile(text).diagnostics).toEqual([]);
  });

  test('problems: duplicate names, bad checksums, non-https URLs, bad package names, missing checksums', () => {
    const t = new Toolchain({
      additionalTools: [
        Tool.custom({ name: 'helm', version: '3.0.0', amd64: { url: 'https://example.com/helm', sha256: 'a'.repeat(64) } }),
        Tool.custom({ name: 'x', version: '1.0.0', amd64: { url: 'http://example.com/x', sha256: 'ABC' }, arm64: { url: 'https://example.com/x-arm64' } }),
      ],
      packages: ['git', 'Bad Package'],
    });
    expect(t.problems()).toEqual([
      'tool helm: installed twice (tool names must be unique)',
      'tool x (amd64): url "http://example.com/x" must be an https URL (or http to 127.0.0.1/localhost) without spaces, quotes, "$" or backslashes',
      'tool x (amd64): sha256 "ABC" is not 64 lowercase hex characters',
      'tool x (arm64): no sha256 for https://example.com/x-arm64; every download is verified (set its sha256, or name "x" in the toolchain\'s unverifiedTools to install it unverified)',
      'package "Bad Package" is not an apk package name (optionally =version)',
    ]);
  });
});

describe('RepoImageWorkflow', () => {
  test('builds both platforms and pushes by digest to the repo\'s registry only, actions pinned by SHA', () => {
    const repo = new PolicyRepo(new App(), 'security-policy', {
      environments: ['dev'], image: { registry: 'europe-west6-docker.pkg.dev/ops/charts', repository: 'security-policy-repo', tag: 'main' },
    });
    const set = new PolicySet(repo, 'security-policy', { version: '1.0.0' });
    new ClusterPolicy(set, 'p', { rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { name: '?*' } } } }] });
    new RepoImageWorkflow(repo, 'wf');
    const file = repo.synthFiles().find((f) => f.path === '.github/workflows/security-policy-image.yaml')!;
    expect(file.content).toContain('uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2');
    const wf = parseYamlDocuments(file.content)[0];
    expect(wf.permissions).toEqual({});
    expect(wf.jobs.image.permissions).toEqual({ contents: 'read' });
    expect(wf.env.IMAGE).toBe('europe-west6-docker.pkg.dev/ops/charts/security-policy-repo');
    const steps = wf.jobs.image.steps;
    for (const s of steps.filter((x: any) => x.uses)) expect(s.uses).toMatch(/^[a-z-]+\/[a-z-]+@[0-9a-f]{40}$/);
    expect(steps.filter((s: any) => s.uses?.startsWith('docker/login-action@')).map((s: any) => s.with.registry)).toEqual(['europe-west6-docker.pkg.dev']);
    const build = steps.find((s: any) => s.uses?.startsWith('docker/build-push-action@')).with;
    expect(build.platforms).toBe('linux/amd64,linux/arm64');
    expect(build.outputs).toBe('type=image,name=${{ env.IMAGE }},push-by-digest=true,name-canonical=true,push=${{ github.event_name == \'push\' && github.ref == \'refs/heads/main\' }}');
  });

  test('outside a repo, or in a repo without image: a validation error', () => {
    const app = new App();
    new RepoImageWorkflow(new Construct(app, 'loose'), 'wf');
    const repo = new PolicyRepo(app, 'r', { environments: ['dev'] });
    new RepoImageWorkflow(repo, 'wf');
    const messages = app.node.findAll().flatMap((c) => c.node.validate());
    expect(messages).toEqual(expect.arrayContaining([
      'a RepoImageWorkflow must be placed inside a PolicyRepo',
      'the repo r has no image to push (set PolicyRepo\'s image)',
    ]));
  });
});
