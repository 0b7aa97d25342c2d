/**
 * How a CEL mutation patches the object.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/#patch-types
 */
export enum PatchType {
  /** The expression builds an `Object{...}` merged into the object as server-side apply does. */
  APPLY_CONFIGURATION = 'ApplyConfiguration',
  /** The expression returns a list of `JSONPatch{op, path, value}` operations (RFC 6902). */
  JSON_PATCH = 'JSONPatch',
}

/**
 * Whether the mutation runs again when a later mutation changed the object.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/#reinvocation
 */
export enum ReinvocationPolicy {
  /** Run once. */
  NEVER = 'Never',
  /** Run again once when another mutation changed the object after this one. */
  IF_NEEDED = 'IfNeeded',
}

/**
 * One CEL mutation of a MutatingPolicy or MutatingAdmissionPolicy.
 * @see https://kyverno.io/docs/policy-types/mutating-policy/
 */
export interface CelMutation {
  /** How `expression` patches the object. */
  readonly patchType: PatchType;
  /**
   * CEL expression: an `Object{...}` apply configuration (ApplyConfiguration), or a list of
   * `JSONPatch{op, path, value}` (JSONPatch).
   */
  readonly expression: string;
}
