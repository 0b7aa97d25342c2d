import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { CASES } from './cases';
import { ENTRIES } from './entries';
import { evaluatePolicy } from '../../src/engine/evaluate';

describe('catalogue policies on cdk8s-plus resources, through the engine', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const app = Testing.app();
      const policies = new Chart(app, 'policies');
      const resources = new Chart(app, 'resources');
      for (const { policy, expectations } of c.build(policies, resources as Construct)) {
        const json = policy.toJson();
        const got = expectations.map((e) => {
          const resource = e.object.toJson();
          const results = evaluatePolicy(json, resource, { operation: 'CREATE', ruleValues: e.values ? { [e.rule.replace(/^autogen-(cronjob-)?/, '')]: e.values } : undefined });
          const r = results.find((x) => x.rule === e.rule);
          return `${resource.kind}/${resource.metadata.name} ${e.rule}: ${r?.status ?? 'skip'}${r?.status !== e.result && r?.message ? ` (${r.message})` : ''}`;
        });
        expect(got).toEqual(expectations.map((e) => `${e.object.kind}/${e.object.metadata.name} ${e.rule}: ${e.result}`));
        // every policy is proven both ways
        expect({ policy: json.metadata.name, pass: expectations.some((e) => e.result === 'pass'), fail: expectations.some((e) => e.result === 'fail') })
          .toEqual({ policy: json.metadata.name, pass: true, fail: true });
      }
    });
  }

  test('every catalogue entry has a case', () => {
    const covered = new Set(CASES.map((c) => c.name));
    expect(ENTRIES.map((e) => e.className).filter((n) => !covered.has(n))).toEqual([]);
  });
});
