/**
 * PolicySource.fromDirectory: a policy repository folder PolicyRepo.synth() wrote, aggregated by
 * folder. The folder is synthesized here by the library itself, inside the platform's output
 * directory (the build context), then read back and verified.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { problemsOf } from './problems';
import { ClusterPolicy, PolicyException } from '../../src/kyverno';
import { PolicyPlatform, PolicySource, PolicySourceKind } from '../../src/platform';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { checkDockerfile } from '../docker/dockerfile-check';
import { devopsRepo, securityRepo } from '../repo/fixtures';

const MANIFEST = '.policy-platform-files.json';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'platform-directory-'));
}

/** The platform's output directory with the seed's security repository synthesized into repos/security-policy. */
function contextWithSecurityRepo(): { ctx: string; folder: string; repo: PolicyRepo } {
  const ctx = tmp();
  const repo = securityRepo(new App());
  const folder = path.join(ctx, 'repos', 'security-policy');
  repo.synth(folder);
  return { ctx, folder, repo };
}

function simpleRepo(scope: App, name: string, policies: string[], environments = ['dev', 'prd']): PolicyRepo {
  const repo = new PolicyRepo(scope, name, { environments, image: { registry: 'r.example.com/ops', repository: `${name}-repo`, tag: 'main' } });
  const set = new PolicySet(repo, name, { version: '1.0.0' });
  for (const p of policies) {
    new ClusterPolicy(set, p, {
      rules: [{ name: 'check', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { labels: { team: '?*' } } } } }],
    });
  }
  return repo;
}

/** The files under the entries of `folder` (folders walked), relative to it, in byte order. */
function filesOf(folder: string, entries: string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    if (fs.statSync(path.join(folder, rel)).isDirectory()) fs.readdirSync(path.join(folder, rel)).forEach((n) => walk(`${rel}/${n}`));
    else out.push(rel);
  };
  entries.forEach(walk);
  return out.sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : a === b ? 0 : 1));
}

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Runs the check of the platform Dockerfile's stage of a copied directory source over what its
 * COPY instructions would copy (the entries of `folder`, copied into a scratch `/repos/<name>`).
 */
