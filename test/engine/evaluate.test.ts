/**
 * Rule evaluation: foreach, context entries, values from a test, and what the engine refuses to
 * guess. Cases from https://kyverno.io/docs/writing-policies/validate/#foreach and
 * https://kyverno.io/docs/writing-policies/external-data-sources/
 */
import { policyWith, pod, statusOf } from './helpers';
import { PolicyEngine, RuleStatus } from '../../src/engine';

const twoContainers = pod({ containers: [{ name: 'a', image: 'nginx:1.2' }, { name: 'b', image: 'nginx:latest' }] });

describe('foreach (validate/#foreach)', () => {
  test('a pattern is applied to each element; the first failing element fails the rule', () => {
    const p = policyWith({ validate: { message: 'no latest', foreach: [{ list: 'request.object.spec.containers', pattern: { image: '!*:latest' } }] } });
    expect(statusOf(p, twoContainers)).toBe('fail');
    expect(statusOf(p, pod())).toBe('pass');
  });
  test('deny per element with {{ element }} and elementIndex', () => {
    const p = policyWith({
      validate: {
        message: 'no latest',
        foreach: [{ list: 'request.object.spec.containers', deny: { conditions: { any: [{ key: '{{ element.image }}', operator: 'Equals', value: '*:latest' }] } } }],
      },
    });
    expect(statusOf(p, twoContainers)).toBe('fail');
    const idx = policyWith({
      validate: { message: 'm', foreach: [{ list: 'request.object.spec.containers', deny: { conditions: { any: [{ key: '{{ elementIndex }}', operator: 'GreaterThan', value: 0 }] } } }] },
    });
    expect(statusOf(idx, twoContainers)).toBe('fail');
    expect(statusOf(idx, pod())).toBe('pass');
  });
  test('per-element preconditions skip elements; when every element is skipped the rule is skipped', () => {
    const p = policyWith({
      validate: {
        message: 'm',
        foreach: [{
          list: 'request.object.spec.containers',
          preconditions: { all: [{ key: '{{ element.name }}', operator: 'Equals', value: 'zzz' }] },
          deny: {},
        }],
      },
    });
    expect(statusOf(p, twoContainers)).toBe('skip');
  });
  test('an empty or missing list skips the rule', () => {
    const p = policyWith({ validate: { message: 'm', foreach: [{ list: 'request.object.spec.initContainers', pattern: { image: 'x' } }] } });
    expect(statusOf(p, pod())).toBe('skip');
  });
  test('nested foreach sees the inner element', () => {
    const p = policyWith({
      validate: {
        message: 'no port 22',
        foreach: [{
          list: 'request.object.spec.containers',
          foreach: [{ list: 'element.ports', deny: { conditions: { any: [{ key: '{{ element.containerPort }}', operator: 'Equals', value: 22 }] } } }],
        }],
      },
    });
    expect(statusOf(p, pod({ containers: [{ name: 'a', image: 'i', ports: [{ containerPort: 80 }, { containerPort: 22 }] }] }))).toBe('fail');
    expect(statusOf(p, pod({ containers: [{ name: 'a', image: 'i', ports: [{ containerPort: 80 }] }] }))).toBe('pass');
  });
  test('context variables inside foreach', () => {
    const p = policyWith({
      validate: {
        message: 'm',
        foreach: [{
          list: 'request.object.spec.containers',
          context: [{ name: 'tag', variable: { jmesPath: "split(element.image, ':')[1]", default: '' } }],
          deny: { conditions: { any: [{ key: '{{ tag }}', operator: 'Equals', value: 'latest' }] } },
        }],
      },
    });
    expect(statusOf(p, twoContainers)).toBe('fail');
  });
});

describe('context and values (external-data-sources/, kyverno-cli test Values)', () => {
  test('a variable context entry with value, jmesPath and default', () => {
    const p = policyWith({
      context: [
        { name: 'limit', variable: { value: 2 } },
        { name: 'count', variable: { jmesPath: 'length(request.object.spec.containers)' } },
        { name: 'team', variable: { jmesPath: 'request.object.metadata.labels.team', default: 'none' } },
      ],
      validate: { message: 'too many containers for {{ team }}', deny: { conditions: { any: [{ key: '{{ count }}', operator: 'GreaterThanOrEquals', value: '{{ limit }}' }] } } },
    });
    const r = PolicyEngine.evaluate(p, twoContainers);
    expect(r[0].status).toBe(RuleStatus.FAIL);
    expect(r[0].message).toBe('too many containers for none');
  });
  test('a configMap or apiCall context entry without a supplied value is UNSUPPORTED, never passed', () => {
    const p = policyWith({
      context: [{ name: 'registries', configMap: { name: 'allowed', namespace: 'default' } }],
      validate: { message: 'm', deny: { conditions: { any: [{ key: '{{ registries.data.list }}', operator: 'Equals', value: 'x' }] } } },
    });
    const r = PolicyEngine.evaluate(p, pod());
    expect(r[0].status).toBe(RuleStatus.UNSUPPORTED);
    expect(r[0].message).toMatch(/context entry "registries" \(configMap\) needs a live cluster/);
  });
  test('values supplied by a test replace the live lookup', () => {
    const p = policyWith({
      context: [{ name: 'registries', apiCall: { urlPath: '/api/v1/x' } }],
      validate: { message: 'm', deny: { conditions: { any: [{ key: '{{ registries.data.list }}', operator: 'Equals', value: 'x' }] } } },
    });
    expect(statusOf(p, pod(), { ruleValues: { r: { 'registries.data.list': 'x' } } })).toBe('fail');
    expect(statusOf(p, pod(), { values: { 'registries.data.list': 'y' } })).toBe('pass');
  });
  test('request.operation and request.namespace can be supplied as values', () => {
    const p = policyWith({ validate: { message: 'm', deny: { conditions: { all: [{ key: '{{ request.namespace }}', operator: 'Equals', value: 'prod' }] } } } });
    expect(statusOf(p, pod())).toBe('pass');
    expect(statusOf(p, pod(), { values: { 'request.namespace': 'prod' } })).toBe('fail');
  });
  test('the images variable splits container images', () => {
    const p = policyWith({
      validate: { message: 'm', deny: { conditions: { any: [{ key: '{{ images.containers.*.registry }}', operator: 'AnyNotIn', value: ['ghcr.io'] }] } } },
    });
    expect(statusOf(p, pod({ containers: [{ name: 'c', image: 'ghcr.io/a/b:1' }] }))).toBe('pass');
    expect(statusOf(p, pod({ containers: [{ name: 'c', image: 'nginx:1' }] }))).toBe('fail');
  });
});

