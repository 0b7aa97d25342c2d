import { ApiLifecycle, DeprecatedApi } from './deprecated-api';
import { DEPRECATED_API_TABLE } from './deprecated-api-table';
import { compareVersions, parseKubernetesVersion } from './kubernetes-version';

/**
 * The table of deprecated and removed Kubernetes APIs and where each stands at a given release.
 * @see https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 */
export class DeprecatedApis {
  /** Every entry, sorted by apiVersion then kind. */
  public static all(): DeprecatedApi[] {
    return [...DEPRECATED_API_TABLE].sort(byApiThenKind);
  }

  /**
   * The entry for an apiVersion and kind.
   * @returns undefined when the API is not deprecated
   */
  public static lookup(apiVersion: string, kind: string): DeprecatedApi | undefined {
    return DEPRECATED_API_TABLE.find((e) => e.apiVersion === apiVersion && e.kind === kind);
  }

  /**
   * Where an API stands at a Kubernetes version (`v1.29`, `1.29` or `v1.29.3`): removed once the
   * version reaches `removedIn`, else deprecated once it reaches `deprecatedIn`.
   */
  public static lifecycleAt(entry: DeprecatedApi, kubernetesVersion: string): ApiLifecycle {
    const v = parseKubernetesVersion(kubernetesVersion);
    if (entry.removedIn !== undefined && compareVersions(v, parseKubernetesVersion(entry.removedIn)) >= 0) {
      return ApiLifecycle.REMOVED;
    }
    if (entry.deprecatedIn !== undefined && compareVersions(v, parseKubernetesVersion(entry.deprecatedIn)) >= 0) {
      return ApiLifecycle.DEPRECATED;
    }
    return ApiLifecycle.AVAILABLE;
  }

  /**
   * The apiVersion to migrate to at a Kubernetes version: the entry's replacement, or, when that is
   * itself removed at that version, the replacement's replacement (and so on), so the advice never
   * names an API the cluster no longer serves (e.g. flowcontrol v1beta1 → v1beta3, removed in
   * v1.32 → v1 at v1.32).
   * @returns undefined when there is no served replacement
   */
  public static replacementAt(entry: DeprecatedApi, kubernetesVersion: string): string | undefined {
    let to = entry.replacementApi;
    const seen = new Set<string>();
    while (to !== undefined && !seen.has(to)) {
      seen.add(to);
      const next = DeprecatedApis.lookup(to, entry.kind);
      if (!next || DeprecatedApis.lifecycleAt(next, kubernetesVersion) !== ApiLifecycle.REMOVED) return to;
      to = next.replacementApi;
    }
    return undefined;
  }

  /**
   * The entries deprecated or removed at a Kubernetes version.
   * @param kubernetesVersion the target release, e.g. `v1.29`
   * @param includeDeprecated also return deprecated (still served) APIs, not only removed ones
   */
  public static asOf(kubernetesVersion: string, includeDeprecated: boolean = true): DeprecatedApi[] {
    return DeprecatedApis.all().filter((e) => {
      const l = DeprecatedApis.lifecycleAt(e, kubernetesVersion);
      return l === ApiLifecycle.REMOVED || (includeDeprecated && l === ApiLifecycle.DEPRECATED);
    });
  }
}

function byApiThenKind(a: DeprecatedApi, b: DeprecatedApi): number {
  const x = `${a.apiVersion}\u0000${a.kind}`;
  const y = `${b.apiVersion}\u0000${b.kind}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
