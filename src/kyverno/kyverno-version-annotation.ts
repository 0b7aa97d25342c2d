/**
 * The Kyverno release an imported policy targets, read from its `kyverno.io/kyverno-version`
 * annotation. Internal module, not exported from index.
 */
import { KyvernoVersion } from './kyverno-version';

/** Every KyvernoVersion member, oldest first, with its (major, minor) as one comparable number. */
const MEMBERS: Array<{ version: KyvernoVersion; rank: number }> = (Object.values(KyvernoVersion) as KyvernoVersion[])
  .map((version) => ({ version, rank: rankOf(version)! }))
  .sort((a, b) => a.rank - b.rank);

/**
 * The newest KyvernoVersion at or below the release an annotation names ("1.11.0" -> 1.11,
 * "1.13" -> 1.13, "1.10.0-alpha.2" -> 1.10: a pre-release counts as its minor). A list
 * ("1.7.3, 1.8.0-rc2") counts as its oldest entry. Releases older than the oldest member map to
 * the oldest member: they read the failure action from `spec.validationFailureAction` just like
 * it. Undefined when the value names no release (not a string, or no `major.minor` in it).
 */
export function kyvernoVersionFromAnnotation(value: unknown): KyvernoVersion | undefined {
  if (typeof value !== 'string') return undefined;
  const ranks = value.split(',').map(rankOf).filter((r): r is number => r !== undefined);
  if (ranks.length === 0) return undefined;
  const target = Math.min(...ranks);
  const atOrBelow = MEMBERS.filter((m) => m.rank <= target);
  return (atOrBelow.length > 0 ? atOrBelow[atOrBelow.length - 1] : MEMBERS[0]).version;
}

function rankOf(s: string): number | undefined {
  const m = /^\s*v?(\d+)\.(\d+)/.exec(s);
  return m ? Number(m[1]) * 1000 + Number(m[2]) : undefined;
}
