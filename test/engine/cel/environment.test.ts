import { CelEnvironment, CelEvaluationError, fromCel, toCel } from '../../../src/engine/cel/environment';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    containers: [
      { name: 'a', image: 'registry.io/team/app:1.2', ports: [{ containerPort: 80 }] },
      { name: 'b', image: 'nginx:1.25' },
    ],
  },
};

function run(expression: string, data = {}): any {
  return fromCel(new CelEnvironment(data).evaluate(expression, { object: toCel(pod) }));
}

describe('CEL environment: standard language', () => {
  test.each([
    ['object.spec.containers.all(c, c.image.contains(":"))', true],
    ['object.spec.containers.exists(c, c.name == "b")', true],
    ['object.spec.containers.exists_one(c, c.image.startsWith("nginx"))', true],
    ['object.spec.containers.map(c, c.name)', ['a', 'b']],
    ['object.spec.containers.filter(c, has(c.ports)).size()', 1],
    ['has(object.metadata.labels) && !has(object.metadata.annotations)', true],
    ['object.metadata.name.matches("^w.b$")', true],
    ['object.spec.containers[1].image.endsWith("1.25")', true],
    ['size(object.spec.containers)', 2],
    ['int("12") + 1', 13],
    ['duration("8h") > duration("30m")', true],
    ['"app" in object.metadata.labels', true],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  test('JSON integers are CEL ints and compare with int literals', () => {
    expect(run('object.spec.containers[0].ports[0].containerPort == 80 && type(object.spec.containers[0].ports[0].containerPort) == int')).toBe(true);
  });

  test('a missing field is an evaluation error', () => {
    expect(() => run('object.spec.nodeName == "x"')).toThrow(CelEvaluationError);
    expect(() => run('object.spec.nodeName == "x"')).toThrow(/nodeName/);
  });

  test('a syntax error is reported as a compilation failure', () => {
    expect(() => run('object.spec.')).toThrow(/compilation failed/);
  });
});

describe('CEL environment: Kubernetes strings library', () => {
  test.each([
    ['"a,b,c".split(",")', ['a', 'b', 'c']],
    ['"AbC".lowerAscii()', 'abc'],
    ['"AbC".upperAscii()', 'ABC'],
    ['"a-b-c".replace("-", "+")', 'a+b+c'],
    ['"abcabc".indexOf("c")', 2],
    ['"abcabc".lastIndexOf("c")', 5],
    ['"registry/app".substring(9)', 'app'],
    ['"  x  ".trim()', 'x'],
    ['["a", "b"].join("/")', 'a/b'],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
});

describe('CEL environment: Kubernetes lists and regex libraries', () => {
  test.each([
    ['[1, 2, 2].isSorted()', true],
    ['[2, 1].isSorted()', false],
    ['[1, 2, 3].sum()', 6],
    ['[3, 1, 2].min()', 1],
    ['[3, 1, 2].max()', 3],
    ['["a", "b", "a"].indexOf("a")', 0],
    ['["a", "b", "a"].lastIndexOf("a")', 2],
    ['["a", "b"].indexOf("z")', -1],
    ['"image:1.2.3".find("[0-9.]+")', '1.2.3'],
    ['"a1b22c333".findAll("[0-9]+")', ['1', '22', '333']],
    ['"a1b22c333".findAll("[0-9]+", 2)', ['1', '22']],
    ['"abc".find("z")', ''],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  test('min of an empty list is an error', () => {
    expect(() => run('[].min()')).toThrow(/empty list/);
  });
});

describe('CEL environment: optional types', () => {
  test.each([
    ['object.spec.?initContainers.orValue([]).size()', 0],
    ['object.spec.?containers.orValue([]).size()', 2],
    ['object.metadata.?labels[?"app"].orValue("none")', 'web'],
    ['object.metadata.?labels[?"tier"].orValue("none")', 'none'],
    ['object.metadata.?annotations.owner.orValue("nobody")', 'nobody'],
    ['object.?spec.?nodeName.hasValue()', false],
    ['optional.of(1).value()', 1],
    ['optional.none().orValue(2)', 2],
    ['optional.ofNonZeroValue("").hasValue()', false],
    ['object.spec.containers[?5].hasValue()', false],
    ['optional.none().or(optional.of(3)).value()', 3],
    ['[1, ?optional.none(), ?optional.of(2), 3]', [1, 2, 3]],
    ['{"a": 1, ?"b": optional.none(), ?"c": object.metadata.?labels.app}', { a: 1, c: 'web' }],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  test('value() of optional.none() is an error', () => {
    expect(() => run('optional.none().value()')).toThrow(/optional.none\(\) dereference/);
  });
});

describe('CEL environment: Kyverno libraries', () => {
  const data = {
    resources: [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team' }, data: { registry: 'registry.io' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'team' }, data: {} },
    ],
    images: [{ image: 'nginx:1.25', config: { architecture: 'amd64' } }],
  };

  test('resource.Get and resource.List read the supplied context', () => {
    expect(run('resource.Get("v1", "configmaps", "team", "settings").data.registry', data)).toBe('registry.io');
    expect(run('resource.List("v1", "configmaps", "team").items.size()', data)).toBe(2);
    expect(run('resource.List("v1", "configmaps", "elsewhere").items.size()', data)).toBe(0);
    expect(() => run('resource.Get("v1", "configmaps", "team", "missing")', data)).toThrow(/not found in the supplied context/);
  });

  test('image.GetMetadata reads supplied image data and is unsupported otherwise', () => {
    expect(run('image.GetMetadata("nginx:1.25").config.architecture', data)).toBe('amd64');
    expect(() => run('image.GetMetadata("busybox")', data)).toThrow(/cannot be evaluated offline/);
  });

  test('parseServiceAccount splits a service account user name', () => {
    expect(run('parseServiceAccount("system:serviceaccount:team:deployer")')).toEqual({ Namespace: 'team', Name: 'deployer' });
    expect(run('parseServiceAccount("alice")')).toEqual({ Namespace: '', Name: '' });
  });
});

describe('CEL environment: Kubernetes quantity and sets libraries', () => {
  test.each([
    ['quantity("1Gi").isGreaterThan(quantity("1000Mi"))', true],
    ['quantity("500m").isLessThan(quantity("1"))', true],
    ['quantity("2").compareTo(quantity("2000m"))', 0],
    ['quantity("1").add(quantity("500m")).asApproximateFloat()', 1.5],
    ['quantity("1").add(2).asInteger()', 3],
    ['quantity("3").sub(quantity("1")).asInteger()', 2],
    ['quantity("-1").sign()', -1],
    ['quantity("500m").isInteger()', false],
    ['isQuantity("1Gi") && !isQuantity("one")', true],
    ['sets.contains([1, 2, 3], [1, 3])', true],
    ['sets.contains([1, 2], [4])', false],
    ['sets.equivalent(["a", "b"], ["b", "a", "a"])', true],
    ['sets.intersects(["a"], ["b", "a"])', true],
    ['sets.intersects(["a"], ["b"])', false],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  test('invalid quantities and non-integer asInteger are errors', () => {
    expect(() => run('quantity("one")')).toThrow(/not a valid quantity/);
    expect(() => run('quantity("500m").asInteger()')).toThrow(/not an integer/);
  });
});

describe('CEL environment: Kubernetes format, URL, IP and CIDR libraries', () => {
  test.each([
    ['"%s-%d".format(["a", 1])', 'a-1'],
    ['url("https://example.com:8443/a/b?x=1").getScheme()', 'https'],
    ['url("https://example.com:8443/a/b?x=1").getHostname()', 'example.com'],
    ['url("https://example.com:8443/a/b?x=1").getPort()', '8443'],
    ['url("https://example.com:8443/a/b?x=1").getEscapedPath()', '/a/b'],
    ['url("https://example.com/?x=1&x=2").getQuery()', { x: ['1', '2'] }],
    ['isURL("https://example.com") && isURL("/path") && !isURL("not a url")', true],
    ['ip("10.1.2.3").family()', 4],
    ['ip("::1").family() == 6 && ip("::1").isLoopback()', true],
    ['isIP("10.0.0.256")', false],
    ['cidr("10.0.0.0/8").containsIP("10.20.30.40")', true],
    ['cidr("10.0.0.0/8").containsIP(ip("11.0.0.1"))', false],
    ['cidr("10.0.0.0/8").containsCIDR("10.1.0.0/16")', true],
    ['cidr("fd00::/8").containsIP("fd12::1")', true],
    ['cidr("10.0.0.0/8").prefixLength()', 8],
    ['isCIDR("10.0.0.0/33")', false],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
});
