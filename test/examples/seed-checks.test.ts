/**
 * The checks `npm run example` runs over its output (examples/checks.ts): the values lint of
 * backend-applications in every environment and the deprecated-API scan of every rendered/ folder.
 * Clean on the seed; on a COPY of the output with a broken values file or a removed API, each
 * finding names the environment, rule, file and line, and the checks fail.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkSeed } from '../../examples/checks';
import { writeSeed } from '../../examples/main';
import { KUBERNETES_VERSION } from '../../examples/seed';
import { parseYamlDocuments } from '../../src/core/yaml';

const RENDERED = ['backend-applications/rendered', 'devops-policy/rendered', 'policy-platform/rendered', 'security-policy/rendered'];
const SPECTRAL_NOTE = '  (the seed\'s .spectral.yaml spells replica-count\'s severity `warning`, which Spectral rejects: written as `warn`)';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-checks-'));
const out = path.join(tmp, 'out');
beforeAll(() => {
  writeSeed(out);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A fresh copy of the example output, for one test to break. */
function copyOfOutput(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(out, dir, { recursive: true });
  return dir;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the clean seed', () => {
  test('values lint: backend-applications, dev and prd, no result', async () => {
    const checks = await checkSeed(out, KUBERNETES_VERSION);
    expect(checks.lint).toEqual([{
      repo: 'backend-applications',
      report: { environments: ['dev', 'prd'], charts: ['backend-applications'], results: [], errorCount: 0, warningCount: 0, notes: [] },
    }]);
  });

  test('deprecations: every rendered/ folder scanned at v1.29, every object read, no finding', async () => {
    const checks = await checkSeed(out, KUBERNETES_VERSION);
    expect(checks.scanned).toEqual(RENDERED);
    const files = RENDERED.flatMap((r) => filesUnder(path.join(out, r)));
    const objects = files.flatMap((f) => parseYamlDocuments(fs.readFileSync(f, 'utf-8'), f)).filter((d) => d && d.apiVersion && d.kind);
    expect(objects.length).toBeGreaterThan(0);
    expect(checks.deprecations).toEqual({
      kubernetesVersion: 'v1.29',
      findings: [],
      filesScanned: files.length,
      objectsScanned: objects.length,
      errors: [],
      skipped: [],
      removedCount: 0,
      deprecatedCount: 0,
    });
  });

  test('the printed summary, and the checks pass', async () => {
    const checks = await checkSeed(out, KUBERNETES_VERSION);
    expect(checks.passed).toBe(true);
    expect(checks.lines).toEqual([
      'values lint backend-applications: 0 error(s), 0 warning(s), 0 result(s) in 1 chart(s) x 2 environment(s) (dev, prd)',
      SPECTRAL_NOTE,
      `deprecated APIs in ${RENDERED.join(', ')}: 0 removed, 0 deprecated at v1.29 (${checks.deprecations.objectsScanned} objects in ${checks.deprecations.filesScanned} files)`,
      'Checks passed.',
    ]);
  });
});

