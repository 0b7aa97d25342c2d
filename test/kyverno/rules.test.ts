import { PODS, synthRule } from './helpers';
import {
  Anchor, ConditionOperator, ImageVerificationType, Jmes, Operation, PatternValue, PodSecurityLevel,
} from '../../src/kyverno';

/** Equal values with keys in the same order (toStrictEqual ignores key order). */
function expectInOrder(actual: any, expected: any): void {
  expect(JSON.stringify(actual, null, 1)).toBe(JSON.stringify(expected, null, 1));
}

describe('match and exclude', () => {
  test('an any filter with every resource field; exclude with user info; rule keys in Kyverno\'s order', () => {
    // written in another order than Kyverno's: the manifest must come out as name, match, exclude, validate
    const rule = synthRule({
      validate: { pattern: { metadata: { name: '?*' } }, message: 'm' },
      exclude: { any: [{ resources: { namespaces: ['kube-system'] } }, { clusterRoles: ['system:nodes'] }] },
      match: {
        any: [{
          resources: {
            kinds: ['Pod', 'apps/v1/Deployment'],
            names: ['web-*'],
            namespaces: ['prod', 'staging'],
            operations: [Operation.CREATE, Operation.UPDATE],
            selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] },
            namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] },
            annotations: { 'example.com/managed': 'true' },
          },
        }],
      },
      name: 'r',
    });
    expectInOrder(rule, {
      name: 'r',
      match: {
        any: [{
          resources: {
            kinds: ['Pod', 'apps/v1/Deployment'],
            names: ['web-*'],
            namespaces: ['prod', 'staging'],
            operations: ['CREATE', 'UPDATE'],
            selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] },
            namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] },
            annotations: { 'example.com/managed': 'true' },
          },
        }],
      },
      exclude: { any: [{ resources: { namespaces: ['kube-system'] } }, { clusterRoles: ['system:nodes'] }] },
      validate: { message: 'm', pattern: { metadata: { name: '?*' } } },
    });
  });

  test('all filters: resources and subjects/roles/clusterRoles must all match; keys in Kyverno\'s order', () => {
    const match = {
      all: [
        { resources: { kinds: ['Deployment'], namespaces: ['prod'] } },
        { subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }], roles: ['ci:deployer'], clusterRoles: ['cluster-admin'] },
      ],
    };
    const exclude = { all: [{ subjects: [{ kind: 'User', name: 'admin', apiGroup: 'rbac.authorization.k8s.io' }] }] };
    const rule = synthRule({ exclude, validate: { pattern: { spec: {} }, message: 'm' }, name: 'r', match });
    expectInOrder(rule, { name: 'r', match, exclude, validate: { message: 'm', pattern: { spec: {} } } });
  });

  test('undefined optional fields are omitted, not written as null', () => {
    const rule = synthRule({
      name: 'r',
      match: { any: [{ resources: { kinds: ['Pod'], names: undefined, selector: undefined } }] },
      exclude: undefined,
      validate: { message: 'm', pattern: { spec: {} }, deny: undefined },
    });
    expect(rule).toStrictEqual({ name: 'r', match: PODS, validate: { message: 'm', pattern: { spec: {} } } });
  });
});

