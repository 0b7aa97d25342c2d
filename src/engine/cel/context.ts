/**
 * What a CEL expression sees besides the resource itself: the admission request around it.
 */

/** The requesting user, as in an AdmissionReview's `request.userInfo`. */
export interface CelUserInfo {
  /** @default - '' */
  readonly username?: string;
  /** @default - '' */
  readonly uid?: string;
  /** @default - [] */
  readonly groups?: string[];
  /** @default - none */
  readonly extra?: { [key: string]: string[] };
}

/**
 * The admission context of a CEL evaluation (`request`, `oldObject`, `namespaceObject`, `params`).
 * The resource under test is passed separately and becomes `object` (or `oldObject` on DELETE).
 *
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#validation-expression
 */
export interface CelContext {
  /** Admission operation: CREATE, UPDATE, DELETE or CONNECT. @default 'CREATE' */
  readonly operation?: string;
  /** The previous object on UPDATE (on DELETE the resource itself is the old object). @default - null */
  readonly oldObject?: any;
  /** The resource's Namespace object. @default - a Namespace named after the resource's namespace (labels from `namespaceLabels`); null for cluster-scoped resources */
  readonly namespaceObject?: any;
  /** Labels of the resource's namespace, used when `namespaceObject` is not given. @default - none */
  readonly namespaceLabels?: { [key: string]: string };
  /** The requesting user. @default - empty user */
  readonly userInfo?: CelUserInfo;
  /** The parameter resource (`params`) for rules and policies with `paramKind`. @default - none */
  readonly params?: any;
  /** Values for `variables.<name>` that override the policy's own variables. @default - none */
  readonly variables?: { [key: string]: any };
  /** Cluster resources visible to `resource.Get` / `resource.List` (a test's context). @default - none */
  readonly contextResources?: any[];
  /** Image metadata visible to `image.GetMetadata` (a test context's `spec.images`: {image, config, manifest}). @default - none */
  readonly contextImages?: any[];
  /** Mocked HTTP responses for `http.Get` / `http.Post` (a test's `apiCallResponses`). @default - none */
  readonly apiCallResponses?: any[];
  /** Mocked GlobalContextEntries for `globalContext.Get` (a test's `globalContextEntries`). @default - none */
  readonly globalContextEntries?: any[];
  /** `request.dryRun`. @default false */
  readonly dryRun?: boolean;
  /** `request.subResource`. @default '' */
  readonly subResource?: string;
  /** policies.kyverno.io PolicyExceptions in force (other manifests are ignored). @default - none */
  readonly exceptions?: any[];
}
