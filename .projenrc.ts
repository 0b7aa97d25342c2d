import { cdk8s, javascript, JsonFile } from 'projen';

// Runtime dependencies are bundled: a jsii library may only depend on jsii modules at runtime.
const bundledDeps = [
  'yaml@^2.8.0',
  // enforcement's manifest reader: ~4x faster than yaml on manifests, with yaml's YAML 1.1 scalar schema
  'js-yaml@^4.1.0',
  'semver@^7.7.0',
  '@jmespath-community/jmespath@^1.3.0',
  '@bufbuild/cel@^0.6.1',
  // @bufbuild/cel's peer dependency: bundled with it, or the packed library cannot load it.
  '@bufbuild/protobuf@^2.6.2',
  '@stoplight/spectral-core@^1.24.0',
  '@stoplight/spectral-functions@^1.10.0',
  '@stoplight/spectral-parsers@^1.0.5',
  '@stoplight/spectral-rulesets@^1.22.0',
  '@stoplight/spectral-ref-resolver@^1.0.5', // values-lint: a resolver that never fetches $refs
  '@stoplight/spectral-formats@^1.9.0', // values-lint: `formats` in .spectral.yaml
  // Go regexp (RE2) semantics for regex_match, regex_replace_all and CEL matches(): pure JS, no wasm
  're2js@^2.10.0',
];

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-policy-platform',
  description: 'Author Kubernetes admission policies (Kyverno) as typed cdk8s constructs and synthesize multi-team policy repositories and a verified policy-platform image.',
  author: 'cdk8s-policy-platform maintainers',
  authorAddress: 'maintainers@example.com',
  repositoryUrl: 'https://github.com/example/cdk8s-policy-platform.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  keywords: ['cdk8s', 'kyverno', 'policy', 'kubernetes', 'helm', 'projen'],

  // projen's default cdk8s for this project type is 1.x: pin the 2.x line.
  cdk8sVersion: '2.70.106',
  constructsVersion: '10.8.1',
  jsiiVersion: '~6.0.0',

  peerDeps: ['cdk8s-plus-28@^2.5.6', 'projen@^0.103.25'],
  bundledDeps,
  devDeps: [
    '@types/semver', '@types/node@^20', 'cdk8s-plus-28@2.5.6',
    // only tests use these (src/ does not): Spectral brings its own ajv into the bundle
    'ajv@^8.17.0',
    // Spectral's 2.x line: one hoisted copy in the bundle instead of three nested under Spectral
    'ajv-formats@^2.1.1',
    'dockerfile-ast@^0.7.1',
    'dockerfile-utils@^0.16.3',
    // declared here so that the override below resolves its folder from the project root
    'es-aggregate-error@file:./shims/es-aggregate-error',
    '@scarf/scarf@file:./shims/scarf',
  ],

  eslintOptions: { dirs: ['src'], devdirs: ['test', 'examples', 'bench', 'projenrc'], ignorePatterns: ['examples/out/**'] },

  bin: { 'policy-platform': 'lib/cli/main.js' },

  // Our own CI is .ci/run; releases are not published from here.
  github: false,
  release: false,
  buildWorkflow: false,

  jestOptions: {
    // A snapshot changes only on purpose: never written implicitly, mismatches fail.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // coverage instrumentation more than doubles the run on this 2-core machine; `npx jest --coverage` when wanted
      collectCoverage: false,
      // *.integration.test.ts (packed tarballs, image builds, cdk8s-cli) run in `test:integration`
      testPathIgnorePatterns: ['/node_modules/', '/examples/out/', '/lib/', '/dist/', '\\.integration\\.test\\.ts$'],
      // projen adds 'default' and jest-junit; this closes the run with why suites were skipped
      reporters: [new javascript.JestReporter('<rootDir>/test/support/skip-summary-reporter.js')],
    },
  },

  gitignore: ['examples/out/', '.bench/', '/.tmp/'],

});

// ESLint's project service reads the nearest tsconfig.json: give examples/ and bench/ their own.
for (const dir of ['examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..', isolatedModules: true },
      include: ['**/*.ts'],
      exclude: ['node_modules', 'out'],
    },
  });
}

