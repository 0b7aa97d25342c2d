import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { ValuesLinter, ValuesRuleset } from '../../src/values-lint';

describe('ValuesRuleset inside a PolicyRepo', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'values-lint-repo-'));
  });
  afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

  function backendRepo(environmentValues: { [env: string]: { [key: string]: any } }): PolicyRepo {
    const repo = new PolicyRepo(new App(), 'backend-applications', { environments: ['dev', 'prd'], environmentValues });
    new PolicySet(repo, 'backend-applications', {
      version: '1.0.0',
      values: { name: 'orders-api', namespace: 'backend', replicas: 3 },
    });
    ValuesRuleset.backendApplications(repo, 'values-rules');
    return repo;
  }

  test('the repository writes .spectral.yaml and its values pass', async () => {
    const repo = backendRepo({});
    expect(repo.synthFiles().map((f) => f.path)).toContain('.spectral.yaml');
    repo.synth(outdir);
    const report = await ValuesLinter.lintRepo(outdir);
    expect(report.environments).toEqual(['dev', 'prd']);
    expect(report.charts).toEqual(['backend-applications']);
    expect(report.results).toEqual([]);
  });

  test('an environment override breaking the rules is reported at its line in cd/<env>/values.yaml', async () => {
    backendRepo({ prd: { replicas: 25 } }).synth(outdir);
    const text = fs.readFileSync(path.join(outdir, 'cd', 'prd', 'values.yaml'), 'utf-8');
    const line = text.split('\n').findIndex((l) => l.startsWith('replicas:')) + 1;
    expect(line).toBeGreaterThan(0);
    const report = await ValuesLinter.lintRepo(outdir);
    expect(report.results.map((r) => `${r.environment} ${r.file}:${r.line} ${r.severity} ${r.rule} ${r.message}`)).toEqual([
      `prd cd/prd/values.yaml:${line} warn replica-count "replicas" property must be <= 10`,
    ]);
  });
});
