/**
 * A jest reporter that closes the run with one line per reason suites were skipped, e.g.
 * "12 suites skipped: needs ../shared (set POLICY_PLATFORM_SHARED)". Skipped placeholders are the
 * tests whose title starts with "needs " (test/support/shared.ts writes them).
 */
class SkipSummaryReporter {
  onRunComplete(_contexts, results) {
    const suitesByReason = new Map();
    for (const suite of results.testResults) {
      for (const t of suite.testResults) {
        if (t.status !== 'pending' || !t.title.startsWith('needs ')) continue;
        const files = suitesByReason.get(t.title) ?? new Set();
        files.add(suite.testFilePath);
        suitesByReason.set(t.title, files);
      }
    }
    for (const [reason, files] of [...suitesByReason].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      process.stdout.write(`${files.size} suite${files.size === 1 ? '' : 's'} skipped: ${reason}\n`);
    }
  }
}
module.exports = SkipSummaryReporter;
