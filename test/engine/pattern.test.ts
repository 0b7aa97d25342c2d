/**
 * Patterns and anchors, each case from Kyverno's documentation:
 * https://kyverno.io/docs/writing-policies/validate/#patterns and #anchors
 */
import { patternStatus, pod } from './helpers';
import { PolicyEngine } from '../../src/engine';

describe('wildcards (validate/#wildcards)', () => {
  test('"?*" requires a non-empty value', () => {
    expect(patternStatus({ metadata: { labels: { app: '?*' } } }, pod({}, { labels: { app: 'web' } }))).toBe('pass');
    expect(patternStatus({ metadata: { labels: { app: '?*' } } }, pod({}, { labels: { app: '' } }))).toBe('fail');
    expect(patternStatus({ metadata: { labels: { app: '?*' } } }, pod({}, { labels: { other: 'x' } }))).toBe('fail');
  });
  test('"*" requires the field to be present', () => {
    expect(patternStatus({ metadata: { labels: { app: '*' } } }, pod({}, { labels: { app: '' } }))).toBe('pass');
    expect(patternStatus({ metadata: { labels: { app: '*' } } }, pod({}, { labels: {} }))).toBe('fail');
  });
  test('wildcard label keys are expanded to the resource keys (app.kubernetes.io/*)', () => {
    const pattern = { metadata: { labels: { 'app.kubernetes.io/*': '?*' } } };
    expect(patternStatus(pattern, pod({}, { labels: { 'app.kubernetes.io/name': 'web' } }))).toBe('pass');
    expect(patternStatus(pattern, pod({}, { labels: { 'app.kubernetes.io/name': '' } }))).toBe('fail');
    expect(patternStatus(pattern, pod({}, { labels: { team: 'a' } }))).toBe('fail');
  });
  test('"?" matches exactly one character', () => {
    expect(patternStatus({ metadata: { name: 'p?' } }, pod({}, { name: 'p1' }))).toBe('pass');
    expect(patternStatus({ metadata: { name: 'p?' } }, pod({}, { name: 'p12' }))).toBe('fail');
  });
});

