/**
 * Policies Kyverno's admission webhook would refuse are refused at synthesis, with the construct
 * path, the field and what is allowed; nothing is written (the output folder stays absent).
 */
import * as path from 'path';
import { App } from 'cdk8s';
import { errorOf, RULE, snapshot, teamRepo, tmpDir } from './support';
import { ClusterPolicy, ConditionOperator, PolicyException, ImportedPolicy } from '../../src/kyverno';
import { PolicySource, PolicyPlatform } from '../../src/platform';
import { PolicyRepo, PolicySet } from '../../src/repo';

const HEAD = 'Validation failed with 1 error(s); nothing was written:\n  - ';
const REASON = 'Approved by security (SEC-1) until 2030-01-01: the legacy job needs it';

/** Synthesizes the repository into a new folder: the error, and proof that the folder was not created. */
function refused(repo: PolicyRepo): string {
  const out = path.join(tmpDir(), 'out');
  const message = errorOf(() => repo.synth(out)).message;
  expect(snapshot(out)).toBeUndefined();
  return message;
}

function exception(set: PolicySet, policyName: string, ruleNames: string[]): void {
  new PolicyException(set, 'ex', { namespace: 'kyverno', reason: REASON, exceptions: [{ policyName, ruleNames }], match: { any: [{ resources: { kinds: ['Pod'] } }] } });
}

