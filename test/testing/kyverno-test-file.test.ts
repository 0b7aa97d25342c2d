/**
 * Every field of the kyverno Test file (cli.kyverno.io/v1alpha1, v1.19 schema) through the one
 * loader: several Test documents, Values/UserInfo/Context/ClusterResource files, inline values,
 * per-result operation, resourceSpecs, is<Kind> flags, mocked API calls and global context,
 * payloads, and the strict refusal of fields the schema does not have.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readResultDocuments } from '../../src/engine/test-runner';
import { KyvernoTestSuite } from '../../src/testing';

const FIXTURE = path.join(__dirname, 'fixtures', 'kyverno-test-file', 'kyverno-test.yaml');

const rows = (suite: KyvernoTestSuite) => suite.run().results.map((r) => `${r.policy}/${r.rule} ${r.kind}/${r.namespace ? r.namespace + '/' : ''}${r.resource}: ${r.actual}`);

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kyverno-test-file-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes files under tmp and returns the path of its kyverno-test.yaml. */
function write(files: { [name: string]: string }): string {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tmp, name)), { recursive: true });
    fs.writeFileSync(path.join(tmp, name), content);
  }
  return path.join(tmp, 'kyverno-test.yaml');
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: team\nspec:\n  containers:\n  - {name: c, image: nginx}\n';
const DENY_ALL = (name: string, extra = '') => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: ${name}
spec:
  rules:
  - name: r
    match:
      any:
      - resources:
          kinds: [Pod]
${extra}    validate:
      message: denied
      deny: {}
