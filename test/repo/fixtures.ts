/**
 * Repositories used by the repo and helm tests: policies whose messages, patterns and deny
 * conditions carry Kyverno `{{ }}` variables (some with JMESPath backtick literals) and strings
 * with quotes, `#`, `: `, newlines and non-ASCII text, with per-environment settings at every level.
 */
import { Construct } from 'constructs';
import { ClusterPolicy, ConditionOperator, FailureAction, KyvernoVersion, Operation, Policy, PolicyException, Severity } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';

export const TRICKY_MESSAGE = 'Image "{{ request.object.spec.containers[0].image }}" in {{request.namespace}}: use a pinned tag # see docs: https://x.example/a?b=c\nÜbergröße 日本語 — it\'s {{ to_string(`{"a": 1}`) }} and {{ request.object.metadata.labels."app.kubernetes.io/name" || \'none\' }}';

/** The security repository of the seed, with tricky content and settings at every level. */
export function securityRepo(scope: Construct, id = 'security-policy'): PolicyRepo {
  const repo = new PolicyRepo(scope, id, {
    environments: ['dev', 'qac', 'stg', 'prd'],
    image: { registry: 'europe-west6-docker.pkg.dev/ops/charts', repository: 'security-policy-repo', tag: 'main' },
  });
  const set = new PolicySet(repo, 'security-policy', {
    version: '1.4.0',
    defaults: {
      excludedNamespaces: ['kube-system'],
      environments: { dev: { failureAction: FailureAction.AUDIT }, qac: { failureAction: FailureAction.AUDIT } },
    },
  });
  const limits = new ClusterPolicy(set, 'require-resource-limits', {
    title: 'Require Resource Limits',
    category: 'Best Practices',
    severity: Severity.MEDIUM,
    failureAction: FailureAction.ENFORCE,
    rules: [{
      name: 'check-cpu-memory',
      match: { any: [{ resources: { kinds: ['Deployment', 'StatefulSet', 'DaemonSet'] } }] },
      validate: {
        message: 'CPU and memory limits required for {{ request.object.metadata.name }}',
        pattern: { spec: { template: { spec: { containers: [{ resources: { limits: { memory: '?*', cpu: '?*' } } }] } } } },
      },
    }],
  });
  set.configure(limits, { environments: { prd: { excludedNamespaces: ['legacy-batch'] } } });
  // not a policy: a static template, the same in every environment
  new PolicyException(set, 'allow-batch-runner', {
    namespace: 'kyverno',
    reason: 'Approved by the security team (ticket SEC-42): the {{ batch }} runner sets limits at runtime.',
    exceptions: [{ policyName: 'require-resource-limits', ruleNames: ['check-cpu-memory'] }],
    match: { any: [{ resources: { kinds: ['Deployment'], namespaces: ['batch'] } }] },
    conditions: { all: [{ key: '{{ request.object.metadata.labels.runner || \'\' }}', operator: ConditionOperator.EQUALS, value: 'batch' }] },
  });
  new ClusterPolicy(set, 'disallow-latest-tag', {
    title: 'Disallow "latest" | mutable tags',
    category: 'Supply chain: images # pinning',
    severity: Severity.HIGH,
    failureAction: FailureAction.ENFORCE,
    rules: [{
      name: 'no-latest',
      match: { any: [{ resources: { kinds: ['Pod'], operations: [Operation.CREATE, Operation.UPDATE] } }] },
      exclude: { any: [{ resources: { namespaces: ['ci-*'] } }] },
      validate: {
        message: TRICKY_MESSAGE,
        deny: {
          conditions: {
            any: [{
              key: '{{ request.object.spec.containers[].image | [?ends_with(@, \':latest\')] | length(@) }}',
              operator: ConditionOperator.GREATER_THAN,
              value: 0,
              message: 'found {{ request.object.spec.containers[?image==`nginx:latest`].name }}',
            }],
          },
        },
      },
    }],
  });
  const old = new ClusterPolicy(set, 'legacy-probes', {
    kyvernoVersion: KyvernoVersion.V1_12,
    severity: Severity.LOW,
    background: false,
    rules: [{
      name: 'probes',
      match: { any: [{ resources: { kinds: ['Deployment'] } }] },
      validate: { message: 'yes: probes\n\n', pattern: { spec: { template: { spec: { containers: [{ livenessProbe: { periodSeconds: '>0' } }] } } } } },
    }],
  });
  set.configure(old, { enabled: false, environments: { prd: { enabled: true, background: true } } });
  new Policy(set, 'team-quota', {
    namespace: 'team-a',
    rules: [{
      name: 'require-owner',
      match: { any: [{ resources: { kinds: ['ConfigMap'] } }] },
      validate: { message: 'on', pattern: { metadata: { labels: { 'owner': '?*', 'null': 'yes', '0x1f': '~' } } } },
    }],
  });
  return repo;
}

/** A second repository with two sets and a values-only chart. */
export function devopsRepo(scope: Construct, id = 'devops-policy'): PolicyRepo {
  const repo = new PolicyRepo(scope, id, {
    environments: ['dev', 'prd'],
    values: { team: 'devops' },
    environmentValues: { prd: { replicas: 3 } },
  });
  const labels = new PolicySet(repo, 'devops-policy', { version: '0.2.0-rc.1', defaults: { environments: { dev: { failureAction: FailureAction.AUDIT } } } });
  new ClusterPolicy(labels, 'require-standard-labels', {
    failureAction: FailureAction.ENFORCE,
    rules: [{
      name: 'check-labels',
      match: { any: [{ resources: { kinds: ['Deployment', 'StatefulSet'] } }] },
      validate: { message: 'Standard labels required: app, environment, team', pattern: { metadata: { labels: { app: '?*', environment: '?*', team: '?*' } } } },
    }],
  });
  const values = new PolicySet(repo, 'backend-values', { version: '1.0.0', values: { name: 'backend', namespace: 'backend', replicas: 2 } });
  new ClusterPolicy(values, 'naming-conventions', {
    rules: [{
      name: 'names',
      match: { any: [{ resources: { kinds: ['Service'] } }] },
      exclude: { all: [{ resources: { namespaces: ['kube-system'] } }] },
      validate: { message: 'name must be lowercase', pattern: { metadata: { name: '[a-z]*' } } },
    }],
  });
  // verifyImages rules take the failure action per image verification (Kyverno 1.13)
  const signed = new ClusterPolicy(labels, 'verify-signatures', {
    failureAction: FailureAction.ENFORCE,
    rules: [{
      name: 'cosign',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      verifyImages: [{
        imageReferences: ['registry.example.com/*'],
        attestors: [{ entries: [{ keys: { publicKeys: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n' } }] }],
      }],
    }],
  });
  labels.configure(signed, { environments: { dev: { excludedNamespaces: ['sandbox'] } } });
  // the document's last scalar keeps trailing blank lines (a `|+` block at the very end)
  new ClusterPolicy(values, 'trailing-newlines', {
    rules: [{
      name: 'deny-default',
      match: { any: [{ resources: { kinds: ['ConfigMap'] } }] },
      validate: {
        message: 'ConfigMaps do not go to default',
        deny: { conditions: { all: [{ key: '{{ request.object.metadata.namespace }}', operator: ConditionOperator.EQUALS, value: 'default', message: 'not in default:\n\n' }] } },
      },
    }],
  });
  return repo;
}
