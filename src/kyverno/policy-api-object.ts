import { ApiObject, JsonPatch, resolve } from 'cdk8s';

/**
 * Base of the policy constructs: each renders its manifest in Kyverno's key order, and the result
 * is resolved as cdk8s resolves any ApiObject (`Lazy` values and the app's resolvers in any field,
 * then `addJsonPatch` patches). cdk8s's own `toJson()` would sort every key and drop nulls, which
 * Kyverno manifests keep (a `null` in a strategic merge patch deletes).
 */
export abstract class PolicyApiObject extends ApiObject {
  private readonly jsonPatches: JsonPatch[] = [];

  /** Applies RFC 6902 JSON-Patch operations to the synthesized manifest (after resolution). */
  public addJsonPatch(...ops: JsonPatch[]): void {
    super.addJsonPatch(...ops);
    this.jsonPatches.push(...ops);
  }

  /** The complete manifest (plain JSON), resolved and patched. */
  public toJson(): any {
    try {
      const resolved = resolve([], this.renderManifest(), this);
      return this.jsonPatches.length > 0 ? JsonPatch.apply(resolved, ...this.jsonPatches) : resolved;
    } catch (e) {
      throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e instanceof Error ? e.message : e}`);
    }
  }

  /** The manifest in Kyverno's key order; values may still be `Lazy` or resolvable. */
  protected abstract renderManifest(): any;
}
