import { discrepancy, plutoKubernetesRows, PlutoRow } from './pluto-reference';
import { ApiLifecycle, DeprecationScanner } from '../../src/deprecations';
import { describeWithShared } from '../support/shared';

/** The row's expected values: Pluto's, except where a documented discrepancy says ours differ. */
function expected(row: PlutoRow): PlutoRow {
  const pick = (field: 'deprecatedIn' | 'removedIn') => {
    const d = discrepancy(row.apiVersion, row.kind, field);
    return d ? d.ours : row[field];
  };
  return { ...row, deprecatedIn: pick('deprecatedIn'), removedIn: pick('removedIn') };
}

const minorOf = (v: string) => Number(/^v1\.(\d+)$/.exec(v)![1]);
const at = (minor: number) => `v1.${minor}`;

function scan(row: PlutoRow, version: string) {
  const manifest = `apiVersion: ${row.apiVersion}\nkind: ${row.kind}\nmetadata:\n  name: sample\n`;
  return DeprecationScanner.scanText(manifest, 'sample.yaml', version).findings;
}

describeWithShared('every Kubernetes row of Pluto\'s table is flagged at the right versions', () => {
  const rows = plutoKubernetesRows()
    .filter((r) => !discrepancy(r.apiVersion, r.kind, 'entry'))
    .map(expected);

  test.each(rows.map((r) => [`${r.apiVersion} ${r.kind}`, r] as const))('%s', (_name, row) => {
    const first = row.deprecatedIn ?? row.removedIn;
    expect(first).toBeDefined();
    // Before it was deprecated (or, with no deprecation release, before removal): nothing.
    expect(scan(row, at(minorOf(first!) - 1))).toEqual([]);

    // Between deprecation and removal: deprecated, with the replacement.
    if (row.deprecatedIn && (!row.removedIn || minorOf(row.removedIn) > minorOf(row.deprecatedIn))) {
      const last = row.removedIn ? minorOf(row.removedIn) - 1 : minorOf(row.deprecatedIn) + 10;
      for (const v of [minorOf(row.deprecatedIn), last]) {
        const findings = scan(row, at(v));
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ lifecycle: ApiLifecycle.DEPRECATED, apiVersion: row.apiVersion, kind: row.kind, objectName: 'sample' });
        expect(findings[0].replacementApi).toBe(row.replacementApi);
      }
    }

    // From removal on: removed.
    if (row.removedIn) {
      for (const v of [minorOf(row.removedIn), minorOf(row.removedIn) + 5]) {
        const findings = scan(row, `${at(v)}.2`);
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ lifecycle: ApiLifecycle.REMOVED, removedIn: row.removedIn });
      }
    }
  });
});
