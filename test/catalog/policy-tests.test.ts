/**
 * Every catalogue policy proven by a PolicyTest: the cdk8s-plus resources of cases.ts inside a
 * PolicyTest of a PolicySet, run through the engine (verify) and synthesized as a `.kyverno-test/`
 * suite that the kyverno-test runner (`policy-platform test`) reads back from disk and passes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { CASES, CatalogCase } from './cases';
import { ENTRIES } from './entries';
import { writeFiles } from '../../src/core/file-writer';
import { RuleStatus } from '../../src/engine';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { KyvernoTestSuite, PolicyTest } from '../../src/testing';

function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function build(c: CatalogCase): { repo: PolicyRepo; test: PolicyTest; expectations: number } {
  const repo = new PolicyRepo(new App(), 'catalog-repo', { environments: ['dev', 'prd'] });
  const set = new PolicySet(repo, 'catalog', { version: '1.0.0' });
  const test = new PolicyTest(set, `${kebab(c.name)}-test`, { testName: kebab(c.name) });
  let count = 0;
  for (const { policy, expectations } of c.build(set, test)) {
    count += expectations.length;
    for (const e of expectations) {
      // e.values: what a context apiCall would return (e.g. pdb_count), written to values.yaml
      test.expect(e.object, policy.policyName, e.rule, e.result as RuleStatus, e.values);
    }
  }
  return { repo, test, expectations: count };
}

describe('every catalogue policy has a PolicyTest', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-policy-tests-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const c of CASES) {
    test(c.name, () => {
      const { repo, test, expectations } = build(c);
      const report = test.run();
      expect(report.results).toHaveLength(expectations);
      expect(report.mismatches.map((m) => `${m.policy}/${m.rule} ${m.kind}/${m.resource}: expected ${m.expected}, got ${m.actual} ${m.reason ?? ''}`)).toEqual([]);
      expect(report.results.some((r) => r.expected === 'pass')).toBe(true);
      expect(report.results.some((r) => r.expected === 'fail')).toBe(true);

      // the repository writes the suite; read back from disk, the kyverno-test runner passes it
      const files = repo.synthFiles().filter((f) => f.path.startsWith(`tests/catalog/${test.testName}/.kyverno-test/`));
      expect(files.map((f) => path.basename(f.path))).toEqual(expect.arrayContaining(['kyverno-test.yaml', 'policies.yaml', 'resources.yaml']));
      const out = path.join(tmp, test.testName);
      writeFiles(out, files);
      const suite = KyvernoTestSuite.fromFile(path.join(out, 'tests', 'catalog', test.testName, '.kyverno-test', 'kyverno-test.yaml'));
      const fromDisk = suite.run();
      expect(fromDisk.results.filter((r) => !r.matched)).toEqual([]);
      expect(fromDisk.results).toHaveLength(report.results.length);
    });
  }

  test('covers every catalogue entry', () => {
    const covered = new Set(CASES.map((c) => c.name));
    expect(ENTRIES.map((e) => e.className).filter((n) => !covered.has(n))).toEqual([]);
  });
});
