/**
 * A small reader of Kyverno CLI test suites (`.kyverno-test/kyverno-test.yaml`) for the CEL,
 * ValidatingPolicy and podSecurity conformance folders, so this module's functions can be checked
 * against Kyverno's expected results before the engine's runner exists. Rule matching here is
 * deliberately minimal (kinds and pod controller autogen only): suites that need more are counted
 * as out of scope, never guessed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { autogenCel, podTemplatePath } from '../../../src/engine/cel/autogen';
import { CelContext } from '../../../src/engine/cel/context';
import { evaluateCelPreconditions, evaluateCelRule } from '../../../src/engine/cel/kyverno-cel-rule';
import { evaluateValidatingPolicy, isValidatingPolicy } from '../../../src/engine/cel/validating-policy';
import { evaluatePodSecurity } from '../../../src/engine/pod-security/evaluate';
import { RuleStatus } from '../../../src/engine/result';
import { listFiles, readYamlObjects } from '../../support/files';

export interface Comparison {
  readonly suite: string;
  readonly policy: string;
  readonly rule: string;
  readonly resource: string;
  readonly expected: string;
  readonly actual: string;
  readonly message?: string;
}

export interface SuiteOutcome {
  readonly suite: string;
  readonly comparisons: Comparison[];
  /** Why the suite (or some of its results) could not be checked here. */
  readonly outOfScope: string[];
}

/** Every `kyverno-test.yaml` under `root`. */
export function findTestFiles(root: string): string[] {
  return listFiles(root).filter((f) => path.basename(f) === 'kyverno-test.yaml').map((f) => path.join(root, f));
}

function ruleKinds(rule: any): string[] {
  const filters = [...(rule?.match?.any ?? []), ...(rule?.match?.all ?? [])];
  if (rule?.match?.resources) filters.push({ resources: rule.match.resources });
  return filters.flatMap((f: any) => f?.resources?.kinds ?? []).map((k: string) => k.split('/').pop()!);
}

function autogenDisabled(policy: any): boolean {
  const a = policy?.metadata?.annotations?.['pod-policies.kyverno.io/autogen-controllers'];
  return a === 'none';
}

function autogenAllowed(policy: any, kind: string): boolean {
  const a = policy?.metadata?.annotations?.['pod-policies.kyverno.io/autogen-controllers'];
  if (a === undefined) return kind !== 'ReplicaSet' && kind !== 'ReplicationController';
  return String(a).split(',').map(s => s.trim()).includes(kind);
}

/** Runs one suite file; results whose policy/rule is not pure CEL or podSecurity are out of scope. */
export function runSuite(testFile: string, root: string): SuiteOutcome {
  const dir = path.dirname(testFile);
  const suite = path.relative(root, dir).replace(/\/\.kyverno-test$/, '');
  const test = readYamlObjects(testFile)[0];
  const outOfScope: string[] = [];
  const comparisons: Comparison[] = [];
  const load = (f: string) => {
    const p = path.resolve(dir, f);
    if (!fs.existsSync(p)) { outOfScope.push(`missing file ${f}`); return []; }
    return readYamlObjects(p);
  };
  const policies = (test.policies ?? []).flatMap(load);
  const resources = (test.resources ?? []).flatMap(load);
  const ctxDoc = test.context ? load(test.context)[0] : undefined;
  const values = test.variables ? load(test.variables)[0] : undefined;
  const userDoc = test.userinfo ? load(test.userinfo)[0] : undefined;

  for (const expected of test.results ?? []) {
    const names: string[] = expected.resources ?? (expected.resource ? [expected.resource] : []);
    const policy = policies.find((p: any) => p?.metadata?.name === expected.policy);
    for (const qualified of names) {
      const resName = qualified.split('/').pop()!;
      const resource = resources.find((r: any) => r?.metadata?.name === resName && (!expected.kind || r?.kind === expected.kind));
      const base = { suite, policy: String(expected.policy), rule: String(expected.rule ?? ''), resource: `${expected.kind ?? ''}/${resName}`, expected: String(expected.result) };
      if (!policy || !resource) { outOfScope.push(`${base.resource}: policy or resource not found`); continue; }
      const valueEntries = (values?.policies ?? []).find((p: any) => p.name === policy.metadata.name);
      const resValues = (valueEntries?.resources ?? []).find((r: any) => r.name === resName)?.values ?? {};
      const nsName = resource?.metadata?.namespace ?? 'default';
      const nsObject = (values?.namespaces ?? []).find((n: any) => n?.metadata?.name === nsName);
      const ctx: CelContext = {
        operation: resValues['request.operation'] ?? 'CREATE',
        ...(nsObject ? { namespaceObject: nsObject } : {}),
        userInfo: userDoc?.userInfo,
        contextResources: ctxDoc?.spec?.resources,
        contextImages: ctxDoc?.spec?.images,
      };
      if (isValidatingPolicy(policy)) {
        const r = evaluateValidatingPolicy(policy, resource, ctx);
        comparisons.push({ ...base, actual: r.length ? r[0].status : 'no result', message: r[0]?.message });
        continue;
      }
      const ruleName = String(expected.rule ?? '').replace(/^autogen-(cronjob-)?/, '');
      const rule = (policy?.spec?.rules ?? []).find((r: any) => r.name === ruleName);
      if (!rule) { outOfScope.push(`${base.resource}: rule ${expected.rule} not found`); continue; }
      if (!rule.validate?.cel && !rule.validate?.podSecurity) { outOfScope.push(`${policy.metadata.name}/${rule.name}: not a CEL or podSecurity rule`); continue; }
      if (rule.preconditions || rule.exclude || rule.context) { outOfScope.push(`${policy.metadata.name}/${rule.name}: preconditions/exclude/context need the engine`); continue; }
      const kinds = ruleKinds(rule);
      let actual: string;
      let message: string | undefined;
      const celRule = (cel: any) => {
        const pre = evaluateCelPreconditions(rule.celPreconditions, resource, ctx);
        return pre.status === RuleStatus.PASS ? evaluateCelRule(cel, resource, ctx, rule.name) : pre;
      };
      if (kinds.includes(resource.kind) || kinds.includes('*')) {
        const r = rule.validate.cel ? celRule(rule.validate.cel) : evaluatePodSecurity(rule.validate.podSecurity, resource);
        actual = r.status; message = r.message;
      } else if (kinds.includes('Pod') && podTemplatePath(resource.kind) && !autogenDisabled(policy) && autogenAllowed(policy, resource.kind)) {
        const r = rule.validate.cel
          ? celRule(autogenCel(rule.validate.cel, resource.kind))
          : evaluatePodSecurity(rule.validate.podSecurity, resource);
        actual = r.status; message = r.message;
      } else {
        actual = RuleStatus.SKIP;
        message = 'rule does not match';
      }
      comparisons.push({ ...base, actual, message });
    }
  }
  return { suite, comparisons, outOfScope };
}

/** Agreement over outcomes: matched, total. */
export function agreement(outcomes: SuiteOutcome[]): { matched: number; total: number; mismatches: Comparison[] } {
  const all = outcomes.flatMap(o => o.comparisons);
  const mismatches = all.filter(c => c.expected !== c.actual);
  return { matched: all.length - mismatches.length, total: all.length, mismatches };
}