describe('preconditions', () => {
  test.each(Object.values(ConditionOperator))('operator %s is written as Kyverno spells it', (op) => {
    const rule = synthRule({
      name: 'r',
      match: PODS,
      preconditions: { any: [{ key: Jmes.request('operation'), operator: op, value: 'CREATE', message: 'why' }] },
      validate: { message: 'm', pattern: { spec: {} } },
    });
    expect(rule.preconditions).toStrictEqual({ any: [{ key: '{{ request.operation }}', operator: op, value: 'CREATE', message: 'why' }] });
  });

  test('any and all together, values of any JSON type', () => {
    const rule = synthRule({
      name: 'r',
      match: PODS,
      preconditions: {
        all: [{ key: '{{ request.object.spec.replicas }}', operator: ConditionOperator.GREATER_THAN, value: 3 }],
        any: [{ key: '{{ request.object.metadata.labels.env }}', operator: ConditionOperator.ANY_IN, value: ['prod', 'staging'] }],
      },
      validate: { message: 'm', pattern: { spec: {} } },
    });
    expect(rule.preconditions).toStrictEqual({
      all: [{ key: '{{ request.object.spec.replicas }}', operator: 'GreaterThan', value: 3 }],
      any: [{ key: '{{ request.object.metadata.labels.env }}', operator: 'AnyIn', value: ['prod', 'staging'] }],
    });
  });

  test('Kyverno operators are all in the enum', () => {
    expect(Object.values(ConditionOperator).sort()).toEqual([
      'AllIn', 'AllNotIn', 'AnyIn', 'AnyNotIn', 'DurationGreaterThan', 'DurationGreaterThanOrEquals', 'DurationLessThan',
      'DurationLessThanOrEquals', 'Equal', 'Equals', 'GreaterThan', 'GreaterThanOrEquals', 'In', 'LessThan',
      'LessThanOrEquals', 'NotEqual', 'NotEquals', 'NotIn',
    ]);
  });
});

describe('context entries', () => {
  test('variable, configMap, apiCall (API and service), imageRegistry', () => {
    const context = [
      { name: 'owner', variable: { value: { a: 1 }, jmesPath: 'a', default: 0 } },
      { name: 'settings', configMap: { name: 'policy-settings', namespace: 'kyverno' } },
      { name: 'pods', apiCall: { urlPath: '/api/v1/namespaces/{{ request.namespace }}/pods', method: 'GET', jmesPath: 'items | length(@)' } },
      {
        name: 'verdict',
        apiCall: {
          method: 'POST',
          data: [{ key: 'image', value: '{{ request.object.spec.containers[0].image }}' }],
          service: { url: 'https://scanner.security.svc/check', caBundle: 'PEM', headers: [{ key: 'X-Team', value: 'sec' }] },
          jmesPath: 'allowed',
        },
      },
      { name: 'imageData', imageRegistry: { reference: '{{ element.image }}', jmesPath: 'configData.config.User' } },
    ];
    const rule = synthRule({ name: 'r', match: PODS, context, validate: { message: 'm', deny: {} } });
    expect(rule.context).toStrictEqual(context);
    expect(Object.keys(rule)).toEqual(['name', 'match', 'context', 'validate']);
  });
});

