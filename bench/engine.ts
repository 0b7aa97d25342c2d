/**
 * Benchmark of the offline engine over the Kyverno community library corpus (all suites that load):
 * evaluation time of every (policy, resource) pair and of every expected result through the runner,
 * evaluations per second, and the ratio to only loading and parsing the same YAML files, all
 * measured in this one run (after one warm-up pass, so compiled expressions are cached as in a
 * long jest run).
 */
import { ms } from './support';
import { defaultConformanceDir } from '../src/cli/conformance-report';
import { KyvernoTestDefinition, KyvernoTestRunner, PolicyEngine } from '../src/engine';
import { KyvernoTestSuite } from '../src/testing';

function loadAll(files: string[]): KyvernoTestDefinition[] {
  const defs: KyvernoTestDefinition[] = [];
  for (const f of files) {
    try {
      defs.push(KyvernoTestSuite.fromFile(f).definition);
    } catch {
      // suites whose files are missing from the corpus are skipped (they are counted below)
    }
  }
  return defs;
}

function hasMutate(policy: any): boolean {
  return (policy?.spec?.rules ?? []).some((r: any) => r?.mutate);
}

function evaluateAll(defs: KyvernoTestDefinition[], only?: (policy: any) => boolean): number {
  let evaluations = 0;
  for (const d of defs) {
    for (const p of d.policies) {
      if (only && !only(p)) continue;
      for (const r of d.resources) {
        PolicyEngine.evaluate(p, r);
        evaluations++;
      }
    }
  }
  return evaluations;
}

/** Evaluations of the (policy, resource) pairs whose policy has a rule of `action` (generate, mutate, ...). */
function evaluateRulesOf(defs: KyvernoTestDefinition[], action: string): number {
  let evaluations = 0;
  for (const d of defs) {
    for (const p of d.policies) {
      if (!(p?.spec?.rules ?? []).some((r: any) => r?.[action])) continue;
      for (const r of d.resources) {
        PolicyEngine.evaluate(p, r, { cloneSources: d.resources });
        evaluations++;
      }
    }
  }
  return evaluations;
}

/** Rule actions reported separately (their policies are a small part of the corpus). */
const SEPARATE_ACTIONS = ['generate'];

function runAll(defs: KyvernoTestDefinition[]): number {
  let results = 0;
  for (const d of defs) results += KyvernoTestRunner.run(d).results.length;
  return results;
}

/** The fastest of `ROUNDS` runs (the machine is shared: the minimum is the least disturbed). */
const ROUNDS = 3;
function best<T>(fn: () => T): { value: T; ms: number } {
  let out: { value: T; ms: number } | undefined;
  for (let i = 0; i < ROUNDS; i++) {
    const t = process.hrtime.bigint();
    const value = fn();
    const took = ms(t);
    if (!out || took < out.ms) out = { value, ms: took };
  }
  return out!;
}

export async function run(): Promise<void> {
  const files = KyvernoTestSuite.discover([defaultConformanceDir()]);
  // warm-up: module loading, regex and expression caches
  evaluateAll(loadAll(files));

  const loaded = best(() => loadAll(files));
  const defs = loaded.value;
  const loadMs = loaded.ms;
  const evaluated = best(() => evaluateAll(defs));
  const evaluations = evaluated.value;
  const evalMs = evaluated.ms;
  const mutated = best(() => evaluateAll(defs, hasMutate));
  const ran = best(() => runAll(defs));
  const results = ran.value;
  const runnerMs = ran.ms;

  const line = (k: string, v: string) => process.stdout.write(`${k.padEnd(44)}${v}\n`);
  line('suites (loaded / found)', `${defs.length} / ${files.length} (best of ${ROUNDS} runs each)`);
  line('load + parse YAML of every suite', `${loadMs.toFixed(0)} ms`);
  line('evaluate every (policy, resource) pair', `${evalMs.toFixed(0)} ms for ${evaluations} evaluations`);
  line('evaluations per second', `${Math.round((evaluations * 1000) / evalMs)}`);
  line('ratio evaluation / load+parse', `${(evalMs / loadMs).toFixed(2)}`);
  line('  of which policies with mutate rules', `${mutated.ms.toFixed(0)} ms for ${mutated.value} evaluations (${Math.round((mutated.value * 1000) / mutated.ms)}/s)`);
  line('runner: every expected result', `${runnerMs.toFixed(0)} ms for ${results} results (${Math.round((results * 1000) / runnerMs)}/s)`);
  line('ratio runner / load+parse', `${(runnerMs / loadMs).toFixed(2)}`);
  for (const action of SEPARATE_ACTIONS) {
    const only = best(() => evaluateRulesOf(defs, action));
    const rate = only.value === 0 ? '-' : `${Math.round((only.value * 1000) / only.ms)}/s`;
    line(`${action} policies only`, `${only.ms.toFixed(1)} ms for ${only.value} evaluations (${rate})`);
  }
}
