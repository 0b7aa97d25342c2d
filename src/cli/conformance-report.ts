/**
 * Agreement of the offline engine with the expected results of kyverno test suites, per kind of
 * policy, with out-of-scope suites counted and named.
 */
import * as path from 'path';
import { KyvernoTestCaseResult, KyvernoTestReport } from '../engine/test-runner';
import { KyvernoTestSuite } from '../testing/kyverno-test-suite';

/**
 * The Kyverno community policy suites: $POLICY_PLATFORM_CONFORMANCE_DIR, else
 * $POLICY_PLATFORM_SHARED/conformance/kyverno-policies, else ../shared/conformance/kyverno-policies.
 */
export function defaultConformanceDir(): string {
  if (process.env.POLICY_PLATFORM_CONFORMANCE_DIR) return process.env.POLICY_PLATFORM_CONFORMANCE_DIR;
  if (process.env.POLICY_PLATFORM_SHARED) return path.join(process.env.POLICY_PLATFORM_SHARED, 'conformance', 'kyverno-policies');
  return path.resolve('..', 'shared', 'conformance', 'kyverno-policies');
}

const CATEGORIES = ['pattern', 'deny', 'foreach', 'cel', 'validatingPolicy', 'podSecurity', 'mutate', 'generate', 'unsupported'];

interface Tally { matched: number; total: number }

export interface SuiteOutcome {
  readonly file: string;
  readonly report?: KyvernoTestReport;
  readonly loadError?: string;
}

export class ConformanceReport {
  public static build(dirs: string[]): ConformanceReport {
    const files = KyvernoTestSuite.discover(dirs);
    const outcomes: SuiteOutcome[] = [];
    for (const file of files) {
      try {
        outcomes.push({ file, report: KyvernoTestSuite.fromFile(file).run() });
      } catch (err) {
        outcomes.push({ file, loadError: err instanceof Error ? err.message : String(err) });
      }
    }
    return new ConformanceReport(dirs.map((d) => path.resolve(d)), outcomes);
  }

  private constructor(private readonly roots: string[], public readonly outcomes: SuiteOutcome[]) {}

  private rel(file: string): string {
    for (const r of this.roots) {
      if (file.startsWith(r + path.sep)) return path.relative(r, file).replace(/\/\.kyverno-test\/kyverno-test\.ya?ml$|\/kyverno-test\.ya?ml$/, '');
    }
    return file;
  }

  /** Suites whose files are missing from the corpus (kyverno test cannot load them either). */
  public incomplete(): SuiteOutcome[] {
    return this.outcomes.filter((o) => o.loadError && /does not exist/.test(o.loadError));
  }

  public inScope(): SuiteOutcome[] {
    return this.outcomes.filter((o) => !o.report?.outOfScope && !(o.loadError && /does not exist/.test(o.loadError)));
  }

  public outOfScope(): SuiteOutcome[] {
    return this.outcomes.filter((o) => !!o.report?.outOfScope);
  }

  private cases(outcomes: SuiteOutcome[]): KyvernoTestCaseResult[] {
    return outcomes.flatMap((o) => o.report?.results ?? []);
  }

  public tallies(): { [category: string]: Tally } {
    const t: { [c: string]: Tally } = {};
    for (const c of CATEGORIES) t[c] = { matched: 0, total: 0 };
    for (const r of this.cases(this.inScope())) {
      const x = t[r.category] ?? (t[r.category] = { matched: 0, total: 0 });
      x.total++;
      if (r.matched) x.matched++;
    }
    return t;
  }

  /** Matched expected results over all expected results of in-scope suites (load errors count as misses). */
  public agreementPercent(): number {
    const cases = this.cases(this.inScope());
    const loadErrors = this.inScope().filter((o) => o.loadError).length;
    const total = cases.length + loadErrors;
    if (total === 0) return 100;
    return (100 * cases.filter((c) => c.matched).length) / total;
  }

  public summary(): any {
    const inScope = this.inScope();
    const cases = this.cases(inScope);
    return {
      suites: this.outcomes.length,
      inScopeSuites: inScope.length,
      outOfScopeSuites: this.outOfScope().map((o) => ({ suite: this.rel(o.file), reason: o.report!.outOfScope })),
      incompleteSuites: this.incomplete().map((o) => ({ suite: this.rel(o.file), error: o.loadError })),
      loadErrors: inScope.filter((o) => o.loadError).map((o) => ({ suite: this.rel(o.file), error: o.loadError })),
      results: cases.length,
      matched: cases.filter((c) => c.matched).length,
      agreementPercent: Number(this.agreementPercent().toFixed(2)),
      perCategory: this.tallies(),
      mismatches: cases.filter((c) => !c.matched).map((c) => ({ ...c })),
    };
  }

  public render(verbose: boolean): string {
    const lines: string[] = [];
    const inScope = this.inScope();
    const out = this.outOfScope();
    const cases = this.cases(inScope);
    const incomplete = this.incomplete();
    lines.push(`Kyverno conformance: ${this.outcomes.length} suites, ${inScope.length} in scope, ${out.length} out of scope, ${incomplete.length} incomplete (files missing from the corpus)`);
    lines.push('');
    lines.push(`${'kind of policy'.padEnd(18)}${'matched'.padStart(9)}${'total'.padStart(8)}${'agreement'.padStart(11)}`);
    for (const [c, t] of Object.entries(this.tallies())) {
      const pct = t.total === 0 ? '-' : `${((100 * t.matched) / t.total).toFixed(1)}%`;
      lines.push(`${c.padEnd(18)}${String(t.matched).padStart(9)}${String(t.total).padStart(8)}${pct.padStart(11)}`);
    }
    const matched = cases.filter((c) => c.matched).length;
    lines.push(`${'total'.padEnd(18)}${String(matched).padStart(9)}${String(cases.length).padStart(8)}${(this.agreementPercent().toFixed(1) + '%').padStart(11)}`);
    lines.push('');
    const loadErrors = inScope.filter((o) => o.loadError);
    if (loadErrors.length > 0) {
      lines.push(`Suites that could not be loaded (${loadErrors.length}, counted as misses):`);
      for (const o of loadErrors) lines.push(`  ${this.rel(o.file)}: ${o.loadError}`);
      lines.push('');
    }
    lines.push(`Incomplete (${incomplete.length} suites, reference files missing from the corpus; not counted):`);
    for (const o of incomplete) lines.push(`  ${this.rel(o.file)}: ${(o.loadError ?? '').replace(/^.*?: file/, 'file')}`);
    lines.push('');
    lines.push(`Out of scope (${out.length} suites, need verifyImages, mutate-existing targets or a live lookup):`);
    for (const o of out) lines.push(`  ${this.rel(o.file)}: ${o.report!.outOfScope}`);
    const mism = cases.filter((c) => !c.matched);
    lines.push('');
    lines.push(`Mismatches in scope: ${mism.length}`);
    if (verbose) {
      for (const c of mism) {
        lines.push(`  [${c.category}] ${c.test}: ${c.policy}/${c.rule} ${c.kind}/${c.resource}: expected ${c.expected}, got ${c.actual}${c.reason ? ` (${c.reason.slice(0, 200)})` : ''}`);
      }
    }
    return lines.join('\n') + '\n';
  }
}
