import { EvaluationOptions, PolicyEngine, RuleResult } from '../../src/engine';

/** A ClusterPolicy with one rule matching `kinds`. */
export function policyWith(rule: any, kinds: string[] = ['Pod'], extra: any = {}): any {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'test-policy', ...(extra.metadata ?? {}) },
    spec: { rules: [{ name: 'r', match: { any: [{ resources: { kinds } }] }, ...rule }] },
  };
}

export function pod(spec: any = {}, metadata: any = {}): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', ...metadata }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }], ...spec } };
}

/** Status of the (single) rule `r`, or 'excluded' when it does not match. */
export function statusOf(policy: any, resource: any, options?: EvaluationOptions, rule = 'r'): string {
  const results: RuleResult[] = PolicyEngine.evaluate(policy, resource, options);
  const hit = results.find((x) => x.rule === rule);
  return hit ? hit.status : 'excluded';
}

/** Status of a validate.pattern rule on a resource. */
export function patternStatus(pattern: any, resource: any): string {
  return statusOf(policyWith({ validate: { message: 'm', pattern } }, [resource.kind]), resource);
}
