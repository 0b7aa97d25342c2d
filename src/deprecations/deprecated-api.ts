/**
 * A Kubernetes API version of a kind that is deprecated, removed, or both.
 * @see https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 */
export interface DeprecatedApi {
  /** The deprecated `apiVersion` (`group/version`), e.g. `extensions/v1beta1`. */
  readonly apiVersion: string;

  /** The kind served at that version, e.g. `Ingress`. */
  readonly kind: string;

  /**
   * The Kubernetes release that deprecated it (`v1.<minor>`).
   * @default - no separate deprecation: it is only reported once removed
   */
  readonly deprecatedIn?: string;

  /**
   * The Kubernetes release that stopped serving it (`v1.<minor>`).
   * @default - not removed yet
   */
  readonly removedIn?: string;

  /**
   * The `apiVersion` to migrate to.
   * @default - no replacement (the API is gone, e.g. PodSecurityPolicy)
   */
  readonly replacementApi?: string;

  /**
   * The Pluto release whose versions.yaml has this row with these values (or with a documented
   * difference, see test/deprecations/pluto-reference.ts). The platform image pins Pluto 5.21.1;
   * its table is not available offline, so rows are checked against 5.24.0's only.
   * @default - not in Pluto's table
   */
  readonly plutoRelease?: string;

  /**
   * Where the entry comes from, when not the deprecation guide's "Removed APIs by release".
   * @default - the Kubernetes deprecated API migration guide
   */
  readonly note?: string;
}

/**
 * Where an API stands at a Kubernetes version.
 */
export enum ApiLifecycle {
  /** Served and not deprecated. */
  AVAILABLE = 'available',
  /** Served, deprecated: migrate before it is removed. */
  DEPRECATED = 'deprecated',
  /** No longer served: the API server rejects it. */
  REMOVED = 'removed',
}
