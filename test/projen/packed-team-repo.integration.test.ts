/**
 * SLOW (about 2 minutes): the library as a team installs it.
 *
 * Compiles with jsii and packs the library (`npm pack`), creates a throwaway team repository that
 * depends on the tarball (npm installs it with projen, cdk8s, constructs and ts-node from the npm
 * cache), writes a `.projenrc.ts` with PolicyRepoProject, runs `npx projen synth` and checks the
 * seed layout; then removes an environment, synthesizes again and checks its files are gone;
 * finally plain `npx projen` changes no byte.
 * (packed-starter.test.ts does the same for `npx projen new --from <tarball> policy-repo`.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildAndPack, installPacked, listFiles, run } from './pack-support';
import { parseYamlDocuments } from '../../src/core/yaml';

jest.setTimeout(170_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'packed-'));
let tarball = '';

beforeAll(() => {
  tarball = buildAndPack();
}, 170_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function projenrc(environments: string[]): string {
  return `import { ClusterPolicy, FailureAction, PolicyRepoProject, PolicySet } from 'cdk8s-policy-platform';

const project = new PolicyRepoProject({
  name: 'security-policy',
  defaultReleaseBranch: 'main',
  devDeps: ['cdk8s-policy-platform@file:${tarball}'],
  environments: ${JSON.stringify(environments)},
  image: { registry: 'europe-west6-docker.pkg.dev/ops/charts', repository: 'security-policy-repo', tag: 'main' },
  sampleCode: false,
});

const set = new PolicySet(project.repo, 'security-policy', {
  version: '1.0.0',
  defaults: { failureAction: FailureAction.AUDIT, environments: { prd: { failureAction: FailureAction.ENFORCE } } },
});
const containers = (c: any) => ({ spec: { template: { spec: { containers: [c] } } } });
const workloads = { any: [{ resources: { kinds: ['Deployment', 'StatefulSet', 'DaemonSet'] } }] };
new ClusterPolicy(set, 'require-resource-limits', {
  rules: [{ name: 'check-cpu-memory', match: workloads, validate: { message: 'CPU and memory limits required', pattern: containers({ resources: { limits: { memory: '?*', cpu: '?*' } } }) } }],
});
new ClusterPolicy(set, 'disallow-latest-tag', {
  rules: [{ name: 'require-image-tag', match: workloads, validate: { message: 'An image tag other than latest is required', pattern: containers({ image: '!*:latest' }) } }],
});
new ClusterPolicy(set, 'require-probes', {
  rules: [{ name: 'check-probes', match: workloads, validate: { message: 'Liveness and readiness probes are required', pattern: containers({ livenessProbe: { periodSeconds: '>0' }, readinessProbe: { periodSeconds: '>0' } }) } }],
});
new ClusterPolicy(set, 'disallow-privileged', {
  rules: [{ name: 'privileged-containers', match: workloads, validate: { message: 'Privileged mode is not allowed', pattern: containers({ '=(securityContext)': { '=(privileged)': 'false' } }) } }],
});
project.synth();
`;
}

test('a team repo synthesizes the seed layout with `npx projen synth`, and drops a removed environment', () => {
  const team = path.join(work, 'security-policy');
  installPacked(tarball, team, ['ts-node', 'typescript', '@types/node', '@types/jest']);
  const noPost = { PROJEN_DISABLE_POST: 'true' };

  // A hand-written .projenrc.ts has no .projen/tasks.json yet: run it once, as `projen new` does.
  fs.writeFileSync(path.join(team, '.projenrc.ts'), projenrc(['dev', 'qac', 'stg', 'prd']));
  run('npx', ['ts-node', '--transpile-only', '-O', '{"module":"nodenext","moduleResolution":"nodenext"}', '.projenrc.ts'], team, noPost);
  fs.rmSync(path.join(team, 'charts'), { recursive: true, force: true });
  fs.rmSync(path.join(team, 'cd'), { recursive: true, force: true });

  run('npx', ['projen', 'synth'], team, noPost);
  const files = listFiles(team);
  const policies = ['disallow-latest-tag', 'disallow-privileged', 'require-probes', 'require-resource-limits'];
  expect(files).toEqual(expect.arrayContaining([
    'charts/security-policy/Chart.yaml',
    'charts/security-policy/values.yaml',
    ...policies.map((p) => `charts/security-policy/templates/${p}.yaml`),
    'cd/values.yaml', 'cd/dev/values.yaml', 'cd/qac/values.yaml', 'cd/stg/values.yaml', 'cd/prd/values.yaml',
    'Dockerfile', '.github/workflows/security-policy-image.yaml',
  ]));
  expect(files.filter((f) => f.startsWith('charts/security-policy/templates/'))).toHaveLength(4);
  const actions = (env: string) => parseYamlDocuments(fs.readFileSync(path.join(team, 'rendered', env, 'security-policy.yaml'), 'utf-8'))
    .flatMap((m) => m.spec.rules.map((r: any) => r.validate.failureAction));
  expect(new Set(actions('dev'))).toEqual(new Set(['Audit']));
  expect(new Set(actions('prd'))).toEqual(new Set(['Enforce']));
  expect(fs.readFileSync(path.join(team, 'Dockerfile'), 'utf-8')).toContain('COPY . /repos/security-policy/');
  const managed = JSON.parse(fs.readFileSync(path.join(team, '.projen', 'files.json'), 'utf-8')).files;
  expect(managed).toEqual(expect.arrayContaining(['cd/qac/values.yaml', 'charts/security-policy/templates/require-probes.yaml']));
  expect(fs.statSync(path.join(team, 'cd', 'qac', 'values.yaml')).mode.toString(8).slice(-3)).toMatch(/^[0145]{3}$/);

  // Remove qac: its files and folders go, the rest stays.
  fs.writeFileSync(path.join(team, '.projenrc.ts'), projenrc(['dev', 'stg', 'prd']));
  run('npx', ['projen', 'synth'], team, noPost);
  const after = listFiles(team);
  expect(after.filter((f) => f.includes('qac'))).toEqual([]);
  expect(fs.existsSync(path.join(team, 'cd', 'qac'))).toBe(false);
  expect(fs.existsSync(path.join(team, 'rendered', 'qac'))).toBe(false);
  expect(after).toEqual(expect.arrayContaining(['cd/dev/values.yaml', 'cd/stg/values.yaml', 'cd/prd/values.yaml', 'rendered/prd/security-policy.yaml']));
  expect(JSON.parse(fs.readFileSync(path.join(team, '.projen', 'files.json'), 'utf-8')).files.filter((f: string) => f.includes('qac'))).toEqual([]);

  // Plain `npx projen` synthesizes too, and changes no byte (`--no-post`: the bare command sets
  // PROJEN_DISABLE_POST itself, and the npm install it would run is not under test).
  const before = new Map(after.map((f) => [f, fs.readFileSync(path.join(team, f), 'utf-8')]));
  run('npx', ['projen', '--no-post'], team);
  expect(listFiles(team)).toEqual(after);
  for (const [f, content] of before) expect(fs.readFileSync(path.join(team, f), 'utf-8')).toBe(content);
});
