/**
 * Who sends the request (the `userInfo` of an AdmissionReview), as a kyverno test UserInfo file
 * supplies it.
 */
export interface RequestUserInfo {
  /** `request.userInfo.username`. @default - "" */
  readonly username?: string;
  /** `request.userInfo.groups`. @default - none */
  readonly groups?: string[];
  /** `request.userInfo.uid`. @default - none */
  readonly uid?: string;
  /** `request.userInfo.extra` (authenticator data). @default - none */
  readonly extra?: { [key: string]: string[] };
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
  /**
   * Resources a generate rule's `clone` and `cloneList` may copy besides the trigger (a kyverno
   * test's `cloneSourceResource` documents: kyverno test's generate controller sees only these
   * and the trigger).
   * @default - only the trigger
   * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/#clone-source
   */
  readonly cloneSources?: any[];
  /**
   * Resources that mutate-existing rules (`mutate.targets`) may patch, standing in for the
   * cluster (a test's `targetResources`): each target then gets a result of its own whose
   * `patchedResource` is the patched target. Without them such rules are UNSUPPORTED.
   * @default - none (a live cluster would be needed)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/mutate/#mutate-existing-resources
   */
  readonly targetResources?: any[];
  /**
   * Resources of the cluster (a test's ClusterResource files): `apiCall` entries with a
   * Kubernetes `urlPath` and `configMap` entries read them.
   * @default - none (such entries are unsupported)
   */
  readonly clusterResources?: any[];
  /**
   * Mocked HTTP responses for `apiCall` entries (a test's `apiCallResponses`: `url` or `urlPath`,
   * optional `method`, `response.body`).
   * @default - none
   */
  readonly apiCallResponses?: any[];
  /**
   * Mocked GlobalContextEntry data for `globalReference` entries (a test's
   * `globalContextEntries`: `name` with `data` or `resources`, optional `fieldPath`, `projections`).
   * @default - none
   */
  readonly globalContextEntries?: any[];
}