describe('operators (validate/#operators)', () => {
  const withLimit = (memory: any) => pod({ containers: [{ name: 'c', image: 'i', resources: { limits: { memory } } }] });
  const pattern = (p: string) => ({ spec: { containers: [{ resources: { limits: { memory: p } } }] } });
  test('>= and <= compare Kubernetes quantities', () => {
    expect(patternStatus(pattern('<=1Gi'), withLimit('512Mi'))).toBe('pass');
    expect(patternStatus(pattern('<=1Gi'), withLimit('2Gi'))).toBe('fail');
    expect(patternStatus(pattern('>=256Mi'), withLimit('1Gi'))).toBe('pass');
  });
  test('> and < on numbers', () => {
    const p = { spec: { terminationGracePeriodSeconds: '>10' } };
    expect(patternStatus(p, pod({ terminationGracePeriodSeconds: 30 }))).toBe('pass');
    expect(patternStatus(p, pod({ terminationGracePeriodSeconds: 5 }))).toBe('fail');
    expect(patternStatus({ spec: { terminationGracePeriodSeconds: '<10' } }, pod({ terminationGracePeriodSeconds: 5 }))).toBe('pass');
  });
  test('! negates, | is or, & is and', () => {
    expect(patternStatus({ spec: { dnsPolicy: '!Default' } }, pod({ dnsPolicy: 'Default' }))).toBe('fail');
    expect(patternStatus({ spec: { dnsPolicy: '!Default' } }, pod({ dnsPolicy: 'ClusterFirst' }))).toBe('pass');
    expect(patternStatus({ spec: { dnsPolicy: 'None | ClusterFirst' } }, pod({ dnsPolicy: 'ClusterFirst' }))).toBe('pass');
    expect(patternStatus({ spec: { dnsPolicy: 'None | ClusterFirst' } }, pod({ dnsPolicy: 'Default' }))).toBe('fail');
    expect(patternStatus({ spec: { priority: '>1 & <10' } }, pod({ priority: 5 }))).toBe('pass');
    expect(patternStatus({ spec: { priority: '>1 & <10' } }, pod({ priority: 10 }))).toBe('fail');
  });
  test('ranges a-b and a!-b', () => {
    const hostPort = (p: number) => pod({ containers: [{ name: 'c', image: 'i', ports: [{ hostPort: p }] }] });
    const pat = (r: string) => ({ spec: { containers: [{ ports: [{ hostPort: r }] }] } });
    expect(patternStatus(pat('5000-6000'), hostPort(5555))).toBe('pass');
    expect(patternStatus(pat('5000-6000'), hostPort(80))).toBe('fail');
    expect(patternStatus(pat('5000!-6000'), hostPort(80))).toBe('pass');
    expect(patternStatus(pat('5000!-6000'), hostPort(5555))).toBe('fail');
  });
  test('durations compare as durations', () => {
    const p = { metadata: { annotations: { ttl: '<=1h' } } };
    expect(patternStatus(p, pod({}, { annotations: { ttl: '30m' } }))).toBe('pass');
    expect(patternStatus(p, pod({}, { annotations: { ttl: '2h' } }))).toBe('fail');
  });
  test('numbers in a string pattern match numeric values; null pattern matches missing, 0, "" and false', () => {
    expect(patternStatus({ spec: { priority: '5' } }, pod({ priority: 5 }))).toBe('pass');
    expect(patternStatus({ spec: { priority: null } }, pod({}))).toBe('pass');
    expect(patternStatus({ spec: { priority: null } }, pod({ priority: 3 }))).toBe('fail');
    expect(patternStatus({ spec: { hostNetwork: false } }, pod({ hostNetwork: true }))).toBe('fail');
    expect(patternStatus({ spec: { hostNetwork: false } }, pod({ hostNetwork: false }))).toBe('pass');
  });
});

