import { ENTRIES } from './entries';
import { newChart, problemsOf } from './support';
import * as catalog from '../../src/catalog';
import { ClusterPolicy } from '../../src/kyverno';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('the catalogue as a whole', () => {
  const chart = newChart();
  const policies = [
    ...ENTRIES.map((e) => ({ name: e.className, policy: e.build(chart, e.className) })),
    ...new catalog.PodSecurityRestricted(chart, 'restricted', { namePrefix: 'pss-' }).policies.map((p) => ({ name: p.control, policy: p })),
  ];

  test.each(policies.map((p) => [p.name, p.policy]))('%s: a ClusterPolicy with a kebab-case name and its metadata filled', (_name, policy) => {
    expect(policy).toBeInstanceOf(ClusterPolicy);
    const json = (policy as ClusterPolicy).toJson();
    expect(json.metadata.name).toMatch(KEBAB);
    const ann = json.metadata.annotations;
    for (const key of ['title', 'category', 'severity', 'subject', 'description']) {
      expect({ key, value: typeof ann[`policies.kyverno.io/${key}`] }).toEqual({ key, value: 'string' });
    }
    expect(json.spec.rules.length).toBeGreaterThan(0);
    for (const r of json.spec.rules) expect(r.name).toMatch(KEBAB);
  });

  test('every default policy is valid and the names are unique', () => {
    expect(problemsOf(chart)).toEqual([]);
    const names = policies.map((p) => (p.policy as ClusterPolicy).policyName);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  test('output does not depend on construction order', () => {
    const forward = newChart();
    const backward = newChart();
    const built = (c: typeof forward, order: typeof ENTRIES) => order.map((e) => e.build(c, e.className));
    const a = built(forward, ENTRIES).map((p) => JSON.stringify(p.toJson()));
    const b = built(backward, [...ENTRIES].reverse()).reverse().map((p) => JSON.stringify(p.toJson()));
    expect(b).toEqual(a);
  });
});
