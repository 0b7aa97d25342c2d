/**
 * SLOW (about 2.5 minutes with a cached tarball, 3.5 with a fresh jsii build): `npx projen new --from cdk8s-policy-platform@file:<tarball> policy-repo` gives a starter that
 * synthesizes (`npx projen synth`) and passes its own tests (`npx projen test`: jest and eslint).
 * The library is compiled with jsii and packed once per source state (see pack-support.ts); the
 * starter's toolchain is installed by projen from the npm registry (cache first).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildAndPack, listFiles, localVersions, run } from './pack-support';

jest.setTimeout(240_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'starter-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const started = Date.now();
const phases: string[] = [];
const phase = (name: string) => phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)}s`);
afterAll(() => process.stdout.write(`packed-starter phases: ${phases.join(', ')}\n`));

test('projen new --from <tarball> policy-repo: the starter synthesizes and passes its own tests', () => {
  const tarball = buildAndPack();
  phase('pack');
  const dir = path.join(work, 'team-policies');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'team-policies', version: '0.0.0', private: true }));
  // projen new installs projen@latest unless one is installed: use this checkout's version.
  run('npm', ['install', '--loglevel=error', ...localVersions(['projen', 'constructs'])], dir);

  // The `name@file:` form: with a bare tarball path, projen records the path as a dependency name.
  phase('projen installed');
  run('npx', ['projen', 'new', '--from', `cdk8s-policy-platform@file:${tarball}`, 'policy-repo', '--no-git'], dir);
  const projenrc = fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8');
  expect(projenrc).toContain("import { PolicyRepoProject } from 'cdk8s-policy-platform';");
  expect(fs.existsSync(path.join(dir, 'src', 'policies.ts'))).toBe(true);

  phase('projen new');
  run('npx', ['projen', 'synth'], dir);
  phase('synth');
  const files = listFiles(dir);
  expect(files).toEqual(expect.arrayContaining([
    'charts/team-policies/Chart.yaml',
    'charts/team-policies/templates/require-team-label.yaml',
    'cd/values.yaml', 'cd/dev/values.yaml', 'cd/prd/values.yaml',
    'rendered/dev/team-policies.yaml', 'rendered/prd/team-policies.yaml', 'Dockerfile',
  ]));

  // the team adds a policy of its own: the starter's tests assert what the starter means and stay green
  const policies = path.join(dir, 'src', 'policies.ts');
  const added = fs.readFileSync(policies, 'utf-8')
    .replace('import { ClusterPolicy,', 'import { ClusterPolicy, DisallowLatestTag,')
    .replace(/\n}\n$/, "\n  new DisallowLatestTag(set, 'disallow-latest-tag');\n}\n");
  expect(added).toContain("new DisallowLatestTag(set, 'disallow-latest-tag');");
  fs.writeFileSync(policies, added);
  run('npx', ['projen', 'synth'], dir);
  const out = run('npx', ['projen', 'test'], dir);
  phase('test');
  expect(out).not.toMatch(/failed/i);
  expect(fs.readFileSync(path.join(dir, 'rendered', 'dev', 'team-policies.yaml'), 'utf-8')).toContain('name: disallow-latest-tag');
});
