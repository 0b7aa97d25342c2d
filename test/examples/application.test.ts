/**
 * The example application (examples/application/) against the example platform: admitted with a
 * warning in dev, the worker denied in prd, as `npm run example` shows and expects.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyApplication, APPLICATION_DIR } from '../../examples/apply';
import { writeSeed } from '../../examples/main';
import { run } from '../../src/cli/commands/apply';
import { capture } from '../cli-lint/capture';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-apply-'));
const platform = path.join(tmp, 'out', 'policy-platform');
beforeAll(() => {
  writeSeed(path.join(tmp, 'out'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('dev warns, prd denies the worker: as the example expects', () => {
  const app = path.relative(process.cwd(), APPLICATION_DIR);
  const applied = applyApplication(platform, ['dev', 'prd']);
  expect(applied.asExpected).toBe(true);
  expect(applied.lines.filter((l) => l.startsWith('$ ') || l.startsWith('  (') || / {2}(Deployment|Pod|Service|ConfigMap) /.test(l))).toEqual([
    `$ policy-platform apply ${app} --platform ${path.relative(process.cwd(), platform)} --env dev   # exit 0`,
    `  Deployment orders/orders-worker  admitted  (${app}/orders-worker.yaml: document 1 (line 3))`,
    '  (as expected in dev: Deployment orders/orders-worker admitted with a warning)',
    `$ policy-platform apply ${app} --platform ${path.relative(process.cwd(), platform)} --env prd   # exit 1`,
    `  Deployment orders/orders-worker  DENIED  (${app}/orders-worker.yaml: document 1 (line 3))`,
    '  (as expected in prd: Deployment orders/orders-worker denied)',
  ]);
});

test('an environment answering otherwise is reported and fails the example', () => {
  // the application in "dev" of a platform whose dev enforces: not what the example expects
  const copy = path.join(tmp, 'enforcing');
  fs.cpSync(platform, copy, { recursive: true });
  const file = path.join(copy, 'rendered', 'dev', 'all.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split('failureAction: Audit').join('failureAction: Enforce'));
  const applied = applyApplication(copy, ['dev']);
  expect(applied.asExpected).toBe(false);
  expect(applied.lines[applied.lines.length - 1]).toBe('  UNEXPECTED in dev: denied ["Deployment orders/orders-worker"] (expected []), warned [] (expected ["Deployment orders/orders-worker"])');
});

test('the CLI on the example: exit 0 in dev, 1 in prd', async () => {
  expect((await capture(run, [APPLICATION_DIR, '--platform', platform, '--env', 'dev'])).code).toBe(0);
  const prd = await capture(run, [APPLICATION_DIR, '--platform', platform, '--env', 'prd', '-o', 'json']);
  expect(prd.code).toBe(1);
  expect(JSON.parse(prd.stdout).denials.map((d: any) => `${d.resource.name} ${d.policy}/${d.rule} ${d.action}`)).toEqual([
    'orders-worker disallow-latest-tag/autogen-validate-image-tag Enforce',
  ]);
});
