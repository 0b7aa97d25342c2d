/**
 * The cdk8s validation plugin with the real cdk8s-cli from the npm registry, in a throwaway cdk8s
 * app: `cdk8s synth` reports each violation with the construct path and fails on denials.
 * Slow (installs cdk8s-cli once into .tmp/, then ~40 s per synth): an integration suite, run by
 * `npx projen test:integration` (and .ci/run), not by `npm test`.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { platformFolder, tempDir, writeTree } from './fixtures';

const ROOT = path.join(__dirname, '..', '..');
const CLI_VERSION = '2.207.60';
const CLI_DIR = path.join(ROOT, '.tmp', `cdk8s-cli-${CLI_VERSION}`);

function cdk8sCli(): string {
  const bin = path.join(CLI_DIR, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(CLI_DIR, { recursive: true });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', CLI_DIR, `cdk8s-cli@${CLI_VERSION}`], { stdio: 'pipe' });
  }
  return bin;
}

/** A cdk8s app (plain JS, this repository's cdk8s) with one good and one `latest` Pod. */
function throwawayApp(environment: string, extra: any = {}): string {
  const cdk8s = path.join(ROOT, 'node_modules', 'cdk8s');
  // the plugin package: this repository's source through ts-node (app teams name ./node_modules/cdk8s-policy-platform)
  const plugin = writeTree(tempDir('plugin-'), {
    'package.json': JSON.stringify({ name: 'policy-platform-plugin', version: '0.0.0', main: 'index.js' }),
    'index.js': [
      `require(${JSON.stringify(path.join(ROOT, 'node_modules', 'ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(path.join(ROOT, 'tsconfig.scripts.json'))} });`,
      `module.exports = require(${JSON.stringify(path.join(ROOT, 'src', 'enforcement'))});`,
    ].join('\n'),
  });
  const platform = platformFolder();
  return writeTree(tempDir('cdk8s-app-'), {
    'main.js': `const { App, Chart, ApiObject } = require(${JSON.stringify(cdk8s)});
const app = new App();
const chart = new Chart(app, 'orders', { namespace: 'shop' });
const pod = (name, image) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image }] } });
new ApiObject(chart, 'api', pod('orders-api', 'nginx:1.27'));
new ApiObject(chart, 'worker', pod('orders-worker', 'nginx:latest'));
app.synth();
`,
    'cdk8s.yaml': JSON.stringify({
      app: 'node main.js',
      validations: [{ package: plugin, version: '0.0.0', class: 'AdmissionValidation', properties: { platform, environment, ...extra } }],
    }),
  });
}

function synth(dir: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [cdk8sCli(), 'synth'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe('cdk8s validation plugin AdmissionValidation with cdk8s-cli', () => {
  test('prd: synth fails, the denial names the construct path of the offending resource', () => {
    const r = synth(throwawayApp('prd'));
    expect(r.status).toBe(2);
    expect(r.out).toContain('disallow-latest-tag/validate-image-tag: denied (Enforce) in prd (1 occurrences)');
    expect(r.out).toContain('Construct Path: orders/worker');
    expect(r.out).toContain('Resource Name: orders-worker');
    expect(r.out).not.toContain('orders/api');
    expect(r.out).toContain('Validation failed');
  }, 300000);

  test('dev: synth succeeds and shows the Audit warning; auditFail makes it fail', () => {
    const dev = synth(throwawayApp('dev'));
    expect(dev.status).toBe(0);
    expect(dev.out).toContain('disallow-latest-tag/validate-image-tag: admitted with a warning (Audit) in dev');
    expect(dev.out).toContain('Construct Path: orders/worker');
    expect(dev.out).toContain('Validations ended succesfully');
    expect(synth(throwawayApp('dev', { auditFail: true })).status).toBe(2);
  }, 300000);
});