describe('every {{ }} parses as JMESPath and names a variable Kyverno knows', () => {
  test.each([
    ['a deny condition key', { rules: [{ ...RULE, validate: { message: 'm', deny: { conditions: { any: [{ key: '{{ request.object.spec.[ }}', operator: ConditionOperator.EQUALS, value: 'x' }] } } } }] },
      'team/team/p: spec.rules[0].validate.deny.conditions.any[0].key: {{ request.object.spec.[ }} is not a valid JMESPath expression (Syntax error: invalid token (EOF): ""); Kyverno rejects the policy'],
    ['a message', { rules: [{ ...RULE, validate: { message: 'bad {{ request.object.metadata.name | }}', pattern: { metadata: { name: '?*' } } } }] },
      'team/team/p: spec.rules[0].validate.message: {{ request.object.metadata.name | }} is not a valid JMESPath expression (Syntax error: invalid token (EOF): ""); Kyverno rejects the policy'],
    ['a precondition naming an unknown variable', { rules: [{ ...RULE, preconditions: { all: [{ key: '{{ labels.team }}', operator: ConditionOperator.EQUALS, value: 'a' }] } }] },
      'team/team/p: spec.rules[0].preconditions.all[0].key: {{ labels.team }} refers to a variable Kyverno does not know: use request.*, element, elementIndex, images, @, a function call or a context entry (none defined)'],
    ['a foreach pattern', { rules: [{ ...RULE, validate: { foreach: [{ list: 'request.object.spec.containers', pattern: { image: '{{ element.image[ }}' } }] } }] },
      'team/team/p: spec.rules[0].validate.foreach[0].pattern.image: {{ element.image[ }} is not a valid JMESPath expression (Syntax error: expected Star, got: EOF); Kyverno rejects the policy'],
    ['a foreach list', { rules: [{ ...RULE, validate: { foreach: [{ list: 'request.object.spec.containers[', pattern: { image: '?*' } }] } }] },
      'team/team/p: spec.rules[0].validate.foreach[0].list: "request.object.spec.containers[" is not a valid JMESPath expression (Syntax error: expected Star, got: EOF)'],
    ['a context entry (apiCall urlPath)', { rules: [{ ...RULE, context: [{ name: 'ns', apiCall: { urlPath: '/api/v1/namespaces/{{ request.namespace ) }}' } }] }] },
      'team/team/p: spec.rules[0].context[0].apiCall.urlPath: {{ request.namespace ) }} is not a valid JMESPath expression (Syntax error: unexpected token type: Rparen, value: )); Kyverno rejects the policy'],
    ['a context entry (variable jmesPath)', { rules: [{ ...RULE, context: [{ name: 'v', variable: { jmesPath: 'request.object.metadata.labels.(' } }] }] },
      'team/team/p: spec.rules[0].context[0].variable.jmesPath: "request.object.metadata.labels.(" is not a valid JMESPath expression (Syntax error, unexpected token: ((Lparen))'],
    ['an empty variable in a pattern', { rules: [{ ...RULE, validate: { message: 'm', pattern: { metadata: { name: '{{ }}' } } } }] },
      'team/team/p: spec.rules[0].validate.pattern.metadata.name: {{ }} is empty (a variable needs a JMESPath expression, e.g. {{ request.object.metadata.name }})'],
    ['serviceAccountName in a background policy', { rules: [{ ...RULE, validate: { message: 'by {{ serviceAccountName }}', pattern: { metadata: { name: '?*' } } } }] },
      'team/team/p: spec.rules[0].validate.message: {{ serviceAccountName }} refers to a variable Kyverno does not know: use request.*, element, elementIndex, images, @, a function call '
      + 'or a context entry (none defined); in background mode (spec.background: true) serviceAccountName and serviceAccountNamespace are not available'],
    ['a variable in match', { rules: [{ ...RULE, match: { any: [{ resources: { kinds: ['Pod'], names: ['{{ request.object.metadata.name }}'] } }] } }] },
      'team/team/p: spec.rules[0].match.any[0].resources.names[0]: variables are not allowed in match (Kyverno selects resources before any variable exists); found "{{ request.object.metadata.name }}"'],
    ['a variable in exclude', { rules: [{ ...RULE, exclude: { any: [{ resources: { namespaces: ['{{ request.namespace }}'] } }] } }] },
      'team/team/p: spec.rules[0].exclude.any[0].resources.namespaces[0]: variables are not allowed in exclude (Kyverno selects resources before any variable exists); found "{{ request.namespace }}"'],
  ] as const)('%s', (_what, props, problem) => {
    expect(refused(teamRepo(props as any).repo)).toBe(HEAD + problem);
  });

  test('accepted: context entries, element, functions, escaped braces and legacy backtick literals', () => {
    const { repo } = teamRepo({
      background: false,
      rules: [{
        ...RULE,
        context: [{ name: 'cm', configMap: { name: 'settings', namespace: 'kyverno' } }, { name: 'team', variable: { jmesPath: 'request.object.metadata.labels.team' } }],
        preconditions: { all: [{ key: '{{ cm.data.enabled }}', operator: ConditionOperator.EQUALS, value: 'true' }, { key: '{{ team }}', operator: ConditionOperator.NOT_EQUALS, value: '' }] },
        validate: {
          message: '{{ serviceAccountName }} {{ length(request.object.spec.containers) }} \\{{ not a variable }} {{ request.object.spec.containers[?image==`nginx:latest`].name }}',
          foreach: [{ list: 'request.object.spec.containers', pattern: { image: '{{ element.image }}' } }],
        },
      }],
    });
    expect(repo.synthFiles().length).toBeGreaterThan(0);
  });
});

