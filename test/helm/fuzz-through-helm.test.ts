/**
 * Random strings made of the characters that break YAML and Go templates, through the whole
 * pipeline: policy messages, titles, pattern values and deny keys -> Helm template -> helm-render
 * must give back exactly the objects render(env) returns (and Go's YAML parser must agree).
 * Seeded, so a failure reproduces.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { ClusterPolicy, ConditionOperator, FailureAction } from '../../src/kyverno';
import { ruleVariableProblems } from '../../src/kyverno/variable-checks';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { expectHelmRenderEqualsRender } from '../repo/helm-render-check';
import { describeWithHelmRender } from '../support/shared';

// Tabs, whitespace-only lines and YAML 1.2 octals are here on purpose: src/core/yaml.ts once wrote them
// in forms Go's YAML parser (Kubernetes, Helm) rejects or reads differently.
const PIECES = ['{{', '}}', '{', '}', '`', '"', '\'', '#', ': ', ':', '-', '- ', '|', '>', '\n', '\n\n', ' ', '  ', '\\', 'ü', '日本', '—', '%', '@', '&', '*', '!', '?', '[', ']', ',', 'yes', 'null', '0x1f', '1e3', '~',
  '{{ request.object.metadata.name }}', '{{ to_string(`x`) }}', '{{-', '-}}', '/*', '*/', 'a', 'b', '.', '$', '\r\n', '\t', '\t\n', '0o17', '\n  \n'];

/** Deterministic PRNG (Park-Miller minimal standard). */
function rng(seed: number): () => number {
  let a = (seed % 2147483646) + 1;
  return () => {
    a = (a * 48271) % 2147483647;
    return (a - 1) / 2147483646;
  };
}

/** A random string Kyverno accepts in a policy (its `{{ }}` parse as JMESPath and name known variables). */
function randomText(next: () => number): string {
  for (;;) {
    const n = 1 + Math.floor(next() * 12);
    let s = '';
    for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
    if (ruleVariableProblems({ validate: { message: s } }, 'r', true).length === 0) return s;
  }
}

describeWithHelmRender('fuzz: random hostile strings survive Helm unchanged', () => {
  // FUZZ_SEEDS=1,2,3 runs other seeds (a longer search); CI runs the fixed one
  const seeds = (process.env.FUZZ_SEEDS ?? '20261130').split(',').map(Number);
  test.each(seeds)('seed %i: 60 policies x 4 strings each, 2 environments', (seed) => {
    const next = rng(seed);
    const repo = new PolicyRepo(new App(), 'fuzz', { environments: ['dev', 'prd'] });
    const set = new PolicySet(repo, 'fuzz', { version: '1.0.0', defaults: { environments: { dev: { failureAction: FailureAction.AUDIT, excludedNamespaces: ['on'] } } } });
    const strings: string[] = [];
    for (let i = 0; i < 60; i++) {
      const [title, message, value, key] = [randomText(next), `m${randomText(next)}`, randomText(next), randomText(next)];
      strings.push(title, message, value, key);
      new ClusterPolicy(set, `p${i}`, {
        title,
        failureAction: FailureAction.ENFORCE,
        rules: [{
          name: 'r',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          validate: i % 2 === 0
            ? { message, pattern: { metadata: { annotations: { [key]: value } } } }
            : { message, deny: { conditions: { any: [{ key, operator: ConditionOperator.EQUALS, value, message: value }] } } },
        }],
      });
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-'));
    try {
      const done = expectHelmRenderEqualsRender(repo, dir);
      expect(done.map((d) => d.documents)).toEqual([60, 60]);
      // the strings reached the rendered objects unchanged
      const byName = new Map(repo.render('prd').map((o) => [o.metadata.name, o]));
      const seen: string[] = [];
      for (let i = 0; i < 60; i++) {
        const o = byName.get(`p${i}`);
        const v = o.spec.rules[0].validate;
        // a pattern's only annotation carries the key as its name and the value
        const condition = v.deny?.conditions.any[0];
        const [patternKey, patternValue] = i % 2 === 0 ? Object.entries(v.pattern.metadata.annotations)[0] : [condition.key, condition.value];
        seen.push(o.metadata.annotations?.['policies.kyverno.io/title'], v.message, patternValue as string, patternKey);
      }
      expect(seen).toEqual(strings);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
