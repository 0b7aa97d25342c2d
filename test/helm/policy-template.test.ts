import { parseYamlDocuments } from '../../src/core/yaml';
import { placeKnobs } from '../../src/helm/policy-knobs';
import { policyTemplate, resolvedPolicyYaml, tokenizePolicy } from '../../src/helm/policy-template';

const manifest = {
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name: 'require-labels' },
  spec: {
    background: true,
    rules: [
      { name: 'a', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'app label on {{ request.object.metadata.name }}', pattern: { metadata: { labels: { app: '?*' } } } } },
      { name: 'b', match: { any: [{ resources: { kinds: ['Service'] } }] }, exclude: { any: [{ resources: { namespaces: ['kube-system'] } }] }, validate: { message: 'x: y', deny: {} } },
    ],
  },
};

describe('policyTemplate', () => {
  test('Kyverno 1.13: the failure action knob in each validate rule, background, excludes, enabled', () => {
    expect(policyTemplate(tokenizePolicy(manifest, '1.13'), 'requireLabels')).toBe(`{{- if .Values.policies.requireLabels.enabled }}
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-labels
spec:
  background: {{ .Values.policies.requireLabels.background }}
  rules:
    - name: a
      match:
        any:
          - resources:
              kinds:
                - Pod
      {{- with .Values.policies.requireLabels.excludedNamespaces }}
      exclude:
        any:
          - resources:
              namespaces: {{ toJson . }}
      {{- end }}
      validate:
        failureAction: {{ .Values.policies.requireLabels.validationFailureAction }}
        message: app label on {{\`{{ request.object.metadata.name }}\`}}
        pattern:
          metadata:
            labels:
              app: ?*
    - name: b
      match:
        any:
          - resources:
              kinds:
                - Service
      exclude:
        any:
          - resources:
              namespaces:
                - kube-system
          {{- with .Values.policies.requireLabels.excludedNamespaces }}
          - resources:
              namespaces: {{ toJson . }}
          {{- end }}
      validate:
        failureAction: {{ .Values.policies.requireLabels.validationFailureAction }}
        message: "x: y"
        deny: {}
{{- end }}
`);
  });

  test('Kyverno 1.12: the failure action knob in spec.validationFailureAction only', () => {
    const text = policyTemplate(tokenizePolicy(manifest, '1.12'), 'k');
    expect(text).toContain('  validationFailureAction: {{ .Values.policies.k.validationFailureAction }}\n  rules:\n');
    expect(text).not.toContain('failureAction: {{ .Values.policies.k.validationFailureAction }}\n        message');
  });

  test('placeholder tokens never collide with the policy\'s own text', () => {
    const tricky = { ...manifest, metadata: { name: 'zzpolicyplatformknobfa' } };
    expect(policyTemplate(tokenizePolicy(tricky, '1.13'), 'k')).toContain('  name: zzpolicyplatformknobfa\n');
  });
});

describe('resolvedPolicyYaml', () => {
  const withEmptyExclude = {
    ...manifest,
    spec: { ...manifest.spec, rules: [...manifest.spec.rules, { name: 'c', match: { any: [{ resources: { kinds: ['Pod'] } }] }, exclude: { any: [] }, validate: { message: 'm', deny: {} } }] },
  };
  test.each([
    [true, 'Audit', true, []],
    [true, 'Enforce', false, ['on', 'kube-system']],
    [true, 'Audit', false, ['0o17']],
  ])('enabled=%s action=%s background=%s namespaces=%j: the text parses to placeKnobs\' object', (enabled, action, background, namespaces) => {
    for (const version of ['1.12', '1.13']) {
      const knobs = { enabled, validationFailureAction: action, background, excludedNamespaces: namespaces as string[] };
      const text = resolvedPolicyYaml(tokenizePolicy(withEmptyExclude, version), knobs)!;
      const placed = placeKnobs(withEmptyExclude, { failureAction: action, background, excludedNamespaces: namespaces as string[] }, version);
      expect(parseYamlDocuments(text)).toEqual([placed]);
    }
  });

  test('a disabled policy has no text', () => {
    expect(resolvedPolicyYaml(tokenizePolicy(manifest, '1.13'), { enabled: false, validationFailureAction: 'Audit', background: true, excludedNamespaces: [] })).toBeUndefined();
  });
});

describe('placeKnobs', () => {
  test('resolved values land where the template puts its expressions, input untouched', () => {
    const before = JSON.stringify(manifest);
    const out = placeKnobs(manifest, { failureAction: 'Enforce', background: false, excludedNamespaces: ['legacy'] }, '1.13');
    expect(JSON.stringify(manifest)).toBe(before);
    expect(out.spec.background).toBe(false);
    expect(out.spec.rules.map((r: any) => r.validate.failureAction)).toEqual(['Enforce', 'Enforce']);
    expect(out.spec.rules[0].exclude).toEqual({ any: [{ resources: { namespaces: ['legacy'] } }] });
    expect(Object.keys(out.spec.rules[0])).toEqual(['name', 'match', 'exclude', 'validate']);
    expect(out.spec.rules[1].exclude.any).toEqual([{ resources: { namespaces: ['kube-system'] } }, { resources: { namespaces: ['legacy'] } }]);
  });

  test('no extra namespaces: rules keep their exclude as written', () => {
    const out = placeKnobs(manifest, { failureAction: 'Audit', background: true, excludedNamespaces: [] }, '1.13');
    expect(out.spec.rules[0].exclude).toBeUndefined();
    expect(out.spec.rules[1].exclude).toEqual(manifest.spec.rules[1].exclude);
  });
});
