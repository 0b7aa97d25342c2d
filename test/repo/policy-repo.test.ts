import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { devopsRepo, securityRepo } from './fixtures';
import { ClusterPolicy, FailureAction, Severity } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { listFiles } from '../support/files';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-repo-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function policy(scope: Construct, id: string, extra: any = {}): ClusterPolicy {
  return new ClusterPolicy(scope, id, {
    rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { name: '?*' } } } }],
    ...extra,
  });
}

describe('PolicyRepo.synth', () => {
  test('writes the seed layout', () => {
    securityRepo(new App()).synth(tmp);
    expect(listFiles(tmp)).toEqual([
      '.dockerignore',
      '.policy-platform-files.json',
      'Dockerfile',
      'README.md',
      'cd/dev/values.yaml',
      'cd/prd/values.yaml',
      'cd/qac/values.yaml',
      'cd/stg/values.yaml',
      'cd/values.yaml',
      'charts/security-policy/Chart.yaml',
      'charts/security-policy/templates/disallow-latest-tag.yaml',
      'charts/security-policy/templates/legacy-probes.yaml',
      'charts/security-policy/templates/policyexception-allow-batch-runner.yaml',
      'charts/security-policy/templates/require-resource-limits.yaml',
      'charts/security-policy/templates/team-quota.yaml',
      'charts/security-policy/values.schema.json',
      'charts/security-policy/values.yaml',
      'rendered/dev/security-policy.yaml',
      'rendered/prd/security-policy.yaml',
      'rendered/qac/security-policy.yaml',
      'rendered/stg/security-policy.yaml',
    ]);
  });

  test('Chart.yaml, Dockerfile and .dockerignore', () => {
    const files = new Map(securityRepo(new App()).synthFiles().map((f) => [f.path, f.content]));
    expect(files.get('charts/security-policy/Chart.yaml')).toBe([
      'apiVersion: v2',
      'name: security-policy',
      'description: Kyverno policies of security-policy',
      'type: application',
      'version: 1.4.0',
      'annotations:',
      '  policy-platform/repository: security-policy',
      '',
    ].join('\n'));
    const dockerfile = files.get('Dockerfile')!;
    expect(dockerfile).toMatch(/^FROM scratch$/m);
    expect(dockerfile).toMatch(/^COPY \. \/repos\/security-policy\/$/m);
    expect(dockerfile).toContain('org.opencontainers.image.title="security-policy"');
    expect(dockerfile).toContain('docker build -t europe-west6-docker.pkg.dev/ops/charts/security-policy-repo:main .');
    expect(dockerfile).not.toMatch(/^# syntax=/m);
    // an allowlist: everything is excluded, then only what the platform uses is let through
    expect(files.get('.dockerignore')!.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['*', '!charts/', '!cd/', '!rendered/', '!tests/', '!.spectral.yaml', '!README.md']);
  });

  test('README catalogue: each policy, its severity, its action per environment', () => {
    const text = securityRepo(new App()).synthFiles().find((f) => f.path === 'README.md')!.content;
    expect(text).toContain('| Policy | Kind | Severity | Category | Values key | dev | qac | stg | prd |');
    expect(text).toContain('| `require-resource-limits` Require Resource Limits | ClusterPolicy | medium | Best Practices | `requireResourceLimits` | Audit (excludes kube-system) | Audit (excludes kube-system) | Enforce (excludes kube-system) | Enforce (excludes kube-system, legacy-batch) |');
    expect(text).toContain('| `legacy-probes` | ClusterPolicy | low | - | `legacyProbes` | disabled | disabled | disabled | Audit (excludes kube-system) |');
    expect(text).toContain('| `disallow-latest-tag` Disallow "latest" \\| mutable tags |');
    expect(text).toContain('Image: `europe-west6-docker.pkg.dev/ops/charts/security-policy-repo:main`');
  });

  test('byte-identical output whatever the construction order; a second run touches nothing', () => {
    const build = (reverse: boolean) => {
      const repo = new PolicyRepo(new App(), 'r', { environments: ['dev', 'prd'] });
      const names = ['b-policy', 'a-policy', 'c-policy'];
      const sets = ['set-b', 'set-a'];
      for (const s of reverse ? [...sets].reverse() : sets) {
        const set = new PolicySet(repo, s, { version: '1.0.0', defaults: { environments: { dev: { failureAction: FailureAction.AUDIT } } } });
        for (const n of reverse ? [...names].reverse() : names) {
          const p = policy(set, `${s}-${n}`, { failureAction: FailureAction.ENFORCE, severity: Severity.HIGH });
          if (n === 'a-policy') set.configure(p, { environments: { prd: { excludedNamespaces: ['z', 'a'] } } });
        }
      }
      return repo;
    };
    const a = build(false).synthFiles();
    const b = build(true).synthFiles();
    expect(b).toEqual(a);
    build(false).synth(tmp);
    const mtimes = listFiles(tmp).map((f) => fs.statSync(path.join(tmp, f)).mtimeMs);
    const contents = listFiles(tmp).map((f) => fs.readFileSync(path.join(tmp, f), 'utf-8'));
    build(true).synth(tmp);
    expect(listFiles(tmp).map((f) => fs.statSync(path.join(tmp, f)).mtimeMs)).toEqual(mtimes);
    expect(listFiles(tmp).map((f) => fs.readFileSync(path.join(tmp, f), 'utf-8'))).toEqual(contents);
  });

  test('deletes the files of a removed environment or policy, keeps files it never wrote', () => {
    const make = (environments: string[], withSecond: boolean) => {
      const repo = new PolicyRepo(new App(), 'r', { environments });
      const set = new PolicySet(repo, 's', { version: '1.0.0' });
      policy(set, 'first');
      if (withSecond) policy(set, 'second');
      return repo;
    };
    make(['dev', 'stg', 'prd'], true).synth(tmp);
    fs.writeFileSync(path.join(tmp, 'NOTES.md'), 'mine');
    expect(listFiles(tmp)).toContain('rendered/stg/s.yaml');
    make(['dev', 'prd'], false).synth(tmp);
    const files = listFiles(tmp);
    expect(files.filter((f) => f.includes('stg') || f.includes('second'))).toEqual([]);
    expect(fs.existsSync(path.join(tmp, 'rendered', 'stg'))).toBe(false);
    expect(files).toContain('NOTES.md');
    expect(files).toContain('rendered/prd/s.yaml');
  });

  test('collects the files of every IFileContributor in the repository', () => {
    class Suite extends Construct {
      public synthFiles() {
        return [{ path: `.kyverno-test/${this.node.id}/kyverno-test.yaml`, content: 'name: x\n' }];
      }
    }
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev'] });
    const set = new PolicySet(repo, 's', { version: '1.0.0' });
    policy(set, 'p');
    new Suite(set, 'suite-a');
    new Suite(new Construct(repo, 'nested'), 'suite-b');
    const paths = repo.synthFiles().map((f) => f.path);
    expect(paths.filter((p) => p.startsWith('.kyverno-test/'))).toEqual(['.kyverno-test/suite-a/kyverno-test.yaml', '.kyverno-test/suite-b/kyverno-test.yaml']);
  });

  test('renderManifests: false writes no rendered/ folder', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev'], renderManifests: false });
    policy(new PolicySet(repo, 's', { version: '1.0.0' }), 'p');
    expect(repo.synthFiles().filter((f) => f.path.startsWith('rendered/'))).toEqual([]);
  });

  test('a values-only chart (application repository) and repository values', () => {
    const repo = new PolicyRepo(new App(), 'backend-applications', {
      environments: ['dev', 'prd'],
      values: { team: 'backend' },
      environmentValues: { prd: { replicas: 3 } },
    });
    const set = new PolicySet(repo, 'backend-applications', { version: '1.0.0', values: { name: 'api', namespace: 'backend', replicas: 1 } });
    const files = new Map(repo.synthFiles().map((f) => [f.path, f.content]));
    expect(files.get('charts/backend-applications/values.yaml')).toMatch(/\nname: api\nnamespace: backend\nreplicas: 1\n$/);
    expect(files.get('cd/values.yaml')).toMatch(/\nteam: backend\n$/);
    expect(files.get('cd/prd/values.yaml')).toMatch(/\nreplicas: 3\n$/);
    expect(files.get('cd/dev/values.yaml')).toMatch(/\n\{\}\n$/);
    expect(repo.valuesOf(set, 'prd')).toEqual({ name: 'api', namespace: 'backend', replicas: 3, team: 'backend' });
    expect(repo.render('prd')).toEqual([]);
  });
});