describe('validate', () => {
  test('pattern built with anchors, operators and variables', () => {
    const rule = synthRule({
      name: 'limits',
      match: PODS,
      validate: {
        message: 'CPU and memory limits are required.',
        pattern: {
          spec: {
            [Anchor.negation('hostNetwork')]: 'null',
            containers: [{
              [Anchor.conditional('image')]: PatternValue.notEquals('*:latest'),
              [Anchor.equality('imagePullPolicy')]: PatternValue.anyOf('Always', 'IfNotPresent'),
              resources: { limits: { memory: PatternValue.nonEmpty(), cpu: PatternValue.lessThanOrEquals('2') } },
              name: Jmes.requestObject('metadata.name'),
            }],
          },
        },
        allowExistingViolations: false,
      },
    });
    expect(rule.validate).toStrictEqual({
      message: 'CPU and memory limits are required.',
      allowExistingViolations: false,
      pattern: {
        spec: {
          'X(hostNetwork)': 'null',
          'containers': [{
            '(image)': '!*:latest',
            '=(imagePullPolicy)': 'Always | IfNotPresent',
            'resources': { limits: { memory: '?*', cpu: '<=2' } },
            'name': '{{ request.object.metadata.name }}',
          }],
        },
      },
    });
  });

  test('anyPattern', () => {
    const rule = synthRule({ name: 'r', match: PODS, validate: { message: 'm', anyPattern: [{ spec: { a: '1' } }, { spec: { b: '2' } }] } });
    expect(rule.validate).toStrictEqual({ message: 'm', anyPattern: [{ spec: { a: '1' } }, { spec: { b: '2' } }] });
  });

  test('deny with conditions', () => {
    const rule = synthRule({
      name: 'r',
      match: PODS,
      validate: {
        message: 'Deleting pods is not allowed.',
        deny: { conditions: { any: [{ key: '{{ request.operation }}', operator: ConditionOperator.EQUALS, value: 'DELETE' }] } },
      },
    });
    expect(rule.validate).toStrictEqual({
      message: 'Deleting pods is not allowed.',
      deny: { conditions: { any: [{ key: '{{ request.operation }}', operator: 'Equals', value: 'DELETE' }] } },
    });
  });

  test('foreach with context, preconditions, elementScope, deny, anyPattern and nested foreach', () => {
    const foreach = [
      {
        list: 'request.object.spec.containers',
        elementScope: true,
        context: [{ name: 'img', variable: { jmesPath: 'element.image' } }],
        preconditions: { all: [{ key: '{{ element.name }}', operator: ConditionOperator.NOT_EQUALS, value: 'istio-proxy' }] },
        deny: { conditions: { any: [{ key: '{{ img }}', operator: ConditionOperator.EQUALS, value: '*:latest' }] } },
      },
      { list: 'request.object.spec.initContainers', anyPattern: [{ image: 'ghcr.io/*' }, { image: 'quay.io/*' }] },
      { list: 'request.object.spec.volumes', foreach: [{ list: 'element.projected.sources', pattern: { '=(secret)': { name: '!admin' } } }] },
    ];
    const rule = synthRule({ name: 'r', match: PODS, validate: { message: 'm', foreach } });
    expect(rule.validate).toStrictEqual({ message: 'm', foreach });
  });

  test('cel with expressions, params, variables and audit annotations', () => {
    const cel = {
      expressions: [{ expression: 'object.spec.replicas <= params.maxReplicas', message: 'too many', messageExpression: "'max ' + string(params.maxReplicas)" }],
      paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
      paramRef: { name: 'limits', namespace: 'kyverno', parameterNotFoundAction: 'Deny' },
      auditAnnotations: [{ key: 'replicas', valueExpression: 'string(object.spec.replicas)' }],
      variables: [{ name: 'replicas', expression: 'object.spec.replicas' }],
    };
    const rule = synthRule({ name: 'r', match: { any: [{ resources: { kinds: ['Deployment'] } }] }, validate: { cel } });
    expect(rule.validate).toStrictEqual({ cel });
  });

  test('podSecurity with level, version and exclusions', () => {
    const rule = synthRule({
      name: 'psa',
      match: PODS,
      validate: {
        podSecurity: {
          level: PodSecurityLevel.BASELINE,
          version: 'latest',
          exclude: [{ controlName: 'Capabilities', images: ['ghcr.io/cilium/*'], restrictedField: 'spec.containers[*].securityContext.capabilities.add', values: ['NET_ADMIN'] }],
        },
      },
    });
    expect(rule.validate).toStrictEqual({
      podSecurity: {
        level: 'baseline',
        version: 'latest',
        exclude: [{ controlName: 'Capabilities', images: ['ghcr.io/cilium/*'], restrictedField: 'spec.containers[*].securityContext.capabilities.add', values: ['NET_ADMIN'] }],
      },
    });
  });
});

