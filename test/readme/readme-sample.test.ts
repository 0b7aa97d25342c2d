/**
 * The README's usage sample is executed as written (imports pointed at src/, output to a temp dir),
 * so the README cannot drift from the API.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');

/** The first ```ts block after a heading of the README. */
function sampleUnder(heading: string): string {
  const at = README.indexOf(heading);
  const match = at < 0 ? null : /```ts\n([\s\S]*?)```/.exec(README.slice(at));
  if (!match) throw new Error(`README has no \`\`\`ts block under ${heading}`);
  return match[1];
}

const usageSample = () => sampleUnder('## Usage');
/** The sample of the README section on PolicySource.fromDirectory. */
const directorySample = () => sampleUnder('### Aggregating a repository by folder');

test('the usage sample has at most 30 lines of code', () => {
  const lines = usageSample().split('\n').filter((l) => l.trim() !== '');
  expect(lines.length).toBeLessThanOrEqual(30);
});

test('the usage sample runs: the PolicyTest verifies and the repository is written', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  const source = usageSample()
    .replace(/from 'cdk8s-policy-platform'/g, `from ${JSON.stringify(path.join(__dirname, '..', '..', 'src'))}`)
    .replace(/repo\.synth\('([^']+)'\)/, (_m, dir) => `repo.synth(${JSON.stringify(path.join(outdir, dir))})`);
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  const js = ts.transpileModule(source, { compilerOptions }).outputText;
  const run = new Function('require', 'exports', js);
  run(require, {});

  const repoDir = path.join(outdir, 'out', 'security-policy');
  for (const f of ['charts/security-policy/Chart.yaml', 'charts/security-policy/templates/require-resource-limits.yaml',
    'charts/security-policy/templates/disallow-latest-tag.yaml', 'cd/values.yaml', 'cd/prd/values.yaml',
    'rendered/prd/security-policy.yaml', 'Dockerfile', 'README.md']) {
    expect(fs.existsSync(path.join(repoDir, f))).toBe(true);
  }
  const prd = fs.readFileSync(path.join(repoDir, 'rendered', 'prd', 'security-policy.yaml'), 'utf-8');
  expect(prd).toContain('failureAction: Enforce');
  expect(prd).toContain('{{ request.object.metadata.name }}');
  const dev = fs.readFileSync(path.join(repoDir, 'rendered', 'dev', 'security-policy.yaml'), 'utf-8');
  expect(dev).toContain('failureAction: Audit');
  expect(fs.readFileSync(path.join(repoDir, 'Dockerfile'), 'utf-8')).toContain('COPY . /repos/security-policy/');
});

test('the README samples (usage, fromDirectory) type-check against the library (strict)', () => {
  // Written inside the repository (.tmp/ is ignored) so that cdk8s and cdk8s-plus resolve from node_modules.
  const dir = path.join(__dirname, '..', '..', '.tmp', 'readme');
  fs.mkdirSync(dir, { recursive: true });
  const files = [['sample.ts', usageSample()], ['directory-sample.ts', directorySample()]].map(([name, text]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text.replace(/from 'cdk8s-policy-platform'/g, "from '../../src'"));
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
    types: ['node'],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => files.includes(d.file?.fileName ?? ''));
  expect(diagnostics.map((d) => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)).toEqual([]);
});

test('the fromDirectory sample runs: the repository folder is copied by the platform image from its build context', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-directory-'));
  const platformDir = path.join(outdir, 'out', 'platform');
  const source = directorySample()
    .replace(/from 'cdk8s-policy-platform'/g, `from ${JSON.stringify(path.join(__dirname, '..', '..', 'src'))}`)
    .replace("const platformDir = 'out/platform';", `const platformDir = ${JSON.stringify(platformDir)};`);
  expect(source).toContain(JSON.stringify(platformDir));
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  const js = ts.transpileModule(source, { compilerOptions }).outputText;
  new Function('require', 'exports', js)(require, {});

  const dockerfile = fs.readFileSync(path.join(platformDir, 'Dockerfile'), 'utf-8').split('\n');
  expect(dockerfile.filter((l) => l.endsWith(' AS security_policy_repo'))).toHaveLength(1);
  expect(dockerfile).toContain('COPY repos/security-policy/charts/ /repos/security-policy/charts/');
  expect(dockerfile).toContain('COPY --from=security_policy_repo /repos/security-policy/ /repos/security-policy/');
  const index = JSON.parse(fs.readFileSync(path.join(platformDir, 'index.json'), 'utf-8'));
  expect(index.sources.map((s: any) => [s.name, s.kind, s.directory, s.policies])).toEqual([['security-policy', 'directory', 'repos/security-policy', ['ClusterPolicy/require-team-label']]]);
});