`;
const TEST = (body: string) => `apiVersion: cli.kyverno.io/v1alpha1\nkind: Test\nmetadata:\n  name: t\npolicies: [policy.yaml]\nresources: [pod.yaml]\n${body}`;

describe('the maintainers-style fixture (two Test documents in one file)', () => {
  test('load() returns one suite per Test document, each with its own files', () => {
    const suites = KyvernoTestSuite.load(FIXTURE);
    expect(suites.map((s) => s.name)).toEqual(['team-annotations', 'pod-quota']);
    expect(() => KyvernoTestSuite.fromFile(FIXTURE)).toThrow(/holds 2 Test documents; read it with KyvernoTestSuite.load/);
  });

  test('values with a quoted dotted key, per-result operation, userinfo and the default namespace', () => {
    const [suite] = KyvernoTestSuite.load(FIXTURE);
    expect(rows(suite)).toEqual([
      // request.object.metadata.annotations."example.io/team" from the Values file
      'require-team/check-team-annotation Pod/with-value: pass',
      // without the value the variable cannot be resolved: Kyverno reports an error
      'require-team/check-team-annotation Pod/without-value: error',
      // operation: DELETE selects the rule that matches DELETE only
      'require-team/block-delete Pod/with-value: fail',
      // the user is not in platform-admins: the exclude does not apply
      'require-team/platform-only ConfigMap/team-settings: fail',
      // the ConfigMap has no namespace: it is in default, where the namespaced Policy applies
      'default/local-only/in-default ConfigMap/default/team-settings: pass',
    ]);
    expect(suite.run().passed).toBe(true);
    const [deleted] = suite.run().results.filter((r) => r.rule === 'block-delete');
    expect(deleted.reason).toBe('pods of with-value may not be deleted');
  });

  test('clusterResources feed apiCall context entries; inline values; resourceSpecs', () => {
    const [, suite] = KyvernoTestSuite.load(FIXTURE);
    expect(rows(suite)).toEqual([
      'limit-pods/at-most-one-pod Pod/busy/new-pod: fail',
      'limit-pods/at-most-one-pod Pod/quiet/new-pod: pass',
    ]);
    expect(suite.run().results[0].reason).toBe('namespace busy would run 2 pods');
  });

  test('each row names the suite file, the policy kind and the rule type', () => {
    const [suite] = KyvernoTestSuite.load(FIXTURE);
    const r = suite.run().results;
    expect([r[0].file, r[0].policyKind, r[0].category]).toEqual([path.resolve(FIXTURE), 'ClusterPolicy', 'deny']);
    expect([r[4].policyKind, r[4].category]).toEqual(['Policy', 'pattern']);
  });
});

describe('a field the runner does not read is an error naming the field and the file', () => {
  test('unknown Test and result fields', () => {
    const file = write({ 'policy.yaml': DENY_ALL('p'), 'pod.yaml': POD, 'kyverno-test.yaml': TEST('checks: []\nresults:\n- {policy: p, rule: r, kind: Pod, resources: [p], result: fail, expected: fail}\n') });
    expect(() => KyvernoTestSuite.load(file)).toThrow(`${file}: field "checks" is not a field of the Test document`);
    expect(() => KyvernoTestSuite.load(file)).toThrow('field "results[0].expected" is not a field of the Test document (allowed here: cloneSourceResource, failOnMissingResources');
  });

  test('fields of the deprecated schema name their replacement', () => {
    const file = write({ 'policy.yaml': DENY_ALL('p'), 'pod.yaml': POD, 'kyverno-test.yaml': TEST('results:\n- {policy: p, rule: r, kind: Pod, resource: p, namespace: team, status: fail}\n') });
    expect(() => KyvernoTestSuite.load(file)).toThrow('field "results[0].namespace" is from a deprecated schema of the Test document; use resources: [<namespace>/<name>] or resourceSpecs');
    expect(() => KyvernoTestSuite.load(file)).toThrow('field "results[0].status" is from a deprecated schema of the Test document; use result');
  });

  test('unknown fields of Values, UserInfo, Context and ClusterResource files name the file', () => {
    const base = { 'policy.yaml': DENY_ALL('p'), 'pod.yaml': POD };
    const result = 'results:\n- {policy: p, rule: r, kind: Pod, resources: [p], result: fail}\n';
    let file = write({ ...base, 'values.yaml': 'kind: Values\nglobalValue: {a: b}\n', 'kyverno-test.yaml': TEST(`variables: values.yaml\n${result}`) });
    expect(() => KyvernoTestSuite.load(file)).toThrow(`${path.join(tmp, 'values.yaml')}: field "globalValue" is not a field of the Values document`);
    file = write({ ...base, 'ui.yaml': 'kind: UserInfo\nuserInfo: {name: bob}\n', 'kyverno-test.yaml': TEST(`userinfo: ui.yaml\n${result}`) });
    expect(() => KyvernoTestSuite.load(file)).toThrow('field "userInfo.name" is not a field of the UserInfo document (allowed here: extra, groups, uid, username)');
    file = write({ ...base, 'ctx.yaml': 'kind: Context\nspec: {image: []}\n', 'kyverno-test.yaml': TEST(`context: ctx.yaml\n${result}`) });
    expect(() => KyvernoTestSuite.load(file)).toThrow('field "spec.image" is not a field of the Context document');
    file = write({ ...base, 'cl.yaml': 'kind: ClusterResource\nresources: []\n', 'kyverno-test.yaml': TEST(`clusterResources: [cl.yaml]\n${result}`) });
    expect(() => KyvernoTestSuite.load(file)).toThrow('field "resources" is not a field of the ClusterResource document');
  });

  test('result, operation and is<Kind> values outside the schema; variables and values together', () => {
    const base = { 'policy.yaml': DENY_ALL('p'), 'pod.yaml': POD, 'values.yaml': 'kind: Values\n' };
    const file = write({
      ...base,
      'kyverno-test.yaml': TEST('variables: values.yaml\nvalues: {globalValues: {}}\nresults:\n- {policy: p, rule: r, kind: Pod, resources: [p], result: failed, operation: PATCH, isValidatingPolicy: "yes"}\n'),
    });
    const message = (() => {
      try {
        KyvernoTestSuite.load(file);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toContain('results[0].result "failed" is not one of pass, fail, warn, error, skip');
    expect(message).toContain('results[0].operation "PATCH" is not one of CREATE, UPDATE, DELETE');
    expect(message).toContain('results[0].isValidatingPolicy must be true or false');
    expect(message).toContain('variables (a Values file) and values (inline) are both set; use one');
  });

  test('a document that is not a Test, and a missing file', () => {
    let file = write({ 'kyverno-test.yaml': 'kind: Values\n' });
    expect(() => KyvernoTestSuite.load(file)).toThrow(`${file}: document 1 is a Values, expected kind: Test`);
    file = write({ 'pod.yaml': POD, 'kyverno-test.yaml': TEST('results: []\n') });
    expect(() => KyvernoTestSuite.load(file)).toThrow(`${file}: policies: file "policy.yaml" does not exist`);
  });
});

describe('results and files the loader passes to the runner', () => {
  test('documents named by results (patchedResources, generatedResource(s), cloneSourceResource) are loaded by path', () => {
    const file = write({
      'policy.yaml': DENY_ALL('p'),
      'pod.yaml': POD,
      'patched.yaml': POD,
      'gen-a.yaml': 'kind: ConfigMap\nmetadata: {name: a}\n',
      'gen-b.yaml': 'kind: ConfigMap\nmetadata: {name: b}\n',
      'kyverno-test.yaml': TEST('results:\n- {policy: p, rule: r, kind: Pod, resources: [team/p], result: fail, patchedResources: patched.yaml, generatedResources: [gen-a.yaml, gen-b.yaml], cloneSourceResource: gen-a.yaml}\n'),
    });
    const [suite] = KyvernoTestSuite.load(file);
    expect(Object.keys(suite.definition.resultFiles ?? {}).sort()).toEqual(['gen-a.yaml', 'gen-b.yaml', 'patched.yaml']);
    expect(readResultDocuments(suite.definition, 'gen-b.yaml')).toEqual([{ kind: 'ConfigMap', metadata: { name: 'b' } }]);
    expect(() => readResultDocuments(suite.definition, 'other.yaml')).toThrow(`${file}: file "other.yaml" named by a result was not loaded with the suite`);
  });

  test('targetResources, paramResources, payloads, apiCallResponses and globalContextEntries reach the definition', () => {
    const file = write({
      'policy.yaml': DENY_ALL('p'),
      'pod.yaml': POD,
      'target.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: t}\n',
      'param.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: params, namespace: x}\n',
      'payload.json': '{"user": "bob"}',
      'gce.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: x}\n',
      'kyverno-test.yaml': TEST([
        'targetResources: [target.yaml]',
        'paramResources: [param.yaml]',
        'jsonPayload: payload.json',
        'apiCallResponses:',
        '- {url: "https://svc/x", method: GET, response: {statusCode: 200, body: {ok: true}}}',
        'globalContextEntries:',
        '- {name: deployments, resourceFiles: [gce.yaml], projections: [{name: names, path: "[].metadata.name"}]}',
        'results:',
        '- {policy: p, rule: r, kind: Pod, resources: [team/p], result: fail}',
        '',
      ].join('\n')),
    });
    const def = KyvernoTestSuite.load(file)[0].definition;
    // namespaced resources without a namespace are in default
    expect(def.targetResources).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 't', namespace: 'default' } }]);
    expect(def.paramResources?.map((r) => r.metadata.namespace)).toEqual(['x']);
    expect(def.jsonPayloads).toEqual([{ user: 'bob' }]);
    expect(def.apiCallResponses).toEqual([{ url: 'https://svc/x', method: 'GET', response: { statusCode: 200, body: { ok: true } } }]);
    expect(def.globalContextEntries).toEqual([{
      name: 'deployments',
      projections: [{ name: 'names', path: '[].metadata.name' }],
      resources: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'x' } }],
    }]);
  });

  test('cluster-scoped kinds keep no namespace; Cluster* custom kinds too', () => {
    const file = write({
      'policy.yaml': DENY_ALL('p'),
      'pod.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n---\napiVersion: example.io/v1\nkind: ClusterThing\nmetadata: {name: c}\n---\napiVersion: example.io/v1\nkind: Thing\nmetadata: {name: t}\n',
      'kyverno-test.yaml': TEST('results: []\n'),
    });
    const def = KyvernoTestSuite.load(file)[0].definition;
    expect(def.resources.map((r) => `${r.kind}:${r.metadata.namespace ?? '-'}`)).toEqual(['Namespace:-', 'ClusterThing:-', 'Thing:default']);
  });
});