describe('per-environment settings', () => {
  test('resolution order: policy env > set env > policy all > set all > the policy object', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev', 'stg', 'prd'] });
    const set = new PolicySet(repo, 's', {
      version: '1.0.0',
      defaults: { failureAction: FailureAction.AUDIT, background: false, excludedNamespaces: ['kube-system'], environments: { dev: { enabled: false }, stg: { failureAction: FailureAction.ENFORCE } } },
    });
    const p = policy(set, 'p', { failureAction: FailureAction.ENFORCE });
    set.configure(p, { background: true, environments: { dev: { enabled: true, excludedNamespaces: ['dev-tools'] } } });
    const q = policy(set, 'q', { failureAction: FailureAction.ENFORCE });
    expect(set.effectiveSettings(p, 'dev')).toEqual({ enabled: true, failureAction: 'Audit', background: true, excludedNamespaces: ['dev-tools', 'kube-system'] });
    expect(set.effectiveSettings(p, 'stg')).toEqual({ enabled: true, failureAction: 'Enforce', background: true, excludedNamespaces: ['kube-system'] });
    expect(set.effectiveSettings(q, 'dev')).toEqual({ enabled: false, failureAction: 'Audit', background: false, excludedNamespaces: ['kube-system'] });
    expect(set.effectiveSettings(q)).toEqual({ enabled: true, failureAction: 'Audit', background: false, excludedNamespaces: ['kube-system'] });
    expect(repo.render('dev').map((o) => o.metadata.name)).toEqual(['p']);
    expect(repo.render('prd').map((o) => [o.metadata.name, o.spec.rules[0].validate.failureAction])).toEqual([['p', 'Audit'], ['q', 'Audit']]);
  });

  test('set labels reach every object of the set', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev'] });
    const set = new PolicySet(repo, 's', { version: '1.0.0', labels: { team: 'security' } });
    policy(set, 'p');
    expect(repo.render('dev')[0].metadata.labels).toEqual({ team: 'security' });
  });

  test('values keys default to lowerCamelCase and can be set', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev'] });
    const set = new PolicySet(repo, 's', { version: '1.0.0' });
    const a = policy(set, 'require-resource-limits');
    const b = policy(set, '1-odd-name');
    set.configure(b, { valuesKey: 'odd' });
    expect(set.valuesKeyOf(a)).toBe('requireResourceLimits');
    expect(set.valuesKeyOf(b)).toBe('odd');
    expect(Object.keys(repo.valuesOf(set, 'dev').policies)).toEqual(['odd', 'requireResourceLimits']);
  });
});