function runBuildCheck(dockerfile: string, folder: string, repoName: string): { status: number; output: string } {
  const lines = dockerfile.split('\n');
  const from = lines.findIndex((l) => l.startsWith('FROM ') && l.endsWith(` AS ${repoName.replace(/-/g, '_')}_repo`));
  const image = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-image-'));
  const root = path.join(image, 'repos', repoName);
  let i = from + 1;
  for (; lines[i].startsWith('COPY '); i++) {
    const [, source, destination] = lines[i].split(' ');
    const entry = destination.slice(`/repos/${repoName}/`.length);
    expect(source.endsWith(`/${entry}`)).toBe(true);
    fs.cpSync(path.join(folder, entry), path.join(root, entry), { recursive: true });
  }
  const run: string[] = [];
  for (; lines[i] !== ''; i++) run.push(lines[i]);
  const script = run.join('\n').replace(/^RUN /, '').replace(`cd /repos/${repoName}`, `cd '${root}'`);
  const result = spawnSync('sh', ['-c', script], { encoding: 'utf-8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** A PolicyException `allow-<policy>` in the repository's set, exempting the batch namespace from the policy's rule `check`. */
function exceptionFor(repo: PolicyRepo, policyName: string): void {
  new PolicyException(repo.policySets[0], `allow-${policyName}`, {
    namespace: 'kyverno',
    reason: 'Approved by both teams for the batch runner',
    exceptions: [{ policyName, ruleNames: ['check'] }],
    match: { any: [{ resources: { kinds: ['Pod'], namespaces: ['batch'] } }] },
  });
}

/** The problems of a lone directory source, as the platform reports them. */
function directoryProblems(props: Parameters<typeof PolicySource.fromDirectory>[0]): string {
  return problemsOf(new PolicyPlatform(new App(), 'platform', { environments: ['dev'], sources: [PolicySource.fromDirectory(props)] }));
}

function rewriteManifest(folder: string, edit: (json: any) => void): void {
  const file = path.join(folder, MANIFEST);
  const json = JSON.parse(fs.readFileSync(file, 'utf-8'));
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
}

describe('a synthesized repository folder as a platform source', () => {
  test('environments, charts and policies come from the folder; the Dockerfile copies its image content from the build context', () => {
    const { ctx, folder } = contextWithSecurityRepo();
    const source = PolicySource.fromDirectory({ path: 'repos/security-policy', platformDirectory: ctx });
    expect(source.problems).toEqual([]);
    expect(source.kind).toBe(PolicySourceKind.DIRECTORY);
    expect(source.description).toBe('directory source security-policy (repos/security-policy)');
    expect(source.directory).toBe('repos/security-policy');
    expect(source.environments).toEqual(['dev', 'qac', 'stg', 'prd']); // promotion order, not the folders' byte order
    expect(source.repo!.charts()).toEqual([{ name: 'security-policy', version: '1.4.0' }]);

    const platform = new PolicyPlatform(new App(), 'platform', { sources: [source] });
    const dockerfile = platform.dockerfile();
    const lines = dockerfile.split('\n');
    const stage = lines.indexOf(`FROM ${PolicyPlatform.DEFAULT_BASE_IMAGE} AS security_policy_repo`);
    const copied = filesOf(folder, ['cd', 'charts', 'rendered', 'README.md']);
    expect(copied).toHaveLength(18);
    expect(lines.slice(stage - 1, stage + 8 + copied.length)).toEqual([
      '# security-policy: folder repos/security-policy of the build context, each file checked against the sha256 recorded at its synthesis',
      `FROM ${PolicyPlatform.DEFAULT_BASE_IMAGE} AS security_policy_repo`,
      'COPY repos/security-policy/charts/ /repos/security-policy/charts/',
      'COPY repos/security-policy/cd/ /repos/security-policy/cd/',
      'COPY repos/security-policy/rendered/ /repos/security-policy/rendered/',
      'COPY repos/security-policy/README.md /repos/security-policy/README.md',
      'RUN cd /repos/security-policy \\',
      '    && test "$(find . -type f | wc -l)" -eq 18 \\',
      ...copied.map((f, i) => `    && echo '${sha256Of(path.join(folder, f))}  ${f}' | sha256sum -c -${i < copied.length - 1 ? ' \\' : ''}`),
      '',
    ]);
    expect(lines).toContain('COPY --from=security_policy_repo /repos/security-policy/ /repos/security-policy/');
    const report = checkDockerfile(dockerfile);
    expect(report.diagnostics).toEqual([]);
    expect(report.copyFromProblems).toEqual([]);

    const files = platform.synthFiles();
    const file = (p: string) => files.find((f) => f.path === p)!.content;
    expect(file('.dockerignore').split('\n').slice(2)).toEqual([
      '*', '!index.json', '!spectral/package.json', '!spectral/package-lock.json',
      '!repos/security-policy/charts', '!repos/security-policy/cd', '!repos/security-policy/rendered', '!repos/security-policy/README.md', '',
    ]);
    expect(JSON.parse(file('index.json')).sources).toEqual([{
      name: 'security-policy',
      kind: 'directory',
      path: '/repos/security-policy/',
      directory: 'repos/security-policy',
      charts: { 'security-policy': '1.4.0' },
      environments: ['dev', 'qac', 'stg', 'prd'],
      rendered: true,
      policiesKnown: true,
      policies: ['ClusterPolicy/disallow-latest-tag', 'ClusterPolicy/legacy-probes', 'ClusterPolicy/require-resource-limits', 'Policy/team-a/team-quota'],
    }]);
    expect(file('README.md')).toContain('\n| security-policy | folder `repos/security-policy` of the build context (a synthesized repository) | every file checked against the sha256 recorded at its synthesis |\n');
    expect(file('rendered/prd/all.yaml').split('\n').slice(1, 3)).toEqual([
      '# Resolved manifests of environment "prd" from the sources defined in code: none.',
      '# Read from the synthesized folder repos/security-policy (its rendered/prd/): security-policy.',
    ]);
    expect(platform.unrenderedSources).toEqual([]);
  });

  test('the image build checks every copied file against its recorded sha256, and that nothing else was copied', () => {
    const { ctx, folder } = contextWithSecurityRepo();
    const dockerfile = new PolicyPlatform(new App(), 'platform', { sources: [PolicySource.fromDirectory({ path: 'repos/security-policy', platformDirectory: ctx })] }).dockerfile();
    expect(runBuildCheck(dockerfile, folder, 'security-policy')).toMatchObject({ status: 0 });
    // the folder changes after the platform's synthesis: the build fails
    const values = path.join(folder, 'cd', 'prd', 'values.yaml');
    fs.appendFileSync(values, '# edited\n');
    const edited = runBuildCheck(dockerfile, folder, 'security-policy');
    expect(edited.status).not.toBe(0);
    expect(edited.output).toMatch(/cd\/prd\/values\.yaml: FAILED/);
    fs.writeFileSync(values, fs.readFileSync(values, 'utf-8').replace('# edited\n', ''));
    expect(runBuildCheck(dockerfile, folder, 'security-policy')).toMatchObject({ status: 0 });
    fs.writeFileSync(path.join(folder, 'rendered', 'prd', 'extra.yaml'), 'kind: ClusterPolicy\n');
    expect(runBuildCheck(dockerfile, folder, 'security-policy').status).not.toBe(0);
  });

  test('what the platform knows of it is what it knows of the same repository defined in code: policy keys, charts, environments, every render', () => {
    const { ctx } = contextWithSecurityRepo();
    const byFolder = new PolicyPlatform(new App(), 'platform', { sources: [PolicySource.fromDirectory({ path: 'repos/security-policy', platformDirectory: ctx })] });
    const app = new App();
    const byCode = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(securityRepo(app))] });
    const fromFolder = byFolder.index().sources[0];
    const fromCode = byCode.index().sources[0];
    for (const field of ['policies', 'charts', 'environments', 'rendered', 'policiesKnown']) {
      expect({ field, value: fromFolder[field] }).toEqual({ field, value: fromCode[field] });
    }
    for (const env of byCode.environments) {
      expect({ env, manifests: byFolder.render(env) }).toEqual({ env, manifests: byCode.render(env) });
    }
    expect(byFolder.sources[0].repo!.policyIdentities()).toEqual(byCode.sources[0].repo!.policyIdentities());
  });

  test('synthesized into its build context, the platform folder holds the repository folder untouched; output does not depend on the order of the sources', () => {
    const { ctx, folder } = contextWithSecurityRepo();
    const before = fs.readFileSync(path.join(folder, MANIFEST), 'utf-8');
    const build = (reverse: boolean) => {
      const app = new App();
      const sources = [PolicySource.fromDirectory({ path: 'repos/security-policy', platformDirectory: ctx }), PolicySource.fromRepo(devopsRepo(app), { image: 'r.example.com/ops/devops-policy-repo:0.2.0' })];
      return new PolicyPlatform(app, 'platform', { environments: ['dev', 'prd'], sources: reverse ? sources.reverse() : sources });
    };
    expect(build(true).synthFiles()).toEqual(build(false).synthFiles());
    build(false).synth(ctx);
    expect(fs.readdirSync(ctx).sort()).toEqual(['.dockerignore', '.github', MANIFEST, 'Dockerfile', 'README.md', 'index.json', 'rendered', 'repos', 'spectral']);
    expect(fs.readFileSync(path.join(folder, MANIFEST), 'utf-8')).toBe(before);
    // the folder is still what was synthesized: read again, no problem
    expect(PolicySource.fromDirectory({ path: 'repos/security-policy', platformDirectory: ctx }).problems).toEqual([]);
  });

  test('synthesizing the platform elsewhere than its build context is refused before anything is written', () => {
    const { ctx } = contextWithSecurityRepo();
    const platform = new PolicyPlatform(new App(), 'platform', { sources: [PolicySource.fromDirectory({ path: 'repos/security-policy', platformDirectory: ctx })] });
    const elsewhere = tmp();
    expect(() => platform.synth(elsewhere)).toThrow(
      `platform: directory source security-policy (repos/security-policy): the Dockerfile copies repos/security-policy from the build context ${ctx} (platformDirectory), `
      + `but the platform is synthesized into ${elsewhere}; synthesize it into ${ctx}, or set the source's platformDirectory to ${elsewhere}`);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  test('with an image, the repository is pulled like a code-defined one and the folder may be outside the build context', () => {
    const { folder } = contextWithSecurityRepo();
    const ctx = tmp();
    const image = 'r.example.com/ops/security-policy-repo:1.4.0';
    const source = PolicySource.fromDirectory({ path: path.relative(ctx, folder), platformDirectory: ctx, image, repoName: 'security' });
    expect(source.problems).toEqual([]);
    const platform = new PolicyPlatform(new App(), 'platform', { sources: [source] });
    const lines = platform.dockerfile().split('\n');
    expect(lines.filter((l) => l.includes('security_policy') || l.includes('security_repo'))).toEqual([
      `FROM ${image} AS security_repo`,
      'COPY --from=security_repo /repos/security/ /repos/security/',
    ]);
    expect(lines).toContain('# security: repo image of the repository read from a synthesized folder');
    expect(platform.index().sources[0]).toMatchObject({ name: 'security', kind: 'directory', image, repository: 'r.example.com/ops/security-policy-repo', tag: '1.4.0', rendered: true });
    expect(platform.index().sources[0].directory).toBeUndefined();
    expect(platform.synthFiles().find((f) => f.path === '.dockerignore')!.content).not.toContain('!repos');
    // synthesized anywhere: nothing is copied from the build context
    const out = tmp();
    platform.synth(out);
    expect(fs.existsSync(path.join(out, 'Dockerfile'))).toBe(true);
  });
});

describe('cross-source checks treat a directory source like a code-defined repository', () => {
  test('the same policy in the folder and in a code-defined repository: refused, naming both', () => {
    const ctx = tmp();
    simpleRepo(new App(), 'team-a', ['require-labels', 'only-a']).synth(path.join(ctx, 'team-a'));
    const app = new App();
    const b = simpleRepo(app, 'team-b', ['require-labels']);
    const platform = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(b), PolicySource.fromDirectory({ path: 'team-a', platformDirectory: ctx })] });
    expect(problemsOf(platform)).toContain('platform: cluster-scoped policy ClusterPolicy/require-labels is brought by two sources: directory source team-a (team-a) and repo team-b (construct team-b) (they would overwrite each other in the cluster)');
  });

  test('environments the folder does not cover: refused, naming the folder and the platform', () => {
    const ctx = tmp();
    simpleRepo(new App(), 'team-a', ['a'], ['dev']).synth(path.join(ctx, 'team-a'));
    const platform = new PolicyPlatform(new App(), 'platform', { environments: ['dev', 'prd'], sources: [PolicySource.fromDirectory({ path: 'team-a', platformDirectory: ctx })] });
    expect(problemsOf(platform)).toContain('platform: directory source team-a (team-a) does not cover the platform\'s environments: missing prd (source: dev; platform platform: dev, prd)');
  });

  test('exceptions: a code-defined repo may name the folder\'s policies, and the folder\'s exceptions must name policies some source brings', () => {
    const ctx = tmp();
    // team-a's exception names team-b's policy: it synthesizes as a source of a platform with team-b
    const app = new App();
    const a = simpleRepo(app, 'team-a', ['only-a']);
    exceptionFor(a, 'only-b');
    new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a), PolicySource.fromRepo(simpleRepo(app, 'team-b', ['only-b']))] });
    a.synth(path.join(ctx, 'team-a'));

    const withB = new App();
    const b = simpleRepo(withB, 'team-b', ['only-b']);
    exceptionFor(b, 'only-a');
    const together = new PolicyPlatform(withB, 'platform', { sources: [PolicySource.fromRepo(b), PolicySource.fromDirectory({ path: 'team-a', platformDirectory: ctx })] });
    expect(problemsOf(together)).toBe('');

    const alone = new PolicyPlatform(new App(), 'platform', { sources: [PolicySource.fromDirectory({ path: 'team-a', platformDirectory: ctx })] });
    expect(problemsOf(alone)).toContain(
      'platform: directory source team-a (team-a): rendered/dev/team-a.yaml: PolicyException kyverno/allow-only-b: spec.exceptions[0].policyName: no policy "only-b" in repository team-a or another source of platform platform (policies: only-a; a namespaced Policy is named <namespace>/<name>)');
  });
});

