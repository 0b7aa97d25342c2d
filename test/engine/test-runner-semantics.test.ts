/**
 * Semantics of `kyverno test` the runner mirrors: never a silent answer (unsupported, not
 * excluded), Excluded as kyverno test counts it, is<Kind> flags, per-result operation, user info
 * in match/exclude, error outcomes, Go regexp, context data from the suite (clusterResources,
 * apiCallResponses, globalContextEntries) for JMESPath and CEL.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import { KyvernoTestDefinition, KyvernoTestRunner } from '../../src/engine';

const pod = (name: string, ns = 'default', extra: any = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, ...extra }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
});
const cluster = (name: string, rules: any[]) => ({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name }, spec: { rules } });
const onPods = { any: [{ resources: { kinds: ['Pod'] } }] };
const run = (def: Partial<KyvernoTestDefinition>) => KyvernoTestRunner.run({ name: 't', policies: [], resources: [], results: [], ...def });
const outcome = (def: Partial<KyvernoTestDefinition>) => run(def).results.map((r) => `${r.actual}${r.matched ? '' : ' (mismatch)'}`);

describe('never a silent answer', () => {
  test('a policy kind the engine does not evaluate is unsupported for every result naming it, never excluded', () => {
    const cleanup = { apiVersion: 'kyverno.io/v2', kind: 'ClusterCleanupPolicy', metadata: { name: 'add-labels' }, spec: {} };
    const report = run({
      policies: [cleanup],
      resources: [pod('a')],
      results: [
        { policy: 'add-labels', kind: 'Pod', resources: ['a'], result: 'pass', isDeletingPolicy: true },
        { policy: 'add-labels', rule: 'whatever', kind: 'Pod', resources: ['a'], result: 'skip' },
      ],
    });
    expect(report.results.map((r) => [r.actual, r.matched, r.policyKind, r.category])).toEqual([
      ['unsupported', false, 'ClusterCleanupPolicy', 'clusterCleanupPolicy'],
      ['unsupported', false, 'ClusterCleanupPolicy', 'clusterCleanupPolicy'],
    ]);
    expect(report.results[0].reason).toBe('kyverno.io/v2 ClusterCleanupPolicy policies are not evaluated by the offline engine');
  });

  test('a context entry with no data in the suite is unsupported; with data it is evaluated', () => {
    const rule = {
      name: 'r',
      match: onPods,
      context: [{ name: 'settings', configMap: { name: 'settings', namespace: 'kyverno' } }],
      validate: { message: 'tier {{ settings.data.tier }}', deny: { conditions: { any: [{ key: '{{ settings.data.tier }}', operator: 'Equals', value: 'frozen' }] } } },
    };
    const base = { policies: [cluster('p', [rule])], resources: [pod('a')], results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'fail' }] };
    expect(run(base).results[0]).toMatchObject({ actual: 'unsupported', reason: 'context entry "settings" (configMap) needs a live cluster or registry and no value was supplied' });
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'kyverno' }, data: { tier: 'frozen' } };
    expect(run({ ...base, clusterResources: [cm] }).results[0]).toMatchObject({ actual: 'fail', reason: 'tier frozen', matched: true });
  });
});

test('results on JSON payloads, or by policies evaluating payloads, are unsupported', () => {
  const vpol = { apiVersion: 'policies.kyverno.io/v1', kind: 'ValidatingPolicy', metadata: { name: 'json' }, spec: { evaluation: { mode: 'JSON' }, validations: [{ expression: 'true' }] } };
  const report = run({
    policies: [vpol],
    resources: [pod('a')],
    jsonPayloads: [{ user: 'bob' }],
    results: [{ policy: 'json', kind: 'Pod', resources: ['a'], result: 'pass', isValidatingPolicy: true }, { policy: 'json', kind: '', resources: ['payload'], result: 'pass', isValidatingPolicy: true }],
  });
  expect(report.results.map((r) => [r.actual, r.reason])).toEqual([
    ['unsupported', 'ValidatingPolicy json evaluates JSON payloads, which the offline engine does not evaluate'],
    ['unsupported', 'payload is not a resource of the suite; JSON, HTTP and Envoy payloads are not evaluated by the offline engine'],
  ]);
});

describe('result lookup as kyverno test does it', () => {
  const p = cluster('p', [{ name: 'only-services', match: { any: [{ resources: { kinds: ['Service'] } }] }, validate: { message: 'm', deny: {} } }]);

  test('a rule that does not select the resource, or a rule the policy does not have, is Excluded (a skip for kyverno test)', () => {
    const report = run({
      policies: [p],
      resources: [pod('a')],
      results: [
        { policy: 'p', rule: 'only-services', kind: 'Pod', resources: ['a'], result: 'fail' },
        { policy: 'p', rule: 'no-such-rule', kind: 'Pod', resources: ['a'], result: 'pass' },
      ],
    });
    expect(report.results.map((r) => [r.actual, r.matched, r.category, r.reason])).toEqual([
      ['excluded', true, 'deny', 'rule only-services does not select the resource (kyverno test: Excluded, counted as a skip)'],
      ['excluded', true, 'unknownRule', 'policy p has no rule no-such-rule (kyverno test: Excluded, counted as a skip)'],
    ]);
  });

  test('a missing policy or resource is not-found, a mismatch', () => {
    expect(outcome({ policies: [p], resources: [pod('a')], results: [{ policy: 'q', rule: 'r', kind: 'Pod', resources: ['a'], result: 'pass' }, { policy: 'p', rule: 'only-services', kind: 'Pod', resources: ['b'], result: 'pass' }] }))
      .toEqual(['not-found (mismatch)', 'not-found (mismatch)']);
  });

  test('an is<Kind> flag compares the policy\'s response whatever the rule name', () => {
    const vpol = {
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'ValidatingPolicy',
      metadata: { name: 'no-latest' },
      spec: {
        matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] },
        validations: [{ expression: "object.spec.containers.all(c, !c.image.endsWith(':latest'))", message: 'no latest' }],
      },
    };
    const latest = { ...pod('b'), spec: { containers: [{ name: 'c', image: 'nginx:latest' }] } };
    expect(outcome({ policies: [vpol], resources: [pod('a'), latest], results: [{ policy: 'no-latest', rule: 'ignored', kind: 'Pod', resources: ['a', 'b'], result: 'fail', isValidatingPolicy: true }] }))
      .toEqual(['pass (mismatch)', 'fail']);
  });

  test('a result\'s operation sets the request: UPDATE has the resource as oldObject, DELETE has no object', () => {
    const rule = {
      name: 'r',
      match: onPods,
      validate: { message: '{{ request.operation }} old={{ request.oldObject.metadata.name }}', deny: { conditions: { all: [{ key: '{{ request.operation }}', operator: 'AnyIn', value: ['UPDATE', 'DELETE'] }] } } },
    };
    const report = run({
      policies: [cluster('p', [rule])],
      resources: [pod('a')],
      results: ['CREATE', 'UPDATE', 'DELETE'].map((operation) => ({ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: operation === 'CREATE' ? 'pass' : 'fail', operation })),
    });
    expect(report.results.map((r) => [r.actual, r.reason])).toEqual([
      ['pass', 'deny conditions not met'],
      ['fail', 'UPDATE old=a'],
      ['fail', 'DELETE old=a'],
    ]);
  });

  test('an operation outside CREATE, UPDATE, DELETE, CONNECT is refused naming the result', () => {
    expect(() => run({ policies: [], resources: [], results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'pass', operation: 'PATCH' }] }))
      .toThrow('t: results[0]: operation "PATCH" is not one of CREATE, UPDATE, DELETE, CONNECT');
  });
});

describe('match/exclude user info (subjects, roles, clusterRoles)', () => {
  const rule = {
    name: 'r',
    match: onPods,
    exclude: { any: [{ clusterRoles: ['cluster-admin'] }, { subjects: [{ kind: 'Group', name: 'ops' }] }] },
    validate: { message: 'denied', deny: {} },
  };
  const base = { policies: [cluster('p', [rule])], resources: [pod('a')], results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'fail' }] };

  test('without user info they are not applied: the resource is not excluded', () => {
    expect(outcome(base)).toEqual(['fail']);
  });

  test('with a UserInfo they are applied', () => {
    expect(run({ ...base, userInfo: { userInfo: { username: 'bob', groups: ['ops'] } } }).results[0].actual).toBe('excluded');
    expect(run({ ...base, userInfo: { clusterRoles: ['cluster-admin'], userInfo: { username: 'root' } } }).results[0].actual).toBe('excluded');
    expect(run({ ...base, userInfo: { userInfo: { username: 'dev', groups: ['devs'] } } }).results[0].actual).toBe('fail');
  });
});

test('the UserInfo file\'s uid, groups and extra reach request.userInfo (JMESPath and CEL)', () => {
  const userInfo = { userInfo: { username: 'bob', uid: 'u-1', groups: ['devs'], extra: { team: ['payments'] } } };
  const jmes = cluster('p', [{ name: 'r', match: onPods, validate: { message: '{{ request.userInfo.uid }}/{{ request.userInfo.extra.team[0] }}', deny: {} } }]);
  expect(run({ policies: [jmes], resources: [pod('a')], userInfo, results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'fail' }] }).results[0].reason)
    .toBe('u-1/payments');
  const cel = cluster('p', [{ name: 'r', match: onPods, validate: { cel: { expressions: [{ expression: "request.userInfo.uid == 'u-1' && 'devs' in request.userInfo.groups", message: 'm' }] } } }]);
  expect(run({ policies: [cel], resources: [pod('a')], userInfo, results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'pass' }] }).results[0].actual)
    .toBe('pass');
});

test('a resource written without a namespace is in default when its kind is namespaced (suites built in code too)', () => {
  const p = cluster('p', [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod', 'Namespace'], namespaces: ['default'] } }] }, validate: { message: 'm', deny: {} } }]);
  const bare = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' }, spec: {} };
  const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } };
  const report = run({ policies: [p], resources: [bare, ns], results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['default/bare'], result: 'fail' }, { policy: 'p', rule: 'r', kind: 'Namespace', resources: ['team'], result: 'fail' }] });
  expect(report.results.map((r) => r.actual)).toEqual(['fail', 'excluded']);
});

describe('error outcomes', () => {
  test('elementScope: true on scalar elements is an error (Kyverno\'s AddElementToContext)', () => {
    const rule = {
      name: 'r',
      match: onPods,
      validate: { foreach: [{ list: 'request.object.spec.containers[].image', elementScope: true, deny: { conditions: { any: [{ key: '{{ element }}', operator: 'Equals', value: 'x' }] } } }] },
    };
    const [r] = run({ policies: [cluster('p', [rule])], resources: [pod('a')], results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'error' }] }).results;
    expect([r.actual, r.reason]).toEqual(['error',
      'failed to process foreach: cannot use elementScope=true foreach rules for elements that are not maps, expected type=map got type=string']);
  });

  test('a variable that cannot be resolved in preconditions is an error', () => {
    const rule = { name: 'r', match: onPods, preconditions: { all: [{ key: '{{ request.object.metadata.labels.tier }}', operator: 'Equals', value: 'web' }] }, validate: { message: 'm', deny: {} } };
    const [r] = run({ policies: [cluster('p', [rule])], resources: [pod('a')], results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'error' }] }).results;
    expect([r.actual, r.reason]).toEqual(['error', 'failed to evaluate preconditions: Unknown key "labels" in path']);
  });
});

describe('regular expressions are Go regexp (RE2), not JavaScript', () => {
  const denyWhen = (key: string, value: any) => cluster('p', [{
    name: 'r', match: onPods, validate: { message: '{{ request.object.metadata.name }}', deny: { conditions: { any: [{ key, operator: 'Equals', value }] } } },
  }]);
  const result = (p: any) => run({ policies: [p], resources: [pod('web-01')], results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['web-01'], result: 'fail' }] }).results[0];

  test('regex_match finds a match anywhere; (?P<name>) groups are RE2 syntax', () => {
    expect(result(denyWhen("{{ regex_match('(?P<n>\\d+)$', request.object.metadata.name) }}", true)).actual).toBe('fail');
  });

  test('regex_replace_all expands $1 and ${1} as Go does ($1x names a group "1x": empty)', () => {
    expect(result(denyWhen("{{ regex_replace_all('^(\\w+)-(\\d+)$', request.object.metadata.name, '${2}x$1') }}", '01xweb')).actual).toBe('fail');
    expect(result(denyWhen("{{ regex_replace_all('^(\\w+)-(\\d+)$', request.object.metadata.name, '[$1x]') }}", '[]')).actual).toBe('fail');
  });

  test('a lookahead (not RE2) is an error, as in Kyverno', () => {
    const r = result(denyWhen("{{ regex_match('web(?=-)', request.object.metadata.name) }}", true));
    expect(r.actual).toBe('error');
    expect(r.reason).toContain('invalid or unsupported Perl syntax');
  });
});

describe('CEL libraries fed from the suite\'s data, in both spellings', () => {
  const celRule = (expression: string) => cluster('p', [{ name: 'r', match: onPods, validate: { cel: { expressions: [{ expression, message: 'denied' }] } } }]);
  const result = (p: any, extra: Partial<KyvernoTestDefinition> = {}) =>
    run({ policies: [p], resources: [pod('a', 'team')], results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'pass' }], ...extra }).results[0];
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'limits', namespace: 'team' }, data: { max: '3' } };

  test('resource.List / resource.list and resource.Get / resource.get read clusterResources', () => {
    expect(result(celRule("resource.list('v1', 'configmaps', 'team').items.size() == 1"), { clusterResources: [cm] }).actual).toBe('pass');
    expect(result(celRule("resource.Get('v1', 'configmaps', 'team', 'limits').data.max == '3'"), { clusterResources: [cm] }).actual).toBe('pass');
    expect(result(celRule("resource.get('v1', 'configmaps', 'team', 'limits').data.max == '4'"), { clusterResources: [cm] }).actual).toBe('fail');
  });

  test('http.Get / http.get answer from apiCallResponses; an unmocked URL is unsupported', () => {
    const apiCallResponses = [{ url: 'https://policy.example/allowed', method: 'GET', response: { statusCode: 200, body: { allowed: true } } }];
    expect(result(celRule("http.get('https://policy.example/allowed').allowed == true"), { apiCallResponses }).actual).toBe('pass');
    expect(result(celRule("http.Get('https://policy.example/allowed').allowed == false"), { apiCallResponses }).actual).toBe('fail');
    expect(result(celRule("http.Get('https://other.example/') != null")).actual).toBe('unsupported');
  });

  test('globalContext.Get / globalcontext.get answer from globalContextEntries', () => {
    const globalContextEntries = [{ name: 'teams', data: { names: ['team', 'ops'] }, projections: [{ name: 'names', path: 'names' }] }];
    expect(result(celRule("object.metadata.namespace in globalcontext.get('teams', 'names')"), { globalContextEntries }).actual).toBe('pass');
    expect(result(celRule("globalContext.Get('teams', '').names.size() == 3"), { globalContextEntries }).actual).toBe('fail');
  });
});

describe('v1 context entries fed from the suite', () => {
  const ctxRule = (entry: any, key: string) => cluster('p', [{
    name: 'r', match: onPods, context: [{ name: 'data', ...entry }], validate: { message: '{{ data }}', deny: { conditions: { any: [{ key, operator: 'Equals', value: true }] } } },
  }]);
  const result = (p: any, extra: Partial<KyvernoTestDefinition>) =>
    run({ policies: [p], resources: [pod('a')], results: [{ policy: 'p', rule: 'r', kind: 'Pod', resources: ['a'], result: 'fail' }], ...extra }).results[0];

  test('apiCall service.url from apiCallResponses', () => {
    const p = ctxRule({ apiCall: { method: 'GET', service: { url: 'https://svc.example/check' }, jmesPath: 'blocked' } }, '{{ data }}');
    expect(result(p, { apiCallResponses: [{ url: 'https://svc.example/check', response: { body: { blocked: true } } }] })).toMatchObject({ actual: 'fail', reason: 'true' });
  });

  test('globalReference from globalContextEntries (fieldPath and projections)', () => {
    const p = ctxRule({ globalReference: { name: 'deployments', jmesPath: 'count' } }, '{{ data > `0` }}');
    const entries = [{ name: 'deployments', resources: [{ kind: 'Deployment' }, { kind: 'Deployment' }], projections: [{ name: 'count', path: 'length(@)' }] }];
    expect(result(p, { globalContextEntries: entries })).toMatchObject({ actual: 'fail', reason: '2' });
  });
});

test('Kyverno\'s test/cli/test/variables: per-rule and per-resource values from a Values file', () => {
  // cm-variable-example: the configMap context entry is supplied by the rule's values
  const p = cluster('cm-variable-example', [{
    name: 'example-configmap-lookup',
    context: [{ name: 'dictionary', configMap: { name: 'some-config-map', namespace: 'some-namespace' } }],
    match: onPods,
    validate: { pattern: { metadata: { labels: { 'my-environment-name': '{{dictionary.data.env}}' } } } },
  }]);
  const labelled = (name: string, env: string) => ({ ...pod(name), metadata: { name, namespace: 'default', labels: { 'my-environment-name': env } } });
  const values = {
    policies: [{
      name: 'cm-variable-example',
      rules: [{ name: 'example-configmap-lookup', values: { 'dictionary.data.env': 'test' } }],
      resources: [{ name: 'test-env-test', values: { 'request.object.metadata.name': 'test-env-test' } }, { name: 'test-env-dev', values: { 'request.object.metadata.name': 'test-env-dev' } }],
    }],
  };
  expect(outcome({
    policies: [p],
    resources: [labelled('test-env-test', 'test'), labelled('test-env-dev', 'dev')],
    values,
    results: [
      { policy: 'cm-variable-example', rule: 'example-configmap-lookup', kind: 'Pod', resources: ['test-env-test'], result: 'pass' },
      { policy: 'cm-variable-example', rule: 'example-configmap-lookup', kind: 'Pod', resources: ['test-env-dev'], result: 'fail' },
    ],
  })).toEqual(['pass', 'fail']);
});
