/**
 * SLOW (about a minute): the bundled dependencies of the packed library, as the package task
 * prunes them, still do their work once a team installs the tarball. A script run from the team's
 * folder (so every import resolves inside the installed package) lints values with Spectral (a
 * `schema` rule runs ajv), evaluates a CEL ValidatingPolicy (matches() runs re2js) and a
 * ClusterPolicy whose deny condition is a JMESPath expression.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildAndPack, installPacked, run } from './pack-support';

jest.setTimeout(170_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'packed-runtime-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const SPECTRAL = `rules:
  replicas-schema:
    given: $
    severity: error
    then:
      function: schema
      functionOptions:
        schema:
          type: object
          properties:
            replicas: { type: integer, minimum: 1 }
`;

const CHECK = `const { PolicyEngine, ValuesLinter } = require('cdk8s-policy-platform');

const pod = (image) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'team' }, spec: { containers: [{ name: 'c', image }] } });
const vpol = {
  apiVersion: 'policies.kyverno.io/v1alpha1', kind: 'ValidatingPolicy', metadata: { name: 'semver-tag' },
  spec: {
    validationActions: ['Audit'],
    matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], operations: ['CREATE', 'UPDATE'] }] },
    validations: [{ expression: 'object.spec.containers.all(c, c.image.matches("^[a-z]+:[0-9]+[.][0-9]+$"))', message: 'semver tags only' }],
  },
};
const cpol = {
  apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'no-latest' },
  spec: { rules: [{ name: 'no-latest', match: { any: [{ resources: { kinds: ['Pod'] } }] },
    validate: { message: 'no latest', deny: { conditions: { any: [{ key: "{{ request.object.spec.containers[?ends_with(image, ':latest')] | length(@) }}", operator: 'GreaterThan', value: 0 }] } } } }] },
};
const status = (policy, image) => PolicyEngine.evaluate(policy, pod(image)).map((r) => r.status).join();

(async () => {
  const lint = await ValuesLinter.lintRepo(process.argv[2], 'prd');
  process.stdout.write(JSON.stringify({
    cel: [status(vpol, 'nginx:1.25'), status(vpol, 'nginx:latest')],
    jmespath: [status(cpol, 'nginx:1.25'), status(cpol, 'nginx:latest')],
    lint: lint.results.map((r) => ({ rule: r.rule, message: r.message, file: r.file })),
  }));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

test('Spectral with ajv, the CEL engine with re2js and JMESPath work from the installed tarball', () => {
  const team = path.join(work, 'team');
  installPacked(buildAndPack(), team);
  const repo = path.join(work, 'repo');
  for (const [file, content] of Object.entries({
    '.spectral.yaml': SPECTRAL,
    'charts/backend/values.yaml': 'replicas: 2\n',
    'cd/prd/values.yaml': 'replicas: 0\n',
  })) {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), content);
  }
  fs.writeFileSync(path.join(team, 'check.js'), CHECK);

  const out = JSON.parse(run('node', ['check.js', repo], team));
  expect(out.cel).toEqual(['pass', 'fail']);
  expect(out.jmespath).toEqual(['pass', 'fail']);
  expect(out.lint).toEqual([{ rule: 'replicas-schema', message: expect.stringMatching(/>= 1/), file: 'cd/prd/values.yaml' }]);
});

test('the bundled Spectral\'s install telemetry (@scarf/scarf) is not installed with the library', () => {
  const team = path.join(work, 'team');
  if (!fs.existsSync(path.join(team, 'node_modules', 'cdk8s-policy-platform'))) installPacked(buildAndPack(), team);
  const scarf = JSON.parse(fs.readFileSync(path.join(team, 'node_modules', 'cdk8s-policy-platform', 'node_modules', '@scarf', 'scarf', 'package.json'), 'utf-8'));
  // the stand-in: no postinstall reporting the team's install to scarf.sh
  expect(scarf.scripts).toBeUndefined();
  expect(scarf.description).toMatch(/^Stands in for @scarf\/scarf/);
});
