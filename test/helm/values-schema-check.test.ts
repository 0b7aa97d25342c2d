import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { toYaml } from '../../src/core/yaml';
import { mergeHelmValues } from '../../src/helm/values-merge';
import { valuesSchema } from '../../src/helm/values-schema';
import { checkValuesAgainstSchema, schemaErrors } from '../../src/helm/values-schema-check';
import { ClusterPolicy } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { mergedValues } from '../../src/repo/repo-model';
import { helmRender } from '../support/shared';

const SCHEMA = valuesSchema('c', ['requireLimits']);
const GOOD = { enabled: true, validationFailureAction: 'Audit', background: true, excludedNamespaces: [] };
const CHART = { policies: { requireLimits: GOOD } };

/** helm-render's error lines (gojsonschema, as Helm 3.16 validates) for a -f file over CHART; undefined without helm-render. */
function helmRenderErrors(user: any): string[] | undefined {
  const bin = helmRender();
  if (!bin) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-schema-'));
  try {
    fs.mkdirSync(path.join(dir, 'c', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'c', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
    fs.writeFileSync(path.join(dir, 'c', 'values.yaml'), toYaml(CHART));
    fs.writeFileSync(path.join(dir, 'c', 'values.schema.json'), JSON.stringify(SCHEMA));
    fs.writeFileSync(path.join(dir, 'c', 'templates', 'a.yaml'), 'a: 1\n');
    fs.writeFileSync(path.join(dir, 'u.yaml'), toYaml(user));
    try {
      execFileSync(bin, ['-f', path.join(dir, 'u.yaml'), path.join(dir, 'c')], { encoding: 'utf-8', stdio: 'pipe' });
      return [];
    } catch (e) {
      const err = String((e as any).stderr);
      expect(err).toContain('values don\'t meet the specifications of the schema(s) in the following chart(s):\nc:\n');
      return err.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Helm 3.16 (xeipuuv/gojsonschema) over the chart's values.schema.json: the expected lines are
 * gojsonschema's wording (locales.go) and its order (validation.go: type, allOf's errors then
 * "Must validate all the schemas (allOf)", required, additional properties, enum, properties,
 * items, uniqueItems). helm-render runs the real gojsonschema: its lines must be the same set
 * (Go map iteration can reorder sibling properties, so the comparison is order-free there).
 */
const CASES: Array<[string, any, string[]]> = [
  ['a string for a boolean', { policies: { requireLimits: { enabled: 'yes' } } }, [
    'policies.requireLimits.enabled: Invalid type. Expected: boolean, given: string',
    'policies.requireLimits: Must validate all the schemas (allOf)',
  ]],
  ['a lowercase failure action', { policies: { requireLimits: { validationFailureAction: 'enforce' } } }, [
    'policies.requireLimits.validationFailureAction: policies.requireLimits.validationFailureAction must be one of the following: "Audit", "Enforce"',
    'policies.requireLimits: Must validate all the schemas (allOf)',
  ]],
  ['a bad namespace and duplicates', { policies: { requireLimits: { excludedNamespaces: ['Bad_NS', 'a', 'a'] } } }, [
    'policies.requireLimits.excludedNamespaces.0: Does not match pattern \'^[a-z0-9]([-a-z0-9]*[a-z0-9])?$\'',
    'policies.requireLimits.excludedNamespaces: array items[1,2] must be unique',
    'policies.requireLimits: Must validate all the schemas (allOf)',
  ]],
  ['an unknown knob', { policies: { requireLimits: { backgroud: true } } }, [
    'policies.requireLimits: Additional property backgroud is not allowed',
    'policies.requireLimits: Must validate all the schemas (allOf)',
  ]],
  ['a null deletes a required policy table', { policies: { requireLimits: null } }, ['policies: requireLimits is required']],
  ['a null deletes the policies', { policies: null }, ['(root): policies is required']],
  ['a null deletes a required knob', { policies: { requireLimits: { enabled: null } } }, ['policies.requireLimits: enabled is required']],
  ['an integer for a boolean in another chart\'s policy', { policies: { other: { enabled: 1 } } }, ['policies.other.enabled: Invalid type. Expected: boolean, given: integer']],
  ['a float', { policies: { requireLimits: { enabled: 1.5 } } }, [
    'policies.requireLimits.enabled: Invalid type. Expected: boolean, given: number',
    'policies.requireLimits: Must validate all the schemas (allOf)',
  ]],
  ['a list for a table (type stops there)', { policies: { requireLimits: [1] } }, ['policies.requireLimits: Invalid type. Expected: object, given: array']],
  ['a too long namespace and a null item', { policies: { requireLimits: { excludedNamespaces: ['a'.repeat(64), null] } } }, [
    'policies.requireLimits.excludedNamespaces.0: String length must be less than or equal to 63',
    'policies.requireLimits.excludedNamespaces.1: Invalid type. Expected: string, given: null',
    'policies.requireLimits: Must validate all the schemas (allOf)',
  ]],
  ['valid values', { policies: { requireLimits: { enabled: false } } }, []],
];

describe('values.schema.json checked as helm template checks it', () => {
  test.each(CASES)('%s', (_name, user, expected) => {
    const values = mergeHelmValues(CHART, user);
    expect(schemaErrors(SCHEMA, values)).toEqual(expected);
    const helm = helmRenderErrors(user);
    if (helm) expect([...helm].sort()).toEqual([...expected].sort());
  });

  test('Helm\'s message (pkg/chartutil/jsonschema.go via ToRenderValues)', () => {
    expect(() => checkValuesAgainstSchema('c', SCHEMA, mergeHelmValues(CHART, { policies: null }))).toThrow(
      'values don\'t meet the specifications of the schema(s) in the following chart(s):\nc:\n- (root): policies is required\n');
  });

  test('a keyword the check does not implement is refused, never ignored', () => {
    expect(() => schemaErrors({ type: 'object', oneOf: [] }, {})).toThrow('keyword "oneOf" is not supported');
  });
});

describe('render(env) fails where helm template fails', () => {
  test('a repository value that a set\'s chart schema refuses', () => {
    const repo = new PolicyRepo(new App(), 'r', { environments: ['dev'] });
    const set = new PolicySet(repo, 's', { version: '1.0.0' });
    new ClusterPolicy(set, 'p', { rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'm', pattern: { metadata: { name: '?*' } } } }] });
    expect(repo.render('dev')).toHaveLength(1);
    // the only way to reach the schema from the typed API is h13's knobs; force one through the model
    const model = (repo as any).model();
    model.environmentValues.get('dev').policies = { p: { enabled: 'yes' } };
    expect(() => mergedValues(model, model.sets[0], 'dev')).toThrow(
      'helm template charts/s -f cd/values.yaml -f cd/dev/values.yaml: values don\'t meet the specifications of the schema(s) in the following chart(s):\ns:\n' +
      '- policies.p.enabled: Invalid type. Expected: boolean, given: string\n- policies.p: Must validate all the schemas (allOf)\n');
  });
});
