/**
 * PolicyTest context values: what a live lookup (apiCall) would have returned, given with an
 * expectation, reach the engine and the suite's values.yaml (`policies[].resources[].values`),
 * as kyverno test reads them.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 * @see https://kyverno.io/policies/other/require-pdb/require-pdb/
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { writeFiles } from '../../src/core/file-writer';
import { RuleStatus } from '../../src/engine';
import { ClusterPolicy, ConditionOperator } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { KyvernoTestSuite, PolicyTest } from '../../src/testing';

/** The library's require-pdb shape: the namespace's PDBs counted by an apiCall. */
function fixture() {
  const app: App = Testing.app();
  const repo = new PolicyRepo(app, 'devops', { environments: ['dev'] });
  const set = new PolicySet(repo, 'availability', { version: '1.0.0' });
  new ClusterPolicy(set, 'require-pdb', {
    rules: [{
      name: 'require-pdb',
      match: { any: [{ resources: { kinds: ['Deployment'] } }] },
      context: [{
        name: 'pdb_count',
        apiCall: { urlPath: '/apis/policy/v1/namespaces/{{request.namespace}}/poddisruptionbudgets', jmesPath: 'items | length(@)' },
      }],
      validate: {
        message: 'a PodDisruptionBudget is required',
        deny: { conditions: { any: [{ key: '{{ pdb_count }}', operator: ConditionOperator.LESS_THAN, value: 1 }] } },
      },
    }],
  });
  const test = new PolicyTest(set, 'pdb', { namespace: 'shop' });
  const covered = new kplus.Deployment(test, 'covered', { containers: [{ image: 'nginx:1.25' }] });
  const uncovered = new kplus.Deployment(test, 'uncovered', { containers: [{ image: 'nginx:1.25' }] });
  return { repo, test, covered, uncovered };
}

test('values given with expectations stand in for the apiCall, per resource', () => {
  const { test, covered, uncovered } = fixture();
  test.expect(covered, 'require-pdb', 'require-pdb', RuleStatus.PASS, { pdb_count: 1 });
  test.expect(uncovered, 'require-pdb', 'require-pdb', RuleStatus.FAIL, { pdb_count: 0 });
  const report = test.run();
  expect(report.results.map((r) => [r.resource, r.actual])).toEqual([
    ['devops-availability-pdb-uncovered', 'fail'],
    ['devops-availability-pdb-covered', 'pass'],
  ]);
  expect(report.passed).toBe(true);
});

test('without a value the rule is not decided offline (never a silent pass)', () => {
  const { test, covered } = fixture();
  test.expect(covered, 'require-pdb', 'require-pdb', RuleStatus.PASS);
  const [r] = test.run().results;
  expect(r.actual).toBe('unsupported');
  expect(r.reason).toBe('context entry "pdb_count" (apiCall) needs a live cluster or registry and no value was supplied');
});

test('the values are written to values.yaml and kyverno test (our runner) gets the same results from disk', () => {
  const { repo, test, covered, uncovered } = fixture();
  test.expect(covered, 'require-pdb', 'require-pdb', RuleStatus.PASS, { pdb_count: 1 });
  test.expect(uncovered, 'require-pdb', 'require-pdb', RuleStatus.FAIL, { pdb_count: 0 });
  const files = repo.synthFiles().filter((f) => f.path.startsWith('tests/availability/pdb/.kyverno-test/'));
  expect(files.find((f) => f.path.endsWith('values.yaml'))!.content).toBe([
    'apiVersion: cli.kyverno.io/v1alpha1',
    'kind: Values',
    'policies:',
    '  - name: require-pdb',
    '    resources:',
    '      - name: devops-availability-pdb-covered',
    '        values:',
    '          pdb_count: 1',
    '      - name: devops-availability-pdb-uncovered',
    '        values:',
    '          pdb_count: 0',
    '',
  ].join('\n'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-test-values-'));
  try {
    writeFiles(tmp, files);
    const report = KyvernoTestSuite.fromFile(path.join(tmp, 'tests', 'availability', 'pdb', '.kyverno-test', 'kyverno-test.yaml')).run();
    expect(report.results.map((r) => [r.resource, r.actual])).toEqual([
      ['devops-availability-pdb-uncovered', 'fail'],
      ['devops-availability-pdb-covered', 'pass'],
    ]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('two expectations giving one resource different values under one policy is an error', () => {
  const { repo, test, covered } = fixture();
  test.expect(covered, 'require-pdb', 'require-pdb', RuleStatus.PASS, { pdb_count: 1 });
  test.expect(covered, 'require-pdb', 'autogen-require-pdb', RuleStatus.FAIL, { pdb_count: 0 });
  expect(() => repo.synthFiles()).toThrow('expectations[1].values: "pdb_count" is 0 but an earlier expectation gives 1 for devops-availability-pdb-covered under require-pdb (values hold per policy and resource, not per rule)');
});
