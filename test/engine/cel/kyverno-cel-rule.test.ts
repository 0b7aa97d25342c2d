import { evaluateCelPreconditions, evaluateCelRule } from '../../../src/engine/cel/kyverno-cel-rule';
import { RuleStatus } from '../../../src/engine/result';

const pod = (extra: any = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'team', labels: { app: 'web' }, ...extra.metadata },
  spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...extra.spec },
});

const cel = (expression: string, more: any = {}) => ({ expressions: [{ expression, ...more }] });

describe('evaluateCelRule: outcomes and messages', () => {
  test('every expression true passes, with Kyverno\'s pass message when the rule is named', () => {
    const r = evaluateCelRule({ expressions: [{ expression: 'true' }, { expression: 'object.metadata.name == "web"' }] }, pod(), {}, 'check');
    expect(r).toEqual({ status: RuleStatus.PASS, message: "Validation rule 'check' passed." });
  });

  test('the first false expression fails with its message', () => {
    const r = evaluateCelRule({
      expressions: [
        { expression: 'true', message: 'first' },
        { expression: 'false', message: 'second' },
        { expression: 'false', message: 'third' },
      ],
    }, pod());
    expect(r).toEqual({ status: RuleStatus.FAIL, message: 'second' });
  });

  test('messageExpression wins over message when it yields a non-empty string', () => {
    expect(evaluateCelRule(cel('false', { message: 'static', messageExpression: '"pod " + object.metadata.name' }), pod()))
      .toEqual({ status: RuleStatus.FAIL, message: 'pod web' });
    expect(evaluateCelRule(cel('false', { message: 'static', messageExpression: '""' }), pod()))
      .toEqual({ status: RuleStatus.FAIL, message: 'static' });
    expect(evaluateCelRule(cel('false', { message: 'static', messageExpression: 'object.nope' }), pod()))
      .toEqual({ status: RuleStatus.FAIL, message: 'static' });
  });

  test('without any message, the default names the expression', () => {
    expect(evaluateCelRule(cel('  object.spec.containers.size() > 1 '), pod()))
      .toEqual({ status: RuleStatus.FAIL, message: 'failed expression: object.spec.containers.size() > 1' });
  });

  test('an expression that cannot be evaluated denies (failurePolicy Fail) with the error', () => {
    const r = evaluateCelRule(cel('object.spec.nodeName == "x"'), pod());
    expect(r.status).toBe(RuleStatus.FAIL);
    expect(r.message).toMatch(/^expression 'object.spec.nodeName == "x"' resulted in error: .*nodeName/);
  });

  test('an expression that does not compile is an error, not a verdict', () => {
    expect(evaluateCelRule(cel('object.metadata.name.'), pod()).status).toBe(RuleStatus.ERROR);
    const unknown = evaluateCelRule(cel('object.metadata.name.noSuchFunction()'), pod());
    expect(unknown.status).toBe(RuleStatus.ERROR);
    expect(unknown.message).toMatch(/noSuchFunction/);
    expect(evaluateCelRule(cel('undeclared.x == 1'), pod()).status).toBe(RuleStatus.ERROR);
  });

  test('a non-boolean result is not a pass', () => {
    expect(evaluateCelRule(cel('object.metadata.name'), pod()).status).toBe(RuleStatus.FAIL);
  });

  test('auditAnnotations do not change the outcome', () => {
    expect(evaluateCelRule({ ...cel('true'), auditAnnotations: [{ key: 'k', valueExpression: '"v"' }] }, pod()).status).toBe(RuleStatus.PASS);
  });
});