describe('PolicyExceptions name policies and rules that exist', () => {
  test('a missing policy', () => {
    const { repo, set } = teamRepo();
    exception(set, 'nope', ['check']);
    expect(refused(repo)).toBe(`${HEAD}team/team/ex: spec.exceptions[0].policyName: no policy "nope" in repository team (policies: p; a namespaced Policy is named <namespace>/<name>)`);
  });

  test('a missing rule', () => {
    const { repo, set } = teamRepo();
    exception(set, 'p', ['chek']);
    expect(refused(repo)).toBe(`${HEAD}team/team/ex: spec.exceptions[0].ruleNames[0]: policy "p" has no rule "chek" `
      + '(rules: check; autogen-<rule> and autogen-cronjob-<rule> name the rules Kyverno generates for Pod controllers)');
  });

  test('inside a platform: a policy of another source is found, a policy of none is refused', () => {
    const app = new App();
    const a = teamRepo({}, { image: { registry: 'r.example.com/ops', repository: 'team' } }, app);
    const other = new PolicyRepo(app, 'other', { environments: ['dev', 'prd'], image: { registry: 'r.example.com/ops', repository: 'other' } });
    new ClusterPolicy(new PolicySet(other, 'other', { version: '2.0.0' }), 'q', { rules: [RULE] });
    exception(a.set, 'q', ['check', 'autogen-check']);
    const platform = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a.repo), PolicySource.fromRepo(other)] });
    expect(platform.synthFiles().length).toBeGreaterThan(0);
    const app2 = new App();
    const b = teamRepo({}, { image: { registry: 'r.example.com/ops', repository: 'team' } }, app2);
    exception(b.set, 'missing', ['check']);
    const out = path.join(tmpDir(), 'out');
    const p2 = new PolicyPlatform(app2, 'platform', { sources: [PolicySource.fromRepo(b.repo)] });
    expect(errorOf(() => p2.synth(out)).message).toBe(`${HEAD}team/team/ex: spec.exceptions[0].policyName: no policy "missing" in repository team or another source of platform platform `
      + '(policies: p; a namespaced Policy is named <namespace>/<name>)');
    expect(snapshot(out)).toBeUndefined();
  });
});

describe('an exception reference no known source satisfies, beside a source whose policies are not known', () => {
  const imageSource = (policies?: string[]) => PolicySource.fromImage({
    repoName: 'vendor', image: 'r.example.com/ops/vendor-repo', tag: 'v1', environments: ['dev', 'prd'], policies,
  });

  test('is not refused (the image may bring the policy) but listed as unchecked, in the platform README too', () => {
    const app = new App();
    const a = teamRepo({}, { image: { registry: 'r.example.com/ops', repository: 'team' } }, app);
    exception(a.set, 'vendor-policy', ['check']);
    const platform = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a.repo), imageSource()] });
    const unchecked = 'team: PolicyException kyverno/ex: spec.exceptions[0].policyName: no policy "vendor-policy" in any known source of platform platform '
      + '(policies: p; a namespaced Policy is named <namespace>/<name>)';
    expect(platform.uncheckedExceptionReferences).toEqual([unchecked]);
    const readme = platform.synthFiles().find((f) => f.path === 'README.md')!.content;
    expect(readme).toContain('**Unchecked exception references**: they name no policy of a known source, and the policies of image source vendor '
      + '(r.example.com/ops/vendor-repo:v1) are not known');
    expect(readme).toContain(`- ${unchecked}\n`);
  });

  test('once the image declares its policies, the reference is checked: found, or refused', () => {
    const app = new App();
    const a = teamRepo({}, { image: { registry: 'r.example.com/ops', repository: 'team' } }, app);
    exception(a.set, 'vendor-policy', ['check']);
    const found = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(a.repo), imageSource(['vendor-policy'])] });
    expect(found.uncheckedExceptionReferences).toEqual([]);
    expect(found.synthFiles().find((f) => f.path === 'README.md')!.content).not.toContain('Unchecked exception references');

    const app2 = new App();
    const b = teamRepo({}, { image: { registry: 'r.example.com/ops', repository: 'team' } }, app2);
    exception(b.set, 'vendor-policy', ['check']);
    const refusedPlatform = new PolicyPlatform(app2, 'platform', { sources: [PolicySource.fromRepo(b.repo), imageSource(['other-policy'])] });
    expect(refusedPlatform.uncheckedExceptionReferences).toEqual([]);
    expect(errorOf(() => refusedPlatform.synth(path.join(tmpDir(), 'out'))).message).toBe(`${HEAD}team/team/ex: spec.exceptions[0].policyName: `
      + 'no policy "vendor-policy" in repository team or another source of platform platform (policies: other-policy, p; a namespaced Policy is named <namespace>/<name>)');
  });
});

