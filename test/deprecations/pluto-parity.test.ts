import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DeprecatedApis, DeprecationScanner } from '../../src/deprecations';

/**
 * What `pluto detect-files -d <dir> --target-versions k8s=<v>` reports, file layout by file layout.
 * Expected answers from Pluto's source:
 * - pkg/finder/finder.go: listFiles walks every file (filepath.Walk, no name filter); scanFiles
 *   logs a file's error (klog.V(2)) and goes on;
 * - pkg/api/versions.go: containsStub tries json.Unmarshal of the whole file, then a yaml.v3
 *   Decoder over its documents; a yaml.TypeError skips that document, any other error drops the
 *   file; expandList: an object with a non-empty `items` stands for its items, whatever its kind.
 * Each expected line is `file kind@document[/item]`.
 */
const CASES: Array<[string, { [file: string]: string }, string[]]> = [
  ['a .json file', { 'cron.json': JSON.stringify({ apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'c' } }) }, ['cron.json CronJob@0 c']],
  ['a file without extension', { manifest: 'apiVersion: batch/v1beta1\nkind: CronJob\n' }, ['manifest CronJob@0']],
  ['a hidden folder is walked too', { '.cache/x.yaml': 'apiVersion: batch/v1beta1\nkind: CronJob\n' }, ['.cache/x.yaml CronJob@0']],
  ['items of any object, not only kind: List (the container is not checked)', {
    'list.yaml': 'apiVersion: batch/v1beta1\nkind: CronJobList\nitems:\n  - apiVersion: policy/v1beta1\n    kind: PodDisruptionBudget\n  - apiVersion: v1\n    kind: ConfigMap\n',
  }, ['list.yaml PodDisruptionBudget@0/items[0]']],
  ['an object with empty items is checked itself', { 'list.yaml': 'apiVersion: batch/v1beta1\nkind: CronJobList\nitems: []\n' }, ['list.yaml CronJobList@0']],
  ['items in a JSON file', {
    'list.json': JSON.stringify({ apiVersion: 'v1', kind: 'Whatever', items: [{ apiVersion: 'batch/v1beta1', kind: 'CronJob' }] }),
  }, ['list.json CronJob@0/items[0]']],
  ['a document of the wrong shape is skipped, the others are read (yaml.TypeError)', {
    'mixed.yaml': 'apiVersion: batch/v1beta1\nkind: [CronJob]\n---\napiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n',
  }, ['mixed.yaml PodDisruptionBudget@1']],
  ['a syntax error drops the whole file, even its first documents', {
    'bad.yaml': 'apiVersion: batch/v1beta1\nkind: CronJob\n---\na: [\n',
  }, []],
  ['a scalar is read as written (yaml.v3 into a string field)', {
    'num.yaml': 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: 012\n',
  }, ['num.yaml CronJob@0 012']],
];

describe('files read as pluto detect-files reads them', () => {
  test.each(CASES)('%s', (_name, files, expected) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pluto-parity-'));
    try {
      for (const [f, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), text);
      }
      const report = DeprecationScanner.scanPaths([dir], 'v1.25');
      expect(report.findings.map((f) => `${path.relative(dir, f.file)} ${f.kind}@${f.documentIndex}${f.itemPath ? `/${f.itemPath}` : ''}${f.objectName ? ` ${f.objectName}` : ''}`))
        .toEqual(expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Replacement advice: Pluto prints its table's replacement-api as is (5.24.0 advises
 * flowcontrol.apiserver.k8s.io/v1beta3 for v1beta1 even at v1.32, where v1beta3 is gone); we
 * follow the replacements past those removed at the target, so the advice is always served there.
 */
describe('replacement advice never names an API removed at the target', () => {
  const fc = (v: string) => `flowcontrol.apiserver.k8s.io/${v}`;
  test.each([
    [fc('v1beta1'), 'FlowSchema', 'v1.26', fc('v1beta3')],
    [fc('v1beta1'), 'FlowSchema', 'v1.32', fc('v1')],
    [fc('v1beta2'), 'PriorityLevelConfiguration', 'v1.33', fc('v1')],
    ['extensions/v1beta1', 'PodSecurityPolicy', 'v1.16', 'policy/v1beta1'],
    ['extensions/v1beta1', 'PodSecurityPolicy', 'v1.25', undefined], // policy/v1beta1 PSP is gone, with no successor
    ['resource.k8s.io/v1beta1', 'ResourceClaim', 'v1.36', 'resource.k8s.io/v1beta2'],
  ])('%s %s at %s → %s', (apiVersion, kind, version, expected) => {
    expect(DeprecatedApis.replacementAt(DeprecatedApis.lookup(apiVersion, kind)!, version)).toBe(expected);
  });

  test('every replacement advised at every release from v1.16 to v1.36 is served there', () => {
    const bad: string[] = [];
    for (let minor = 16; minor <= 36; minor++) {
      const v = `v1.${minor}`;
      for (const e of DeprecatedApis.asOf(v)) {
        const to = DeprecatedApis.replacementAt(e, v);
        const next = to === undefined ? undefined : DeprecatedApis.lookup(to, e.kind);
        if (next && DeprecatedApis.lifecycleAt(next, v) === 'removed') bad.push(`${v}: ${e.apiVersion} ${e.kind} → ${to}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