describe('rules the engine does not evaluate', () => {
  test.each([
    ['verifyImages', { verifyImages: [{ imageReferences: ['*'] }] }],
  ])('%s rules are UNSUPPORTED with a reason', (kind, body) => {
    const r = PolicyEngine.evaluate(policyWith(body), pod());
    expect(r[0].status).toBe(RuleStatus.UNSUPPORTED);
    expect(r[0].message).toContain(kind);
  });
});

describe('variable context entries that resolve to nothing (external-data-sources/#variables)', () => {
  const withVar = (variable: any) => policyWith({
    context: [{ name: 'v', variable }],
    validate: { message: 'm', deny: { conditions: { any: [{ key: '{{ v }}', operator: 'Equals', value: 'x' }] } } },
  });
  test('a jmesPath that finds nothing is an error without a default, the default otherwise', () => {
    expect(statusOf(withVar({ jmesPath: 'request.object.metadata.labels.team' }), pod())).toBe('error');
    expect(statusOf(withVar({ jmesPath: 'request.object.metadata.labels.team', default: 'x' }), pod())).toBe('fail');
    expect(statusOf(withVar({ jmesPath: 'request.object.metadata.labels.team', default: 'y' }), pod())).toBe('pass');
  });
  test('a jmesPath applied to a value', () => {
    expect(statusOf(withVar({ value: { a: 'x' }, jmesPath: 'a' }), pod())).toBe('fail');
  });
});

test('spec.applyRules One stops after the first rule that applies (policy/#apply-rules)', () => {
  const rule = (name: string) => ({ name, match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', deny: {} } });
  const policy = { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'p' }, spec: { applyRules: 'One', rules: [rule('a'), rule('b')] } };
  expect(PolicyEngine.evaluate(policy, pod()).map((r) => r.rule)).toEqual(['a']);
  expect(PolicyEngine.evaluate({ ...policy, spec: { ...policy.spec, applyRules: 'All' } }, pod()).map((r) => r.rule)).toEqual(['a', 'b']);
});

test('foreach elementScope: false validates the resource instead of the element (validate/#foreach)', () => {
  const p = (elementScope?: boolean) => policyWith({
    validate: { message: 'm', foreach: [{ list: 'request.object.spec.containers', ...(elementScope === undefined ? {} : { elementScope }), pattern: { spec: { hostNetwork: false } } }] },
  });
  expect(statusOf(p(false), pod({ hostNetwork: false }))).toBe('pass');
  expect(statusOf(p(false), pod({ hostNetwork: true }))).toBe('fail');
  expect(statusOf(p(), pod({ hostNetwork: false }))).toBe('fail');
});

test('a policy annotated policies.kyverno.io/scored: "false" reports failures as warn (policy-reports/#report-result)', () => {
  const p = policyWith({ validate: { message: 'm', deny: {} } }, ['Pod'], { metadata: { annotations: { 'policies.kyverno.io/scored': 'false' } } });
  expect(statusOf(p, pod())).toBe('warn');
  expect(statusOf(policyWith({ validate: { message: 'm', deny: {} } }), pod())).toBe('fail');
});

describe('request values as kyverno test applies them (kyverno-cli/usage/test/)', () => {
  test('an UPDATE without an old object compares the resource with itself', () => {
    const p = policyWith({ validate: { message: 'm', deny: { conditions: { any: [{ key: '{{ request.oldObject.metadata.name }}', operator: 'Equals', value: 'p' }] } } } });
    expect(statusOf(p, pod(), { operation: 'UPDATE' })).toBe('fail');
  });
  test('values injected into request.object are what the rule validates, without touching the caller\'s object', () => {
    const p = policyWith({ validate: { message: 'm', pattern: { metadata: { labels: { team: '?*' } } } } });
    const resource = pod();
    expect(statusOf(p, resource, { values: { 'request.object.metadata.labels.team': 'a' } })).toBe('pass');
    expect(resource.metadata.labels).toBeUndefined();
    expect(statusOf(p, resource)).toBe('fail');
  });
});
