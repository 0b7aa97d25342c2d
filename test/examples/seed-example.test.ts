/**
 * The seed end to end: the tree `npm run example` writes (examples/main.ts → writeSeed), checked for
 * layout, determinism, Dockerfile validity, and helm-render equality of every chart with rendered/.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeSeed } from '../../examples/main';
import { buildSeed } from '../../examples/seed';
import { parseYamlDocuments } from '../../src/core/yaml';
import { PolicyEngine } from '../../src/engine';
import { checkDockerfile } from '../docker/dockerfile-check';
import { helmRenderChart } from '../repo/helm-render-check';
import { crdErrors } from '../support/crd-validator';
import { listFiles } from '../support/files';
import { describeWithHelmRender, describeWithShared } from '../support/shared';

function snapshot(dir: string): Map<string, { content: string; mtimeMs: number }> {
  const m = new Map<string, { content: string; mtimeMs: number }>();
  for (const f of listFiles(dir)) {
    const p = path.join(dir, f);
    m.set(f, { content: fs.readFileSync(p, 'utf-8'), mtimeMs: fs.statSync(p).mtimeMs });
  }
  return m;
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'));
let summary: string[] = [];
beforeAll(() => {
  summary = writeSeed(out);
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const read = (p: string) => fs.readFileSync(path.join(out, p), 'utf-8');

describe('the seed layout', () => {
  test('security-policy: four policies, four environments, Dockerfile, image workflow', () => {
    const files = listFiles(path.join(out, 'security-policy'));
    for (const p of ['require-resource-limits', 'disallow-latest-tag', 'require-probes', 'disallow-privileged']) {
      expect(files).toContain(`charts/security-policy/templates/${p}.yaml`);
    }
    for (const env of ['dev', 'qac', 'stg', 'prd']) expect(files).toContain(`cd/${env}/values.yaml`);
    expect(files).toEqual(expect.arrayContaining(['charts/security-policy/Chart.yaml', 'charts/security-policy/values.yaml', 'cd/values.yaml', 'Dockerfile', '.github/workflows/security-policy-image.yaml']));
  });

  test('security-policy: Audit in dev, Enforce in prd (resolved manifests)', () => {
    const actions = (env: string) => parseYamlDocuments(read(`security-policy/rendered/${env}/security-policy.yaml`))
      .flatMap((m) => m.spec.rules.map((r: any) => r.validate.failureAction));
    expect(new Set(actions('dev'))).toEqual(new Set(['Audit']));
    expect(new Set(actions('prd'))).toEqual(new Set(['Enforce']));
    expect(actions('dev').length).toBeGreaterThanOrEqual(4);
  });

  test('devops-policy: Audit in dev, Enforce in prd (resolved manifests)', () => {
    const actions = (env: string) => parseYamlDocuments(read(`devops-policy/rendered/${env}/devops-policy.yaml`))
      .flatMap((m) => m.spec.rules.map((r: any) => r.validate.failureAction));
    expect(actions('dev')).toEqual(['Audit', 'Audit', 'Audit']);
    expect(actions('prd')).toEqual(['Enforce', 'Enforce', 'Enforce']);
  });

  test('security-policy: qac still audits, stg already enforces', () => {
    const actions = (env: string) => new Set(parseYamlDocuments(read(`security-policy/rendered/${env}/security-policy.yaml`))
      .flatMap((m) => m.spec.rules.map((r: any) => r.validate.failureAction)));
    expect(actions('qac')).toEqual(new Set(['Audit']));
    expect(actions('stg')).toEqual(new Set(['Enforce']));
  });

  test('devops-policy: labels app/environment/team, ownership annotations, a deny rule with a request.object variable; dev and prd', () => {
    const files = listFiles(path.join(out, 'devops-policy'));
    expect(files.filter((f) => f.startsWith('cd/'))).toEqual(['cd/dev/values.yaml', 'cd/prd/values.yaml', 'cd/values.yaml']);
    const prd = parseYamlDocuments(read('devops-policy/rendered/prd/devops-policy.yaml'));
    const byName = new Map(prd.map((m) => [m.metadata.name, m]));
    expect([...byName.keys()].sort()).toEqual(['naming-conventions', 'require-annotations', 'require-standard-labels']);
    const labels = JSON.stringify(byName.get('require-standard-labels').spec.rules);
    for (const l of ['app', 'environment', 'team']) expect(labels).toContain(`"${l}"`);
    const naming = byName.get('naming-conventions').spec.rules[0].validate;
    expect(naming.deny.conditions.all[0].key).toMatch(/\{\{ regex_match\(.*request\.object\.metadata\.name\) \}\}/);
    expect(read('devops-policy/charts/devops-policy/templates/naming-conventions.yaml')).toContain('{{`{{ regex_match(');
  });

  test('backend-applications: the chart values and the seed\'s .spectral.yaml', () => {
    const values = parseYamlDocuments(read('backend-applications/charts/backend-applications/values.yaml'))[0];
    expect(values).toMatchObject({ name: 'orders-api', namespace: 'backend', replicas: 3 });
    const spectral = parseYamlDocuments(read('backend-applications/.spectral.yaml'))[0];
    expect(spectral.extends).toEqual('spectral:oas');
    expect(spectral.rules['required-fields']).toMatchObject({
      given: '$',
      severity: 'error',
      then: [{ field: 'name', function: 'truthy' }, { field: 'namespace', function: 'truthy' }, { field: 'replicas', function: 'truthy' }],
    });
    expect(spectral.rules['replica-count']).toMatchObject({
      given: '$.replicas',
      severity: 'warn',
      then: { function: 'schema', functionOptions: { schema: { type: 'integer', minimum: 1, maximum: 10 } } },
    });
  });

  test('policy-platform: Dockerfile, index.json, rendered/<env>/all.yaml, workflow', () => {
    expect(listFiles(path.join(out, 'policy-platform'))).toEqual([
      '.dockerignore', '.github/workflows/policy-platform.yaml', '.policy-platform-files.json', 'Dockerfile', 'README.md', 'index.json', 'rendered/dev/all.yaml', 'rendered/prd/all.yaml',
      'spectral/package-lock.json', 'spectral/package.json',
    ]);
    const index = JSON.parse(read('policy-platform/index.json'));
    expect(index.sources.map((s: any) => `${s.name}:${s.kind}`)).toEqual([
      'backend-applications:repo', 'devops-policy:repo', 'kyverno-policies:image', 'security-policy:repo',
    ]);
    expect(index.sources.find((s: any) => s.name === 'security-policy').policies).toHaveLength(4);
  });

  test('the summary names every repository and the platform', () => {
    const text = summary.join('\n');
    for (const n of ['security-policy', 'devops-policy', 'backend-applications', 'policy-platform', 'kyverno-policies (image)']) expect(text).toContain(n);
  });
});

describe('require-resource-limits is the seed\'s check-cpu-memory', () => {
  const policy = () => parseYamlDocuments(read('security-policy/rendered/prd/security-policy.yaml'))
    .find((m) => m.metadata.name === 'require-resource-limits');
  const workload = (kind: string, limits: { [r: string]: string } | undefined) => ({
    apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1',
    kind,
    metadata: { name: 'orders-api', namespace: 'backend' },
    spec: { template: { spec: { containers: [{ name: 'app', image: 'orders-api:1.4.2', resources: limits ? { requests: { cpu: '100m' }, limits } : {} }] } } },
  });

  test('CPU and memory limits, no requests, on Deployment, StatefulSet and DaemonSet; category and severity as in the seed', () => {
    const p = policy();
    expect(p.metadata.annotations).toMatchObject({
      'pod-policies.kyverno.io/autogen-controllers': 'Deployment,StatefulSet,DaemonSet',
      'policies.kyverno.io/title': 'Require Resource Limits',
      'policies.kyverno.io/category': 'Best Practices',
      'policies.kyverno.io/severity': 'medium',
    });
    expect(p.spec.rules).toHaveLength(1);
    expect(p.spec.rules[0].validate.message).toBe('CPU and memory limits are required for every container.');
    expect(p.spec.rules[0].validate.pattern).toEqual({ spec: { containers: [{ resources: { limits: { cpu: '?*', memory: '?*' } } }] } });
  });

  test('the engine: a controller without a CPU limit fails, with both limits passes; a Job is not checked', () => {
    const p = policy();
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet']) {
      const statuses = (limits?: { [r: string]: string }) => PolicyEngine.evaluate(p, workload(kind, limits)).map((r) => `${r.rule}:${r.status}`);
      expect({ kind, results: statuses({ memory: '256Mi' }) }).toEqual({ kind, results: ['autogen-validate-resources:fail'] });
      expect({ kind, results: statuses() }).toEqual({ kind, results: ['autogen-validate-resources:fail'] });
      expect({ kind, results: statuses({ cpu: '500m', memory: '256Mi' }) }).toEqual({ kind, results: ['autogen-validate-resources:pass'] });
    }
    expect(PolicyEngine.evaluate(p, workload('Job', undefined))).toEqual([]);
  });
});

describe('the platform Dockerfile', () => {
  test('aggregates the three repos and the curated library; parses, validates clean, COPY --from names earlier stages', () => {
    const text = read('policy-platform/Dockerfile');
    const report = checkDockerfile(text);
    expect(report.diagnostics).toEqual([]);
    expect(report.copyFromProblems).toEqual([]);
    expect(report.stages).toEqual(['backend_applications_repo', 'devops_policy_repo', 'kyverno_policies_repo', 'security_policy_repo', 'toolchain', 'spectral']);
    expect(text).toMatch(/^FROM europe-west6-docker\.pkg\.dev\/ops\/charts\/security-policy-repo:main@sha256:[0-9a-f]{64} AS security_policy_repo$/m);
    for (const r of ['security-policy', 'devops-policy', 'backend-applications', 'kyverno-policies']) {
      expect(text).toContain(`/repos/${r}/ /repos/${r}/`);
    }
  });

  test('no unverified download, every image by digest: strict mode passes on it', () => {
    const text = read('policy-platform/Dockerfile');
    expect(text).not.toMatch(/^ADD /m);
    expect(text).not.toContain('UNVERIFIED');
    // every download is followed by its check before anything uses it
    const runs = text.split(/\n(?=[A-Z]+ )/).filter((i) => i.startsWith('RUN ') && i.includes('wget '));
    expect(runs).toHaveLength(4);
    for (const r of runs) expect(r).toMatch(/wget -q -O (\S+) "\$url" \\\n {4}&& echo "\$sha256  \1" \| sha256sum -c - \\/);
    for (const from of text.split('\n').filter((l) => l.startsWith('FROM '))) expect(from).toMatch(/^FROM \S+@sha256:[0-9a-f]{64}( AS \S+)?$/);
    const { platform } = buildSeed();
    expect(platform.requireDigests).toBe(true);
    expect(() => platform.dockerfile()).not.toThrow();
    expect(JSON.parse(read('policy-platform/index.json')).tools.every((t: any) => t.verified)).toBe(true);
  });

  test('each repo Dockerfile is valid too', () => {
    for (const r of ['security-policy', 'devops-policy', 'backend-applications']) {
      const report = checkDockerfile(read(`${r}/Dockerfile`));
      expect(report.diagnostics).toEqual([]);
      expect(read(`${r}/Dockerfile`)).toContain(`/repos/${r}/`);
    }
  });
});

describeWithShared('Kyverno CRD schema', () => {
  test('every manifest the platform renders validates against the Kyverno 1.13.2 CRDs', () => {
    for (const env of ['dev', 'prd']) {
      for (const m of parseYamlDocuments(read(`policy-platform/rendered/${env}/all.yaml`))) {
        expect({ env, name: m.metadata.name, errors: crdErrors(m, 'v1.13.2') }).toEqual({ env, name: m.metadata.name, errors: [] });
      }
    }
  });
});

describe('determinism', () => {
  test('a second run changes no byte and touches no file', () => {
    const before = snapshot(out);
    writeSeed(out);
    const after = snapshot(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [f, v] of before) {
      expect(after.get(f)!.content).toBe(v.content);
      expect(after.get(f)!.mtimeMs).toBe(v.mtimeMs);
    }
  });

  test('a fresh run into another folder writes the same bytes', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'));
    try {
      writeSeed(other);
      const a = snapshot(out);
      const b = snapshot(other);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [f, v] of a) expect(b.get(f)!.content).toBe(v.content);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

describeWithHelmRender('helm-render equals rendered/', () => {
  const repos: { [name: string]: string[] } = { 'security-policy': ['dev', 'qac', 'stg', 'prd'], 'devops-policy': ['dev', 'prd'], 'backend-applications': ['dev', 'prd'] };
  for (const [repo, envs] of Object.entries(repos)) {
    for (const env of envs) {
      test(`${repo} ${env}`, () => {
        const dir = path.join(out, repo);
        const fromHelm = helmRenderChart(dir, repo, env);
        expect(fromHelm).toEqual(parseYamlDocuments(read(`${repo}/rendered/${env}/${repo}.yaml`)));
      });
    }
  }

  for (const env of ['dev', 'prd']) {
    test(`policy-platform rendered/${env}/all.yaml = helm-render of every repo's charts`, () => {
      const expected = ['backend-applications', 'devops-policy', 'security-policy'].flatMap((r) => helmRenderChart(path.join(out, r), r, env));
      const all = parseYamlDocuments(read(`policy-platform/rendered/${env}/all.yaml`));
      expect(all).toEqual(expected);
      expect(all.length).toBe(7);
    });
  }
});

describe('npm run example', () => {
  const root = path.resolve(__dirname, '..', '..');
  const outdir = path.join(root, 'examples', 'out');
  test('writes examples/out/ from scratch, prints the summary, and a second run changes no byte', () => {
    fs.rmSync(outdir, { recursive: true, force: true });
    const first = execFileSync('npm', ['run', '--silent', 'example'], { cwd: root, encoding: 'utf-8' });
    expect(first).toContain('Seed written to examples/out/');
    // then the values lint and the deprecated-API scan over that output (examples/checks.ts), clean
    expect(first).toContain('Checks of examples/out/ (policy-platform lint, policy-platform deprecations --k8s-version v1.29):');
    expect(first).toContain('values lint backend-applications: 0 error(s), 0 warning(s), 0 result(s) in 1 chart(s) x 2 environment(s) (dev, prd)');
    expect(first).toMatch(/deprecated APIs in backend-applications\/rendered, devops-policy\/rendered, policy-platform\/rendered, security-policy\/rendered: 0 removed, 0 deprecated at v1\.29/);
    expect(first).toContain('\n  Checks passed.\n');
    // then the example application against the platform: warned in dev, denied (as expected) in prd
    expect(first).toContain('$ policy-platform apply examples/application --platform examples/out/policy-platform --env dev   # exit 0');
    expect(first).toContain('$ policy-platform apply examples/application --platform examples/out/policy-platform --env prd   # exit 1');
    expect(first.trimEnd().endsWith('(as expected in prd: Deployment orders/orders-worker denied)')).toBe(true);
    expect(fs.readdirSync(outdir).sort()).toEqual(['backend-applications', 'devops-policy', 'policy-platform', 'security-policy']);
    const before = snapshot(outdir);
    execFileSync('npm', ['run', '--silent', 'example'], { cwd: root, encoding: 'utf-8' });
    const after = snapshot(outdir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [f, v] of before) {
      expect(after.get(f)!.content).toBe(v.content);
      expect(after.get(f)!.mtimeMs).toBe(v.mtimeMs);
    }
    // the same bytes as the in-process run of this suite
    for (const [f, v] of snapshot(out)) expect(after.get(f)?.content).toBe(v.content);
  }, 60_000);
});