describe('mutate', () => {
  test('patchStrategicMerge with add-if-not-present anchors', () => {
    const rule = synthRule({
      name: 'add-labels',
      match: PODS,
      mutate: { patchStrategicMerge: { metadata: { labels: { [Anchor.addIfNotPresent('team')]: 'unknown' } } } },
    });
    expect(rule.mutate).toStrictEqual({ patchStrategicMerge: { metadata: { labels: { '+(team)': 'unknown' } } } });
  });

  test('patchesJson6902 stays a string', () => {
    const patch = '- op: add\n  path: /metadata/labels/env\n  value: prod\n';
    const rule = synthRule({ name: 'r', match: PODS, mutate: { patchesJson6902: patch } });
    expect(rule.mutate).toStrictEqual({ patchesJson6902: patch });
  });

  test('foreach and mutate-existing targets', () => {
    const mutate = {
      targets: [{
        apiVersion: 'v1',
        kind: 'Secret',
        name: '{{ request.object.metadata.name }}',
        namespace: '{{ request.namespace }}',
        preconditions: { all: [{ key: '{{ target.type }}', operator: ConditionOperator.EQUALS, value: 'Opaque' }] },
      }],
      mutateExistingOnPolicyUpdate: true,
      foreach: [{
        list: 'request.object.spec.containers',
        order: 'Ascending',
        patchStrategicMerge: { spec: { containers: [{ '(name)': '{{ element.name }}', 'imagePullPolicy': 'Always' }] } },
        foreach: [{ list: 'element.ports', patchesJson6902: '- op: remove\n  path: /spec/hostPort\n' }],
      }],
    };
    const rule = synthRule({ name: 'r', match: PODS, mutate });
    expect(rule.mutate).toStrictEqual(mutate);
  });
});

describe('generate', () => {
  test('data with synchronize', () => {
    const generate = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      name: 'default-deny',
      namespace: '{{ request.object.metadata.name }}',
      synchronize: true,
      data: { spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
    };
    const rule = synthRule({ name: 'r', match: { any: [{ resources: { kinds: ['Namespace'] } }] }, generate });
    expect(rule.generate).toStrictEqual(generate);
  });

  test('clone and cloneList', () => {
    const clone = { apiVersion: 'v1', kind: 'Secret', name: 'regcred', namespace: '{{ request.object.metadata.name }}', synchronize: false, clone: { name: 'regcred', namespace: 'default' } };
    expect(synthRule({ name: 'r', match: { any: [{ resources: { kinds: ['Namespace'] } }] }, generate: clone }).generate).toStrictEqual(clone);
    const cloneList = { namespace: '{{ request.object.metadata.name }}', synchronize: true, cloneList: { kinds: ['v1/Secret', 'v1/ConfigMap'], namespace: 'default', selector: { matchLabels: { copy: 'true' } } } };
    expect(synthRule({ name: 'r', match: { any: [{ resources: { kinds: ['Namespace'] } }] }, generate: cloneList }).generate).toStrictEqual(cloneList);
  });
});

describe('verifyImages', () => {
  test('keys and keyless attestors, attestations, digest settings', () => {
    const verifyImages = [{
      imageReferences: ['ghcr.io/acme/*'],
      type: ImageVerificationType.COSIGN,
      attestors: [
        { count: 1, entries: [{ keys: { publicKeys: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----', rekor: { url: 'https://rekor.sigstore.dev' } } }] },
        { entries: [{ keyless: { subject: 'https://github.com/acme/*', issuer: 'https://token.actions.githubusercontent.com', rekor: { url: 'https://rekor.sigstore.dev' } } }] },
      ],
      attestations: [{
        type: 'https://slsa.dev/provenance/v0.2',
        attestors: [{ entries: [{ keyless: { subject: 'https://github.com/acme/*', issuer: 'https://token.actions.githubusercontent.com' } }] }],
        conditions: [{ all: [{ key: '{{ builder.id }}', operator: ConditionOperator.EQUALS, value: 'https://github.com/acme/builder' }] }],
      }],
      mutateDigest: true,
      verifyDigest: true,
      required: true,
    }];
    const rule = synthRule({ name: 'r', match: PODS, verifyImages });
    expect(rule.verifyImages).toStrictEqual(verifyImages);
  });
});
