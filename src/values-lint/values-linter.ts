import * as fs from 'fs';
import * as path from 'path';
import { Document, Ruleset, Spectral } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { ValuesLintError } from './lint-error';
import { RuleSeverity } from './rule-severity';
import { loadSpectralRuleset } from './spectral-config';
import { LocatedYaml, parseLocatedYaml } from './yaml-source';
import { helmValues, sourceOf } from '../helm/values-merge';

/**
 * One Spectral result for a chart's values in an environment.
 */
export interface ValuesLintResult {
  /** The environment (`cd/<env>`), or `default` when the repository has no environment folder. */
  readonly environment: string;
  /** The chart (`charts/<chart>`). */
  readonly chart: string;
  /** The rule that produced the result. */
  readonly rule: string;
  /** The rule's severity. */
  readonly severity: RuleSeverity;
  /** Spectral's message. */
  readonly message: string;
  /** Where in the merged values, as a JSONPath (`$.replicas`). */
  readonly path: string;
  /**
   * The values file that set the offending value, relative to the repository (the last file of the
   * merge chain that defined it); for a missing value, the file of its nearest existing parent.
   */
  readonly file: string;
  /** The line (1-based) in `file`. */
  readonly line: number;
}

/**
 * The results of linting a repository's values.
 */
export interface ValuesLintReport {
  /** The environments linted, sorted. */
  readonly environments: string[];
  /** The charts linted, sorted. */
  readonly charts: string[];
  /** Results by environment, chart, file (in merge order) and line. */
  readonly results: ValuesLintResult[];
  /** Results with severity error (these fail `policy-platform lint`). */
  readonly errorCount: number;
  /** Results with severity warn. */
  readonly warningCount: number;
  /**
   * What Helm accepts but a reader should know, and what was skipped, each as `file[:line]: text`:
   * duplicate keys (Helm keeps the last), values Helm's coalescing ignores, a repository without
   * `.spectral.yaml`.
   */
  readonly notes: string[];
}

/**
 * Options of `ValuesLinter.lintRepo`.
 */
export interface ValuesLintOptions {
  /**
   * Fail when the repository has no `.spectral.yaml` (otherwise it is skipped with a note, as a
   * repository that asks for no values rules).
   * @default false
   */
  readonly requireRuleset?: boolean;
}

/** Name used when a repository has no `cd/<env>/` folder. */
const DEFAULT_ENVIRONMENT = 'default';

/**
 * Runs a repository's `.spectral.yaml` over each chart's Helm values, merged per environment the
 * way Helm merges them (`charts/<chart>/values.yaml` ← `cd/values.yaml` ← `cd/<env>/values.yaml`),
 * with Spectral in process (no spectral binary, no network).
 * @see https://docs.stoplight.io/docs/spectral/
 */
export class ValuesLinter {
  /**
   * Lints every chart of a repository for every environment under `cd/` (or only `environment`).
   * Rejects with a message naming the file and line when `.spectral.yaml` or a values file is
   * malformed, or the environment does not exist.
   * @param repoDir the repository root (holding `.spectral.yaml`, `charts/` and `cd/`)
   * @param environment lint only this environment
   * @param options whether a missing ruleset is an error
   */
  public static async lintRepo(repoDir: string, environment?: string, options: ValuesLintOptions = {}): Promise<ValuesLintReport> {
    const rel = (p: string) => path.relative(repoDir, p).split(path.sep).join('/');
    const rulesetFile = path.join(repoDir, '.spectral.yaml');
    if (!fs.existsSync(rulesetFile)) {
      if (options.requireRuleset) {
        throw new ValuesLintError(rel(rulesetFile), [{ message: 'no ruleset: the repository has no .spectral.yaml (required by --require-ruleset)' }]);
      }
      return {
        environments: [],
        charts: [],
        results: [],
        errorCount: 0,
        warningCount: 0,
        notes: [`${rel(rulesetFile)}: no ruleset, values lint skipped (--require-ruleset makes this an error)`],
      };
    }
    const ruleset = loadSpectralRuleset(rulesetFile, rel(rulesetFile));

    const chartsDir = path.join(repoDir, 'charts');
    const charts = listDirs(chartsDir);
    if (charts.length === 0) {
      throw new ValuesLintError(rel(chartsDir), [{ message: 'no chart: expected charts/<chart>/values.yaml' }]);
    }
    const cdDir = path.join(repoDir, 'cd');
    const found = listDirs(cdDir);
    let environments = found.length > 0 ? found : [DEFAULT_ENVIRONMENT];
    if (environment !== undefined) {
      if (!environments.includes(environment)) {
        throw new ValuesLintError(`cd/${environment}`, [{ message: `unknown environment "${environment}" (found: ${found.join(', ') || 'none'})` }]);
      }
      environments = [environment];
    }

    const cache = new Map<string, LocatedYaml>();
    const load = (file: string): LocatedYaml | undefined => {
      if (!fs.existsSync(file)) return undefined;
      if (!cache.has(file)) cache.set(file, parseValuesFile(file, rel(file)));
      return cache.get(file);
    };

    const notes = new Set<string>();
    const spectral = new Spectral({ resolver: new Resolver({ resolvers: {} }) as any });
    spectral.setRuleset(ruleset);
    const results: ValuesLintResult[] = [];
    for (const env of environments) {
      for (const chart of charts) {
        const chartValues = path.join(chartsDir, chart, 'values.yaml');
        // helm template charts/<chart> -f cd/values.yaml -f cd/<env>/values.yaml
        const defaults = load(chartValues) ?? { value: null };
        const files = [path.join(cdDir, 'values.yaml'), path.join(cdDir, env, 'values.yaml')]
          .map(load)
          .filter((l): l is LocatedYaml => l !== undefined);
        for (const l of [defaults, ...files]) for (const w of (l as LocatedYaml).warnings ?? []) notes.add(`${(l as LocatedYaml).file}:${w.line}: ${w.message}`);
        const merged = helmValues(defaults, files);
        for (const w of merged.warnings) notes.add(`${env} ${chart}: ${w}`);
        // the document is the environment's values file (what `overrides`/`except` file patterns
        // match), holding the merged values
        const docFile = path.resolve(cdDir, env === DEFAULT_ENVIRONMENT && found.length === 0 ? 'values.yaml' : path.join(env, 'values.yaml'));
        const doc = new Document(JSON.stringify(merged.value), Json, docFile);
        for (const r of await spectral.run(doc)) {
          // A values file is never an OpenAPI document: rulesets extended for habit (the seed's
          // `extends: spectral:oas`) would otherwise add this warning to every run.
          if (r.code === 'unrecognized-format') continue;
          const p = r.path.map((s) => (typeof s === 'number' ? s : String(s)));
          const full = [...p, ...missingField(ruleset, r, merged.value, p)];
          const at = sourceOf(merged, full) ?? { file: rel(chartValues), line: 1 };
          results.push({
            environment: env,
            chart,
            rule: String(r.code),
            severity: SEVERITIES[r.severity] ?? RuleSeverity.HINT,
            message: r.message,
            path: jsonPath(full),
            file: at.file,
            line: at.line,
          });
        }
      }
    }
    results.sort(byPosition);
    return {
      environments,
      charts,
      results,
      errorCount: results.filter((r) => r.severity === RuleSeverity.ERROR).length,
      warningCount: results.filter((r) => r.severity === RuleSeverity.WARN).length,
      notes: [...notes].sort(),
    };
  }
}