describe('raw manifests are checked against the Kyverno CRD of their release (unknown fields refused)', () => {
  test('ImportedPolicy.clusterPolicy: every unknown field, with the nearest known one', () => {
    const { repo, set } = teamRepo();
    ImportedPolicy.clusterPolicy(set, 'imported', {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'imported' },
      spec: { backgroud: false, rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validat: { message: 'm', pattern: { x: 1 } } }] },
    });
    expect(refused(repo)).toBe('Validation failed with 2 error(s); nothing was written:\n'
      + '  - team/team/imported: spec.backgroud: unknown field "backgroud" (not in the ClusterPolicy schema of Kyverno 1.13.2; kubectl apply --validate=strict refuses it); the nearest known field is "background"\n'
      + '  - team/team/imported: spec.rules[0].validat: unknown field "validat" (not in the ClusterPolicy schema of Kyverno 1.13.2; kubectl apply --validate=strict refuses it); the nearest known field is "validate"');
  });

  test('ImportedPolicy.policyException', () => {
    const { repo, set } = teamRepo();
    ImportedPolicy.policyException(set, 'imported-ex', {
      apiVersion: 'kyverno.io/v2',
      kind: 'PolicyException',
      metadata: { name: 'imported-ex', namespace: 'kyverno', annotations: { 'policies.kyverno.io/description': REASON } },
      spec: { exceptions: [{ policyName: 'p', ruleNames: ['check'] }], match: { any: [{ resources: { kinds: ['Pod'] } }] }, matchh: {} },
    });
    expect(refused(repo)).toBe(`${HEAD}team/team/imported-ex: spec.matchh: unknown field "matchh" (not in the PolicyException schema of Kyverno 1.13.2; `
      + 'kubectl apply --validate=strict refuses it); the nearest known field is "match"');
  });

  test('a raw object handed to a typed policy (a misspelt field in a rule)', () => {
    const { repo } = teamRepo({ rules: [{ ...RULE, match: { any: [{ resources: { kind: ['Pod'] } as any }] } }] });
    expect(refused(repo)).toContain('team/team/p: spec.rules[0].match.any[0].resources.kind: unknown field "kind" (not in the ClusterPolicy schema of Kyverno 1.13.2; '
      + 'kubectl apply --validate=strict refuses it); the nearest known field is "kinds"');
  });
});

describe('repository inputs', () => {
  test.each([
    ['image tag latest', () => teamRepo({}, { image: { registry: 'r.example.com/ops', repository: 'team', tag: 'latest' } }).repo,
      'team: image.tag: "latest" is not a pinned tag (a platform could not tell which policies it copies; PolicyPlatform refuses it too): leave the tag out to use the chart version, or give a version, a commit SHA or a digest'],
    ['no image tag with two sets', () => {
      const { repo } = teamRepo({}, { image: { registry: 'r.example.com/ops', repository: 'team' } });
      new ClusterPolicy(new PolicySet(repo, 'other', { version: '2.0.0' }), 'q', { rules: [RULE] });
      return repo;
    }, 'team: image.tag: a repository with 2 PolicySets needs a tag or a digest (without one, the tag is the chart version of its only PolicySet)'],
    ['values of an unknown environment', () => teamRepo({}, { environmentValues: { stg: { a: 1 } } }).repo, 'team: environmentValues: unknown environment "stg" (environments: dev, prd)'],
    ['two policies with one name', () => {
      const { repo, set } = teamRepo();
      new ClusterPolicy(set, 'p2', { name: 'p', rules: [RULE] });
      return repo;
    }, 'team/team/p2: metadata.name: "p" is also the name of team/team/p (policy names must be unique in a repository)'],
    ['no environment', () => teamRepo({}, { environments: [] }).repo, 'team: environments: at least one environment is required'],
  ] as const)('%s', (_what, build, problem) => {
    expect(refused(build())).toBe(HEAD + problem);
  });
});
