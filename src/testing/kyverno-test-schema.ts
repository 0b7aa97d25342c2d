/**
 * The fields of the kyverno CLI documents (Test, Values, UserInfo, Context, ClusterResource) as
 * their v1.19 schemas declare them (cli.kyverno.io/v1alpha1). `kyverno test` decodes the Test file
 * strictly; so does the loader: a field outside the schema is an error naming the field and the
 * file, never silently ignored.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */

/** The shape of one object: its fields (a nested shape, or ANY for free-form content). */
interface Shape {
  readonly [field: string]: Shape | typeof ANY | { readonly items: Shape | typeof ANY };
}

/** Free-form content (resource manifests, values, JSON bodies). */
const ANY = 'any' as const;
const list = (items: Shape | typeof ANY) => ({ items });

const META: Shape = { apiVersion: ANY, kind: ANY, metadata: ANY };

const API_RESOURCE: Shape = {
  categories: ANY,
  group: ANY,
  kind: ANY,
  name: ANY,
  namespaced: ANY,
  shortNames: ANY,
  singularName: ANY,
  storageVersionHash: ANY,
  verbs: ANY,
  version: ANY,
};

const VALUES_BODY: Shape = {
  globalValues: ANY,
  namespaceSelector: list({ name: ANY, labels: ANY }),
  namespaces: list(ANY),
  policies: list({
    name: ANY,
    resources: list({ name: ANY, values: ANY }),
    rules: list({ name: ANY, values: ANY, foreachValues: ANY }),
  }),
  subresources: list({ subresource: API_RESOURCE, parentResource: API_RESOURCE }),
};

/** A `values` block inline in a Test, or the body of a Values file. */
export const VALUES_SHAPE: Shape = { ...META, ...VALUES_BODY };

/** One entry of a Test's `results`. */
export const RESULT_SHAPE: Shape = {
  policy: ANY,
  rule: ANY,
  kind: ANY,
  resources: ANY,
  resourceSpecs: list({ group: ANY, version: ANY, kind: ANY, name: ANY, namespace: ANY, subresource: ANY }),
  result: ANY,
  operation: ANY,
  patchedResources: ANY,
  generatedResource: ANY,
  generatedResources: ANY,
  cloneSourceResource: ANY,
  failOnMissingResources: ANY,
  isValidatingPolicy: ANY,
  isMutatingPolicy: ANY,
  isGeneratingPolicy: ANY,
  isImageValidatingPolicy: ANY,
  isDeletingPolicy: ANY,
  isValidatingAdmissionPolicy: ANY,
  isMutatingAdmissionPolicy: ANY,
};

/** The Test document. */
export const TEST_SHAPE: Shape = {
  ...META,
  name: ANY,
  policies: ANY,
  resources: ANY,
  results: list(RESULT_SHAPE),
  variables: ANY,
  values: VALUES_BODY,
  userinfo: ANY,
  context: ANY,
  clusterResources: ANY,
  exceptions: ANY,
  targetResources: ANY,
  paramResources: ANY,
  jsonPayload: ANY,
  jsonPayloads: ANY,
  httpPayloads: ANY,
  envoyPayloads: ANY,
  apiCallResponses: list({ method: ANY, url: ANY, urlPath: ANY, response: { body: ANY, statusCode: ANY } }),
  globalContextEntries: list({
    name: ANY, data: ANY, fieldPath: ANY, projections: list({ name: ANY, path: ANY }), resourceFiles: ANY, resources: ANY,
  }),
};

/** A UserInfo file. */
export const USER_INFO_SHAPE: Shape = {
  ...META,
  roles: ANY,
  clusterRoles: ANY,
  synchronize: ANY,
  userInfo: { username: ANY, uid: ANY, groups: ANY, extra: ANY },
};

/** A Context file. */
export const CONTEXT_SHAPE: Shape = {
  ...META,
  spec: {
    images: list({
      image: ANY, resolvedImage: ANY, registry: ANY, repository: ANY, tag: ANY, digest: ANY, imageIndex: ANY, manifest: ANY, config: ANY,
    }),
    resources: ANY,
  },
};

/** A ClusterResource file (a Test's `clusterResources`). */
export const CLUSTER_RESOURCE_SHAPE: Shape = { ...META, spec: { crds: ANY, resources: ANY } };

/** Fields of the schemas before v1.19 that `kyverno test` now refuses, with their replacement. */
const DEPRECATED: { [field: string]: string } = {
  'results[].resource': 'resources',
  'results[].status': 'result',
  'results[].namespace': 'resources: [<namespace>/<name>] or resourceSpecs',
  'results[].patchedResource': 'patchedResources',
};

function isObject(v: any): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Every field of `doc` outside `shape`, as `path: message` lines (empty when the document fits).
 * @param what the document's kind, for messages (e.g. "Test")
 */
export function unknownFields(doc: any, shape: Shape, what: string): string[] {
  const errors: string[] = [];
  const visit = (value: any, s: Shape, at: string, generic: string) => {
    if (!isObject(value)) return;
    for (const key of Object.keys(value).sort()) {
      const path = at ? `${at}.${key}` : key;
      const genericPath = generic ? `${generic}.${key}` : key;
      const spec = s[key];
      if (spec === undefined) {
        const instead = DEPRECATED[genericPath];
        const allowed = Object.keys(s).sort().join(', ');
        errors.push(instead
          ? `field "${path}" is from a deprecated schema of the ${what} document; use ${instead}`
          : `field "${path}" is not a field of the ${what} document (allowed here: ${allowed})`);
        continue;
      }
      if (spec === ANY) continue;
      if (typeof (spec as any).items !== 'undefined') {
        const items = (spec as any).items;
        if (items === ANY || !Array.isArray(value[key])) continue;
        value[key].forEach((item: any, i: number) => visit(item, items, `${path}[${i}]`, `${genericPath}[]`));
        continue;
      }
      visit(value[key], spec as Shape, path, genericPath);
    }
  };
  visit(doc, shape, '', '');
  return errors;
}

/** Values a result's `result` may take. */
export const RESULT_VALUES = ['pass', 'fail', 'warn', 'error', 'skip'];

/** Values a result's `operation` may take (the schema's enum). */
export const OPERATION_VALUES = ['CREATE', 'UPDATE', 'DELETE'];

/** The `is<Kind>` flags of a result, with the policy kinds they declare. */
export const POLICY_KIND_FLAGS: { [flag: string]: string[] } = {
  isValidatingPolicy: ['ValidatingPolicy', 'NamespacedValidatingPolicy'],
  isMutatingPolicy: ['MutatingPolicy', 'NamespacedMutatingPolicy'],
  isGeneratingPolicy: ['GeneratingPolicy', 'NamespacedGeneratingPolicy'],
  isImageValidatingPolicy: ['ImageValidatingPolicy', 'NamespacedImageValidatingPolicy'],
  isDeletingPolicy: ['DeletingPolicy', 'NamespacedDeletingPolicy'],
  isValidatingAdmissionPolicy: ['ValidatingAdmissionPolicy'],
  isMutatingAdmissionPolicy: ['MutatingAdmissionPolicy'],
};
