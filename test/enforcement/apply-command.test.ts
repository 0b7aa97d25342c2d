/**
 * `policy-platform apply`: the admission controller's answer per environment, every output format
 * and exit code, and bad input.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { GOOD_POD, LATEST_POD, platformFolder, policies, tempDir, UNLABELLED_CONFIGMAP, writeTree } from './fixtures';
import { run } from '../../src/cli/commands/apply';
import { capture } from '../cli-lint/capture';
import { crdErrors } from '../support/crd-validator';
import { hasShared } from '../support/shared';

const platform = platformFolder();
const apps = writeTree(tempDir(), {
  'pods.yaml': `${GOOD_POD}---\n${LATEST_POD}`,
  'good.yaml': GOOD_POD,
  'configmap.yaml': UNLABELLED_CONFIGMAP,
  'namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
  'broken.yaml': `${GOOD_POD}---\napiVersion: v1\nkind: Pod\nmetadata: {name: x\n`,
  'nokind.yaml': `${GOOD_POD}---\n# second\nmetadata:\n  name: x\n`,
  'list.json': JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [YAML.parse(GOOD_POD), YAML.parse(LATEST_POD)] }),
  'policies/all.yaml': policies('Enforce'),
});
const f = (name: string) => path.join(apps, name);
const apply = (...args: string[]) => capture(run, args);

describe('policy-platform apply: the environment decides', () => {
  test('prd enforces: the latest-tag Pod is denied, exit 1, table grouped by resource then the summary', async () => {
    const r = await apply(f('pods.yaml'), '--platform', platform, '--env', 'prd');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      `Pod shop/latest  DENIED  (${f('pods.yaml')}: document 2 (line 10))`,
      '  POLICY               RULE                ACTION          MESSAGE',
      '  disallow-latest-tag  validate-image-tag  deny (Enforce)  validation error: An image tag other than latest is required. rule validate-image-tag failed at path /spec/containers/0/image/',
      '',
      '2 policies of environment prd applied to 2 resource(s): 1 denied, 0 admitted with warnings, 1 admitted without warnings',
      'rule results: 1 deny, 0 warn, 0 mutate, 0 unsupported, 1 pass, 0 skip',
      'not evaluated:',
      '  - source kyverno-policies (library archive https://github.com/kyverno/policies/archive/0123456789abcdef0123456789abcdef01234567.tar.gz (commit 0123456789abcdef0123456789abcdef01234567)): not rendered per environment by the platform; its policies are not evaluated',
      'result: DENIED',
      '',
    ].join('\n'));
  });

  test('dev audits: the same Pod is admitted with a warning, exit 0; --audit-fail makes it exit 1', async () => {
    const dev = await apply(f('pods.yaml'), '--platform', platform, '--env', 'dev');
    expect(dev.code).toBe(0);
    expect(dev.stdout).toContain('Pod shop/latest  admitted');
    expect(dev.stdout).toContain('warn (Audit)');
    expect(dev.stdout).toContain('result: admitted\n');
    const strictAudit = await apply(f('pods.yaml'), '--platform', platform, '--env', 'dev', '--audit-fail');
    expect(strictAudit.code).toBe(1);
    expect(strictAudit.stdout).toContain('result: FAILED (--audit-fail: Audit warnings)');
  });

  test('validationFailureActionOverrides: Enforce in the payments namespace only', async () => {
    const inDefault = await apply(f('configmap.yaml'), '--policies', f('policies'));
    expect(inDefault.code).toBe(0);
    expect(inDefault.stdout).toContain('ConfigMap default/settings  admitted');
    const inPayments = await apply(f('configmap.yaml'), '--policies', f('policies'), '-n', 'payments');
    expect(inPayments.code).toBe(1);
    expect(inPayments.stdout).toContain('ConfigMap payments/settings  DENIED');
    expect(inPayments.stdout).toContain('require-team-label  check-team  deny (Enforce)');
  });

  test('--strict fails on sources the platform does not render; not with --policies where all is evaluated', async () => {
    const strict = await apply(f('good.yaml'), '--platform', platform, '--env', 'prd', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('result: FAILED (--strict: unsupported rules or sources)');
    expect((await apply(f('good.yaml'), '--platform', platform, '--env', 'prd')).code).toBe(0);
    expect((await apply(f('good.yaml'), '--policies', f('policies'), '--strict')).code).toBe(0);
  });

  test('folders, JSON Lists and multi-document YAML are read; List items keep their document', async () => {
    const r = await apply(f('list.json'), '--policies', f('policies'), '-o', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.resources.map((x: any) => [x.resource.name, x.origin.document, x.origin.item, x.admitted])).toEqual([
      ['good', 1, 1, true], ['latest', 1, 2, false],
    ]);
  });
});

describe('policy-platform apply: output formats', () => {
  test('json: the typed report', async () => {
    const r = await apply(f('pods.yaml'), '--platform', platform, '--env', 'prd', '--output', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.environment).toBe('prd');
    expect(report.admitted).toBe(false);
    expect(report.denials.map((d: any) => [d.policy, d.rule, d.resource.name, d.action, d.outcome])).toEqual([
      ['disallow-latest-tag', 'validate-image-tag', 'latest', 'Enforce', 'denied'],
    ]);
    expect(report.counts).toEqual({ resources: 2, denied: 1, warned: 0, mutated: 0, unsupported: 1, passed: 1, skipped: 0 });
    expect(r.stderr).toContain('result: DENIED');
  });

  test('junit: a testsuite per resource, denials as failures, Audit warnings as failures only with --audit-fail', async () => {
    const prd = await apply(f('pods.yaml'), '--platform', platform, '--env', 'prd', '-o', 'junit');
    expect(prd.code).toBe(1);
    expect(prd.stdout).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="policy-platform apply prd" tests="2" failures="1" errors="0" skipped="0">',
      `  <testsuite name="Pod shop/good" tests="1" failures="0" errors="0" skipped="0" file="${f('pods.yaml')}: document 1 (line 1)">`,
      '    <testcase classname="Pod shop/good" name="disallow-latest-tag/validate-image-tag"/>',
      '  </testsuite>',
      `  <testsuite name="Pod shop/latest" tests="1" failures="1" errors="0" skipped="0" file="${f('pods.yaml')}: document 2 (line 10)">`,
      '    <testcase classname="Pod shop/latest" name="disallow-latest-tag/validate-image-tag">',
      '      <failure type="Enforce" message="validation error: An image tag other than latest is required. rule validate-image-tag failed at path /spec/containers/0/image/">validation error: An image tag other than latest is required. rule validate-image-tag failed at path /spec/containers/0/image/</failure>',
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n'));
    const dev = await apply(f('pods.yaml'), '--platform', platform, '--env', 'dev', '-o', 'junit');
    expect(dev.code).toBe(0);
    expect(dev.stdout).toContain('failures="0"');
    expect(dev.stdout).toContain('<system-out>warning (Audit): validation error');
    const devFail = await apply(f('pods.yaml'), '--platform', platform, '--env', 'dev', '-o', 'junit', '--audit-fail');
    expect(devFail.code).toBe(1);
    expect(devFail.stdout).toContain('<failure type="Audit"');
  });

  test('sarif: one result per denial, located at the file and the line of its document', async () => {
    const r = await apply(f('pods.yaml'), '--platform', platform, '--env', 'prd', '-o', 'sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.rules.map((x: any) => x.id)).toEqual(['disallow-latest-tag/validate-image-tag']);
    expect(log.runs[0].results).toEqual([{
      ruleId: 'disallow-latest-tag/validate-image-tag',
      level: 'error',
      message: { text: 'Pod shop/latest: denied (Enforce): validation error: An image tag other than latest is required. rule validate-image-tag failed at path /spec/containers/0/image/' },
      locations: [{
        physicalLocation: { artifactLocation: { uri: f('pods.yaml') }, region: { startLine: 10 } },
        logicalLocations: [{ fullyQualifiedName: 'Pod/shop/latest', kind: 'resource' }],
      }],
      properties: { outcome: 'denied', failureAction: 'Enforce' },
    }]);
    const dev = await apply(f('pods.yaml'), '--platform', platform, '--env', 'dev', '-o', 'sarif');
    expect(JSON.parse(dev.stdout).runs[0].results[0].level).toBe('warning');
  });

  test('policy-report: a PolicyReport per namespace and a ClusterPolicyReport, as Kyverno lays out results', async () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const r = await apply(f('pods.yaml'), f('namespace.yaml'), f('configmap.yaml'), '--policies', f('policies'), '-o', 'policy-report');
      expect(r.code).toBe(1);
      const reports = YAML.parseAllDocuments(r.stdout).map((d) => d.toJS());
      expect(reports.map((x) => [x.kind, x.metadata.name, x.metadata.namespace, x.summary])).toEqual([
        ['PolicyReport', 'policy-platform', 'default', { pass: 0, fail: 1, warn: 0, error: 0, skip: 0 }],
        ['PolicyReport', 'policy-platform', 'shop', { pass: 1, fail: 1, warn: 0, error: 0, skip: 0 }],
        ['ClusterPolicyReport', 'policy-platform', undefined, { pass: 0, fail: 1, warn: 0, error: 0, skip: 0 }],
      ]);
      expect(reports[1].results[1]).toEqual({
        source: 'kyverno',
        policy: 'disallow-latest-tag',
        rule: 'validate-image-tag',
        result: 'fail',
        scored: true,
        timestamp: { seconds: 1700000000, nanos: 0 },
        resources: [{ apiVersion: 'v1', kind: 'Pod', name: 'latest', namespace: 'shop' }],
        message: 'validation error: An image tag other than latest is required. rule validate-image-tag failed at path /spec/containers/0/image/',
        category: 'Security',
        severity: 'medium',
        properties: { failureAction: 'Enforce', admission: 'denied' },
      });
      expect(reports[2].results[0].resources).toEqual([{ apiVersion: 'v1', kind: 'Namespace', name: 'shop' }]);
      if (hasShared()) {
        for (const report of reports) expect(crdErrors(report, 'v1.19.0')).toEqual([]);
      }
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });
});

test('policy-report --report-per-resource: one report per resource, its scope the resource', async () => {
  process.env.SOURCE_DATE_EPOCH = '1700000000';
  try {
    const r = await apply(f('pods.yaml'), f('namespace.yaml'), '--policies', f('policies'), '-o', 'policy-report', '--report-per-resource');
    expect(r.code).toBe(1);
    const reports = YAML.parseAllDocuments(r.stdout).map((d) => d.toJS());
    expect(reports.map((x) => [x.kind, x.metadata.name, x.metadata.namespace, x.scope, x.summary])).toEqual([
      ['PolicyReport', 'pod-good', 'shop', { apiVersion: 'v1', kind: 'Pod', name: 'good', namespace: 'shop' }, { pass: 1, fail: 0, warn: 0, error: 0, skip: 0 }],
      ['PolicyReport', 'pod-latest', 'shop', { apiVersion: 'v1', kind: 'Pod', name: 'latest', namespace: 'shop' }, { pass: 0, fail: 1, warn: 0, error: 0, skip: 0 }],
      ['ClusterPolicyReport', 'namespace-shop', undefined, { apiVersion: 'v1', kind: 'Namespace', name: 'shop' }, { pass: 0, fail: 1, warn: 0, error: 0, skip: 0 }],
    ]);
    expect(reports[1].results[0].resources).toBeUndefined();
    if (hasShared()) {
      for (const report of reports) expect(crdErrors(report, 'v1.19.0')).toEqual([]);
    }
  } finally {
    delete process.env.SOURCE_DATE_EPOCH;
  }
});

describe('policy-platform apply: bad input exits 2 with what is wrong', () => {
  test('a malformed document names the file and the document', async () => {
    const r = await apply(f('broken.yaml'), '--platform', platform, '--env', 'prd');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^policy-platform apply: ${f('broken.yaml').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: document 2 \\(line 10\\): invalid YAML`));
    const nokind = await apply(f('nokind.yaml'), '--platform', platform, '--env', 'prd');
    expect(nokind.code).toBe(2);
    expect(nokind.stderr).toBe(`policy-platform apply: ${f('nokind.yaml')}: document 2 (line 10): not a Kubernetes object: apiVersion, kind are missing\n`);
  });

  test('an unknown environment lists the known ones', async () => {
    const r = await apply(f('good.yaml'), '--platform', platform, '--env', 'stg');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`policy-platform apply: ${platform} (platform test-platform): unknown environment "stg" (known environments: dev, prd)\n`);
  });

  test('a folder without index.json says what it expected', async () => {
    const r = await apply(f('good.yaml'), '--platform', apps, '--env', 'prd');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${apps}: not a policy platform folder: expected ${path.join(apps, 'index.json')} (PolicyPlatform.synth() writes index.json and rendered/<env>/all.yaml; the platform image has /repos/index.json and /repos/<repo>/rendered/<env>/)`);
  });

  test.each([
    [['--platform', 'x', '--env', 'prd'], 'no manifest given'],
    [['a.yaml', '--env', 'prd'], 'give --platform <dir> --env <env>, or --policies <file|dir>'],
    [['a.yaml', '--platform', 'x'], '--env is required with --platform'],
    [['a.yaml', '--policies', 'p', '-o', 'xml'], '--output "xml": expected one of table, json, junit, sarif, policy-report'],
    [['a.yaml', '--policies', 'p', '--bogus'], "unknown option '--bogus'"],
    [['a.yaml', '--policies', 'p', '--namespace-labels', 'shop'], 'expected <namespace>:<key>=<value>'],
  ])('usage error %j', async (args, message) => {
    const r = await apply(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test('a missing manifest file', async () => {
    const r = await apply(f('nope.yaml'), '--policies', f('policies'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`policy-platform apply: ${f('nope.yaml')}: no such file or directory\n`);
  });
});

describe('policy-platform apply: context as kyverno apply has it', () => {
  test('--namespace-labels and a Values file namespaceSelector select namespaceSelector overrides', async () => {
    const dir = writeTree(tempDir(), {
      'policy.yaml': policies('Audit').replace('      namespaces: [payments]', '      namespaceSelector:\n        matchLabels: {tier: money}'),
      'values.yaml': 'apiVersion: cli.kyverno.io/v1alpha1\nkind: Values\nnamespaceSelector:\n  - name: default\n    labels: {tier: money}\n',
    });
    const plain = await apply(f('configmap.yaml'), '--policies', path.join(dir, 'policy.yaml'));
    expect(plain.code).toBe(0);
    const labelled = await apply(f('configmap.yaml'), '--policies', path.join(dir, 'policy.yaml'), '--namespace-labels', 'default:tier=money');
    expect(labelled.code).toBe(1);
    const fromValues = await apply(f('configmap.yaml'), '--policies', path.join(dir, 'policy.yaml'), '--values', path.join(dir, 'values.yaml'));
    expect(fromValues.code).toBe(1);
  });

  test("'-' reads stdin (helm template ... | policy-platform apply -)", () => {
    const root = path.join(__dirname, '..', '..');
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register', path.join(root, 'src/cli/main.ts'), 'apply', '-', '--policies', f('policies')], {
      input: fs.readFileSync(f('pods.yaml')),
      cwd: root,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_PROJECT: path.join(root, 'tsconfig.scripts.json') },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Pod shop/latest  DENIED  (<stdin>: document 2 (line 10))');
  }, 60000);
});
