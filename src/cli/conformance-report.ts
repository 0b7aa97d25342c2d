/**
 * Agreement of the offline engine with the expected results of kyverno test suites: every
 * expected result of every suite counts (a suite that cannot be loaded counts as one miss), per
 * type of rule, and every miss is listed with its reason.
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

/** The agreement `npm run conformance` requires by default (percent of all expected results). */
export const DEFAULT_MIN_AGREEMENT = 98;

/** Rule types listed first (others follow in byte order). */
const CATEGORIES = ['pattern', 'deny', 'foreach', 'cel', 'podSecurity', 'validatingPolicy', 'mutate', 'generate', 'verifyImages', 'unsupported'];

interface Tally { matched: number; total: number }

/** One suite file: its reports (one per Test document) or why it could not be loaded. */
export interface SuiteOutcome {
  readonly file: string;
  readonly reports: KyvernoTestReport[];
  readonly loadError?: string;
}

/** One expected result that does not agree (or a suite that could not be loaded). */
export interface ConformanceMiss {
  readonly suite: string;
  readonly category: string;
  readonly what: string;
  readonly expected: string;
  readonly actual: string;
  readonly reason: string;
}

export class ConformanceReport {
  public static build(dirs: string[]): ConformanceReport {
    const files = KyvernoTestSuite.discover(dirs);
    const outcomes: SuiteOutcome[] = [];
    for (const file of files) {
      try {
        outcomes.push({ file, reports: KyvernoTestSuite.load(file).map((s) => s.run()) });
      } catch (err) {
        outcomes.push({ file, reports: [], loadError: err instanceof Error ? err.message : String(err) });
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

  private cases(): Array<{ suite: string; c: KyvernoTestCaseResult }> {
    return this.outcomes.flatMap((o) => o.reports.flatMap((r) => r.results.map((c) => ({ suite: this.rel(o.file), c }))));
  }

  private loadErrors(): SuiteOutcome[] {
    return this.outcomes.filter((o) => o.loadError !== undefined);
  }

  /** Matched and total expected results per rule type. */
  public tallies(): { [category: string]: Tally } {
    const t: { [c: string]: Tally } = {};
    for (const c of CATEGORIES) t[c] = { matched: 0, total: 0 };
    for (const { c } of this.cases()) {
      const x = t[c.category] ?? (t[c.category] = { matched: 0, total: 0 });
      x.total++;
      if (c.matched) x.matched++;
    }
    const extra = Object.keys(t).filter((k) => !CATEGORIES.includes(k)).sort();
    const ordered: { [c: string]: Tally } = {};
    for (const k of [...CATEGORIES, ...extra]) ordered[k] = t[k];
    return ordered;
  }

  /** Every expected result that does not agree, and every suite that could not be loaded. */
  public misses(): ConformanceMiss[] {
    const out: ConformanceMiss[] = this.loadErrors().map((o) => ({
      suite: this.rel(o.file), category: 'load', what: 'suite', expected: 'loaded', actual: 'load error', reason: o.loadError ?? '',
    }));
    for (const { suite, c } of this.cases()) {
      if (c.matched) continue;
      out.push({
        suite,
        category: c.category,
        what: `${c.policy}/${c.rule} ${c.kind}/${c.resource}`,
        expected: c.expected,
        actual: c.actual,
        reason: c.reason ?? '',
      });
    }
    return out;
  }

  /** Total expected results (a suite that cannot be loaded counts as one). */
  public total(): number {
    return this.cases().length + this.loadErrors().length;
  }

  /** Matched expected results. */
  public matched(): number {
    return this.cases().filter(({ c }) => c.matched).length;
  }

  /** Matched over all expected results of every suite. */
  public agreementPercent(): number {
    const total = this.total();
    return total === 0 ? 100 : (100 * this.matched()) / total;
  }

  public summary(): any {
    return {
      suites: this.outcomes.length,
      testDocuments: this.outcomes.reduce((n, o) => n + o.reports.length, 0),
      loadErrors: this.loadErrors().map((o) => ({ suite: this.rel(o.file), error: o.loadError })),
      results: this.total(),
      matched: this.matched(),
      agreementPercent: Number(this.agreementPercent().toFixed(2)),
      perCategory: this.tallies(),
      misses: this.misses(),
    };
  }

  public render(): string {
    const lines: string[] = [];
    const docs = this.outcomes.reduce((n, o) => n + o.reports.length, 0);
    lines.push(`Kyverno conformance: ${this.outcomes.length} suite files, ${docs} Test documents, ${this.loadErrors().length} not loadable`);
    lines.push('');
    lines.push(`${'type of rule'.padEnd(18)}${'matched'.padStart(9)}${'total'.padStart(8)}${'agreement'.padStart(11)}`);
    for (const [c, t] of Object.entries(this.tallies())) {
      const pct = t.total === 0 ? '-' : `${((100 * t.matched) / t.total).toFixed(1)}%`;
      lines.push(`${c.padEnd(18)}${String(t.matched).padStart(9)}${String(t.total).padStart(8)}${pct.padStart(11)}`);
    }
    if (this.loadErrors().length > 0) lines.push(`${'not loadable'.padEnd(18)}${'0'.padStart(9)}${String(this.loadErrors().length).padStart(8)}${'0.0%'.padStart(11)}`);
    lines.push(`${'total'.padEnd(18)}${String(this.matched()).padStart(9)}${String(this.total()).padStart(8)}${(this.agreementPercent().toFixed(1) + '%').padStart(11)}`);
    const misses = this.misses();
    lines.push('');
    lines.push(`Misses: ${misses.length}`);
    for (const m of misses) {
      lines.push(`  [${m.category}] ${m.suite}: ${m.what}: expected ${m.expected}, got ${m.actual}${m.reason ? ` (${m.reason.replace(/\s+/g, ' ').slice(0, 240)})` : ''}`);
    }
    return lines.join('\n') + '\n';
  }
}
