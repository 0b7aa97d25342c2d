import { KnobValues } from '../../src/helm/knobs';
import { factorKnobValues } from '../../src/helm/values-factoring';
import { mergeHelmValues } from '../../src/helm/values-merge';

const base: KnobValues = { enabled: true, validationFailureAction: 'Enforce', background: true, excludedNamespaces: [] };
const envs = ['dev', 'qac', 'stg', 'prd'];

function table(defaults: KnobValues, perEnv: { [env: string]: Partial<KnobValues> }) {
  return {
    defaults: new Map([['p', defaults]]),
    effective: new Map([['p', new Map(envs.map((e) => [e, { ...defaults, ...perEnv[e] }]))]]),
  };
}

describe('factorKnobValues', () => {
  test('a value most environments share goes to cd/values.yaml, the rest to the environments', () => {
    const t = table(base, { dev: { validationFailureAction: 'Audit' }, qac: { validationFailureAction: 'Audit' }, stg: { validationFailureAction: 'Audit' } });
    const f = factorKnobValues(t, envs);
    expect(f.chart).toEqual({ p: base });
    expect(f.shared).toEqual({ p: { validationFailureAction: 'Audit' } });
    expect(Object.fromEntries(f.perEnvironment)).toEqual({ dev: {}, qac: {}, stg: {}, prd: { p: { validationFailureAction: 'Enforce' } } });
  });

  test('a tie keeps the chart default', () => {
    const t = table(base, { dev: { validationFailureAction: 'Audit' }, qac: { validationFailureAction: 'Audit' } });
    const f = factorKnobValues(t, envs);
    expect(f.shared).toEqual({});
    expect(Object.fromEntries(f.perEnvironment)).toEqual({
      dev: { p: { validationFailureAction: 'Audit' } }, qac: { p: { validationFailureAction: 'Audit' } }, stg: {}, prd: {},
    });
  });

  test('a tie between two overrides picks the earliest environment\'s', () => {
    const t = table(base, {
      dev: { excludedNamespaces: ['a'] }, qac: { excludedNamespaces: ['a'] }, stg: { excludedNamespaces: ['b'] }, prd: { excludedNamespaces: ['b'] },
    });
    const f = factorKnobValues(t, envs);
    expect(f.shared).toEqual({ p: { excludedNamespaces: ['a'] } });
    expect(f.perEnvironment.get('stg')).toEqual({ p: { excludedNamespaces: ['b'] } });
  });

  test('Helm\'s merge of the three layers gives every environment its effective values', () => {
    const t = table({ ...base, enabled: false }, {
      dev: { validationFailureAction: 'Audit', background: false },
      qac: { validationFailureAction: 'Audit', enabled: true },
      stg: { enabled: true, excludedNamespaces: ['x', 'y'] },
      prd: { enabled: true },
    });
    const f = factorKnobValues(t, envs);
    for (const env of envs) {
      const merged = mergeHelmValues({ policies: f.chart }, { policies: f.shared }, { policies: f.perEnvironment.get(env) });
      expect(merged.policies.p).toEqual(t.effective.get('p')!.get(env));
    }
  });
});

describe('mergeHelmValues (Helm semantics; more in values-merge.test.ts)', () => {
  test('maps merge, lists and scalars replace, null deletes a chart default', () => {
    expect(mergeHelmValues({ a: { b: 1, c: [1, 2] }, d: 1, e: 2 }, { a: { c: [3] }, d: null, f: { g: 1 } }))
      .toEqual({ a: { b: 1, c: [3] }, e: 2, f: { g: 1 } });
  });
});
