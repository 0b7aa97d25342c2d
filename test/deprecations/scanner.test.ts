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

  test('lists deprecated and removed APIs with file, document, line and object (every file, as pluto detect-files)', () => {
    const report = DeprecationScanner.scanPaths([path.join(dir, 'rendered')], 'v1.25');
    const file = path.join(dir, 'rendered', 'dev', 'shop.yaml');
    expect(report.findings).toEqual([
      {
        // Pluto reads files of any name (finder.go: filepath.Walk, every file)
        file: path.join(dir, 'rendered', 'dev', 'notes.txt'),
        documentIndex: 0,
        line: 1,
        apiVersion: 'batch/v1beta1',
        kind: 'CronJob',
        lifecycle: ApiLifecycle.REMOVED,
        deprecatedIn: 'v1.21',
        removedIn: 'v1.25',
        replacementApi: 'batch/v1',
      },
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
    // the List stands for its 2 items (expandList): 1 + 1 + 2 in shop.yaml, 1 in notes.txt, 1 in ok.yml
    expect(report).toMatchObject({ kubernetesVersion: 'v1.25', filesScanned: 3, objectsScanned: 6, removedCount: 2, deprecatedCount: 1, errors: [], skipped: [] });
  });

  test('an older target sees the same objects as merely deprecated, or not at all', () => {
    const report = DeprecationScanner.scanPaths([path.join(dir, 'rendered')], '1.22');
    expect(report.findings.map((f) => [f.kind, f.lifecycle])).toEqual([['CronJob', ApiLifecycle.DEPRECATED], ['PodDisruptionBudget', ApiLifecycle.DEPRECATED]]);
  });

  test('a manifest file that does not parse is an error (pluto reads nothing of it and goes on), other files are still scanned', () => {
    const broken = path.join(dir, 'rendered', 'broken.yaml');
    fs.writeFileSync(broken, 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: [unclosed\n');
    const report = DeprecationScanner.scanPaths([path.join(dir, 'rendered')], 'v1.25');
    expect(report.skipped).toEqual([]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(new RegExp(`^${broken.replace(/[.]/g, '\\.')}: not YAML or JSON \\(line \\d+: .*\\) \\(pluto skips it; here it is an error\\)$`));
    expect(report.findings).toHaveLength(3);
  });

  test('a file that is not a manifest by name and does not parse is skipped with a note, as pluto skips it', () => {
    const notes = path.join(dir, 'rendered', 'NOTES.txt');
    fs.writeFileSync(notes, 'a: [\n');
    const report = DeprecationScanner.scanPaths([path.join(dir, 'rendered')], 'v1.25');
    expect(report.errors).toEqual([]);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]).toMatch(/NOTES\.txt: not YAML or JSON \(line \d+: .+\) \(pluto skips it too\)$/);
    fs.rmSync(notes);
  });

  test('a Helm chart\'s templates are read when they parse, skipped when they do not', () => {
    const chart = path.join(dir, 'charts', 'app');
    fs.mkdirSync(path.join(chart, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: app\nversion: 1.0.0\n');
    fs.writeFileSync(path.join(chart, 'templates', 'cron.yaml'), '{{- if .Values.enabled }}\napiVersion: batch/v1beta1\nkind: CronJob\n{{- end }}\n');
    fs.writeFileSync(path.join(chart, 'templates', 'static.yaml'), 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: "{{ .Release.Name }}"\n');
    const walked = DeprecationScanner.scanPaths([path.join(dir, 'charts')], 'v1.25');
    expect(walked.filesScanned).toBe(3);
    expect(walked.findings.map((f) => [path.basename(f.file), f.kind, f.objectName])).toEqual([['static.yaml', 'PodDisruptionBudget', '{{ .Release.Name }}']]);
    expect(walked.skipped.map((n) => n.split(':')[0])).toEqual([path.join(chart, 'templates', 'cron.yaml')]);
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
