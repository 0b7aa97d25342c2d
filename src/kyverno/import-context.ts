/**
 * Hands an imported manifest to a policy constructor without putting it in the public signature.
 * Internal module, not exported from index.
 */

let pendingManifest: any;

/**
 * Runs `create` (a constructor call) with `manifest` as the imported manifest; keeps the
 * constructors' public signatures free of import plumbing. Not exported from index.
 */
export function importing<T>(manifest: any, create: () => T): T {
  pendingManifest = manifest;
  try {
    return create();
  } finally {
    pendingManifest = undefined;
  }
}

/** The manifest `importing` set for the constructor now running (read once). */
export function takePendingManifest(): any {
  const m = pendingManifest;
  pendingManifest = undefined;
  return m;
}