describe('bad input: every problem named, nothing written', () => {
  function expectProblems(repo: PolicyRepo, expected: string[]) {
    const out = path.join(tmp, 'out');
    let message = '';
    try {
      repo.synth(out);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Validation failed/);
    for (const p of expected) expect(message).toContain(p);
    expect(fs.existsSync(out)).toBe(false);
  }

  test('environments: duplicate, path-like, unknown in settings', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev', 'dev', '../x'], environmentValues: { qa: {} } });
    const set = new PolicySet(repo, 's', { version: '1.0.0', defaults: { environments: { prod: { enabled: false } } } });
    const p = policy(set, 'p');
    set.configure(p, { environments: { stg: { failureAction: FailureAction.ENFORCE } } });
    expectProblems(repo, [
      'r: environments[1]: "dev" is listed twice',
      'r: environments[2]: "../x" is not a DNS-1123 label (lowercase alphanumerics and \'-\', at most 63 characters)',
      'r: environmentValues: unknown environment "qa" (environments: dev, dev, ../x)',
      'r/s: defaults.environments: unknown environment "prod"',
      'r/s: policySettings["p"].environments: unknown environment "stg"',
    ]);
  });

  test('a repository with no set, or no environment', () => {
    expectProblems(new PolicyRepo(new App(), 'r', { environments: [] }), [
      'r: environments: at least one environment is required',
      'r: a policy repository needs at least one PolicySet',
    ]);
  });

  test('two policies with the same name in a repository (across sets), bad chart version and name', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev'] });
    policy(new PolicySet(repo, 'a', { version: '1.0' }), 'same');
    policy(new PolicySet(repo, 'b', { version: 'v1.0.0', chartName: 'B_chart' }), 'other', { name: 'same' });
    expectProblems(repo, [
      'r/a/same: metadata.name: "same" is also the name of r/b/other (policy names must be unique in a repository)',
      'r/a: version: "1.0" is not a SemVer 2 version (e.g. "1.4.0")',
      'r/b: version: "v1.0.0" is not a SemVer 2 version',
      'r/b: chartName: "B_chart" is not a chart name',
    ]);
  });

  test('settings: bad namespace, unknown policy, bad values key, reserved values key, exclude.all with extra namespaces', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev'], values: { policies: {} } });
    const set = new PolicySet(repo, 's', { version: '1.0.0', values: { policies: 1 }, policySettings: { ghost: { enabled: false } } });
    const p = policy(set, 'p', { rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, exclude: { all: [{ resources: { namespaces: ['a'] } }] }, validate: { message: 'm', pattern: { a: '?*' } } }] });
    set.configure(p, { valuesKey: 'bad-key', excludedNamespaces: ['Kube_System'] });
    expectProblems(repo, [
      'r: values: the key "policies" is reserved',
      'r/s: values: the key "policies" is reserved',
      'r/s: policySettings["ghost"]: no policy named "ghost" in this set (policies: p)',
      'r/s: policySettings["p"].excludedNamespaces[0]: "Kube_System" is not a DNS-1123 label',
      'r/s: policySettings["p"].valuesKey: "bad-key" is not a Go template identifier',
      'r/s/p: spec.rules[0].exclude: extra excluded namespaces need a rule exclude with only "any" filters (or none); rule "r" uses all',
    ]);
  });

  test('image fields', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev'], image: { registry: 'Bad Registry', repository: 'ok', tag: '-bad', digest: 'sha256:xyz' } });
    policy(new PolicySet(repo, 's', { version: '1.0.0' }), 'p');
    expectProblems(repo, ['r: image.registry: "Bad Registry"', 'r: image.tag: "-bad"', 'r: image.digest: "sha256:xyz"']);
  });

  test('render of an unknown environment', () => {
    expect(() => devopsRepo(new App()).render('stg')).toThrow('devops-policy: unknown environment "stg" (environments: dev, prd)');
  });
});

describe('imageRef', () => {
  test.each([
    [{ registry: 'r.io/a', repository: 'b', tag: 'main' }, 'r.io/a/b:main'],
    [{ registry: 'r.io', repository: 'b', digest: `sha256:${'a'.repeat(64)}` }, `r.io/b@sha256:${'a'.repeat(64)}`],
  ])('%j', (image, ref) => {
    expect(new PolicyRepo(new App(), 'r', { environments: ['dev'], image }).imageRef).toBe(ref);
  });

  test('without tag or digest the tag is the chart version of the only PolicySet ("+" becomes "_")', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev'], image: { registry: 'r.io/a/', repository: 'b' } });
    policy(new PolicySet(repo, 's', { version: '1.2.0+build.7' }), 'p');
    expect(repo.imageRef).toBe('r.io/a/b:1.2.0_build.7');
  });
});
