import { evaluatePodSecurity } from '../../../src/engine/pod-security/evaluate';
import { RuleStatus } from '../../../src/engine/result';

/** A pod that satisfies the restricted profile; cases change one thing. */
function restrictedPod(): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{
        name: 'app',
        image: 'registry.io/app:1',
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      }],
      volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }],
    },
  };
}

function withPod(mutate: (p: any) => void): any {
  const p = restrictedPod();
  mutate(p);
  return p;
}
const container = (p: any) => p.spec.containers[0];

const baseline = { level: 'baseline', version: 'latest' };
const restricted = { level: 'restricted', version: 'latest' };

describe('podSecurity baseline controls: each fails on its forbidden value and passes without it', () => {
  test.each<[string, (p: any) => void, string]>([
    ['HostProcess', p => { p.spec.securityContext.windowsOptions = { hostProcess: true }; }, '(Forbidden reason: hostProcess, field error list: [spec.securityContext.windowsOptions.hostProcess is forbidden, forbidden values found: true])'],
    ['Host Namespaces', p => { p.spec.hostNetwork = true; }, '(Forbidden reason: host namespaces, field error list: [spec.hostNetwork is forbidden, forbidden values found: true])'],
    ['Host Namespaces (hostPID)', p => { p.spec.hostPID = true; }, 'spec.hostPID is forbidden, forbidden values found: true'],
    ['Host Namespaces (hostIPC)', p => { p.spec.hostIPC = true; }, 'spec.hostIPC is forbidden, forbidden values found: true'],
    ['Privileged Containers', p => { container(p).securityContext.privileged = true; }, '(Forbidden reason: privileged, field error list: [spec.containers[0].securityContext.privileged is forbidden, forbidden values found: true])'],
    ['Capabilities', p => { container(p).securityContext.capabilities.add = ['NET_ADMIN']; }, 'non-default capabilities, field error list: [spec.containers[0].securityContext.capabilities.add is forbidden, forbidden values found: [NET_ADMIN]]'],
    ['HostPath Volumes', p => { p.spec.volumes.push({ name: 'h', hostPath: { path: '/var' } }); }, 'hostPath volumes, field error list: [spec.volumes[1].hostPath is forbidden, forbidden values found: /var]'],
    ['Host Ports', p => { container(p).ports = [{ containerPort: 80, hostPort: 8080 }]; }, 'spec.containers[0].ports[0].hostPort is forbidden, forbidden values found: 8080'],
    ['AppArmor (annotation)', p => { p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }; }, 'forbidden AppArmor profile'],
    ['AppArmor (field)', p => { container(p).securityContext.appArmorProfile = { type: 'Unconfined' }; }, 'spec.containers[0].securityContext.appArmorProfile.type is forbidden, forbidden values found: Unconfined'],
    ['SELinux (type)', p => { p.spec.securityContext.seLinuxOptions = { type: 'spc_t' }; }, 'spec.securityContext.seLinuxOptions.type is forbidden, forbidden values found: spc_t'],
    ['SELinux (user)', p => { container(p).securityContext.seLinuxOptions = { user: 'root' }; }, 'spec.containers[0].securityContext.seLinuxOptions.user is forbidden, forbidden values found: root'],
    ['/proc Mount Type', p => { container(p).securityContext.procMount = 'Unmasked'; }, 'spec.containers[0].securityContext.procMount is forbidden, forbidden values found: Unmasked'],
    ['Seccomp', p => { p.spec.securityContext.seccompProfile.type = 'Unconfined'; }, 'spec.securityContext.seccompProfile.type is forbidden, forbidden values found: Unconfined'],
    ['Sysctls', p => { p.spec.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }]; }, 'forbidden sysctls, field error list: [spec.securityContext.sysctls[0].name is forbidden, forbidden values found: kernel.msgmax]'],
  ])('%s', (_name, breakIt, detail) => {
    expect(evaluatePodSecurity(baseline, restrictedPod())).toEqual({ status: RuleStatus.PASS });
    const r = evaluatePodSecurity(baseline, withPod(breakIt));
    expect(r.status).toBe(RuleStatus.FAIL);
    expect(r.message).toMatch(/^It violates PodSecurity "baseline:latest": \(Forbidden reason: /);
    expect(r.message).toContain(detail);
  });

  test('allowed values pass: default capabilities, hostPort 0, allowed sysctls, runtime/default AppArmor, container_t', () => {
    const ok = withPod(p => {
      container(p).securityContext.capabilities.add = ['CHOWN', 'NET_BIND_SERVICE'];
      container(p).ports = [{ containerPort: 80, hostPort: 0 }];
      container(p).securityContext.procMount = 'Default';
      p.spec.securityContext.sysctls = [{ name: 'net.ipv4.ip_local_port_range', value: '1024 65535' }];
      p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default' };
      p.spec.securityContext.seLinuxOptions = { type: 'container_t', level: 's0:c1' };
    });
    expect(evaluatePodSecurity(baseline, ok).status).toBe(RuleStatus.PASS);
  });
});

