import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { parseYamlDocuments } from '../../src/core/yaml';
import { Dockerfile } from '../../src/docker';
import { ClusterPolicy } from '../../src/kyverno';
import { RepoImageWorkflow, Tool, ToolArchive, Toolchain } from '../../src/platform';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { checkDockerfile } from '../docker/dockerfile-check';

describe('Toolchain', () => {
  test('default pins: the seed\'s versions, exact release URLs', () => {
    const t = new Toolchain();
    expect(t.tools.map((x) => `${x.name}@${x.version}`)).toEqual(['kyverno@1.13.2', 'pluto@5.21.1', 'spectral@6.14.2', 'helm@3.16.4', 'yq@4.44.6']);
    expect(t.problems()).toEqual([]);
    expect(t.versions()).toEqual({ helm: '3.16.4', kyverno: '1.13.2', pluto: '5.21.1', spectral: '6.14.2', yq: '4.44.6' });
  });

  test('a custom tool and an overridden version are installed in the tools stage', () => {
    const conftest = Tool.custom({
      name: 'conftest',
      version: '0.56.0',
      archive: ToolArchive.TAR_GZ,
      sha256: 'd'.repeat(64),
      url: 'https://github.com/open-policy-agent/conftest/releases/download/v0.56.0/conftest_0.56.0_Linux_x86_64.tar.gz',
    });
    const t = new Toolchain({ pluto: Tool.pluto({ version: '5.22.0' }), additionalTools: [conftest] });
    const file = new Dockerfile();
    t.installInto(file.addStage({ from: 'alpine:3.22.1', name: 'toolchain' }));
    const text = file.render();
    expect(text).toContain('https://github.com/FairwindsOps/pluto/releases/download/v5.22.0/pluto_5.22.0_linux_amd64.tar.gz');
    expect(text).toContain(`ADD --checksum=sha256:${'d'.repeat(64)} https://github.com/open-policy-agent/conftest/releases/download/v0.56.0/conftest_0.56.0_Linux_x86_64.tar.gz /tmp/tools/conftest/conftest.tar.gz`);
    expect(text).toContain('install -m 0755 /tmp/tools/conftest/conftest /opt/tools/bin/conftest');
    expect(checkDockerfile(text).diagnostics).toEqual([]);
  });

  test('problems: duplicate names, bad checksums, non-https URLs, bad package names', () => {
    const t = new Toolchain({
      additionalTools: [
        Tool.custom({ name: 'helm', version: '3.0.0', url: 'https://example.com/helm' }),
        Tool.custom({ name: 'x', version: '1.0.0', url: 'http://example.com/x', sha256: 'ABC' }),
      ],
      packages: ['git', 'Bad Package'],
    });
    expect(t.problems()).toEqual([
      'tool helm: installed twice (tool names must be unique)',
      'tool x: url "http://example.com/x" must be an https URL without spaces',
      'tool x: sha256 "ABC" is not 64 lowercase hex characters',
      'package "Bad Package" is not an apk package name (optionally =version)',
    ]);
  });
});

describe('RepoImageWorkflow', () => {
  test('builds and pushes the repo image to the repo\'s registry', () => {
    const repo = new PolicyRepo(new App(), 'security-policy', {
      environments: ['dev'], image: { registry: 'europe-west6-docker.pkg.dev/ops/charts', repository: 'security-policy-repo', tag: 'main' },
    });
    const set = new PolicySet(repo, 'security-policy', { version: '1.0.0' });
    new ClusterPolicy(set, 'p', { rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { name: '?*' } } } }] });
    new RepoImageWorkflow(repo, 'wf');
    const file = repo.synthFiles().find((f) => f.path === '.github/workflows/security-policy-image.yaml')!;
    const wf = parseYamlDocuments(file.content)[0];
    expect(wf.env.IMAGE).toBe('europe-west6-docker.pkg.dev/ops/charts/security-policy-repo');
    const steps = wf.jobs.image.steps;
    expect(steps.find((s: any) => s.uses === 'docker/login-action@v3').with.registry).toBe('europe-west6-docker.pkg.dev');
    expect(steps.find((s: any) => s.uses === 'docker/build-push-action@v6').with.tags).toBe('${{ env.IMAGE }}:${{ github.sha }}\n${{ env.IMAGE }}:main');
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
