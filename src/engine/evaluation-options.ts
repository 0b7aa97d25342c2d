/**
 * Who sends the request (the `userInfo` of an AdmissionReview), as a kyverno test UserInfo file
 * supplies it.
 */
export interface RequestUserInfo {
  /** `request.userInfo.username`. @default - "" */
  readonly username?: string;
  /** `request.userInfo.groups`. @default - none */
  readonly groups?: string[];
  /** Roles bound to the user (`request.roles`, `namespace:name`). @default - none */
  readonly roles?: string[];
  /** ClusterRoles bound to the user (`request.clusterRoles`). @default - none */
  readonly clusterRoles?: string[];
}

/**
 * The admission request around the evaluated resource, and the values a kyverno test supplies.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
export interface EvaluationOptions {
  /** `request.operation`: CREATE, UPDATE, DELETE or CONNECT. @default "CREATE" */
  readonly operation?: string;
  /** `request.oldObject` for UPDATE and DELETE. @default - null */
  readonly oldResource?: any;
  /** Labels of the resource's namespace, for `namespaceSelector`. @default - no labels */
  readonly namespaceLabels?: { [key: string]: string };
  /** The resource's Namespace object (CEL `namespaceObject`). @default - built from namespaceLabels */
  readonly namespaceObject?: any;
  /** The requesting user. @default - no user */
  readonly userInfo?: RequestUserInfo;
  /**
   * Variables for every rule (dotted keys such as `request.namespace` nest), e.g. a test's
   * globalValues and per-resource values. @default - none
   */
  readonly values?: { [key: string]: any };
  /** Variables per rule name (a test's `policies[].rules[].values`). @default - none */
  readonly ruleValues?: { [rule: string]: any };
  /** Per-iteration values per rule name (`foreachValues`: name → list). @default - none */
  readonly foreachValues?: { [rule: string]: any };
  /** Subresource of the request (e.g. `exec`, `status`, `scale`). @default - the main resource */
  readonly subresource?: string;
  /**
   * For a subresource request, the parent resource (`{ apiVersion, kind }`, e.g. apps/v1
   * Deployment for a Scale): `match.kinds` such as `Deployment/scale` are matched against it.
   * @default - the resource itself
   */
  readonly parentResource?: any;
  /** Cluster resources a ValidatingPolicy may read (a test's Context file). @default - none */
  readonly contextResources?: any[];
  /** Image metadata a ValidatingPolicy may read (a test Context's `spec.images`). @default - none */
  readonly contextImages?: any[];
  /** Parameter object for CEL policies. @default - none */
  readonly params?: any;
  /**
   * Documents among which the bindings of a ValidatingAdmissionPolicy or MutatingAdmissionPolicy
   * are found (e.g. a test's policy documents).
   * @default - none (the policy is evaluated alone)
   * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
   */
  readonly policyBindings?: any[];
  /**
   * Parameter resources a binding's `paramRef` selects (a test's `paramResources`).
   * @default - none
   * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#parameter-resources
   */
  readonly paramResources?: any[];
  /**
   * Kyverno PolicyException manifests in force. policies.kyverno.io ones exempt the CEL policies
   * their `policyRefs` name where their matchConditions hold. kyverno.io/v2 or v2beta1 ones: a rule they name
   * (`exceptions[].policyName` / `ruleNames`, wildcards allowed, autogen rule names included)
   * is skipped on the resources their `match` (and `conditions`) select; `podSecurity`
   * exceptions exempt those controls of podSecurity rules.
   * @default - none
   * @see https://kyverno.io/docs/exceptions/
   */
  readonly exceptions?: any[];
}
