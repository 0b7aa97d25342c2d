import { newChart, problemsOf } from './support';
import * as catalog from '../../src/catalog';
import { evaluatePolicy } from '../../src/engine/evaluate';

describe('catalogue: devops', () => {
  test('RequireLabels: keys sorted, patterns as Kyverno wildcards, kinds', () => {
    const chart = newChart('devops-policy');
    const p = new catalog.RequireLabels(chart, 'labels', {
      requiredLabels: [{ key: 'team' }, { key: 'app' }, { key: 'environment', pattern: 'dev | qac | stg | prd' }],
      kinds: ['Deployment', 'StatefulSet'],
    });
    const rule = p.toJson().spec.rules[0];
    expect(rule.name).toBe('check-for-labels');
    expect(rule.match).toEqual({ any: [{ resources: { kinds: ['Deployment', 'StatefulSet'] } }] });
    expect(rule.validate.pattern).toEqual({ metadata: { labels: { app: '?*', environment: 'dev | qac | stg | prd', team: '?*' } } });
    expect(rule.validate.message).toBe('The labels `app`, `environment` (matching `dev | qac | stg | prd`), `team` are required with a matching value.');
    new catalog.RequireLabels(chart, 'bad', { name: 'bad', requiredLabels: [{ key: 'Bad Key' }, { key: 'ok', pattern: ' ' }] });
    expect(problemsOf(chart)).toEqual([
      'devops-policy/bad: requiredLabels[0].key: "Bad Key" is not a Kubernetes qualified name (optional DNS prefix and \'/\', then at most 63 alphanumerics, \'-\', \'_\', \'.\')',
      'devops-policy/bad: requiredLabels[1].pattern: must not be empty (omit it to accept any non-empty value)',
    ]);
  });

  test('RequireAnnotations: required keys; an empty list is an error', () => {
    const chart = newChart('devops-policy');
    const p = new catalog.RequireAnnotations(chart, 'ann', { requiredAnnotations: [{ key: 'owner' }] });
    expect(p.toJson().spec.rules[0]).toMatchObject({
      name: 'check-for-annotation',
      validate: { message: 'The annotation `owner` is required.', pattern: { metadata: { annotations: { owner: '?*' } } } },
    });
    new catalog.RequireAnnotations(chart, 'none', { name: 'none', requiredAnnotations: [] });
    expect(problemsOf(chart)).toEqual([
      'devops-policy/none: spec.rules: the policy has no rules (add at least one with rules or addRule)',
      'devops-policy/none: requiredAnnotations: list at least one key',
    ]);
  });

  test('NamingConventions: deny on regex_match with the offending name in the message', () => {
    const chart = newChart('devops-policy');
    const p = new catalog.NamingConventions(chart, 'names', {
      conventions: [{ kinds: ['Deployment'], regex: "^(payments|search)-[a-z0-9-]+$|^it's$", description: '<team>-<app>' }],
    });
    const rule = p.toJson().spec.rules[0];
    expect(rule.name).toBe('deployment-name');
    expect(rule.validate.deny.conditions.all).toEqual([
      { key: "{{ regex_match('^(payments|search)-[a-z0-9-]+$|^it\\'s$', request.object.metadata.name) }}", operator: 'Equals', value: false },
    ]);
    expect(rule.validate.message).toContain("name '{{ request.object.metadata.name }}' does not follow the naming convention: <team>-<app>");
    const deployment = (name: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'shop' }, spec: {} });
    expect(evaluatePolicy(p.toJson(), deployment('payments-api')).map((r) => r.status)).toEqual(['pass']);
    expect(evaluatePolicy(p.toJson(), deployment('Api')).map((r) => [r.status, r.message])).toEqual([[
      'fail',
      "Deployment name 'Api' does not follow the naming convention: <team>-<app> (^(payments|search)-[a-z0-9-]+$|^it's$).",
    ]]);
  });

  test('NamingConventions: invalid, RE2-incompatible and variable-like regexes are refused, all at once', () => {
    const chart = newChart('devops-policy');
    new catalog.NamingConventions(chart, 'names', {
      conventions: [
        { kinds: ['Deployment'], regex: '^(a' },
        { kinds: ['Service'], regex: '^(?!kube-).*$' },
        { kinds: [], regex: '^x{{2}}$', ruleName: 'Bad_Name' },
      ],
    });
    // no convention is valid, so no rule is emitted (the policy-level check says so first)
    const problems = problemsOf(chart).slice(1);
    expect(problemsOf(chart)[0]).toBe('devops-policy/names: spec.rules: the policy has no rules (add at least one with rules or addRule)');
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^devops-policy\/names: conventions\[0\]\.regex: "\^\(a" is not a regular expression/);
    expect(problems.slice(1)).toEqual([
      'devops-policy/names: conventions[1].regex: "^(?!kube-).*$" uses lookaround or a backreference, which RE2 (Kyverno\'s regex engine) does not support',
      'devops-policy/names: conventions[2].kinds: list at least one kind',
      'devops-policy/names: conventions[2].regex: "^x{{2}}$" contains \'{{\' or \'}}\', which Kyverno would read as a variable',
      'devops-policy/names: conventions[2].ruleName: "Bad_Name" is not a DNS-1123 label (lowercase alphanumerics and \'-\', at most 63 characters)',
    ]);
  });

  test('DisallowDefaultNamespace: Pods and controllers, autogen off', () => {
    const json = new catalog.DisallowDefaultNamespace(newChart(), 'ns', { controllerKinds: ['Deployment'] }).toJson();
    expect(json.metadata.annotations['pod-policies.kyverno.io/autogen-controllers']).toBe('none');
    expect(json.spec.rules.map((r: any) => [r.name, r.match.any[0].resources.kinds])).toEqual([
      ['validate-namespace', ['Pod']],
      ['validate-podcontroller-namespace', ['Deployment']],
    ]);
    // without metadata.namespace the object would be created in `default`: refused too
    const pod = (namespace?: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace }, spec: { containers: [{ name: 'a', image: 'b:1' }] } });
    expect([pod(), pod('default'), pod('shop')].map((r) => evaluatePolicy(json, r).map((x) => x.status))).toEqual([['fail'], ['fail'], ['pass']]);
  });

  test('RequirePodDisruptionBudget: threshold, apiCall context, admission only', () => {
    const chart = newChart();
    const json = new catalog.RequirePodDisruptionBudget(chart, 'pdb', { minReplicas: 3 }).toJson();
    expect(json.spec.background).toBe(false);
    const rule = json.spec.rules[0];
    expect(rule.context[0].name).toBe('pdb_count');
    expect(rule.context[0].apiCall.urlPath).toBe('/apis/policy/v1/namespaces/{{request.namespace}}/poddisruptionbudgets');
    expect(rule.preconditions.all[1]).toEqual({ key: '{{ request.object.spec.replicas || `1` }}', operator: 'GreaterThanOrEquals', value: 3 });
    new catalog.RequirePodDisruptionBudget(chart, 'bad', { name: 'bad', minReplicas: 0 });
    expect(problemsOf(chart)).toEqual(['security-policy/bad: minReplicas: 0 is not a positive integer']);
  });
});

describe('RequirePodDisruptionBudget offline', () => {
  test('without a value for pdb_count the engine never reports a pass', () => {
    const chart = newChart();
    const policy = new catalog.RequirePodDisruptionBudget(chart, 'pdb').toJson();
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
    };
    const [result] = evaluatePolicy(policy, deployment, { operation: 'CREATE' });
    expect(result.rule).toBe('require-pdb');
    expect(['error', 'unsupported']).toContain(result.status);
    const counted = evaluatePolicy(policy, deployment, { operation: 'CREATE', ruleValues: { 'require-pdb': { pdb_count: 0 } } });
    expect(counted.map((r) => r.status)).toEqual(['fail']);
    expect(counted[0].message).toBe('There is no corresponding PodDisruptionBudget found for this Deployment with 2 or more replicas.');
  });
});
