import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { expectCrdValid, newChart, PODS } from './helpers';
import { validateTree } from '../../src/core/validate-tree';
import { parseYamlDocuments } from '../../src/core/yaml';
import { ClusterPolicy, Operation, ValidatingPolicy, ValidatingPolicyProps, ImportedPolicy } from '../../src/kyverno';
import { celProblem, ruleCelFields, validatingPolicyCelFields } from '../../src/kyverno/cel-checks';
import { listFiles } from '../support/files';
import { describeWithShared, sharedPath } from '../support/shared';

const PODS_RULE = { apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE], resources: ['pods'] };
const GOOD = 'object.spec.containers.all(c, has(c.resources.limits))';
const UNCLOSED = 'object.spec.containers.all(c, c.image.startsWith("x")';
const UNCLOSED_ERROR = `not valid CEL: expected ')' but found 'end of input' at position 53 in: ${UNCLOSED}`;

function vpolProblems(props: Partial<ValidatingPolicyProps>): string[] {
  const chart = newChart();
  new ValidatingPolicy(chart, 'vpol', { matchConstraints: { resourceRules: [PODS_RULE] }, validations: [{ expression: GOOD }], ...props });
  return chart.node.findAll().flatMap((c) => c.node.validate());
}

describe('CEL expressions must compile', () => {
  test('one expression: valid, syntax errors with their position, and optional-type syntax', () => {
    expect(celProblem(GOOD, 'f')).toBeUndefined();
    expect(celProblem("object.?metadata.?labels[?'team'].orValue('') != ''", 'f')).toBeUndefined();
    expect(celProblem(UNCLOSED, 'f')).toBe(`f: ${UNCLOSED_ERROR}`);
    expect(celProblem("'abc", 'f')).toBe("f: not valid CEL: unterminated string at position 0 in: 'abc");
    expect(celProblem('a ? b', 'f')).toBe("f: not valid CEL: expected ':' but found 'end of input' at position 5 in: a ? b");
    expect(celProblem('object.name # 1', 'f')).toBe("f: not valid CEL: unexpected character '#' at position 12 in: object.name # 1");
  });

  test('a multi-line expression is located by line and column and only the offending line is quoted', () => {
    const unclosed = 'object.spec.containers.all(c,\n  has(c.resources.limits)\n';
    expect(celProblem(unclosed, 'f')).toBe('f: not valid CEL: expected \')\' but found \'end of input\' at line 2, column 26 (position 56): "has(c.resources.limits)"');
    const badCharacter = 'object.spec.containers.all(c,\n  c.image ~ "x")';
    expect(celProblem(badCharacter, 'f')).toBe('f: not valid CEL: unexpected character \'~\' at line 2, column 11 (position 40): "c.image ~ \\"x\\")"');
    // an error at the end of input points at the last line with text, not past a trailing newline
    expect(celProblem('object.metadata.name != "" &&\n', 'f')).toBe('f: not valid CEL: unexpected \'end of input\' at line 1, column 30 (position 30): "object.metadata.name != \\"\\" &&"');
  });

  test('ValidatingPolicy: every CEL field is checked and named, all problems collected', () => {
    expect(vpolProblems({
      matchConditions: [{ name: 'ok', expression: '!request.dryRun' }, { name: 'bad', expression: 'request.dryRun ==' }],
      variables: [{ name: 'image', expression: "object.spec.containers[0].image.split(':'" }],
      validations: [
        { expression: GOOD, messageExpression: "'limits missing in ' + " },
        { expression: UNCLOSED },
      ],
      auditAnnotations: [{ key: 'a', valueExpression: 'string(1))' }],
    })).toEqual([
      "test/vpol: spec.matchConditions[1].expression: not valid CEL: unexpected 'end of input' at position 17 in: request.dryRun ==",
      "test/vpol: spec.variables[0].expression: not valid CEL: expected ')' but found 'end of input' at position 41 in: object.spec.containers[0].image.split(':'",
      "test/vpol: spec.validations[0].messageExpression: not valid CEL: unexpected 'end of input' at position 23 in: 'limits missing in ' + ",
      `test/vpol: spec.validations[1].expression: ${UNCLOSED_ERROR}`,
      "test/vpol: spec.auditAnnotations[0].valueExpression: not valid CEL: unexpected ')' at position 9 in: string(1))",
    ]);
  });

  test('ValidatingPolicy with valid CEL has no problem and validates against the CRD', () => {
    expect(vpolProblems({ variables: [{ name: 'c', expression: 'object.spec.containers' }], validations: [{ expression: 'variables.c.size() > 0', messageExpression: "'none'" }] })).toEqual([]);
  });

  test('ClusterPolicy validate.cel and celPreconditions are checked; validateTree refuses the tree', () => {
    const chart = newChart();
    new ClusterPolicy(chart, 'cel', {
      rules: [{
        name: 'limits',
        match: PODS,
        celPreconditions: [{ name: 'not-kube-system', expression: "namespaceObject.metadata.name != 'kube-system" }],
        validate: {
          cel: {
            variables: [{ name: 'containers', expression: 'object.spec.containers' }],
            expressions: [
              { expression: 'variables.containers.all(c, has(c.resources.limits)' },
              { expression: GOOD, messageExpression: "'bad ' +" },
            ],
            auditAnnotations: [{ key: 'k', valueExpression: '1 +' }],
          },
        },
      }],
    });
    expect(() => validateTree(chart)).toThrow([
      'Validation failed with 4 error(s); nothing was written:',
      "  - test/cel: spec.rules[0].celPreconditions[0].expression: not valid CEL: unterminated string at position 33 in: namespaceObject.metadata.name != 'kube-system",
      "  - test/cel: spec.rules[0].validate.cel.expressions[0].expression: not valid CEL: expected ')' but found 'end of input' at position 51 in: variables.containers.all(c, has(c.resources.limits)",
      "  - test/cel: spec.rules[0].validate.cel.expressions[1].messageExpression: not valid CEL: unexpected 'end of input' at position 8 in: 'bad ' +",
      "  - test/cel: spec.rules[0].validate.cel.auditAnnotations[0].valueExpression: not valid CEL: unexpected 'end of input' at position 3 in: 1 +",
    ].join('\n'));
  });

  test('celPreconditions need unique names', () => {
    const chart = newChart();
    const p = new ClusterPolicy(chart, 'cel', {
      rules: [{
        name: 'limits',
        match: PODS,
        celPreconditions: [
          { name: 'create', expression: "request.operation == 'CREATE'" },
          { name: 'create', expression: "request.operation != 'DELETE'" },
          { name: '', expression: 'true' },
        ],
        validate: { cel: { expressions: [{ expression: GOOD }] } },
      }],
    });
    expect(p.node.validate()).toEqual([
      'test/cel: spec.rules[0].celPreconditions[1].name: "create" is used twice (names must be unique)',
      'test/cel: spec.rules[0].celPreconditions[2].name: a CEL precondition needs a name',
    ]);
  });

  test('celPreconditions are emitted after preconditions and validate against the v1.13.2 CRD', () => {
    const chart = newChart();
    const p = new ClusterPolicy(chart, 'cel', {
      rules: [{
        name: 'limits',
        match: PODS,
        celPreconditions: [{ name: 'create', expression: "request.operation == 'CREATE'" }],
        validate: { cel: { expressions: [{ expression: GOOD }] } },
      }],
    });
    expect(p.node.validate()).toEqual([]);
    const rule = p.toJson().spec.rules[0];
    expect(Object.keys(rule)).toEqual(['name', 'match', 'celPreconditions', 'validate']);
    expect(rule.celPreconditions).toStrictEqual([{ name: 'create', expression: "request.operation == 'CREATE'" }]);
    expectCrdValid(p.toJson(), 'v1.13.2');
  });

  test('imported policies: uncompilable CEL is reported (Kyverno rejects it at admission)', () => {
    const chart = new Chart(Testing.app(), 'lib');
    const cpol = ImportedPolicy.clusterPolicy(chart, 'cpol', {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'cel' },
      spec: { rules: [{ name: 'r', match: PODS, validate: { cel: { expressions: [{ expression: GOOD }, { expression: '1 +' }] } } }] },
    });
    const pol = ImportedPolicy.policy(chart, 'pol', {
      apiVersion: 'kyverno.io/v1',
      kind: 'Policy',
      metadata: { name: 'cel', namespace: 'team' },
      spec: { rules: [{ name: 'r', match: PODS, celPreconditions: [{ name: 'c', expression: '(' }], validate: { cel: { expressions: [{ expression: GOOD }] } } }] },
    });
    const vpol = ImportedPolicy.fromManifest(chart, 'vpol', {
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'ValidatingPolicy',
      metadata: { name: 'cel' },
      spec: { matchConstraints: { resourceRules: [PODS_RULE] }, validations: [{ expression: GOOD }, { expression: 'x.', message: 'm' }] },
    });
    expect(cpol.node.validate()).toEqual(["lib/cpol: spec.rules[0].validate.cel.expressions[1].expression: not valid CEL: unexpected 'end of input' at position 3 in: 1 +"]);
    expect(pol.node.validate()).toEqual(["lib/pol: spec.rules[0].celPreconditions[0].expression: not valid CEL: unexpected 'end of input' at position 1 in: ("]);
    expect(vpol.node.validate()).toEqual(['lib/vpol: spec.validations[1].expression: not valid CEL: expected a field name at position 2 in: x.']);
  });
});

