/**
 * The helm-render comparison: for every environment of a synthesized repository, render each chart
 * with `helm-render -f cd/values.yaml -f cd/<env>/values.yaml charts/<chart>` (Helm's template
 * engine) and compare the parsed documents with `repo.render(env)` and rendered/<env>/<chart>.yaml.
 * Shared by the repo tests and the example's test.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseYamlDocuments } from '../../src/core/yaml';
import { helmValues } from '../../src/helm/values-merge';
import { checkValuesAgainstSchema } from '../../src/helm/values-schema-check';
import { PolicyRepo } from '../../src/repo';
import { parseLocatedYaml } from '../../src/values-lint/yaml-source';
import { helmRender } from '../support/shared';

/** The documents helm-render prints for one chart and environment (YAML parsed, `# Source:` comments dropped). */
export function helmRenderChart(repoDir: string, chartName: string, environment: string): any[] {
  const bin = helmRender();
  if (!bin) throw new Error('helm-render is not available');
  // a chart of values only has no templates/ folder: Helm renders nothing (helm-render needs the folder)
  if (!fs.existsSync(path.join(repoDir, 'charts', chartName, 'templates'))) return [];
  const out = execFileSync(bin, ['-f', 'cd/values.yaml', '-f', `cd/${environment}/values.yaml`, `charts/${chartName}`], { cwd: repoDir, encoding: 'utf-8' });
  const docs = parseYamlDocuments(out, `helm-render ${chartName} ${environment}`);
  // Kubernetes reads the output with Go's YAML parser: it must see the same objects
  expect(goYamlParse(helmRenderDocumentTexts(out).filter((t) => parseYamlDocuments(t).length > 0))).toEqual(docs);
  return docs;
}

/**
 * The values helm-render gives a chart's templates (`.Values` after Helm's merge, coalescing and
 * schema check) for `-f cd/values.yaml -f cd/<env>/values.yaml`: the chart is copied with one
 * template printing `{{ toJson .Values }}`. Returns the values, or helm-render's error text.
 */
export function helmRenderValues(repoDir: string, chartName: string, environment: string): { values?: any; error?: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-values-'));
  try {
    const chart = path.join(dir, chartName);
    fs.cpSync(path.join(repoDir, 'charts', chartName), chart, { recursive: true });
    fs.rmSync(path.join(chart, 'templates'), { recursive: true, force: true });
    fs.mkdirSync(path.join(chart, 'templates'));
    fs.writeFileSync(path.join(chart, 'templates', 'values.yaml'), '{{ toJson .Values }}\n');
    try {
      const out = execFileSync(helmRender()!, ['-f', 'cd/values.yaml', '-f', `cd/${environment}/values.yaml`, chart], { cwd: repoDir, encoding: 'utf-8', stdio: 'pipe' });
      return { values: JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!) };
    } catch (e) {
      return { error: String((e as any).stderr).replace(/^error: /, '').trim() };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Our answer to the same question from the files on disk: each values file read as Helm reads it,
 * merged and coalesced (src/helm/values-merge), checked against the chart's values.schema.json.
 */
export function ourValuesFromFiles(repoDir: string, chartName: string, environment: string): { values?: any; error?: string } {
  const read = (rel: string) => parseLocatedYaml(fs.readFileSync(path.join(repoDir, rel), 'utf-8'), rel, 'helm');
  const values = helmValues(read(`charts/${chartName}/values.yaml`), [read('cd/values.yaml'), read(`cd/${environment}/values.yaml`)]).value;
  const schemaFile = path.join(repoDir, 'charts', chartName, 'values.schema.json');
  try {
    if (fs.existsSync(schemaFile)) checkValuesAgainstSchema(chartName, JSON.parse(fs.readFileSync(schemaFile, 'utf-8')), values);
  } catch (e) {
    return { error: (e as Error).message.trim() };
  }
  return { values };
}

/** The documents helm-render prints, as text (each without its `# Source:` line). */
export function helmRenderDocumentTexts(output: string): string[] {
  return output.split(/^---\n# Source: [^\n]*\n/m).filter((t) => t.trim().length > 0);
}

/**
 * Parses YAML documents the way Kubernetes and Helm do (Go, sigs.k8s.io/yaml), through helm-render:
 * each document is nested under a key of one values file and printed back with `toJson`.
 */
export function goYamlParse(texts: string[]): any[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'go-yaml-'));
  try {
    fs.mkdirSync(path.join(dir, 'chart', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: go-yaml\nversion: 0.1.0\n');
    fs.writeFileSync(path.join(dir, 'chart', 'templates', 'out.yaml'), '{{ toJson .Values }}\n');
    const nested = texts.map((t, i) => `d${i}:\n${t.split('\n').map((l) => (l.length > 0 ? `  ${l}` : l)).join('\n')}\n`).join('');
    fs.writeFileSync(path.join(dir, 'values.yaml'), nested);
    const out = execFileSync(helmRender()!, ['-f', path.join(dir, 'values.yaml'), path.join(dir, 'chart')], { encoding: 'utf-8' });
    const json = JSON.parse(out.split('\n').filter((l) => l.startsWith('{'))[0]);
    return texts.map((_t, i) => json[`d${i}`]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
      // the values the templates see: helm-render's, ours from the written files, and valuesOf
      const helmValuesSeen = helmRenderValues(repoDir, set.chartName, env);
      const fromFiles = ourValuesFromFiles(repoDir, set.chartName, env);
      expect({ env, chart: set.chartName, ...fromFiles }).toEqual({ env, chart: set.chartName, ...helmValuesSeen });
      expect({ env, chart: set.chartName, values: repo.valuesOf(set, env) }).toEqual({ env, chart: set.chartName, values: helmValuesSeen.values });
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