// Only test/ holds tests: src/cli/commands/test.ts is a command, not a test file.
project.package.file.addOverride('jest.testMatch', ['<rootDir>/test/**/*.test.ts']);

const tsNode = 'ts-node --prefer-ts-exts --transpile-only --project tsconfig.scripts.json';
project.addTask('example', {
  description: 'Synthesize the seed example (examples/) into examples/out/',
  exec: `${tsNode} examples/main.ts`,
});
project.addTask('bench', {
  description: 'Benchmarks (wall time, peak RSS, ratios to a floor)',
  exec: 'node --expose-gc -r ts-node/register bench/main.ts',
  receiveArgs: true,
  env: { TS_NODE_PROJECT: 'tsconfig.scripts.json', TS_NODE_TRANSPILE_ONLY: 'true' },
});
project.addTask('conformance', {
  description: 'Run the offline engine over the Kyverno community library test suites',
  exec: `${tsNode} src/cli/main.ts conformance`,
  receiveArgs: true,
});
// ts-jest only transpiles (isolatedModules): type errors in tests, examples and benchmarks are caught here.
const typecheck = project.addTask('typecheck', {
  description: 'Type-check sources, tests, examples and benchmarks',
  exec: 'tsc --noEmit -p tsconfig.scripts.json',
});
project.testTask.spawn(typecheck);

// The slow suites (packed tarballs, image builds, a real cdk8s-cli): minutes each, so not in
// `npm test`; .ci/run runs them.
project.addTask('test:integration', {
  description: 'Integration suites (*.integration.test.ts): packed tarballs, image builds, cdk8s-cli',
  exec: "jest --passWithNoTests --coverage=false --testPathIgnorePatterns /node_modules/ /examples/out/ --testMatch '<rootDir>/test/**/*.integration.test.ts'",
  receiveArgs: true,
});

// npm packs bundled dependencies wholesale: the tarball is rewritten without what Node never loads.
project.tasks.tryFind('package:js')!.exec(`${tsNode} projenrc/prune-bundle.ts dist/js`);

// The API reference, one page per domain under docs/api/ with API.md as their index (one page of
// the whole library is too large for GitHub to render).
// lib/index.js loads each domain module on first use (projen, Spectral, CEL stay unloaded until used)
project.postCompileTask.prependExec(`${tsNode} projenrc/lazy-index.ts lib`);

const docgen = project.tasks.tryFind('docgen')!;
docgen.description = 'Generate API.md and docs/api/<domain>.md from the .jsii manifest';
docgen.reset(`${tsNode} projenrc/api-docs.ts`);

// The field trees the library ships to refuse unknown fields (from ../shared's Kyverno CRDs).
project.addTask('crd-schemas', {
  description: 'Regenerate src/kyverno/crd-fields.generated.ts from the Kyverno CRDs in $POLICY_PLATFORM_SHARED (default ../shared)',
  exec: `${tsNode} projenrc/generate-crd-schemas.ts`,
});

project.addTask('synth', {
  description: 'Alias of the default task, so `npx projen synth` works as in team repos',
  exec: 'projen default',
});

// ts-node runs the example, the benchmark and the CLI from source (no compile step needed).
new JsonFile(project, 'tsconfig.scripts.json', {
  obj: {
    extends: './tsconfig.json',
    compilerOptions: { rootDir: '.', noEmit: true },
    include: ['src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts'],
    exclude: ['node_modules', 'examples/out'],
  },
});

project.npmignore?.exclude('/examples/', '/bench/', '/.ci/', '/.tmp/', '/shims/', '/tsconfig.scripts.json', '/docs/');

// Spectral's es-aggregate-error resolves to Node's own AggregateError (shims/es-aggregate-error/):
// the polyfill it replaces would bundle es-abstract and ~90 packages never run on Node 15+.
// Spectral's @scarf/scarf resolves to a stand-in without its install telemetry (shims/scarf/): the
// real one's postinstall reports every team's install of this library to scarf.sh.
project.package.addField('overrides', { 'es-aggregate-error': '$es-aggregate-error', '@scarf/scarf': '$@scarf/scarf' });

project.synth();
