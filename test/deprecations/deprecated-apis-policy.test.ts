import { App, Chart } from 'cdk8s';
import { TreeValidationError, validateTree } from '../../src/core/validate-tree';
import { DeprecatedApisPolicy, DeprecationScanner } from '../../src/deprecations';
import { evaluatePolicy } from '../../src/engine/evaluate';
import { RuleStatus } from '../../src/engine/result';
import { FailureAction, KyvernoVersion } from '../../src/kyverno';
import { crdErrors } from '../support/crd-validator';
import { describeWithShared } from '../support/shared';

function policy(props: ConstructorParameters<typeof DeprecatedApisPolicy>[2]): DeprecatedApisPolicy {
  return new DeprecatedApisPolicy(new Chart(new App(), 'platform'), 'deprecated-apis', props);
}

const ruleNames = (p: DeprecatedApisPolicy) => p.toJson().spec.rules.map((r: any) => r.name);
const kindsOf = (p: DeprecatedApisPolicy, rule: string) =>
  p.toJson().spec.rules.find((r: any) => r.name === rule).match.any[0].resources.kinds;

describe('DeprecatedApisPolicy', () => {
  test('one rule per removal release up to the target, plus APIs deprecated at it', () => {
    const p = policy({ kubernetesVersion: 'v1.25' });
    expect(ruleNames(p)).toEqual([
      'validate-v1-16-removals', 'validate-v1-17-removals', 'validate-v1-22-removals', 'validate-v1-25-removals',
      // deprecated at v1.25, removed later
      'validate-v1-26-removals', 'validate-v1-27-removals',
    ]);
    expect(kindsOf(p, 'validate-v1-25-removals')).toEqual([
      'autoscaling/v2beta1/HorizontalPodAutoscaler', 'batch/v1beta1/CronJob', 'discovery.k8s.io/v1beta1/EndpointSlice',
      'events.k8s.io/v1beta1/Event', 'node.k8s.io/v1beta1/RuntimeClass', 'policy/v1beta1/PodDisruptionBudget', 'policy/v1beta1/PodSecurityPolicy',
    ]);
    expect(kindsOf(p, 'validate-v1-27-removals')).toEqual(['storage.k8s.io/v1beta1/CSIStorageCapacity']);
    const rule = p.toJson().spec.rules.find((r: any) => r.name === 'validate-v1-26-removals');
    expect(rule.validate.message).toBe(
      '{{ request.object.apiVersion }}/{{ request.object.kind }} is deprecated and will be removed in v1.26. ' +
      'Migrate HorizontalPodAutoscaler to autoscaling/v2; FlowSchema, PriorityLevelConfiguration to flowcontrol.apiserver.k8s.io/v1beta3. ' +
      'See: https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
    );
    expect(rule.preconditions).toEqual({ all: [{ key: "{{ request.operation || 'BACKGROUND' }}", operator: 'NotEquals', value: 'DELETE' }] });
    expect(p.toJson().spec.background).toBe(false);
  });

  test('List kinds, review requests and audit configuration kinds are not matched (never admitted as objects)', () => {
    const kinds: string[] = policy({ kubernetesVersion: 'v1.30' }).toJson().spec.rules.flatMap((r: any) => r.match.any[0].resources.kinds);
    expect(kinds.filter((k) => k.endsWith('List') || /^(audit|authentication|authorization)\.k8s\.io\//.test(k))).toEqual([]);
    expect(kinds).toContain('rbac.authorization.k8s.io/v1beta1/ClusterRole');
  });

  test('removed only, enforced, for an older Kyverno', () => {
    const p = policy({ kubernetesVersion: '1.26.3', includeDeprecated: false, failureAction: FailureAction.ENFORCE, kyvernoVersion: KyvernoVersion.V1_12, name: 'block-removed-apis' });
    const json = p.toJson();
    expect(json.metadata.name).toBe('block-removed-apis');
    expect(ruleNames(p)).toEqual(['validate-v1-16-removals', 'validate-v1-17-removals', 'validate-v1-22-removals', 'validate-v1-25-removals', 'validate-v1-26-removals']);
    expect(json.spec.validationFailureAction).toBe('Enforce');
    expect(json.spec.rules.find((r: any) => r.name === 'validate-v1-26-removals').validate.message).toMatch(/ was removed in v1\.26\. /);
    expect(p.targetVersion).toBe('v1.26');
  });

  test('an API deprecated without a removal release gets its own rule', () => {
    const p = policy({ kubernetesVersion: 'v1.34' });
    expect(ruleNames(p)[ruleNames(p).length - 1]).toBe('validate-unscheduled-removals');
    expect(kindsOf(p, 'validate-unscheduled-removals')).toEqual(['storage.k8s.io/v1beta1/VolumeAttributesClass']);
  });

  test('a bad version and a version with nothing to check are validation errors', () => {
    const app = new App();
    const chart = new Chart(app, 'platform');
    new DeprecatedApisPolicy(chart, 'bad', { kubernetesVersion: 'latest' });
    new DeprecatedApisPolicy(chart, 'early', { kubernetesVersion: 'v1.5', name: 'early' });
    let problems: string[] = [];
    try {
      validateTree(chart);
    } catch (e) {
      problems = (e as TreeValidationError).problems;
    }
    expect(problems).toContain('platform/bad: kubernetesVersion: "latest" is not a Kubernetes version (expected v<major>.<minor>[.<patch>], e.g. v1.29)');
    expect(problems).toContain('platform/early: kubernetesVersion: no API is deprecated or removed at v1.5: the policy would have no rule');
  });

  test('the engine flags what the scanner reports, and lets the replacement through', () => {
    const p = policy({ kubernetesVersion: 'v1.29', failureAction: FailureAction.ENFORCE }).toJson();
    const old = { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'jobs' }, spec: {} };
    const current = { ...old, apiVersion: 'batch/v1' };
    const scan = DeprecationScanner.scanText('apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\n', 'x.yaml', 'v1.29');
    expect(scan.removedCount).toBe(1);
    const failed = evaluatePolicy(p, old).filter((r) => r.status === RuleStatus.FAIL);
    expect(failed.map((r) => r.rule)).toEqual(['validate-v1-25-removals']);
    expect(failed[0].message).toMatch(/^batch\/v1beta1\/CronJob was removed in v1\.25\. Migrate .*CronJob.* to batch\/v1/);
    expect(evaluatePolicy(p, current).filter((r) => r.status === RuleStatus.FAIL)).toEqual([]);
    expect(evaluatePolicy(p, old, { operation: 'DELETE' }).filter((r) => r.status === RuleStatus.FAIL)).toEqual([]);
  });
});

describeWithShared('DeprecatedApisPolicy against Kyverno\'s CRD', () => {
  test.each(['v1.16', 'v1.22', 'v1.25', 'v1.29', 'v1.32', 'v1.36'])('at %s the manifest is a valid ClusterPolicy', (v) => {
    expect(crdErrors(policy({ kubernetesVersion: v, failureAction: FailureAction.ENFORCE }).toJson(), 'v1.13.2')).toEqual([]);
  });
});
