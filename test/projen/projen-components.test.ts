/**
 * The projen writers in process: PolicyRepoProject / PolicyPlatformProject / the components register
 * the file model's files as projen-managed files; removing an environment removes its files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { javascript } from 'projen';
import { ClusterPolicy, FailureAction } from '../../src/kyverno';
import { PolicySource } from '../../src/platform';
import { PolicyPlatformComponent, PolicyPlatformProject, PolicyRepoComponent, PolicyRepoProject } from '../../src/projen';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { listFiles } from '../support/files';

process.env.PROJEN_DISABLE_POST = 'true';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'projen-'));
}

function define(repo: PolicyRepo): void {
  const set = new PolicySet(repo, 'security-policy', {
    version: '1.0.0',
    defaults: { failureAction: FailureAction.AUDIT, environments: { prd: { failureAction: FailureAction.ENFORCE } } },
  });
  new ClusterPolicy(set, 'require-team-label', {
    rules: [{ name: 'check-team', match: { any: [{ resources: { kinds: ['Deployment'] } }] }, validate: { message: 'team label', pattern: { metadata: { labels: { team: '?*' } } } } }],
  });
}

function repoProject(outdir: string, environments: string[]): PolicyRepoProject {
  const project = new PolicyRepoProject({
    name: 'security-policy',
    defaultReleaseBranch: 'main',
    outdir,
    environments,
    image: { registry: 'registry.example.com/ops', repository: 'security-policy-repo', tag: 'main' },
    sampleCode: false,
  });
  define(project.repo);
  return project;
}

function files(dir: string): string[] {
  return listFiles(dir, (name) => name === 'node_modules');
}

describe('PolicyRepoProject', () => {
  test('writes exactly the repo\'s file model as read-only, projen-managed files, plus a synth task', () => {
    const dir = tmp();
    const project = repoProject(dir, ['dev', 'qac', 'prd']);
    const expected = project.repo.synthFiles();
    project.synth();
    for (const f of expected) {
      const p = path.join(dir, f.path);
      expect(fs.readFileSync(p, 'utf-8')).toBe(f.content);
      expect(fs.statSync(p).mode.toString(8).slice(-3)).toMatch(/^[0145]{3}$/); // read-only: no write bit
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.projen', 'files.json'), 'utf-8')).files;
    expect(manifest).toEqual(expect.arrayContaining(expected.map((f) => f.path)));
    expect(manifest).toContain('.github/workflows/security-policy-image.yaml');
    expect(fs.readFileSync(path.join(dir, '.gitattributes'), 'utf-8')).toContain('/cd/qac/values.yaml linguist-generated');
    const tasks = JSON.parse(fs.readFileSync(path.join(dir, '.projen', 'tasks.json'), 'utf-8')).tasks;
    expect(tasks.synth.steps).toEqual([{ spawn: 'default' }]);
  });

  test('removing an environment and synthesizing again removes its files and folders', () => {
    const dir = tmp();
    repoProject(dir, ['dev', 'qac', 'prd']).synth();
    expect(files(dir)).toEqual(expect.arrayContaining(['cd/qac/values.yaml', 'rendered/qac/security-policy.yaml']));
    repoProject(dir, ['dev', 'prd']).synth();
    const after = files(dir);
    expect(after.filter((f) => f.includes('qac'))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'cd', 'qac'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'rendered', 'qac'))).toBe(false);
    expect(after).toEqual(expect.arrayContaining(['cd/dev/values.yaml', 'cd/prd/values.yaml']));
  });

  test('a validation problem stops synthesis before any policy file is written', () => {
    const dir = tmp();
    const project = new PolicyRepoProject({ name: 'bad', defaultReleaseBranch: 'main', outdir: dir, environments: ['dev', 'Prod'], sampleCode: false });
    define(project.repo);
    expect(() => project.synth()).toThrow(/environments\[1\]: "Prod" is not a DNS-1123 label/);
    expect(fs.existsSync(path.join(dir, 'charts'))).toBe(false);
  });

  test('policies come from src/policies.ts (definePolicies) when the file exists', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'src'));
    const lib = path.resolve(__dirname, '..', '..', 'src');
    fs.writeFileSync(path.join(dir, 'src', 'policies.ts'), [
      `const { PolicySet } = require(${JSON.stringify(path.join(lib, 'repo'))});`,
      `const { ClusterPolicy } = require(${JSON.stringify(path.join(lib, 'kyverno'))});`,
      'exports.definePolicies = (repo) => {',
      "  const set = new PolicySet(repo, 'from-module', { version: '0.1.0' });",
      "  new ClusterPolicy(set, 'p', { rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { name: '?*' } } } }] });",
      '};',
    ].join('\n'));
    const project = new PolicyRepoProject({ name: 'team', defaultReleaseBranch: 'main', outdir: dir, sampleCode: false });
    project.synth();
    expect(fs.existsSync(path.join(dir, 'charts', 'from-module', 'templates', 'p.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'cd', 'prd', 'values.yaml'))).toBe(true);
  });

  test('the starter writes src/policies.ts and its test once (sample files)', () => {
    const dir = tmp();
    const project = new PolicyRepoProject({ name: 'starter', defaultReleaseBranch: 'main', outdir: dir });
    // The sample module imports 'cdk8s-policy-platform', which this checkout cannot resolve: only check the files.
    (project.policies as any).loaded = true;
    define(project.repo);
    project.synth();
    expect(fs.readFileSync(path.join(dir, 'src', 'policies.ts'), 'utf-8')).toContain('export function definePolicies(repo: PolicyRepo)');
    expect(fs.readFileSync(path.join(dir, 'test', 'policies.test.ts'), 'utf-8')).toContain("from '../src/policies'");
  });
});

describe('components on an existing projen project', () => {
  test('PolicyRepoComponent writes under a folder of any project', () => {
    const dir = tmp();
    const project = new javascript.NodeProject({ name: 'infra', defaultReleaseBranch: 'main', outdir: dir });
    const c = new PolicyRepoComponent(project, 'security', { repoName: 'security-policy', environments: ['dev', 'prd'], directory: 'policies/security', policiesModule: 'none.ts' });
    define(c.repo);
    project.synth();
    expect(fs.existsSync(path.join(dir, 'policies', 'security', 'charts', 'security-policy', 'Chart.yaml'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.projen', 'files.json'), 'utf-8')).files).toContain('policies/security/cd/dev/values.yaml');
  });

  test('PolicyPlatformComponent writes the platform files from sources added in code', () => {
    const dir = tmp();
    const project = new javascript.NodeProject({ name: 'policy-platform', defaultReleaseBranch: 'main', outdir: dir });
    const c = new PolicyPlatformComponent(project, 'platform', { environments: ['dev', 'prd'] });
    const repo = new PolicyRepo(c.scope, 'security-policy', { environments: ['dev', 'prd'], image: { registry: 'r.example.com/ops', repository: 'security-policy-repo', tag: 'main' } });
    define(repo);
    c.addSource(PolicySource.fromRepo(repo));
    c.addSource(PolicySource.fromImage({ repoName: 'devops-policy', image: 'r.example.com/ops/devops-policy-repo', tag: 'main', environments: ['dev', 'prd'] }));
    project.synth();
    const all = fs.readFileSync(path.join(dir, 'rendered', 'prd', 'all.yaml'), 'utf-8');
    expect(all).toContain('name: require-team-label');
    expect(all).toContain('# Not rendered here (known only by image r.example.com/ops/devops-policy-repo:main): devops-policy');
    expect(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf-8')).toContain('COPY --from=devops_policy_repo /repos/devops-policy/ /repos/devops-policy/');
  });

  test('a projen-managed repository folder is aggregated by folder like a synthesized one, and checked the same way', () => {
    const dir = tmp();
    const project = new javascript.NodeProject({ name: 'infra', defaultReleaseBranch: 'main', outdir: dir });
    const c = new PolicyRepoComponent(project, 'security', { repoName: 'security-policy', environments: ['dev', 'prd'], directory: 'repos/security', policiesModule: 'none.ts' });
    define(c.repo);
    project.synth();
    // the same owner manifest a plain synth writes: owner and the sha256 of every file, itself projen-managed
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'repos', 'security', '.policy-platform-files.json'), 'utf-8'));
    expect(manifest.owner).toEqual({ kind: 'PolicyRepo', name: 'security-policy' });
    expect(manifest.files).toEqual(c.repo.synthFiles().map((f) => f.path).sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.projen', 'files.json'), 'utf-8')).files).toContain('repos/security/.policy-platform-files.json');

    const platformProject = new javascript.NodeProject({ name: 'policy-platform', defaultReleaseBranch: 'main', outdir: dir, parent: undefined });
    const platform = new PolicyPlatformComponent(platformProject, 'platform', { environments: ['dev', 'prd'], directory: 'platform' });
    platform.addSource(PolicySource.fromDirectory({ path: 'repos/security', platformDirectory: dir }));
    // the Dockerfile is written to platform/, so the folder would be copied from the wrong build context
    expect(() => platformProject.synth()).toThrow(`the Dockerfile copies repos/security from the build context ${dir} (platformDirectory), but the platform is synthesized into ${path.join(dir, 'platform')}`);
    const source = PolicySource.fromDirectory({ path: 'repos/security', platformDirectory: dir });
    expect(source.problems).toEqual([]);
    expect(source.policyKeys).toEqual(['ClusterPolicy/require-team-label']);
    // a file edited since the synthesis is refused
    const values = path.join(dir, 'repos', 'security', 'cd', 'prd', 'values.yaml');
    fs.chmodSync(values, 0o644);
    fs.appendFileSync(values, '# edited\n');
    expect(PolicySource.fromDirectory({ path: 'repos/security', platformDirectory: dir }).problems).toEqual([
      expect.stringMatching(/^cd\/prd\/values\.yaml: changed since the synthesis/),
    ]);
  });

  test('PolicyPlatformProject: conflicts stop synthesis, naming both sources', () => {
    const dir = tmp();
    const project = new PolicyPlatformProject({ name: 'policy-platform', defaultReleaseBranch: 'main', outdir: dir, sampleCode: false });
    project.addSource(PolicySource.fromImage({ repoName: 'a', image: 'r.example.com/a', tag: 'v1', policies: ['same'] }));
    project.addSource(PolicySource.fromImage({ repoName: 'b', image: 'r.example.com/b', tag: 'v1', policies: ['same'] }));
    expect(() => project.synth()).toThrow('policy ClusterPolicy/same is brought by two sources: image source a (r.example.com/a:v1) and image source b (r.example.com/b:v1)');
    expect(fs.existsSync(path.join(dir, 'Dockerfile'))).toBe(false);
  });
});

describe('every construct setting is reachable from .projenrc.ts, under the construct\'s name', () => {
  test('PolicyRepoProject passes PolicyRepo\'s settings (renderManifests, description, values, environmentValues, image)', () => {
    const dir = tmp();
    const project = new PolicyRepoProject({
      name: 'team-policies',
      defaultReleaseBranch: 'main',
      outdir: dir,
      sampleCode: false,
      environments: ['dev', 'prd'],
      repoName: 'team-policy',
      description: 'Policies of the team',
      renderManifests: false,
      values: { owner: 'team-a' },
      environmentValues: { prd: { replicas: 3 } },
      image: { registry: 'registry.example.com/ops', repository: 'team-policy-repo', tag: 'main' },
    });
    define(project.repo);
    project.synth();
    const repo = project.repo;
    expect([repo.repoName, repo.description, repo.renderManifests, repo.imageRef]).toEqual(['team-policy', 'Policies of the team', false, 'registry.example.com/ops/team-policy-repo:main']);
    expect(fs.existsSync(path.join(dir, 'rendered'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'cd', 'values.yaml'), 'utf-8')).toContain('owner: team-a');
    expect(fs.readFileSync(path.join(dir, 'cd', 'prd', 'values.yaml'), 'utf-8')).toContain('replicas: 3');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8')).description).toBe('Policies of the team');
  });

  test('PolicyPlatformProject passes PolicyPlatform\'s settings (image, version, platformName, userId, description)', () => {
    const dir = tmp();
    const project = new PolicyPlatformProject({
      name: 'platform',
      defaultReleaseBranch: 'main',
      outdir: dir,
      sampleCode: false,
      platformName: 'ops-platform',
      image: 'registry.example.com/ops/ops-platform',
      version: '2.0.0',
      userId: 20001,
      description: 'The ops policy platform',
      environments: ['dev', 'prd'],
    });
    project.addSource(PolicySource.fromImage({ repoName: 'security-policy', image: 'registry.example.com/ops/security-policy-repo', tag: 'main', environments: ['dev', 'prd'] }));
    const platform = project.platform.platform;
    expect([platform.platformName, platform.image, platform.version]).toEqual(['ops-platform', 'registry.example.com/ops/ops-platform', '2.0.0']);
    const dockerfile = platform.dockerfile();
    expect(dockerfile).toContain('USER 20001');
    expect(dockerfile).toContain('The ops policy platform');
  });
});

describe('after `projen new`', () => {
  test('the README.md projen wrote as a placeholder is taken over; once edited, it is refused', () => {
    const dir = tmp();
    const make = () => repoProject(dir, ['dev', 'prd']);
    process.env.PROJEN_CREATE_PROJECT = 'true'; // what `projen new` sets: our files wait for the first `npx projen`
    try {
      make().synth();
    } finally {
      delete process.env.PROJEN_CREATE_PROJECT;
    }
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf-8')).toBe('# replace this');
    make().synth();
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf-8')).toContain('# security-policy');

    const edited = tmp();
    process.env.PROJEN_CREATE_PROJECT = 'true';
    try {
      repoProject(edited, ['dev', 'prd']).synth();
    } finally {
      delete process.env.PROJEN_CREATE_PROJECT;
    }
    fs.writeFileSync(path.join(edited, 'README.md'), '# our notes\n');
    expect(() => repoProject(edited, ['dev', 'prd']).synth()).toThrow(/1 path\(s\) in the way were not written by it:\n {2}- README\.md/);
    expect(fs.readFileSync(path.join(edited, 'README.md'), 'utf-8')).toBe('# our notes\n');
  });
});
