/**
 * For every catalogue policy: resources built with cdk8s-plus-28 (ApiObjects where cdk8s-plus has
 * no construct) that it must pass and fail. Used by the engine test and the PolicyTest suites.
 */
import { ApiObject, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as catalog from '../../src/catalog';
import { KyvernoPolicy } from '../../src/kyverno';

export type Expected = 'pass' | 'fail' | 'skip';

export interface Expectation {
  /** The resource (its ApiObject). */
  readonly object: ApiObject;
  /** Rule name as Kyverno reports it (`autogen-<rule>` for Pod controllers). */
  readonly rule: string;
  readonly result: Expected;
  /** Values of context variables for the rule (what the API would have answered). */
  readonly values?: { [key: string]: any };
}

export interface CatalogCase {
  /** Name of the case (the catalogue class it tests). */
  readonly name: string;
  /**
   * Creates the policies in `policies` and the resources in `resources`, returns the expectations
   * per policy name.
   */
  readonly build: (policies: Construct, resources: Construct) => { policy: KyvernoPolicy; expectations: Expectation[] }[];
}

const NS = 'shop';

/** The ApiObject behind a cdk8s-plus construct. */
function obj(c: Construct): ApiObject {
  return ApiObject.of(c);
}

/** A Deployment with the given container (cdk8s-plus' secure defaults otherwise). */
function deployment(scope: Construct, name: string, container: kplus.ContainerProps, props: Partial<kplus.DeploymentProps> = {}): ApiObject {
  return obj(new kplus.Deployment(scope, name, { metadata: { name, namespace: NS }, containers: [container], ...props }));
}

function pod(scope: Construct, name: string, container: kplus.ContainerProps, props: Partial<kplus.PodProps> = {}): ApiObject {
  return obj(new kplus.Pod(scope, name, { metadata: { name, namespace: NS }, containers: [container], ...props }));
}

const readiness = kplus.Probe.fromHttpGet('/ready');

export const CASES: CatalogCase[] = [
  {
    name: 'RequireResourceLimits',
    build: (p, r) => {
      const policy = new catalog.RequireResourceLimits(p, 'require-resource-limits');
      const good = deployment(r, 'sized', {
        image: 'nginx:1.25',
        resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) } },
      });
      const bad = pod(r, 'unbounded', { image: 'nginx:1.25', resources: { cpu: { request: kplus.Cpu.millis(100) } } });
      return [{
        policy,
        expectations: [
          { object: good, rule: 'autogen-validate-resources', result: 'pass' },
          { object: bad, rule: 'validate-resources', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'DisallowLatestTag',
    build: (p, r) => {
      const policy = new catalog.DisallowLatestTag(p, 'disallow-latest-tag');
      const pinned = deployment(r, 'pinned', { image: 'nginx:1.25.3' });
      const latest = pod(r, 'latest', { image: 'nginx:latest' });
      const untagged = pod(r, 'untagged', { image: 'nginx' });
      return [{
        policy,
        expectations: [
          { object: pinned, rule: 'autogen-require-image-tag', result: 'pass' },
          { object: pinned, rule: 'autogen-validate-image-tag', result: 'pass' },
          { object: latest, rule: 'require-image-tag', result: 'pass' },
          { object: latest, rule: 'validate-image-tag', result: 'fail' },
          { object: untagged, rule: 'require-image-tag', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'RequireProbes',
    build: (p, r) => {
      const policy = new catalog.RequireProbes(p, 'require-probes', { probes: [catalog.Probe.LIVENESS, catalog.Probe.READINESS], requireAll: true });
      const probed = deployment(r, 'probed', { image: 'nginx:1.25', readiness, liveness: kplus.Probe.fromHttpGet('/healthz') });
      // cdk8s-plus adds a startup probe on the port, which this policy does not count
      const readyOnly = deployment(r, 'ready-only', { image: 'nginx:1.25', portNumber: 8080, readiness });
      return [{
        policy,
        expectations: [
          { object: probed, rule: 'autogen-validate-probes', result: 'pass' },
          { object: readyOnly, rule: 'autogen-validate-probes', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'DisallowPrivileged',
    build: (p, r) => {
      const policy = new catalog.DisallowPrivileged(p, 'disallow-privileged');
      const plain = deployment(r, 'plain', { image: 'nginx:1.25' });
      const privileged = pod(r, 'privileged', { image: 'nginx:1.25', securityContext: { privileged: true } });
      return [{
        policy,
        expectations: [
          { object: plain, rule: 'autogen-privileged-containers', result: 'pass' },
          { object: privileged, rule: 'privileged-containers', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'DisallowHostNamespaces',
    build: (p, r) => {
      const policy = new catalog.DisallowHostNamespaces(p, 'disallow-host-namespaces');
      const plain = pod(r, 'plain', { image: 'nginx:1.25' });
      const hostNet = deployment(r, 'host-net', { image: 'nginx:1.25' }, { hostNetwork: true });
      return [{
        policy,
        expectations: [
          { object: plain, rule: 'host-namespaces', result: 'pass' },
          { object: hostNet, rule: 'autogen-host-namespaces', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'DisallowHostPath',
    build: (p, r) => {
      const policy = new catalog.DisallowHostPath(p, 'disallow-host-path');
      const scratch = pod(r, 'scratch', { image: 'nginx:1.25' }, { volumes: [kplus.Volume.fromEmptyDir(r, 'tmp', 'tmp')] });
      const hostLogs = pod(r, 'host-logs', { image: 'fluent-bit:3.0' }, { volumes: [kplus.Volume.fromHostPath(r, 'logs', 'logs', { path: '/var/log' })] });
      return [{
        policy,
        expectations: [
          { object: scratch, rule: 'host-path', result: 'pass' },
          { object: hostLogs, rule: 'host-path', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'DisallowHostPorts',
    build: (p, r) => {
      const none = new catalog.DisallowHostPorts(p, 'disallow-host-ports');
      const ranged = new catalog.DisallowHostPorts(p, 'host-ports-range', { name: 'host-ports-range', allowedRange: { min: 5000, max: 6000 } });
      const plain = pod(r, 'plain', { image: 'nginx:1.25', ports: [{ number: 80 }] });
      const inRange = pod(r, 'in-range', { image: 'nginx:1.25', ports: [{ number: 80, hostPort: 5500 }] });
      const outOfRange = deployment(r, 'out-of-range', { image: 'nginx:1.25', ports: [{ number: 80, hostPort: 8080 }] });
      return [
        {
          policy: none,
          expectations: [
            { object: plain, rule: 'host-ports-none', result: 'pass' },
            { object: inRange, rule: 'host-ports-none', result: 'fail' },
          ],
        },
        {
          policy: ranged,
          expectations: [
            { object: inRange, rule: 'host-port-range', result: 'pass' },
            { object: outOfRange, rule: 'autogen-host-port-range', result: 'fail' },
          ],
        },
      ];
    },
  },
  {
    name: 'RequireRunAsNonRoot',
    build: (p, r) => {
      const policy = new catalog.RequireRunAsNonRoot(p, 'require-run-as-non-root', { forbidRootUser: true });
      const nonRoot = deployment(r, 'non-root', { image: 'nginx:1.25', securityContext: { user: 1000 } });
      const root = pod(r, 'root', { image: 'nginx:1.25', securityContext: { ensureNonRoot: false } }, { securityContext: { ensureNonRoot: false } });
      const uidZero = pod(r, 'uid-zero', { image: 'nginx:1.25', securityContext: { user: 0 } });
      return [{
        policy,
        expectations: [
          { object: nonRoot, rule: 'autogen-run-as-non-root', result: 'pass' },
          { object: nonRoot, rule: 'autogen-run-as-non-root-user', result: 'pass' },
          { object: root, rule: 'run-as-non-root', result: 'fail' },
          { object: uidZero, rule: 'run-as-non-root-user', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'RestrictCapabilities',
    build: (p, r) => {
      const policy = new catalog.RestrictCapabilities(p, 'restrict-capabilities', { requireDropAll: true });
      const minimal = deployment(r, 'minimal', {
        image: 'nginx:1.25',
        securityContext: { capabilities: { drop: [kplus.Capability.ALL], add: [kplus.Capability.NET_BIND_SERVICE] } },
      });
      const admin = pod(r, 'admin', { image: 'nginx:1.25', securityContext: { capabilities: { add: [kplus.Capability.SYS_ADMIN] } } });
      return [{
        policy,
        expectations: [
          { object: minimal, rule: 'autogen-adding-capabilities', result: 'pass' },
          { object: minimal, rule: 'autogen-require-drop-all', result: 'pass' },
          { object: admin, rule: 'adding-capabilities', result: 'fail' },
          { object: admin, rule: 'require-drop-all', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'RestrictImageRegistries',
    build: (p, r) => {
      const policy = new catalog.RestrictImageRegistries(p, 'restrict-image-registries', {
        allowedRegistries: ['europe-west6-docker.pkg.dev/ops', 'registry.k8s.io'],
      });
      const internal = deployment(r, 'internal', { image: 'europe-west6-docker.pkg.dev/ops/shop/api:2.1.0' });
      const hub = pod(r, 'hub', { image: 'docker.io/library/nginx:1.25' });
      return [{
        policy,
        expectations: [
          { object: internal, rule: 'autogen-validate-registries', result: 'pass' },
          { object: hub, rule: 'validate-registries', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'RequireImageDigest',
    build: (p, r) => {
      const policy = new catalog.RequireImageDigest(p, 'require-image-digest');
      const pinned = deployment(r, 'pinned', { image: 'nginx@sha256:2bcabc23b45489fb0885d69a06ba1d648aeda973fae7bb981bafbb884165e514' });
      const tagged = pod(r, 'tagged', { image: 'nginx:1.25' });
      return [{
        policy,
        expectations: [
          { object: pinned, rule: 'autogen-require-image-checksum', result: 'pass' },
          { object: tagged, rule: 'require-image-checksum', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'RequireLabels',
    build: (p, r) => {
      const policy = new catalog.RequireLabels(p, 'require-labels', {
        requiredLabels: [{ key: 'app' }, { key: 'team' }, { key: 'environment', pattern: 'dev | prd' }],
        kinds: ['Deployment'],
      });
      const labelled = deployment(r, 'labelled', { image: 'nginx:1.25' });
      labelled.metadata.addLabel('app', 'shop');
      labelled.metadata.addLabel('team', 'payments');
      labelled.metadata.addLabel('environment', 'prd');
      const wrongEnv = deployment(r, 'wrong-env', { image: 'nginx:1.25' });
      wrongEnv.metadata.addLabel('app', 'shop');
      wrongEnv.metadata.addLabel('team', 'payments');
      wrongEnv.metadata.addLabel('environment', 'staging');
      return [{
        policy,
        expectations: [
          { object: labelled, rule: 'check-for-labels', result: 'pass' },
          { object: wrongEnv, rule: 'check-for-labels', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'RequireAnnotations',
    build: (p, r) => {
      const policy = new catalog.RequireAnnotations(p, 'require-annotations', { requiredAnnotations: [{ key: 'owner' }, { key: 'contact', pattern: '*@example.com' }] });
      const owned = pod(r, 'owned', { image: 'nginx:1.25' });
      owned.metadata.addAnnotation('owner', 'payments');
      owned.metadata.addAnnotation('contact', 'payments@example.com');
      const orphan = deployment(r, 'orphan', { image: 'nginx:1.25' });
      return [{
        policy,
        expectations: [
          { object: owned, rule: 'check-for-annotation', result: 'pass' },
          { object: orphan, rule: 'autogen-check-for-annotation', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'NamingConventions',
    build: (p, r) => {
      const policy = new catalog.NamingConventions(p, 'naming-conventions', {
        conventions: [
          { kinds: ['Deployment'], regex: '^(payments|search)-[a-z0-9-]+$', description: '<team>-<app>' },
          { kinds: ['ConfigMap'], regex: '^[a-z0-9-]+-config$', ruleName: 'configmap-suffix' },
        ],
      });
      const good = deployment(r, 'payments-api', { image: 'nginx:1.25' });
      const bad = deployment(r, 'api', { image: 'nginx:1.25' });
      const goodCm = obj(new kplus.ConfigMap(r, 'cm-good', { metadata: { name: 'api-config', namespace: NS } }));
      const badCm = obj(new kplus.ConfigMap(r, 'cm-bad', { metadata: { name: 'settings', namespace: NS } }));
      return [{
        policy,
        expectations: [
          { object: good, rule: 'deployment-name', result: 'pass' },
          { object: bad, rule: 'deployment-name', result: 'fail' },
          { object: goodCm, rule: 'configmap-suffix', result: 'pass' },
          { object: badCm, rule: 'configmap-suffix', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'DisallowDefaultNamespace',
    build: (p, r) => {
      const policy = new catalog.DisallowDefaultNamespace(p, 'disallow-default-namespace');
      const owned = deployment(r, 'owned', { image: 'nginx:1.25' });
      const inDefault = obj(new kplus.Pod(r, 'in-default', { metadata: { name: 'in-default', namespace: 'default' }, containers: [{ image: 'nginx:1.25' }] }));
      return [{
        policy,
        expectations: [
          { object: owned, rule: 'validate-podcontroller-namespace', result: 'pass' },
          { object: inDefault, rule: 'validate-namespace', result: 'fail' },
        ],
      }];
    },
  },
  {
    name: 'RequirePodDisruptionBudget',
    build: (p, r) => {
      const policy = new catalog.RequirePodDisruptionBudget(p, 'require-pod-disruption-budget');
      const covered = deployment(r, 'covered', { image: 'nginx:1.25' }, { replicas: 3 });
      const uncovered = deployment(r, 'uncovered', { image: 'nginx:1.25' }, { replicas: 2 });
      const single = deployment(r, 'single', { image: 'nginx:1.25' }, { replicas: 1 });
      return [{
        policy,
        expectations: [
          // pdb_count is what the apiCall would count: offline, the test says it
          { object: covered, rule: 'require-pdb', result: 'pass', values: { pdb_count: 1 } },
          { object: uncovered, rule: 'require-pdb', result: 'fail', values: { pdb_count: 0 } },
          { object: single, rule: 'require-pdb', result: 'skip', values: { pdb_count: 0 } },
        ],
      }];
    },
  },
  { name: 'PodSecurityBaseline', build: (p, r) => podSecurityCase(new catalog.PodSecurityBaseline(p, 'baseline'), r) },
  { name: 'PodSecurityRestricted', build: (p, r) => podSecurityCase(new catalog.PodSecurityRestricted(p, 'restricted'), r) },
];

/**
 * A Pod that breaks one Pod Security control: cdk8s-plus props where cdk8s-plus has them, a JSON
 * patch on its ApiObject where it has not.
 */
const VIOLATIONS: { [control: string]: (scope: Construct, name: string) => ApiObject } = {
  [catalog.PodSecurityControl.HOST_PROCESS]: (s, n) => patched(pod(s, n, { image: 'app:1.0' }), '/spec/securityContext/windowsOptions', { hostProcess: true }),
  [catalog.PodSecurityControl.HOST_NAMESPACES]: (s, n) => pod(s, n, { image: 'app:1.0' }, { hostNetwork: true }),
  [catalog.PodSecurityControl.PRIVILEGED]: (s, n) => pod(s, n, { image: 'app:1.0', securityContext: { privileged: true } }),
  [catalog.PodSecurityControl.CAPABILITIES]: (s, n) => pod(s, n, { image: 'app:1.0', securityContext: { capabilities: { add: [kplus.Capability.SYS_ADMIN] } } }),
  [catalog.PodSecurityControl.HOST_PATH]: (s, n) => pod(s, n, { image: 'app:1.0' }, { volumes: [kplus.Volume.fromHostPath(s, `${n}-vol`, 'host', { path: '/' })] }),
  [catalog.PodSecurityControl.HOST_PORTS]: (s, n) => pod(s, n, { image: 'app:1.0', ports: [{ number: 80, hostPort: 8080 }] }),
  [catalog.PodSecurityControl.APP_ARMOR]: (s, n) => pod(s, n, { image: 'app:1.0' }, {
    metadata: { name: n, namespace: NS, annotations: { 'container.apparmor.security.beta.kubernetes.io/main': 'unconfined' } },
  }),
  [catalog.PodSecurityControl.SELINUX]: (s, n) => patched(pod(s, n, { image: 'app:1.0' }), '/spec/securityContext/seLinuxOptions', { type: 'spc_t' }),
  [catalog.PodSecurityControl.PROC_MOUNT]: (s, n) => patched(pod(s, n, { image: 'app:1.0' }), '/spec/containers/0/securityContext/procMount', 'Unmasked'),
  [catalog.PodSecurityControl.SECCOMP]: (s, n) => pod(s, n, { image: 'app:1.0', securityContext: { seccompProfile: { type: kplus.SeccompProfileType.UNCONFINED } } }),
  [catalog.PodSecurityControl.SYSCTLS]: (s, n) => pod(s, n, { image: 'app:1.0' }, { securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } }),
  [catalog.PodSecurityControl.VOLUME_TYPES]: (s, n) => pod(s, n, { image: 'app:1.0' }, {
    volumes: [kplus.Volume.fromNfs(s, `${n}-vol`, 'data', { server: 'nfs.local', path: '/data' })],
  }),
  [catalog.PodSecurityControl.PRIVILEGE_ESCALATION]: (s, n) => pod(s, n, { image: 'app:1.0', securityContext: { allowPrivilegeEscalation: true } }),
  [catalog.PodSecurityControl.RUN_AS_NON_ROOT]: (s, n) => pod(s, n, { image: 'app:1.0', securityContext: { ensureNonRoot: false } }, { securityContext: { ensureNonRoot: false } }),
  [catalog.PodSecurityControl.RUN_AS_NON_ROOT_USER]: (s, n) => pod(s, n, { image: 'app:1.0', securityContext: { user: 0 } }),
  // cdk8s-plus sets no seccomp profile and drops no capability by default
  [catalog.PodSecurityControl.SECCOMP_STRICT]: (s, n) => pod(s, n, { image: 'app:1.0' }),
  [catalog.PodSecurityControl.CAPABILITIES_STRICT]: (s, n) => pod(s, n, { image: 'app:1.0' }),
};

function patched(o: ApiObject, pointer: string, value: any): ApiObject {
  o.addJsonPatch(JsonPatch.add(pointer, value));
  return o;
}

/**
 * Every control of a profile: a hardened Deployment passes each of its rules (autogen), and a Pod
 * breaking that control fails its first rule.
 */
function podSecurityCase(profile: catalog.PodSecurityProfile, r: Construct): { policy: KyvernoPolicy; expectations: Expectation[] }[] {
  const hardened = deployment(r, 'hardened', {
    image: 'app:1.0',
    securityContext: {
      user: 1000,
      capabilities: { drop: [kplus.Capability.ALL] },
      seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
    },
  });
  return profile.policies.map((policy) => {
    const rules = policy.rules.map((x) => x.name);
    const violating = VIOLATIONS[policy.control](r, `breaks-${policy.control}`);
    return {
      policy,
      expectations: [
        ...rules.map((rule) => ({ object: hardened, rule: `autogen-${rule}`, result: 'pass' as Expected })),
        { object: violating, rule: rules[0], result: 'fail' as Expected },
      ],
    };
  });
}