describe('a folder that is not a verified synthesized repository is refused, naming the folder and the file', () => {
  test('a folder that does not exist', () => {
    const ctx = tmp();
    expect(directoryProblems({ path: 'repos/missing', platformDirectory: ctx })).toContain(
      `platform: directory source missing (repos/missing): folder ${path.join(ctx, 'repos', 'missing')} does not exist`);
  });

  test('a folder without owner manifest, and one a platform wrote', () => {
    const ctx = tmp();
    fs.mkdirSync(path.join(ctx, 'plain'));
    fs.writeFileSync(path.join(ctx, 'plain', 'README.md'), 'hello');
    expect(directoryProblems({ path: 'plain', platformDirectory: ctx })).toContain(
      `platform: directory source plain (plain): ${MANIFEST}: missing in ${path.join(ctx, 'plain')}: the folder is not a policy repository written by PolicyRepo.synth() `
      + 'or a PolicyRepoProject / PolicyRepoComponent (synthesize it, or aggregate it by its image, PolicySource.fromImage)');

    const app = new App();
    new PolicyPlatform(app, 'other-platform', { sources: [PolicySource.fromRepo(simpleRepo(app, 'x', ['p']))] }).synth(path.join(ctx, 'platform-out'));
    expect(directoryProblems({ path: 'platform-out', platformDirectory: ctx })).toContain(
      `platform: directory source platform-out (platform-out): ${MANIFEST}: owner: the folder was written by PolicyPlatform "other-platform", not by a PolicyRepo`);
  });

  test('a repository synthesized without rendered manifests', () => {
    const ctx = tmp();
    const app = new App();
    const repo = new PolicyRepo(app, 'team-a', { environments: ['dev', 'prd'], renderManifests: false });
    new ClusterPolicy(new PolicySet(repo, 'team-a', { version: '1.0.0' }), 'p', {
      rules: [{ name: 'check', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { name: '?*' } } } }],
    });
    repo.synth(path.join(ctx, 'team-a'));
    const message = directoryProblems({ path: 'team-a', platformDirectory: ctx });
    expect(message).toContain('platform: directory source team-a (team-a): rendered/dev/team-a.yaml: missing: no rendered manifests of chart team-a for environment dev (declared by cd/dev/values.yaml); synthesize the repository with renderManifests: true');
    expect(message).toContain('platform: directory source team-a (team-a): rendered/prd/team-a.yaml: missing: no rendered manifests of chart team-a for environment prd');
  });

  test('a file edited since the synthesis, a listed file deleted, a file added to what the image copies', () => {
    const { ctx, folder } = contextWithSecurityRepo();
    const rendered = path.join(folder, 'rendered', 'prd', 'security-policy.yaml');
    fs.writeFileSync(rendered, fs.readFileSync(rendered, 'utf-8').replace('failureAction: Enforce', 'failureAction: Audit'));
    fs.rmSync(path.join(folder, 'cd', 'values.yaml'));
    fs.writeFileSync(path.join(folder, 'rendered', 'prd', 'extra.yaml'), 'kind: ClusterPolicy\n');
    const message = directoryProblems({ path: 'repos/security-policy', platformDirectory: ctx });
    const recorded = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), 'utf-8')).sha256['rendered/prd/security-policy.yaml'];
    const actual = createHash('sha256').update(fs.readFileSync(rendered)).digest('hex');
    expect(actual).not.toBe(recorded);
    const where = 'platform: directory source security-policy (repos/security-policy)';
    expect(message).toContain(`${where}: rendered/prd/security-policy.yaml: changed since the synthesis (sha256 ${actual}; ${MANIFEST} records ${recorded}); synthesize the repository again instead of editing its files`);
    expect(message).toContain(`${where}: cd/values.yaml: listed in ${MANIFEST} but missing (or not a regular file)`);
    expect(message).toContain(`${where}: rendered/prd/extra.yaml: not written by the synthesis (not listed in ${MANIFEST}); the platform image would copy it`);
  });

  test('a manifest of an earlier release (no sha256): changes cannot be detected, so it is refused', () => {
    const { ctx, folder } = contextWithSecurityRepo();
    rewriteManifest(folder, (json) => delete json.sha256);
    expect(directoryProblems({ path: 'repos/security-policy', platformDirectory: ctx })).toContain(
      `platform: directory source security-policy (repos/security-policy): ${MANIFEST}: sha256: none recorded (written by an earlier release), so changes since the synthesis cannot be detected; synthesize the repository again`);
  });

  test('a folder outside the build context, or reached through a symbolic link out of it, cannot be copied', () => {
    const { folder } = contextWithSecurityRepo();
    const ctx = tmp();
    const relative = path.relative(ctx, folder);
    expect(directoryProblems({ path: relative, platformDirectory: ctx })).toContain(
      `platform: directory source security-policy (${relative}): path ${JSON.stringify(relative)}: ${folder} is not inside the platform's output directory ${ctx}, the build context the Dockerfile copies it from; `
      + 'place the repository folder inside it (or set platformDirectory), or set image to pull its repo image instead');
    fs.symlinkSync(folder, path.join(ctx, 'linked'));
    expect(directoryProblems({ path: 'linked', platformDirectory: ctx })).toContain(
      `platform: directory source linked (linked): path "linked": ${path.join(ctx, 'linked')} leads out of the build context ${ctx} through a symbolic link, which the Docker build does not follow`);
  });

  test('a path that cannot be written into a COPY instruction', () => {
    const ctx = tmp();
    simpleRepo(new App(), 'team-a', ['p']).synth(path.join(ctx, 'team a'));
    expect(directoryProblems({ path: 'team a', platformDirectory: ctx })).toContain(
      'platform: directory source team-a (team a): path "team a": "team a" cannot be written into the Dockerfile\'s COPY (letters, digits, \'.\', \'_\', \'-\' and \'/\' only)');
  });
});
