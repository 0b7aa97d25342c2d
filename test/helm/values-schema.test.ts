import Ajv from 'ajv';
import { App } from 'cdk8s';
import { valuesSchema } from '../../src/helm/values-schema';
import { devopsRepo, securityRepo } from '../repo/fixtures';

describe('values.schema.json', () => {
  test('accepts the merged values of every environment of every chart', () => {
    let checked = 0;
    for (const repo of [securityRepo(new App()), devopsRepo(new App())]) {
      const files = new Map(repo.synthFiles().map((f) => [f.path, f.content]));
      for (const set of repo.policySets) {
        const validate = new Ajv({ strict: true }).compile(JSON.parse(files.get(`charts/${set.chartName}/values.schema.json`)!));
        for (const env of repo.environments) {
          const values = repo.valuesOf(set, env);
          const result = { chart: set.chartName, env, ok: validate(values), errors: validate.errors };
          expect(result).toEqual({ chart: set.chartName, env, ok: true, errors: null });
          checked++;
        }
      }
    }
    expect(checked).toBe(4 + 2 * 2);
  });

  const validate = new Ajv({ strict: true }).compile(valuesSchema('c', ['requireLimits']));
  const good = { enabled: true, validationFailureAction: 'Enforce', background: false, excludedNamespaces: ['kube-system'] };

  test.each([
    ['a lowercase failure action', { ...good, validationFailureAction: 'enforce' }, '/policies/requireLimits/validationFailureAction'],
    ['a string for a boolean', { ...good, enabled: 'yes' }, '/policies/requireLimits/enabled'],
    ['a namespace that is not DNS-1123', { ...good, excludedNamespaces: ['Bad_NS'] }, '/policies/requireLimits/excludedNamespaces/0'],
    ['a namespaces string instead of a list', { ...good, excludedNamespaces: 'kube-system' }, '/policies/requireLimits/excludedNamespaces'],
    ['an unknown knob (typo)', { ...good, backgroud: true }, '/policies/requireLimits'],
    ['a missing knob', { enabled: true, validationFailureAction: 'Audit', background: true }, '/policies/requireLimits'],
  ])('rejects %s', (_what, knobs, where) => {
    expect(validate({ policies: { requireLimits: knobs } })).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(where);
  });

  test('accepts other charts\' policies, even partial (cd/ files are shared), but checks their types', () => {
    expect(validate({ policies: { requireLimits: good, otherChartPolicy: good } })).toBe(true);
    expect(validate({ policies: { requireLimits: good, otherChartPolicy: { validationFailureAction: 'Audit' } } })).toBe(true);
    expect(validate({ policies: { requireLimits: good, otherChartPolicy: { ...good, enabled: 1 } } })).toBe(false);
    expect(validate({ policies: { requireLimits: good, otherChartPolicy: { validationFailureAction: 'Block' } } })).toBe(false);
  });
});