describe('evaluateCelRule: bindings', () => {
  test('object is the resource; the namespace defaults to "default" for namespaced kinds', () => {
    const noNs = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    expect(evaluateCelRule(cel('object.metadata.namespace == "default"'), noNs).status).toBe(RuleStatus.PASS);
    const clusterScoped = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } };
    expect(evaluateCelRule(cel('!has(object.metadata.namespace) && request.namespace == ""'), clusterScoped).status).toBe(RuleStatus.PASS);
  });

  test('oldObject is null on CREATE, the supplied object on UPDATE, and the resource on DELETE', () => {
    expect(evaluateCelRule(cel('oldObject == null'), pod()).status).toBe(RuleStatus.PASS);
    const old = pod({ metadata: { labels: { app: 'old' } } });
    expect(evaluateCelRule(cel('oldObject.metadata.labels.app == "old"'), pod(), { operation: 'UPDATE', oldObject: old }).status).toBe(RuleStatus.PASS);
    expect(evaluateCelRule(cel('object == null && oldObject.metadata.name == "web"'), pod(), { operation: 'DELETE' }).status).toBe(RuleStatus.PASS);
  });

  test('request carries operation, kind, resource, name, namespace and userInfo', () => {
    const expr = [
      'request.operation == "UPDATE"',
      'request.kind.kind == "Pod" && request.kind.group == "" && request.kind.version == "v1"',
      'request.resource.resource == "pods"',
      'request.name == "web" && request.namespace == "team"',
      'request.userInfo.username == "alice" && "devs" in request.userInfo.groups',
    ].join(' && ');
    expect(evaluateCelRule(cel(expr), pod(), { operation: 'UPDATE', userInfo: { username: 'alice', groups: ['devs'] } }).status).toBe(RuleStatus.PASS);
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'x' } };
    expect(evaluateCelRule(cel('request.kind.group == "apps" && request.resource.resource == "deployments"'), deploy).status).toBe(RuleStatus.PASS);
  });

  test('namespaceObject is the supplied Namespace, else one named after the resource namespace', () => {
    expect(evaluateCelRule(cel('namespaceObject.metadata.name == "team"'), pod()).status).toBe(RuleStatus.PASS);
    expect(evaluateCelRule(cel('namespaceObject.metadata.labels.env == "prod"'), pod(), { namespaceLabels: { env: 'prod' } }).status).toBe(RuleStatus.PASS);
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: { tier: 'gold' } } };
    expect(evaluateCelRule(cel('namespaceObject.metadata.labels.tier == "gold"'), pod(), { namespaceObject: ns }).status).toBe(RuleStatus.PASS);
  });

  test('variables are evaluated in order and visible as variables.<name>', () => {
    const block = {
      variables: [
        { name: 'images', expression: 'object.spec.containers.map(c, c.image)' },
        { name: 'untagged', expression: 'variables.images.filter(i, !i.contains(":"))' },
      ],
      expressions: [{ expression: 'variables.untagged.size() == 0', messageExpression: '"untagged: " + variables.untagged.join(", ")' }],
    };
    expect(evaluateCelRule(block, pod()).status).toBe(RuleStatus.PASS);
    const bad = pod({ spec: { containers: [{ name: 'a', image: 'nginx' }] } });
    expect(evaluateCelRule(block, bad)).toEqual({ status: RuleStatus.FAIL, message: 'untagged: nginx' });
  });

  test('a variable that fails is reported when an expression uses it', () => {
    const block = { variables: [{ name: 'broken', expression: 'object.spec.nope' }], expressions: [{ expression: 'variables.broken == 1' }] };
    expect(evaluateCelRule(block, pod()).message).toMatch(/variable broken: .*nope/);
  });

  test('params come from the context; a paramKind without params is an error', () => {
    const block = { paramKind: { apiVersion: 'v1', kind: 'ConfigMap' }, ...cel('object.spec.containers.size() <= int(params.data.max)') };
    expect(evaluateCelRule(block, pod(), { params: { data: { max: '1' } } }).status).toBe(RuleStatus.PASS);
    expect(evaluateCelRule(block, pod())).toEqual({ status: RuleStatus.ERROR, message: 'params of kind ConfigMap were not supplied' });
  });

  test('authorizer, http and registry lookups are reported as unsupported offline', () => {
    expect(evaluateCelRule(cel('authorizer.group("").resource("pods").check("get").allowed()'), pod()))
      .toEqual({ status: RuleStatus.UNSUPPORTED, message: 'authorizer needs a live cluster or registry and cannot be evaluated offline' });
    expect(evaluateCelRule(cel('http.Get("https://x").ok'), pod()).status).toBe(RuleStatus.UNSUPPORTED);
    const viaVariable = { variables: [{ name: 'meta', expression: 'image.GetMetadata("nginx:1.25")' }], expressions: [{ expression: 'variables.meta.config != null' }] };
    expect(evaluateCelRule(viaVariable, pod())).toEqual({
      status: RuleStatus.UNSUPPORTED,
      message: "variable meta: image.GetMetadata('nginx:1.25') needs a live cluster or registry and cannot be evaluated offline",
    });
    expect(evaluateCelRule(viaVariable, pod(), { contextImages: [{ image: 'nginx:1.25', config: {} }] }).status).toBe(RuleStatus.PASS);
  });
});

describe('evaluateCelPreconditions', () => {
  test('all true passes, one false skips, an error is an error', () => {
    expect(evaluateCelPreconditions([{ name: 'a', expression: 'true' }], pod()).status).toBe(RuleStatus.PASS);
    expect(evaluateCelPreconditions([{ name: 'a', expression: 'true' }, { name: 'b', expression: 'object.metadata.name == "x"' }], pod()))
      .toEqual({ status: RuleStatus.SKIP, message: 'cel preconditions not met' });
    expect(evaluateCelPreconditions([{ name: 'c', expression: 'object.nope' }], pod()).status).toBe(RuleStatus.ERROR);
    expect(evaluateCelPreconditions(undefined, pod()).status).toBe(RuleStatus.PASS);
  });
});
