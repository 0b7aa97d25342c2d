import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiLifecycle, DeprecatedApis, DeprecationScanner } from '../../src/deprecations';

const MANIFESTS = `# rendered by helm
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
  namespace: shop
---
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: cm}
  - apiVersion: autoscaling/v2beta2
    kind: HorizontalPodAutoscaler
    metadata: {name: web-hpa}
`;

describe('DeprecationScanner', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deprecations-'));
    fs.mkdirSync(path.join(dir, 'rendered', 'dev'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'rendered', 'dev', 'shop.yaml'), MANIFESTS);
    fs.writeFileSync(path.join(dir, 'rendered', 'dev', 'notes.txt'), 'apiVersion: batch/v1beta1\nkind: CronJob\n');
    fs.writeFileSync(path.join(dir, 'rendered', 'ok.yml'), 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: ok}\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('lists deprecated and removed APIs with file, document, line and object', () => {
    const report = DeprecationScanner.scanPaths([path.join(dir, 'rendered')], 'v1.25');
    const file = path.join(dir, 'rendered', 'dev', 'shop.yaml');
    expect(report.findings).toEqual([
      {
        file,
        documentIndex: 1,
        line: 7,
        apiVersion: 'policy/v1beta1',
        kind: 'PodDisruptionBudget',
        objectName: 'web-pdb',
        objectNamespace: 'shop',
        lifecycle: ApiLifecycle.REMOVED,
        deprecatedIn: 'v1.21',
        removedIn: 'v1.25',
        replacementApi: 'policy/v1',
      },
      {
        file,
        documentIndex: 3,
        line: 20,
        itemPath: 'items[1]',
        apiVersion: 'autoscaling/v2beta2',
        kind: 'HorizontalPodAutoscaler',
        objectName: 'web-hpa',
        lifecycle: ApiLifecycle.DEPRECATED,
        deprecatedIn: 'v1.23',
        removedIn: 'v1.26',
        replacementApi: 'autoscaling/v2',
      },
    ]);
    expect(report).toMatchObject({ kubernetesVersion: 'v1.25', filesScanned: 2, objectsScanned: 6, removedCount: 1, deprecatedCount: 1, errors: [] });
  });

  test('an older target sees the same objects as merely deprecated, or not at all', () => {
    const report = DeprecationScanner.scanPaths([path.join(dir, 'rendered')], '1.22');
    expect(report.findings.map((f) => [f.kind, f.lifecycle])).toEqual([['PodDisruptionBudget', ApiLifecycle.DEPRECATED]]);
  });

  test('a file that is not YAML is reported with its line, other files are still scanned', () => {
    fs.writeFileSync(path.join(dir, 'rendered', 'broken.yaml'), 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: [unclosed\n');
    const report = DeprecationScanner.scanPaths([path.join(dir, 'rendered')], 'v1.25');
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(new RegExp(`^${path.join(dir, 'rendered', 'broken.yaml').replace(/[.]/g, '\\.')}:\\d+: invalid YAML: `));
    expect(report.findings).toHaveLength(2);
  });

  test('a Helm chart\'s templates are skipped when walking a directory, read when named', () => {
    const chart = path.join(dir, 'charts', 'app');
    fs.mkdirSync(path.join(chart, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: app\nversion: 1.0.0\n');
    fs.writeFileSync(path.join(chart, 'templates', 'cron.yaml'), 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{- toYaml .Values.labels | nindent 4 }}\n');
    const walked = DeprecationScanner.scanPaths([path.join(dir, 'charts')], 'v1.25');
    expect([walked.filesScanned, walked.findings, walked.errors]).toEqual([1, [], []]);
    const named = DeprecationScanner.scanPaths([path.join(chart, 'templates', 'cron.yaml')], 'v1.25');
    expect(named.errors).toHaveLength(1);
  });

  test('a missing path and a malformed version are clear errors', () => {
    expect(() => DeprecationScanner.scanPaths([path.join(dir, 'nope')], 'v1.25')).toThrow(/nope: no such file or directory/);
    expect(() => DeprecationScanner.scanPaths([dir], 'latest')).toThrow('"latest" is not a Kubernetes version (expected v<major>.<minor>[.<patch>], e.g. v1.29)');
  });
});

describe('DeprecatedApis', () => {
  test('lifecycle of the v1beta1 Ingress across releases', () => {
    const ingress = DeprecatedApis.lookup('networking.k8s.io/v1beta1', 'Ingress')!;
    expect(['v1.18', 'v1.19', 'v1.21.14', 'v1.22', 'v1.30'].map((v) => DeprecatedApis.lifecycleAt(ingress, v))).toEqual([
      ApiLifecycle.AVAILABLE, ApiLifecycle.DEPRECATED, ApiLifecycle.DEPRECATED, ApiLifecycle.REMOVED, ApiLifecycle.REMOVED,
    ]);
    expect(DeprecatedApis.lookup('networking.k8s.io/v1', 'Ingress')).toBeUndefined();
  });

  test('asOf lists removed APIs, and deprecated ones unless asked not to', () => {
    const removed = DeprecatedApis.asOf('v1.26', false).map((e) => `${e.apiVersion} ${e.kind}`);
    const all = DeprecatedApis.asOf('v1.26').map((e) => `${e.apiVersion} ${e.kind}`);
    expect(removed).toContain('autoscaling/v2beta2 HorizontalPodAutoscaler');
    expect(removed).not.toContain('storage.k8s.io/v1beta1 CSIStorageCapacity');
    expect(all).toContain('storage.k8s.io/v1beta1 CSIStorageCapacity');
    expect(all.length - removed.length).toBe(DeprecatedApis.all().filter((e) => DeprecatedApis.lifecycleAt(e, 'v1.26') === ApiLifecycle.DEPRECATED).length);
  });
});