describe('podSecurity restricted controls', () => {
  test('the restricted pod passes', () => {
    expect(evaluatePodSecurity(restricted, restrictedPod())).toEqual({ status: RuleStatus.PASS });
  });

  test.each<[string, (p: any) => void, string]>([
    ['Volume Types', p => { p.spec.volumes.push({ name: 'n', nfs: { server: 's', path: '/' } }); }, 'restricted volume types, field error list: [spec.volumes[1].nfs is forbidden, forbidden values found: nfs]'],
    ['Privilege Escalation', p => { delete container(p).securityContext.allowPrivilegeEscalation; }, 'spec.containers[0].securityContext.allowPrivilegeEscalation: Required value'],
    ['Running as Non-root', p => { delete p.spec.securityContext.runAsNonRoot; }, 'spec.containers[0].securityContext.runAsNonRoot: Required value'],
    ['Running as Non-root (container false)', p => { container(p).securityContext.runAsNonRoot = false; }, 'spec.containers[0].securityContext.runAsNonRoot is forbidden, forbidden values found: false'],
    ['Running as Non-root user', p => { container(p).securityContext.runAsUser = 0; }, '(Forbidden reason: runAsUser=0, field error list: [spec.containers[0].securityContext.runAsUser is forbidden, forbidden values found: 0])'],
    ['Seccomp (unset)', p => { delete p.spec.securityContext.seccompProfile; }, 'spec.containers[0].securityContext.seccompProfile.type: Required value'],
    ['Capabilities (drop ALL)', p => { container(p).securityContext.capabilities.drop = ['NET_RAW']; }, 'unrestricted capabilities, field error list: [spec.containers[0].securityContext.capabilities.drop is forbidden, forbidden values found: [NET_RAW]]'],
    ['Capabilities (add)', p => { container(p).securityContext.capabilities.add = ['CHOWN']; }, 'spec.containers[0].securityContext.capabilities.add is forbidden, forbidden values found: [CHOWN]'],
  ])('%s', (_name, breakIt, detail) => {
    const r = evaluatePodSecurity(restricted, withPod(breakIt));
    expect(r.status).toBe(RuleStatus.FAIL);
    expect(r.message).toContain('"restricted:latest"');
    expect(r.message).toContain(detail);
  });

  test('restricted allows what it allows: container-level runAsNonRoot and seccomp, NET_BIND_SERVICE, Localhost', () => {
    const ok = withPod(p => {
      p.spec.securityContext = {};
      container(p).securityContext.runAsNonRoot = true;
      container(p).securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'x.json' };
      container(p).securityContext.capabilities.add = ['NET_BIND_SERVICE'];
    });
    expect(evaluatePodSecurity(restricted, ok).status).toBe(RuleStatus.PASS);
  });

  test('restricted checks init and ephemeral containers too', () => {
    const bad = withPod(p => { p.spec.initContainers = [{ name: 'init', image: 'busybox' }]; });
    const r = evaluatePodSecurity(restricted, bad);
    expect(r.status).toBe(RuleStatus.FAIL);
    expect(r.message).toContain('spec.initContainers[0].securityContext.allowPrivilegeEscalation: Required value');
  });

  test('baseline does not apply restricted controls', () => {
    const p = withPod(x => { delete container(x).securityContext.allowPrivilegeEscalation; });
    expect(evaluatePodSecurity(baseline, p).status).toBe(RuleStatus.PASS);
  });
});

describe('podSecurity levels and versions', () => {
  test('privileged allows everything', () => {
    expect(evaluatePodSecurity({ level: 'privileged' }, withPod(p => { p.spec.hostNetwork = true; })).status).toBe(RuleStatus.PASS);
  });

  test('controls introduced after the version do not apply', () => {
    const root = withPod(p => { container(p).securityContext.runAsUser = 0; });
    expect(evaluatePodSecurity({ level: 'restricted', version: 'v1.22' }, root).status).toBe(RuleStatus.PASS);
    expect(evaluatePodSecurity({ level: 'restricted', version: 'v1.23' }, root).status).toBe(RuleStatus.FAIL);
    const sysctl = withPod(p => { p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_keepalive_time', value: '1' }]; });
    expect(evaluatePodSecurity({ level: 'baseline', version: 'v1.28' }, sysctl).status).toBe(RuleStatus.FAIL);
    expect(evaluatePodSecurity({ level: 'baseline', version: 'v1.29' }, sysctl).status).toBe(RuleStatus.PASS);
  });

  test('bad level or version is an error naming the field', () => {
    expect(evaluatePodSecurity({ level: 'strict' }, restrictedPod()))
      .toEqual({ status: RuleStatus.ERROR, message: 'podSecurity.level: "strict" is not one of privileged, baseline, restricted' });
    expect(evaluatePodSecurity({ level: 'baseline', version: '1.29' }, restrictedPod()))
      .toEqual({ status: RuleStatus.ERROR, message: 'podSecurity.version: "1.29" is not "latest" or v1.<minor>' });
  });
});

describe('podSecurity on pod controllers', () => {
  test('Deployments and CronJobs are checked through their pod templates', () => {
    const pod = withPod(p => { p.spec.hostIPC = true; });
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { metadata: pod.metadata, spec: pod.spec } } };
    const cronjob = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { spec: pod.spec } } } } };
    expect(evaluatePodSecurity(baseline, deployment).status).toBe(RuleStatus.FAIL);
    expect(evaluatePodSecurity(baseline, cronjob).status).toBe(RuleStatus.FAIL);
    const good = restrictedPod();
    expect(evaluatePodSecurity(restricted, { kind: 'Job', spec: { template: { spec: good.spec } } }).status).toBe(RuleStatus.PASS);
  });

  test('a resource without a pod spec is an error', () => {
    expect(evaluatePodSecurity(baseline, { kind: 'ConfigMap', metadata: { name: 'c' } }).status).toBe(RuleStatus.ERROR);
  });
});