/**
 * Human-readable lines of a lint report (one per result, then a summary), as
 * `policy-platform lint` prints them.
 */
export class ValuesLintFormat {
  /** The report as text (each line ends with a newline). */
  public static text(report: ValuesLintReport): string {
    const lines = report.notes.map((n) => `note: ${n}`);
    lines.push(...report.results.map(
      (r) => `${r.environment} ${r.chart} ${r.file}:${r.line} ${r.severity.padEnd(5)} ${r.rule} ${r.path}: ${r.message}`,
    ));
    lines.push(
      `${report.errorCount} error(s), ${report.warningCount} warning(s), ${report.results.length} result(s) ` +
      `in ${report.charts.length} chart(s) x ${report.environments.length} environment(s) (${report.environments.join(', ')})`,
    );
    return lines.map((l) => l + '\n').join('');
  }
}

/** Spectral's DiagnosticSeverity (0..3). */
const SEVERITIES: RuleSeverity[] = [RuleSeverity.ERROR, RuleSeverity.WARN, RuleSeverity.INFO, RuleSeverity.HINT];

/**
 * For a "field is missing" result Spectral reports the parent's path; the field is the rule's
 * `then.field` that is absent there and named in the message. Empty when not such a result.
 */
function missingField(ruleset: Ruleset, r: { code: string | number; message: string }, value: any, p: Array<string | number>): string[] {
  const rule: any = (ruleset.rules as any)[String(r.code)];
  const then: any[] = rule ? [].concat(rule.definition?.then ?? []) : [];
  let parent = value;
  for (const s of p) parent = parent === null || typeof parent !== 'object' ? undefined : parent[s];
  if (parent === null || typeof parent !== 'object') return [];
  const missing = then
    .map((t) => t.field)
    .filter((f) => typeof f === 'string' && /^[^$@.[\]]+$/.test(f) && !(f in parent));
  // Several fields missing: only the message (when it is Spectral's, not the rule's) tells which.
  const field = missing.length === 1 ? missing[0] : missing.find((f) => r.message.includes(`"${f}"`));
  return field ? [field] : [];
}

function parseValuesFile(file: string, display: string): LocatedYaml {
  // Helm reads values with YAML 1.1 rules (go-yaml): `yes`/`on` are booleans there.
  const y = parseLocatedYaml(fs.readFileSync(file, 'utf-8'), display, 'helm');
  if (y.value !== null && (typeof y.value !== 'object' || Array.isArray(y.value))) {
    throw new ValuesLintError(display, [{ line: 1, message: `values must be a YAML mapping, not ${Array.isArray(y.value) ? 'a list' : typeof y.value}` }]);
  }
  return y;
}

function listDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
}

function jsonPath(p: Array<string | number>): string {
  return '$' + p.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('');
}

/** Files in merge order: the chart's values, then cd/values.yaml, then the environment's. */
function fileRank(file: string): string {
  return `${file.startsWith('charts/') ? 0 : file === 'cd/values.yaml' ? 1 : 2}${file}`;
}

function byPosition(a: ValuesLintResult, b: ValuesLintResult): number {
  const ka = [a.environment, a.chart, fileRank(a.file)];
  const kb = [b.environment, b.chart, fileRank(b.file)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
