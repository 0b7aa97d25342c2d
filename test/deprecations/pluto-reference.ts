/**
 * Pluto's versions file (../shared/reference/pluto-versions.yaml), Kubernetes rows only, and the
 * documented places where our table (written from the Kubernetes deprecation guide) differs.
 */
import * as fs from 'fs';
import * as YAML from 'yaml';
import { sharedPath } from '../support/shared';

export interface PlutoRow {
  readonly apiVersion: string;
  readonly kind: string;
  readonly deprecatedIn?: string;
  readonly removedIn?: string;
  readonly replacementApi?: string;
}

/** `v1.16.0` → `v1.16`; empty → undefined. */
export function minor(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const m = /^v?(\d+)\.(\d+)/.exec(String(v));
  if (!m) throw new Error(`unexpected version ${String(v)} in pluto-versions.yaml`);
  return `v${m[1]}.${m[2]}`;
}

export function plutoKubernetesRows(): PlutoRow[] {
  const doc = YAML.parse(fs.readFileSync(sharedPath('reference', 'pluto-versions.yaml'), 'utf-8'));
  return (doc['deprecated-versions'] as any[])
    .filter((r) => r.component === 'k8s')
    .map((r) => ({
      apiVersion: r.version,
      kind: r.kind,
      deprecatedIn: minor(r['deprecated-in']),
      removedIn: minor(r['removed-in']),
      replacementApi: r['replacement-api'] ? String(r['replacement-api']) : undefined,
    }));
}

export type Field = 'deprecatedIn' | 'removedIn' | 'replacementApi' | 'entry';

export interface Discrepancy {
  readonly apiVersion: string;
  readonly kind: string;
  readonly field: Field;
  readonly pluto: string | undefined;
  readonly ours: string | undefined;
  readonly reason: string;
}

const FC = 'flowcontrol.apiserver.k8s.io';
const POLICY = 'beta APIs are served at least 3 releases after deprecation (deprecation policy rule #4a)';

/**
 * Every difference between Pluto and our table. The agreement test fails if a difference is not
 * listed here or a listed one no longer holds.
 */
export const DISCREPANCIES: Discrepancy[] = [
  {
    apiVersion: `${FC}/v1beta1`,
    kind: 'FlowControl',
    field: 'entry',
    pluto: 'present',
    ours: undefined,
    reason: 'FlowControl is not a Kubernetes kind; the guide names FlowSchema and PriorityLevelConfiguration, which have their own rows',
  },
  ...['FlowSchema', 'PriorityLevelConfiguration'].map((kind): Discrepancy => ({
    apiVersion: `${FC}/v1beta1`,
    kind,
    field: 'removedIn',
    pluto: 'v1.29',
    ours: 'v1.26',
    reason: 'the guide lists flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema and PriorityLevelConfiguration under "v1.26: no longer served" (Pluto\'s own FlowControl row says v1.26)',
  })),
  ...['FlowSchema', 'PriorityLevelConfiguration'].map((kind): Discrepancy => ({
    apiVersion: `${FC}/v1beta1`,
    kind,
    field: 'deprecatedIn',
    pluto: 'v1.24',
    ours: 'v1.23',
    reason: `removed in v1.26 per the guide; ${POLICY}, so deprecated by v1.23 (Pluto's own FlowControl row says v1.23)`,
  })),
  ...['FlowSchema', 'PriorityLevelConfiguration'].map((kind): Discrepancy => ({
    apiVersion: `${FC}/v1beta2`,
    kind,
    field: 'deprecatedIn',
    pluto: 'v1.24',
    ours: 'v1.26',
    reason: 'the guide\'s replacements (v1beta3 since v1.26, v1 since v1.29) did not exist in v1.24; v1beta2 was the newest version until v1.26',
  })),
  {
    apiVersion: `${FC}/v1beta3`,
    kind: 'FlowSchema',
    field: 'deprecatedIn',
    pluto: 'v1.24',
    ours: 'v1.29',
    reason: 'the guide says v1beta3 is available since v1.26, so it cannot be deprecated in v1.24; deprecated when v1 arrived (v1.29)',
  },
  {
    apiVersion: `${FC}/v1beta3`,
    kind: 'PriorityLevelConfiguration',
    field: 'deprecatedIn',
    pluto: 'v1.31',
    ours: 'v1.29',
    reason: `removed in v1.32 per the guide; ${POLICY}; deprecated with FlowSchema when v1 arrived (v1.29)`,
  },
];

export function discrepancy(apiVersion: string, kind: string, field: Field): Discrepancy | undefined {
  return DISCREPANCIES.find((d) => d.apiVersion === apiVersion && d.kind === kind && d.field === field);
}
