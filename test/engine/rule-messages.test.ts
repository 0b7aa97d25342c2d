/**
 * What evaluatePolicy passes to the CEL and podSecurity evaluators: the rule name for Kyverno's
 * message prefix, and pod-controller autogen of celPreconditions (object.spec and object.metadata
 * read from the pod template, as Kyverno rewrites CEL rules).
 * @see https://kyverno.io/docs/writing-policies/pod-security/
 * @see https://kyverno.io/docs/writing-policies/autogen/
 */
import { pod, policyWith } from './helpers';
import { PolicyEngine } from '../../src/engine';

function deployment(podLabels: any, labels: any = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: 'default', labels },
    spec: {
      selector: { matchLabels: { app: 'd' } },
      template: { metadata: { labels: { app: 'd', ...podLabels } }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'nginx:1.25' }] } },
    },
  };
}

describe('podSecurity messages name the rule', () => {
  const policy = policyWith({ name: 'baseline', validate: { podSecurity: { level: 'baseline', version: 'latest' } } });

  test('a Pod rule: "Validation rule \'baseline\' failed." then the PodSecurity checks', () => {
    const [r] = PolicyEngine.evaluate(policy, pod({ hostNetwork: true }));
    expect(r.rule).toBe('baseline');
    expect(r.status).toBe('fail');
    expect(r.message).toBe("Validation rule 'baseline' failed. It violates PodSecurity \"baseline:latest\": "
      + '(Forbidden reason: host namespaces, field error list: [spec.hostNetwork is forbidden, forbidden values found: true])');
  });

  test('an autogen rule carries its own name (autogen-baseline)', () => {
    const [r] = PolicyEngine.evaluate(policy, deployment({}));
    expect(r.rule).toBe('autogen-baseline');
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/^Validation rule 'autogen-baseline' failed\. It violates PodSecurity "baseline:latest"/);
  });
});

describe('celPreconditions under autogen read the pod template, metadata included', () => {
  const policy = policyWith({
    name: 'no-host-network',
    celPreconditions: [{ name: 'team-a', expression: "has(object.metadata.labels) && 'team' in object.metadata.labels && object.metadata.labels['team'] == 'a'" }],
    validate: { cel: { expressions: [{ expression: 'object.spec.?hostNetwork.orValue(false) == false', message: 'no hostNetwork' }] } },
  });

  test('the Pod rule reads the Pod\'s labels', () => {
    expect(PolicyEngine.evaluate(policy, pod({ hostNetwork: true }, { labels: { team: 'a' } }))[0].status).toBe('fail');
    expect(PolicyEngine.evaluate(policy, pod({ hostNetwork: true }, { labels: { team: 'b' } }))[0].status).toBe('skip');
  });

  test('a Deployment is judged by its template\'s labels, not its own', () => {
    const applies = PolicyEngine.evaluate(policy, deployment({ team: 'a' }, { team: 'b' }));
    expect(applies.map((r) => [r.rule, r.status])).toEqual([['autogen-no-host-network', 'fail']]);
    const skipped = PolicyEngine.evaluate(policy, deployment({ team: 'b' }, { team: 'a' }));
    expect(skipped.map((r) => [r.rule, r.status])).toEqual([['autogen-no-host-network', 'skip']]);
  });
});