describe('podSecurity exclusions', () => {
  const unconfined = () => withPod(p => {
    p.spec.securityContext.seccompProfile.type = 'Unconfined';
    container(p).securityContext.seccompProfile = { type: 'Unconfined' };
  });

  test('a pod-level exclusion (no images) does not cover container-level violations', () => {
    const ps = { ...restricted, exclude: [{ controlName: 'Seccomp' }] };
    const r = evaluatePodSecurity(ps, unconfined());
    expect(r.status).toBe(RuleStatus.FAIL);
    expect(r.violations!.every(v => v.container !== undefined)).toBe(true);
  });

  test('pod-level plus image exclusions cover both', () => {
    const ps = { ...restricted, exclude: [{ controlName: 'Seccomp' }, { controlName: 'Seccomp', images: ['registry.io/*'] }] };
    expect(evaluatePodSecurity(ps, unconfined()).status).toBe(RuleStatus.PASS);
  });

  test('images must match the wildcard', () => {
    const ps = { ...restricted, exclude: [{ controlName: 'Seccomp' }, { controlName: 'Seccomp', images: ['other.io/*'] }] };
    expect(evaluatePodSecurity(ps, unconfined()).status).toBe(RuleStatus.FAIL);
  });

  test('restrictedField and values narrow an exclusion', () => {
    const pod = withPod(p => { container(p).securityContext.capabilities.add = ['NET_ADMIN']; });
    const exclude = (values: string[]) => ({
      level: 'baseline',
      version: 'latest',
      exclude: [{ controlName: 'Capabilities', images: ['*'], restrictedField: 'spec.containers[*].securityContext.capabilities.add', values }],
    });
    expect(evaluatePodSecurity(exclude(['NET_ADMIN']), pod).status).toBe(RuleStatus.PASS);
    expect(evaluatePodSecurity(exclude(['SYS_TIME']), pod).status).toBe(RuleStatus.FAIL);
    const otherField = { ...exclude(['NET_ADMIN']), exclude: [{ controlName: 'Capabilities', images: ['*'], restrictedField: 'spec.initContainers[*].securityContext.capabilities.add', values: ['NET_ADMIN'] }] };
    expect(evaluatePodSecurity(otherField, pod).status).toBe(RuleStatus.FAIL);
  });

  test('an exclusion for another control does not help', () => {
    const pod = withPod(p => { p.spec.hostNetwork = true; });
    expect(evaluatePodSecurity({ ...baseline, exclude: [{ controlName: 'Host Ports' }] }, pod).status).toBe(RuleStatus.FAIL);
    expect(evaluatePodSecurity({ ...baseline, exclude: [{ controlName: 'Host Namespaces' }] }, pod).status).toBe(RuleStatus.PASS);
  });
});

describe('podSecurity messages', () => {
  test('Kyverno\'s wording: the rule, the level and version, then one parenthesis per failed check', () => {
    const pod = withPod(p => { p.spec.hostIPC = true; p.spec.hostPID = true; container(p).securityContext.privileged = true; });
    expect(evaluatePodSecurity(baseline, pod, 'baseline-rule').message).toBe(
      'Validation rule \'baseline-rule\' failed. It violates PodSecurity "baseline:latest": '
      + '(Forbidden reason: host namespaces, field error list: [spec.hostPID is forbidden, forbidden values found: true, spec.hostIPC is forbidden, forbidden values found: true])'
      + '(Forbidden reason: privileged, field error list: [spec.containers[0].securityContext.privileged is forbidden, forbidden values found: true])');
  });

  test('exclusion values are wildcards', () => {
    const pod = withPod(p => { container(p).securityContext.capabilities.add = ['NET_ADMIN']; });
    const ps = { ...baseline, exclude: [{ controlName: 'Capabilities', images: ['registry.io/*'], values: ['NET_*'] }] };
    expect(evaluatePodSecurity(ps, pod).status).toBe(RuleStatus.PASS);
  });
});