describe('a copy of the output, broken on purpose', () => {
  test('prd values breaking both rules: each result with environment, rule, file and line; the error fails the checks', async () => {
    const dir = copyOfOutput('bad-values');
    fs.writeFileSync(path.join(dir, 'backend-applications/cd/prd/values.yaml'), '# broken on purpose\nnamespace: ""\nreplicas: 20\n');
    const checks = await checkSeed(dir, KUBERNETES_VERSION);
    expect(checks.lint[0].report!.results).toEqual([
      {
        environment: 'prd',
        chart: 'backend-applications',
        rule: 'required-fields',
        severity: 'error',
        message: '"namespace" property must be truthy',
        path: '$.namespace',
        file: 'cd/prd/values.yaml',
        line: 2,
      },
      {
        environment: 'prd',
        chart: 'backend-applications',
        rule: 'replica-count',
        severity: 'warn',
        message: '"replicas" property must be <= 10',
        path: '$.replicas',
        file: 'cd/prd/values.yaml',
        line: 3,
      },
    ]);
    expect(checks.lines.slice(0, 3)).toEqual([
      'values lint backend-applications: 1 error(s), 1 warning(s), 2 result(s) in 1 chart(s) x 2 environment(s) (dev, prd)',
      '  prd backend-applications backend-applications/cd/prd/values.yaml:2 error required-fields $.namespace: "namespace" property must be truthy',
      '  prd backend-applications backend-applications/cd/prd/values.yaml:3 warn  replica-count $.replicas: "replicas" property must be <= 10',
    ]);
    expect(checks.passed).toBe(false);
    expect(checks.lines[checks.lines.length - 1]).toBe('Checks FAILED (see above).');
  });

  test('a missing field in the chart values is reported in every environment at the chart values file', async () => {
    const dir = copyOfOutput('missing-name');
    const file = path.join(dir, 'backend-applications/charts/backend-applications/values.yaml');
    const kept = fs.readFileSync(file, 'utf-8').split('\n').filter((l) => !l.startsWith('name:'));
    fs.writeFileSync(file, kept.join('\n'));
    const checks = await checkSeed(dir, KUBERNETES_VERSION);
    expect(checks.lint[0].report!.results.map((r) => `${r.environment} ${r.rule} ${r.severity} ${r.path} ${r.file}`)).toEqual([
      'dev required-fields error $.name charts/backend-applications/values.yaml',
      'prd required-fields error $.name charts/backend-applications/values.yaml',
    ]);
    expect(checks.passed).toBe(false);
  });

  test('a warning alone is printed but does not fail', async () => {
    const dir = copyOfOutput('warning-only');
    fs.writeFileSync(path.join(dir, 'backend-applications/cd/dev/values.yaml'), 'replicas: 0.5\n');
    const checks = await checkSeed(dir, KUBERNETES_VERSION);
    expect(checks.lint[0].report!.results.map((r) => `${r.environment} ${r.rule} ${r.severity} ${r.file}:${r.line}`)).toEqual([
      'dev replica-count warn cd/dev/values.yaml:1',
    ]);
    expect(checks.passed).toBe(true);
  });

  test('a malformed values file is reported, not thrown, and fails the checks', async () => {
    const dir = copyOfOutput('malformed-values');
    fs.writeFileSync(path.join(dir, 'backend-applications/cd/prd/values.yaml'), 'replicas: [1\n');
    const checks = await checkSeed(dir, KUBERNETES_VERSION);
    expect(checks.lint[0].report).toBeUndefined();
    expect(checks.lint[0].failure).toContain('cd/prd/values.yaml');
    expect(checks.lines[0]).toBe('values lint backend-applications: cannot lint');
    expect(checks.passed).toBe(false);
  });

  test('an API removed at v1.29 is reported with file, line and document, and fails; a deprecated one only reported', async () => {
    const dir = copyOfOutput('removed-api');
    fs.writeFileSync(path.join(dir, 'security-policy/rendered/prd/legacy.yaml'), [
      'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3',
      'kind: FlowSchema',
      'metadata:',
      '  name: batch',
      '---',
      'apiVersion: extensions/v1beta1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  namespace: backend',
      '',
    ].join('\n'));
    const checks = await checkSeed(dir, KUBERNETES_VERSION);
    const lines = checks.lines.filter((l) => l.startsWith('  DEPRECATED') || l.startsWith('  REMOVED'));
    expect(lines).toEqual([
      '  DEPRECATED security-policy/rendered/prd/legacy.yaml:1 (document 0): flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema batch: '
        + 'deprecated in v1.29, removed in v1.32; use flowcontrol.apiserver.k8s.io/v1',
      '  REMOVED    security-policy/rendered/prd/legacy.yaml:6 (document 1): extensions/v1beta1 Ingress backend/web: removed in v1.22; use networking.k8s.io/v1',
    ]);
    expect(checks.deprecations).toMatchObject({ removedCount: 1, deprecatedCount: 1 });
    expect(checks.passed).toBe(false);

    fs.writeFileSync(path.join(dir, 'security-policy/rendered/prd/legacy.yaml'), 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: batch\n');
    expect((await checkSeed(dir, KUBERNETES_VERSION)).passed).toBe(true);
  });

  test('a rendered file that is not YAML fails the checks, named relative to the output', async () => {
    const dir = copyOfOutput('bad-yaml');
    fs.writeFileSync(path.join(dir, 'policy-platform/rendered/dev/broken.yaml'), 'kind: [\n');
    const checks = await checkSeed(dir, KUBERNETES_VERSION);
    // pluto detect-files skips it; the scan reports a manifest file that does not parse as an error
    expect(checks.deprecations.errors).toHaveLength(1);
    expect(checks.deprecations.errors[0]).toMatch(/^policy-platform\/rendered\/dev\/broken\.yaml: not YAML or JSON \(line \d+: /);
    expect(checks.lines).toContain(`  invalid: ${checks.deprecations.errors[0]}`);
    expect(checks.passed).toBe(false);
  });
});
