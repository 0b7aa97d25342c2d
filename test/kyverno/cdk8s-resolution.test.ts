import { App, Chart, JsonPatch, Lazy } from 'cdk8s';
import { ClusterPolicy, FailureAction, PolicyException, ValidatingPolicy } from '../../src';

function chart(): Chart {
  return new Chart(new App(), 'chart');
}

describe('policies resolve like every cdk8s ApiObject', () => {
  test('Lazy values inside a pattern, a message and a match are produced at toJson()', () => {
    const c = chart();
    let registry = 'registry.example.com';
    const policy = new ClusterPolicy(c, 'restrict', {
      rules: [{
        name: 'registry',
        match: { any: [{ resources: { kinds: Lazy.any({ produce: () => ['Pod'] }) as any } }] },
        validate: {
          message: Lazy.any({ produce: () => `images must come from ${registry}` }) as any,
          pattern: { spec: { containers: [{ image: Lazy.any({ produce: () => `${registry}/*` }) }] } },
        },
      }],
    });
    registry = 'mirror.example.com'; // produced at toJson(), not at construction
    const rule = policy.toJson().spec.rules[0];
    expect(rule.match).toEqual({ any: [{ resources: { kinds: ['Pod'] } }] });
    expect(rule.validate.message).toBe('images must come from mirror.example.com');
    expect(rule.validate.pattern).toEqual({ spec: { containers: [{ image: 'mirror.example.com/*' }] } });
    expect(JSON.stringify(policy.toJson())).not.toContain('producer');
  });

  test('addJsonPatch applies after rendering, on every policy kind', () => {
    const c = chart();
    const cp = new ClusterPolicy(c, 'cp', { failureAction: FailureAction.AUDIT, rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { name: '?*' } } } }] });
    cp.addJsonPatch(JsonPatch.add('/spec/webhookTimeoutSeconds', 15), JsonPatch.replace('/spec/rules/0/validate/message', 'patched'));
    expect(cp.toJson().spec.webhookTimeoutSeconds).toBe(15);
    expect(cp.toJson().spec.rules[0].validate.message).toBe('patched');

    const vpol = new ValidatingPolicy(c, 'vpol', { validations: [{ expression: 'true' }] } as any);
    vpol.addJsonPatch(JsonPatch.add('/metadata/labels', { team: 'a' }));
    expect(vpol.toJson().metadata.labels).toEqual({ team: 'a' });

    const exception = new PolicyException(c, 'ex', {
      namespace: 'default',
      reason: 'legacy workload',
      exceptions: [{ policyName: 'cp', ruleNames: ['r'] }],
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
    } as any);
    exception.addJsonPatch(JsonPatch.add('/spec/background', false));
    expect(exception.toJson().spec.background).toBe(false);
  });

  test("the app's resolvers see every value with its manifest path", () => {
    const seen: string[] = [];
    const app = new App({
      resolvers: [{
        resolve: (ctx) => {
          if (typeof ctx.value === 'string' && ctx.value === 'PLACEHOLDER') {
            seen.push(ctx.key.join('.'));
            ctx.replaceValue('resolved');
          }
        },
      }],
    });
    const policy = new ClusterPolicy(new Chart(app, 'c'), 'p', {
      rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'PLACEHOLDER', pattern: { metadata: { name: '?*' } } } }],
    });
    expect(policy.toJson().spec.rules[0].validate.message).toBe('resolved');
    expect(seen).toEqual(['spec.rules.0.validate.message']);
  });

  test('key order is Kyverno\'s, not alphabetical, and nulls are kept', () => {
    const policy = new ClusterPolicy(chart(), 'p', {
      rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { labels: { gone: null as any } } } } }],
    });
    const json = policy.toJson();
    expect(Object.keys(json)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(json.spec.rules[0])).toEqual(['name', 'match', 'validate']);
    expect(json.spec.rules[0].validate.pattern.metadata.labels).toEqual({ gone: null });
  });
});
