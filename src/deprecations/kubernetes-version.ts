/** A Kubernetes release as `major.minor` (deprecations happen per minor release). */
export interface MinorVersion {
  readonly major: number;
  readonly minor: number;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?$/;

/**
 * Parses `v1.25`, `1.25`, `v1.25.3` or `v1.25.0-rc.1` (the patch level does not matter for
 * deprecations). Throws a message naming what is allowed.
 * @internal
 */
export function parseKubernetesVersion(text: string): MinorVersion {
  const m = VERSION.exec(String(text).trim());
  if (!m) {
    throw new Error(`"${text}" is not a Kubernetes version (expected v<major>.<minor>[.<patch>], e.g. v1.29)`);
  }
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** Negative, zero or positive like a comparator. @internal */
export function compareVersions(a: MinorVersion, b: MinorVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

/** `v1.25`. @internal */
export function formatVersion(v: MinorVersion): string {
  return `v${v.major}.${v.minor}`;
}
