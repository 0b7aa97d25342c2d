/**
 * The same claim as library-suites.test.ts, through the command line: each library suite is copied
 * with our policy's YAML written where the suite expects the library's policy file, and
 * `policy-platform test <dir>` runs them all.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { CONTROL_SUITES, ENTRIES } from './entries';
import { PodSecurityControl, PodSecurityControlPolicy } from '../../src/catalog';
import { run } from '../../src/cli/commands/test';
import { parseYamlDocuments, toYaml } from '../../src/core/yaml';
import { KyvernoPolicy } from '../../src/kyverno';
import { describeWithShared, sharedPath } from '../support/shared';

/** Copies a library suite under `out` with `policy` (renamed to the library's name) as its policy file. */
function stageSuite(out: string, suite: string, policy: KyvernoPolicy, libraryName: string): number {
  const from = sharedPath('conformance', 'kyverno-policies', ...suite.split('/'), '.kyverno-test');
  const to = path.join(out, ...suite.split('/'), '.kyverno-test');
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(to, f));
  const test = parseYamlDocuments(fs.readFileSync(path.join(to, 'kyverno-test.yaml'), 'utf-8'))[0];
  const json = policy.toJson();
  json.metadata.name = libraryName;
  for (const p of test.policies) fs.writeFileSync(path.resolve(to, p), toYaml(json));
  return test.results.reduce((n: number, r: any) => n + (r.resources?.length ?? 1), 0);
}

describeWithShared('policy-platform test on the library suites with our policies', () => {
  test('every suite passes', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-cli-'));
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s: any) => {
      written.push(String(s));
      return true;
    });
    try {
      let expected = 0;
      for (const e of ENTRIES) {
        for (const s of e.suites) {
          // one folder per entry: several entries (and the controls) use the same library suite
          expected += stageSuite(path.join(out, 'entries', e.className), s.path, (s.build ?? e.build)(new Chart(Testing.app(), 'c'), 'p'), s.policyName);
        }
      }
      for (const [control, suites] of Object.entries(CONTROL_SUITES)) {
        for (const s of suites) {
          expected += stageSuite(path.join(out, 'controls'), s, new PodSecurityControlPolicy(new Chart(Testing.app(), 'c'), 'p', { control: control as PodSecurityControl }), path.basename(s));
        }
      }
      const code = await run([out, '--json']);
      const results = written.join('').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      expect(results.filter((r) => r.expected !== r.actual)).toEqual([]);
      expect(results).toHaveLength(expected);
      expect(code).toBe(0);
    } finally {
      spy.mockRestore();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
