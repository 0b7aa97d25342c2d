/**
 * Hands an imported manifest to a policy constructor without putting it in the public signature:
 * `ImportedPolicy` passes it in the props under a symbol key (jsii and users never see it), and the
 * base constructor reads it from there. No module state: each construction carries its own.
 * Internal module, not exported from index.
 */
const IMPORTED_MANIFEST = Symbol('cdk8s-policy-platform.importedManifest');

/** `props` carrying `manifest` as the manifest the constructed policy imports. */
export function withImportedManifest<T extends object>(props: T, manifest: any): T {
  return { ...props, [IMPORTED_MANIFEST]: manifest };
}

/** The manifest `withImportedManifest` put in `props`, if any. */
export function importedManifestOf(props: unknown): any {
  return props !== null && typeof props === 'object' ? (props as any)[IMPORTED_MANIFEST] : undefined;
}
