import { Operation } from './enums';

/**
 * One requirement of a label selector.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resources-that-support-set-based-requirements
 */
export interface LabelSelectorRequirement {
  /** The label key. */
  readonly key: string;
  /** `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  readonly operator: string;
  /**
   * Values for `In`/`NotIn`.
   * @default - none
   */
  readonly values?: string[];
}

/**
 * A Kubernetes label selector.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
export interface LabelSelector {
  /**
   * Labels that must all be present with these values (wildcards `*`/`?` allowed by Kyverno).
   * @default - none
   */
  readonly matchLabels?: { [key: string]: string };
  /**
   * Set-based requirements, all of which must hold.
   * @default - none
   */
  readonly matchExpressions?: LabelSelectorRequirement[];
}

/**
 * A user, group or service account a rule matches.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/match-exclude/
 */
export interface Subject {
  /** `User`, `Group` or `ServiceAccount`. */
  readonly kind: string;
  /** Name of the subject. */
  readonly name: string;
  /**
   * Namespace of a ServiceAccount.
   * @default - none
   */
  readonly namespace?: string;
  /**
   * API group of the subject (`rbac.authorization.k8s.io` for users and groups).
   * @default - none
   */
  readonly apiGroup?: string;
}

/**
 * Which resources a filter selects. Every field given must match.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/match-exclude/
 */
export interface ResourceDescription {
  /**
   * Kinds, optionally `group/version/Kind` or `Kind/subresource`; wildcards allowed.
   * @default - any kind
   */
  readonly kinds?: string[];
  /**
   * Resource names (wildcards allowed).
   * @default - any name
   */
  readonly names?: string[];
  /**
   * Namespaces (wildcards allowed).
   * @default - any namespace
   */
  readonly namespaces?: string[];
  /**
   * Admission operations.
   * @default - every operation the rule kind handles
   */
  readonly operations?: Operation[];
  /**
   * Label selector on the resource.
   * @default - none
   */
  readonly selector?: LabelSelector;
  /**
   * Label selector on the resource's namespace.
   * @default - none
   */
  readonly namespaceSelector?: LabelSelector;
  /**
   * Annotations the resource must carry (wildcards allowed).
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/**
 * One filter of a match/exclude block: resources and/or who makes the request.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/match-exclude/
 */
export interface ResourceFilter {
  /**
   * Resource description.
   * @default - none
   */
  readonly resources?: ResourceDescription;
  /**
   * Users, groups or service accounts.
   * @default - none
   */
  readonly subjects?: Subject[];
  /**
   * Namespaced roles (`namespace:role`).
   * @default - none
   */
  readonly roles?: string[];
  /**
   * Cluster roles.
   * @default - none
   */
  readonly clusterRoles?: string[];
}

/**
 * `match` / `exclude` block: `any` (OR) and/or `all` (AND) of resource filters.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/match-exclude/
 */
export interface MatchResources {
  /**
   * The block matches when any of these filters matches.
   * @default - none
   */
  readonly any?: ResourceFilter[];
  /**
   * The block matches when all of these filters match.
   * @default - none
   */
  readonly all?: ResourceFilter[];
}
