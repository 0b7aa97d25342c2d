/**
 * Strict schema check of a Kyverno manifest (as `kubectl apply --validate=strict` does with the
 * CRD's OpenAPI schema): every field must be known to the schema of the targeted Kyverno release.
 * The field trees ship with the library (crd-fields.generated.ts, generated from Kyverno's CRDs).
 * Internal module.
 */
import { CRD_FIELD_NODES, CRD_FIELD_ROOTS } from './crd-fields.generated';
import { KyvernoVersion } from './kyverno-version';
import { nearestName } from '../core/edit-distance';

/** CRD releases shipped, oldest first, with the KyvernoVersions each describes. */
const RELEASES: { release: string; upTo: KyvernoVersion }[] = [
  { release: 'v1.13.2', upTo: KyvernoVersion.V1_13 },
  { release: 'v1.19.0', upTo: KyvernoVersion.V1_19 },
];

function minor(v: string): number {
  return Number(v.split('.')[1] ?? 0);
}

/** The shipped CRD release that describes a Kyverno version (the first whose range covers it). */
export function crdReleaseFor(version: KyvernoVersion): string {
  return (RELEASES.find((r) => minor(version) <= minor(r.upTo)) ?? RELEASES[RELEASES.length - 1]).release;
}

/**
 * Unknown fields of a manifest, each `<field path>: unknown field "x" ...` naming the nearest known
 * field. `version`: the Kyverno release targeted; a kind that release does not serve is checked
 * with the first release that does. Kinds no shipped CRD describes are not checked here.
 */
export function unknownFieldProblems(manifest: any, version: KyvernoVersion = KyvernoVersion.V1_13): string[] {
  const [group, apiVersion] = String(manifest?.apiVersion ?? '').split('/');
  const key = `${group}/${apiVersion}/${manifest?.kind}`;
  const preferred = crdReleaseFor(version);
  const release = CRD_FIELD_ROOTS[preferred]?.[key] !== undefined
    ? preferred
    : RELEASES.map((r) => r.release).find((r) => CRD_FIELD_ROOTS[r]?.[key] !== undefined);
  if (!release) return [];
  const out: string[] = [];
  const where = `the ${manifest.kind} schema of Kyverno ${release.slice(1)}`;
  const walk = (value: any, id: number, at: string) => {
    if (id < 0 || value === null || typeof value !== 'object') return;
    const [props, items, additional, open] = CRD_FIELD_NODES[id];
    if (Array.isArray(value)) {
      if (items >= 0) value.forEach((v, i) => walk(v, items, `${at}[${i}]`));
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      const child = `${at ? `${at}.` : ''}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k)}`;
      if (props && k in props) {
        walk(v, props[k], child);
      } else if (additional >= 0) {
        walk(v, additional, child);
      } else if (!open && props) {
        const known = Object.keys(props);
        const nearest = nearestName(k, known);
        out.push(`${child}: unknown field ${JSON.stringify(k)} (not in ${where}; kubectl apply --validate=strict refuses it)${nearest ? `; the nearest known field is ${JSON.stringify(nearest)}` : ''}`);
      }
    }
  };
  walk(manifest, CRD_FIELD_ROOTS[release][key], '');
  return out;
}
