/**
 * The helm-render comparison: for every environment of a synthesized repository, render each chart
 * with `helm-render -f cd/values.yaml -f cd/<env>/values.yaml charts/<chart>` (Helm's template
 * engine) and compare the parsed documents with `repo.render(env)` and rendered/<env>/<chart>.yaml.
 * Shared by the repo tests and the example's test.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseYamlDocuments } from '../../src/core/yaml';
import { PolicyRepo } from '../../src/repo';
import { helmRender } from '../support/shared';

/** The documents helm-render prints for one chart and environment (YAML parsed, `# Source:` comments dropped). */
export function helmRenderChart(repoDir: string, chartName: string, environment: string): any[] {
  const bin = helmRender();
  if (!bin) throw new Error('helm-render is not available');
  const out = execFileSync(bin, ['-f', 'cd/values.yaml', '-f', `cd/${environment}/values.yaml`, `charts/${chartName}`], { cwd: repoDir, encoding: 'utf-8' });
  return parseYamlDocuments(out, `helm-render ${chartName} ${environment}`);
}

/** One comparison made. */
export interface HelmComparison {
  readonly environment: string;
  readonly chart: string;
  readonly documents: number;
}

/**
 * Synthesizes `repo` into `repoDir` and asserts, for every environment and chart, that helm-render's
 * output equals `set.render(env)` and the rendered file; also that `repo.render(env)` is the
 * concatenation of the sets' renders. Returns the comparisons made.
 */
export function expectHelmRenderEqualsRender(repo: PolicyRepo, repoDir: string): HelmComparison[] {
  repo.synth(repoDir);
  const done: HelmComparison[] = [];
  for (const env of repo.environments) {
    const all: any[] = [];
    for (const set of repo.policySets) {
      const helm = helmRenderChart(repoDir, set.chartName, env);
      const ours = set.render(env);
      expect({ env, chart: set.chartName, docs: helm }).toEqual({ env, chart: set.chartName, docs: ours });
      if (repo.renderManifests) {
        const file = path.join(repoDir, 'rendered', env, `${set.chartName}.yaml`);
        expect(parseYamlDocuments(fs.readFileSync(file, 'utf-8'), file)).toEqual(ours);
      }
      all.push(...ours);
      done.push({ environment: env, chart: set.chartName, documents: ours.length });
    }
    expect(repo.render(env)).toEqual(all);
  }
  return done;
}