describe('anchors (validate/#anchors)', () => {
  test('equality anchor =(): checked only when the field is present', () => {
    const p = { spec: { '=(hostNetwork)': false } };
    expect(patternStatus(p, pod({}))).toBe('pass');
    expect(patternStatus(p, pod({ hostNetwork: false }))).toBe('pass');
    expect(patternStatus(p, pod({ hostNetwork: true }))).toBe('fail');
  });
  test('conditional anchor (): the rule is skipped when the condition does not hold', () => {
    // doc example: if the image is *:latest, imagePullPolicy must be Always
    const p = { spec: { containers: [{ '(image)': '*:latest', 'imagePullPolicy': 'Always' }] } };
    expect(patternStatus(p, pod({ containers: [{ name: 'c', image: 'nginx:latest', imagePullPolicy: 'Always' }] }))).toBe('pass');
    expect(patternStatus(p, pod({ containers: [{ name: 'c', image: 'nginx:latest', imagePullPolicy: 'IfNotPresent' }] }))).toBe('fail');
    expect(patternStatus(p, pod({ containers: [{ name: 'c', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent' }] }))).toBe('skip');
  });
  test('conditional anchor on a missing key skips', () => {
    expect(patternStatus({ metadata: { '(labels)': { app: 'x' } }, spec: { hostNetwork: false } }, pod({ hostNetwork: true }))).toBe('skip');
  });
  test('global anchor <(): a failing global condition skips the whole rule', () => {
    // doc example: if any container uses an image from corp.reg.com, imagePullSecrets are required
    const p = { spec: { containers: [{ 'name': '*', '<(image)': 'corp.reg.com/*' }], imagePullSecrets: [{ name: 'my-registry-secret' }] } };
    expect(patternStatus(p, pod({ containers: [{ name: 'c', image: 'nginx' }] }))).toBe('skip');
    expect(patternStatus(p, pod({ containers: [{ name: 'c', image: 'corp.reg.com/app' }] }))).toBe('fail');
    expect(patternStatus(p, pod({ containers: [{ name: 'c', image: 'corp.reg.com/app' }], imagePullSecrets: [{ name: 'my-registry-secret' }] }))).toBe('pass');
  });
  test('negation anchor X(): the field must not exist', () => {
    const p = { spec: { 'X(hostPath)': 'null' } };
    expect(patternStatus(p, pod({}))).toBe('pass');
    expect(patternStatus(p, pod({ hostPath: { path: '/' } }))).toBe('fail');
  });
  test('existence anchor ^(): at least one element must match', () => {
    // doc example: at least one container with image nginx:latest
    const p = { spec: { '^(containers)': [{ image: 'nginx:latest' }] } };
    expect(patternStatus(p, pod({ containers: [{ name: 'a', image: 'busybox' }, { name: 'b', image: 'nginx:latest' }] }))).toBe('pass');
    expect(patternStatus(p, pod({ containers: [{ name: 'a', image: 'busybox' }] }))).toBe('fail');
  });
  test('existence anchor on a non-list fails the rule', () => {
    expect(patternStatus({ spec: { '^(hostNetwork)': [{ a: 1 }] } }, pod({ hostNetwork: true }))).toBe('fail');
  });
  test('arrays: every element must match the pattern element', () => {
    const p = { spec: { containers: [{ securityContext: { privileged: false } }] } };
    expect(patternStatus(p, pod({ containers: [{ name: 'a', image: 'i', securityContext: { privileged: false } }, { name: 'b', image: 'i', securityContext: { privileged: true } }] }))).toBe('fail');
    expect(patternStatus(p, pod({ containers: [{ name: 'a', image: 'i', securityContext: { privileged: false } }] }))).toBe('pass');
  });
  test('a failure while an anchored key is absent from the resource is an error (validate.MatchPattern: missing anchor in resource)', () => {
    const p = { spec: { '^(initContainers)': [{ name: '?*' }], 'hostNetwork': false } };
    expect(patternStatus(p, pod({ hostNetwork: true }))).toBe('error');
    expect(patternStatus(p, pod({ hostNetwork: true, initContainers: [{ name: 'i', image: 'x' }] }))).toBe('fail');
    // absent negation keys are what a negation wants: a plain failure stays a failure
    expect(patternStatus({ spec: { 'X(hostPID)': 'null', 'hostNetwork': false } }, pod({ hostNetwork: true }))).toBe('fail');
  });
  test('a scalar pattern against a list checks every item', () => {
    expect(patternStatus({ spec: { tolerations: 'x' } }, pod({ tolerations: ['x', 'x'] }))).toBe('pass');
    expect(patternStatus({ spec: { tolerations: 'x' } }, pod({ tolerations: ['x', 'y'] }))).toBe('fail');
  });
});

describe('anyPattern (validate/#anypattern)', () => {
  test('passes when any pattern passes, fails otherwise', () => {
    const policy = {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'p' },
      spec: { rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { anyPattern: [{ spec: { hostNetwork: false } }, { metadata: { labels: { trusted: 'true' } } }] } }] },
    };
    expect(PolicyEngine.evaluate(policy, pod({ hostNetwork: true }, { labels: { trusted: 'true' } }))[0].status).toBe('pass');
    expect(PolicyEngine.evaluate(policy, pod({ hostNetwork: true }))[0].status).toBe('fail');
  });
});

test('the add-if-not-present anchor +() belongs to mutate: in a validate pattern it is a literal key (anchors/#add-if-not-present-anchor)', () => {
  expect(patternStatus({ metadata: { labels: { '+(team)': 'a' } } }, pod({}, { labels: { team: 'a' } }))).toBe('fail');
  expect(patternStatus({ metadata: { labels: { '+(team)': null } } }, pod({}, { labels: { team: 'a' } }))).toBe('pass');
});