/** Every kyverno.io / policies.kyverno.io policy document of the community library. */
function libraryPolicies(): Array<{ file: string; doc: any }> {
  const root = sharedPath('conformance', 'kyverno-policies');
  const out: Array<{ file: string; doc: any }> = [];
  for (const rel of listFiles(root, (name) => name.startsWith('.')).filter((f) => /\.ya?ml$/.test(f))) {
    for (const doc of parseYamlDocuments(fs.readFileSync(path.join(root, rel), 'utf-8'), rel)) {
      if (String(doc?.apiVersion).match(/^(kyverno|policies\.kyverno)\.io\//)) out.push({ file: rel, doc });
    }
  }
  return out;
}

describeWithShared('CEL checks on the community library', () => {
  test('every CEL expression of the library compiles (no false positives)', () => {
    const fields: Array<{ where: string; expression: unknown }> = [];
    for (const { file, doc } of libraryPolicies()) {
      if (doc.kind === 'ValidatingPolicy') {
        validatingPolicyCelFields(doc.spec).forEach((f) => fields.push({ where: `${file} ${f.at}`, expression: f.expression }));
      } else if (doc.kind === 'ClusterPolicy' || doc.kind === 'Policy') {
        (doc.spec?.rules ?? []).forEach((r: any, i: number) => ruleCelFields(r, `spec.rules[${i}]`).forEach((f) => fields.push({ where: `${file} ${f.at}`, expression: f.expression })));
      }
    }
    // the library's CEL policies (vpol, *-cel folders) hold a few hundred expressions
    expect(fields.length).toBeGreaterThan(250);
    expect(fields.map((f) => celProblem(f.expression, f.where)).filter((p) => p !== undefined)).toEqual([]);
  });
});
