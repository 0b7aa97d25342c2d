import { newChart, problemsOf } from './support';
import * as catalog from '../../src/catalog';
import { FailureAction, Severity } from '../../src/kyverno';

describe('catalogue: security', () => {
  test('RequireResourceLimits: default requests cpu+memory and limits memory, as the Kyverno library', () => {
    const chart = newChart();
    const p = new catalog.RequireResourceLimits(chart, 'limits');
    const json = p.toJson();
    expect(json.metadata.name).toBe('require-resource-limits');
    expect(json.metadata.annotations).toMatchObject({
      'policies.kyverno.io/title': 'Require Resource Limits',
      'policies.kyverno.io/category': 'Security',
      'policies.kyverno.io/severity': 'medium',
    });
    expect(json.spec.rules.map((r: any) => r.name)).toEqual(['validate-resources']);
    expect(json.spec.rules[0].validate.pattern).toEqual({
      spec: { containers: [{ resources: { requests: { cpu: '?*', memory: '?*' }, limits: { memory: '?*' } } }] },
    });
    expect(problemsOf(chart)).toEqual([]);
  });

  test('RequireResourceLimits: chosen resources, duplicates dropped; nothing required is an error', () => {
    const chart = newChart();
    const p = new catalog.RequireResourceLimits(chart, 'limits', {
      requests: [],
      limits: [catalog.ComputeResource.MEMORY, catalog.ComputeResource.CPU, catalog.ComputeResource.CPU],
    });
    expect(p.toJson().spec.rules[0].validate.pattern.spec.containers[0].resources).toEqual({ limits: { cpu: '?*', memory: '?*' } });
    expect(p.toJson().spec.rules[0].validate.message).toBe('CPU and memory limits are required for every container.');
    new catalog.RequireResourceLimits(chart, 'none', { name: 'no-limits', requests: [], limits: [] });
    expect(problemsOf(chart)).toEqual([
      'security-policy/none: spec.rules: the policy has no rules (add at least one with rules or addRule)',
      'security-policy/none: requests, limits: at least one resource must be required (allowed: cpu, memory)',
    ]);
  });

  test('DisallowLatestTag: tag required and latest refused; more tags; requireTag off', () => {
    const chart = newChart();
    const def = new catalog.DisallowLatestTag(chart, 'a').toJson();
    expect(def.spec.rules.map((r: any) => r.name)).toEqual(['require-image-tag', 'validate-image-tag']);
    const custom = new catalog.DisallowLatestTag(chart, 'b', { name: 'tags', requireTag: false, disallowedTags: ['latest', 'main'] }).toJson();
    expect(custom.spec.rules.map((r: any) => r.name)).toEqual(['validate-image-tag']);
    expect(custom.spec.rules[0].validate.foreach.filter((f: any) => f.list === 'request.object.spec.containers'))
      .toEqual([
        { list: 'request.object.spec.containers', pattern: { image: '!*:latest' } },
        { list: 'request.object.spec.containers', pattern: { image: '!*:main' } },
      ]);
    new catalog.DisallowLatestTag(chart, 'c', { name: 'nothing', requireTag: false, disallowedTags: ['bad tag'] });
    expect(problemsOf(chart)).toEqual([
      'security-policy/c: disallowedTags: "bad tag" is not an image tag (letters, digits, \'_\', \'.\', \'-\' and the wildcards \'*\', \'?\')',
    ]);
    new catalog.DisallowLatestTag(chart, 'd', { name: 'empty', requireTag: false, disallowedTags: [] });
    expect(problemsOf(chart)).toContain('security-policy/d: requireTag, disallowedTags: the policy checks nothing (set requireTag or list a tag)');
  });

  test('RequireProbes: at least one by default; all of the chosen probes with requireAll', () => {
    const chart = newChart();
    const def = new catalog.RequireProbes(chart, 'a').toJson();
    expect(def.metadata.annotations['pod-policies.kyverno.io/autogen-controllers']).toBe('DaemonSet,Deployment,StatefulSet');
    expect(def.spec.rules[0].validate.foreach[0].deny.conditions.all.map((c: any) => c.key)).toEqual(['livenessProbe', 'startupProbe', 'readinessProbe']);
    const all = new catalog.RequireProbes(chart, 'b', { name: 'b', probes: [catalog.Probe.READINESS, catalog.Probe.LIVENESS], requireAll: true }).toJson();
    expect(all.spec.rules[0].validate.foreach[0].deny.conditions).toEqual({
      any: [
        { key: 'livenessProbe', operator: 'AllNotIn', value: '{{ element.keys(@)[] }}' },
        { key: 'readinessProbe', operator: 'AllNotIn', value: '{{ element.keys(@)[] }}' },
      ],
    });
    expect(all.spec.rules[0].validate.message).toBe('Liveness and readiness probes are required for all containers.');
    new catalog.RequireProbes(chart, 'c', { name: 'c', probes: [] });
    expect(problemsOf(chart)).toEqual([
      'security-policy/c: spec.rules: the policy has no rules (add at least one with rules or addRule)',
      'security-policy/c: probes: list at least one probe (allowed: livenessProbe, readinessProbe, startupProbe)',
    ]);
  });

  test('hand-written settings apply: name, failure action, severity, excluded namespaces on every rule', () => {
    const chart = newChart();
    const p = new catalog.DisallowPrivileged(chart, 'priv', {
      name: 'no-privileged',
      failureAction: FailureAction.ENFORCE,
      severity: Severity.CRITICAL,
      excludeNamespaces: ['kube-system', 'calico-system'],
    });
    const json = p.toJson();
    expect(json.metadata.name).toBe('no-privileged');
    expect(json.metadata.annotations['policies.kyverno.io/severity']).toBe('critical');
    expect(json.spec.rules[0].validate.failureAction).toBe('Enforce');
    expect(json.spec.rules[0].exclude).toEqual({ any: [{ resources: { namespaces: ['calico-system', 'kube-system'] } }] });
    expect(Object.keys(json.spec.rules[0])).toEqual(['name', 'match', 'exclude', 'validate']);
  });

  test('DisallowHostPorts: none by default, a range when given, bad ranges refused', () => {
    const chart = newChart();
    expect(new catalog.DisallowHostPorts(chart, 'a').toJson().spec.rules.map((r: any) => r.name)).toEqual(['host-ports-none']);
    const ranged = new catalog.DisallowHostPorts(chart, 'b', { name: 'b', allowedRange: { min: 5000, max: 6000 } }).toJson();
    expect(ranged.spec.rules[0].name).toBe('host-port-range');
    expect(ranged.spec.rules[0].validate.pattern.spec.containers).toEqual([{ '=(ports)': [{ '=(hostPort)': '0 | 5000-6000' }] }]);
    new catalog.DisallowHostPorts(chart, 'c', { name: 'c', allowedRange: { min: 6000, max: 5000 } });
    expect(problemsOf(chart)).toEqual(['security-policy/c: allowedRange: 6000-5000 is not a port range (integers 1-65535, min <= max)']);
  });

  test('RequireRunAsNonRoot, RestrictCapabilities: optional extra rules', () => {
    const chart = newChart();
    expect(new catalog.RequireRunAsNonRoot(chart, 'a', { forbidRootUser: true }).toJson().spec.rules.map((r: any) => r.name))
      .toEqual(['run-as-non-root', 'run-as-non-root-user']);
    const caps = new catalog.RestrictCapabilities(chart, 'b', { allowedCapabilities: ['NET_BIND_SERVICE'], requireDropAll: true }).toJson();
    expect(caps.spec.rules.map((r: any) => r.name)).toEqual(['adding-capabilities', 'require-drop-all']);
    expect(caps.spec.rules[0].validate.deny.conditions.all[0].value).toEqual(['NET_BIND_SERVICE']);
    const none = new catalog.RestrictCapabilities(chart, 'none', { name: 'none', allowedCapabilities: [] }).toJson();
    expect(none.spec.rules[0].validate.message).toBe('Adding capabilities is disallowed.');
    expect(none.spec.rules[0].validate.deny.conditions.all[0].value).toEqual([]);
    new catalog.RestrictCapabilities(chart, 'c', { name: 'c', allowedCapabilities: ['CAP_SYS_ADMIN', 'net_raw'] });
    expect(problemsOf(chart)).toEqual([
      'security-policy/c: allowedCapabilities: "net_raw" is not a capability name (upper case letters and \'_\', without the CAP_ prefix)',
    ]);
  });

  test('RestrictImageRegistries: one alternative per registry; empty or malformed lists refused', () => {
    const chart = newChart();
    const p = new catalog.RestrictImageRegistries(chart, 'a', { allowedRegistries: ['europe-west6-docker.pkg.dev/ops/', 'registry.k8s.io'] });
    expect(p.toJson().spec.rules[0].validate.pattern.spec.containers).toEqual([{ image: 'europe-west6-docker.pkg.dev/ops/* | registry.k8s.io/*' }]);
    expect(p.allowedRegistries).toEqual(['europe-west6-docker.pkg.dev/ops', 'registry.k8s.io']);
    new catalog.RestrictImageRegistries(chart, 'b', { name: 'b', allowedRegistries: [] });
    new catalog.RestrictImageRegistries(chart, 'c', { name: 'c', allowedRegistries: ['Docker.IO', 'ok.io'] });
    expect(problemsOf(chart)).toEqual([
      'security-policy/b: spec.rules: the policy has no rules (add at least one with rules or addRule)',
      'security-policy/b: allowedRegistries: list at least one registry',
      'security-policy/c: allowedRegistries: "Docker.IO" is not a registry host (lowercase host[:port] with an optional /path)',
    ]);
  });

  test('RequireImageDigest mirrors the library rule', () => {
    const json = new catalog.RequireImageDigest(newChart(), 'a').toJson();
    expect(json.spec.rules[0].name).toBe('require-image-checksum');
    expect(json.spec.rules[0].validate.pattern.spec).toEqual({
      '=(ephemeralContainers)': [{ image: '*@*' }],
      '=(initContainers)': [{ image: '*@*' }],
      'containers': [{ image: '*@*' }],
    });
  });
});
