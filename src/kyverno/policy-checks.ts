/**
 * Checks of ClusterPolicy/Policy content that Kyverno would reject (or silently misread).
 * Each problem is `<field>: <what is wrong and what is allowed>`; the construct prefixes its path.
 * Internal module, not exported from index.
 */
import { AutogenControllers } from './autogen';
import { ruleCelProblems } from './cel-checks';
import { ConditionOperator } from './conditions';
import { FailureAction, FailurePolicy, Operation, PodSecurityLevel, Severity } from './enums';
import { isObject } from './json';
import type { KyvernoPolicyProps } from './kyverno-policy';
import { KyvernoVersion } from './kyverno-version';
import { LABEL_RULE, SUBDOMAIN_RULE, isDnsLabel, isPolicyName } from './names';
import { renderRule } from './render-rule';
import { Rule } from './rule';
import { unknownFieldProblems } from './strict-schema';
import { ruleVariableProblems } from './variable-checks';

const VALIDATE_CHECKS = ['pattern', 'anyPattern', 'deny', 'foreach', 'cel', 'podSecurity'];
const ACTIONS = ['validate', 'mutate', 'generate', 'verifyImages'];
const CONTEXT_SOURCES = ['variable', 'configMap', 'apiCall', 'imageRegistry', 'globalReference'];
const OPERATORS = Object.values(ConditionOperator) as string[];
const OPERATIONS = Object.values(Operation) as string[];

export function policyProblems(props: KyvernoPolicyProps, rules: Rule[], name: string, namespace: string | undefined): string[] {
  const out: string[] = [];
  if (!isPolicyName(name)) out.push(`metadata.name: "${name}" is not ${SUBDOMAIN_RULE}`);
  if (namespace !== undefined && !isDnsLabel(namespace)) out.push(`metadata.namespace: "${namespace}" is not ${LABEL_RULE}`);
  enumProblem(out, 'spec.failureAction', props.failureAction, Object.values(FailureAction));
  enumProblem(out, 'spec.failurePolicy', props.failurePolicy, Object.values(FailurePolicy));
  enumProblem(out, 'metadata.annotations["policies.kyverno.io/severity"]', props.severity, Object.values(Severity));
  for (const p of props.autogenControllers?.problems() ?? []) {
    out.push(`metadata.annotations["pod-policies.kyverno.io/autogen-controllers"]: ${p}`);
  }
  const t = props.webhookTimeoutSeconds;
  if (t !== undefined && !(Number.isInteger(t) && t >= 1 && t <= 30)) {
    out.push(`spec.webhookTimeoutSeconds: ${t} is out of range (an integer from 1 to 30)`);
  }
  if (rules.length === 0) out.push('spec.rules: the policy has no rules (add at least one with rules or addRule)');
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    const at = `spec.rules[${i}]`;
    if (typeof rule.name !== 'string' || rule.name.length === 0) {
      out.push(`${at}.name: a rule needs a name (${LABEL_RULE})`);
    } else if (!isDnsLabel(rule.name)) {
      out.push(`${at}.name: "${rule.name}" is not ${LABEL_RULE}`);
    } else if (seen.has(rule.name)) {
      out.push(`${at}.name: "${rule.name}" is already the name of spec.rules[${seen.get(rule.name)}] (rule names must be unique within a policy)`);
    }
    if (typeof rule.name === 'string' && !seen.has(rule.name)) seen.set(rule.name, i);
    out.push(...ruleProblems(rule, at));
    out.push(...ruleVariableProblems(renderRule(rule), at, props.background ?? true));
  });
  return out;
}

function ruleProblems(rule: Rule, at: string): string[] {
  const out: string[] = [];
  const actions = ACTIONS.filter((a) => (rule as any)[a] !== undefined);
  if (actions.length !== 1) {
    out.push(`${at}: a rule needs exactly one action (one of ${ACTIONS.join(', ')}), found ${actions.length === 0 ? 'none' : actions.join(', ')}`);
  }
  out.push(...matchProblems(rule.match, `${at}.match`, true));
  if (rule.exclude !== undefined) out.push(...matchProblems(rule.exclude, `${at}.exclude`, false));
  out.push(...conditionsProblems(rule.preconditions, `${at}.preconditions`));
  out.push(...contextProblems(rule.context, `${at}.context`));
  if (rule.validate !== undefined) out.push(...validateProblems(rule.validate, `${at}.validate`));
  const celNames = new Set<string>();
  (rule.celPreconditions ?? []).forEach((c, i) => {
    if (typeof c?.name !== 'string' || c.name.length === 0) out.push(`${at}.celPreconditions[${i}].name: a CEL precondition needs a name`);
    else if (celNames.has(c.name)) out.push(`${at}.celPreconditions[${i}].name: "${c.name}" is used twice (names must be unique)`);
    celNames.add(c?.name);
  });
  out.push(...ruleCelProblems(rule, at));
  if (rule.mutate !== undefined) {
    const m = rule.mutate;
    if (m.patchStrategicMerge === undefined && m.patchesJson6902 === undefined && m.foreach === undefined) {
      out.push(`${at}.mutate: a mutate rule needs patchStrategicMerge, patchesJson6902 or foreach`);
    }
    (m.foreach ?? []).forEach((f, j) => out.push(...conditionsProblems(f.preconditions, `${at}.mutate.foreach[${j}].preconditions`)));
  }
  if (rule.generate !== undefined) {
    const g = rule.generate;
    const sources = ['data', 'clone', 'cloneList'].filter((k) => (g as any)[k] !== undefined);
    if (sources.length !== 1) {
      out.push(`${at}.generate: a generate rule needs exactly one of data, clone, cloneList, found ${sources.length === 0 ? 'none' : sources.join(', ')}`);
    }
    if (g.cloneList === undefined) {
      const missing = ['apiVersion', 'kind', 'name'].filter((k) => !(g as any)[k]);
      if (missing.length > 0) out.push(`${at}.generate: ${missing.join(', ')} must be set for data and clone`);
    }
  }
  (rule.verifyImages ?? []).forEach((v, j) => {
    if (!Array.isArray(v.imageReferences) || v.imageReferences.length === 0) {
      out.push(`${at}.verifyImages[${j}].imageReferences: list at least one image reference (wildcards allowed, e.g. "ghcr.io/acme/*")`);
    }
    if ((v.attestors ?? []).length === 0 && (v.attestations ?? []).length === 0) {
      out.push(`${at}.verifyImages[${j}]: needs attestors or attestations`);
    }
  });
  return out;
}

export function matchProblems(m: any, at: string, required: boolean): string[] {
  const out: string[] = [];
  const filters = [...(m?.any ?? []), ...(m?.all ?? [])];
  if (!isObject(m) || filters.length === 0) {
    if (required || isObject(m)) out.push(`${at}: must list at least one resource filter under any or all`);
    return out;
  }
  if (m.any !== undefined && m.all !== undefined) {
    out.push(`${at}: use either any or all, not both (Kyverno rejects a block with both)`);
  }
  for (const key of ['any', 'all']) {
    (m[key] ?? []).forEach((f: any, i: number) => {
      const fa = `${at}.${key}[${i}]`;
      const r = f?.resources;
      const hasUser = (f?.subjects ?? []).length + (f?.roles ?? []).length + (f?.clusterRoles ?? []).length > 0;
      const hasResources = isObject(r) && Object.values(r).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
      if (!hasResources && !hasUser) out.push(`${fa}: an empty filter (set resources, subjects, roles or clusterRoles)`);
      if (required && key === 'any' && isObject(r) && !hasUser && (r.kinds ?? []).length === 0) {
        out.push(`${fa}.resources.kinds: list at least one kind (e.g. "Pod")`);
      }
      for (const op of r?.operations ?? []) {
        if (!OPERATIONS.includes(op)) out.push(`${fa}.resources.operations: "${op}" is not one of ${OPERATIONS.join(', ')}`);
      }
    });
  }
  return out;
}

export function conditionsProblems(c: any, at: string): string[] {
  if (c === undefined) return [];
  const out: string[] = [];
  if (!isObject(c) || ((c.any ?? []).length === 0 && (c.all ?? []).length === 0)) {
    return [`${at}: list conditions under any or all`];
  }
  for (const key of ['any', 'all']) {
    (c[key] ?? []).forEach((cond: any, i: number) => {
      if (!OPERATORS.includes(cond?.operator)) {
        out.push(`${at}.${key}[${i}].operator: "${cond?.operator}" is not a Kyverno condition operator (${OPERATORS.join(', ')})`);
      }
      if (cond?.key === undefined) out.push(`${at}.${key}[${i}].key: a condition needs a key`);
    });
  }
  return out;
}

function contextProblems(ctx: any[] | undefined, at: string): string[] {
  const out: string[] = [];
  const names = new Set<string>();
  (ctx ?? []).forEach((e, i) => {
    if (typeof e?.name !== 'string' || e.name.length === 0) out.push(`${at}[${i}].name: a context entry needs a name`);
    else if (names.has(e.name)) out.push(`${at}[${i}].name: "${e.name}" is defined twice`);
    names.add(e?.name);
    const sources = CONTEXT_SOURCES.filter((k) => e?.[k] !== undefined);
    if (sources.length !== 1) {
      out.push(`${at}[${i}]: a context entry needs exactly one of ${CONTEXT_SOURCES.join(', ')}, found ${sources.length === 0 ? 'none' : sources.join(', ')}`);
    }
  });
  return out;
}

function validateProblems(v: any, at: string): string[] {
  const out: string[] = [];
  const checks = VALIDATE_CHECKS.filter((k) => v?.[k] !== undefined);
  if (checks.length !== 1) {
    out.push(`${at}: a validate rule needs exactly one kind of check (one of ${VALIDATE_CHECKS.join(', ')}), found ${checks.length === 0 ? 'none' : checks.join(', ')}`);
  }
  const needsMessage = checks.find((k) => ['pattern', 'anyPattern', 'deny'].includes(k));
  if (needsMessage && (typeof v.message !== 'string' || v.message.trim().length === 0)) {
    out.push(`${at}.message: a ${needsMessage} check needs a message (shown to the user when the check fails)`);
  }
  if (v.anyPattern !== undefined && (!Array.isArray(v.anyPattern) || v.anyPattern.length === 0)) {
    out.push(`${at}.anyPattern: list at least one pattern`);
  }
  if (v.deny !== undefined && v.deny.conditions !== undefined) out.push(...conditionsProblems(v.deny.conditions, `${at}.deny.conditions`));
  (v.foreach ?? []).forEach((f: any, i: number) => out.push(...foreachProblems(f, `${at}.foreach[${i}]`)));
  if (v.cel !== undefined && (v.cel.expressions ?? []).length === 0) {
    out.push(`${at}.cel.expressions: list at least one CEL expression`);
  }
  if (v.podSecurity !== undefined) {
    const levels = Object.values(PodSecurityLevel) as string[];
    if (!levels.includes(v.podSecurity.level)) {
      out.push(`${at}.podSecurity.level: "${v.podSecurity.level}" is not one of ${levels.join(', ')}`);
    }
  }
  return out;
}

function foreachProblems(f: any, at: string): string[] {
  const out: string[] = [];
  if (typeof f?.list !== 'string' || f.list.length === 0) out.push(`${at}.list: a foreach needs a list (a JMESPath such as "request.object.spec.containers")`);
  const checks = ['pattern', 'anyPattern', 'deny', 'foreach'].filter((k) => f?.[k] !== undefined);
  if (checks.length !== 1) {
    out.push(`${at}: a foreach needs exactly one of pattern, anyPattern, deny, foreach, found ${checks.length === 0 ? 'none' : checks.join(', ')}`);
  }
  out.push(...conditionsProblems(f?.preconditions, `${at}.preconditions`));
  out.push(...contextProblems(f?.context, `${at}.context`));
  if (f?.deny?.conditions !== undefined) out.push(...conditionsProblems(f.deny.conditions, `${at}.deny.conditions`));
  (f?.foreach ?? []).forEach((g: any, i: number) => out.push(...foreachProblems(g, `${at}.foreach[${i}]`)));
  return out;
}

function enumProblem(out: string[], field: string, value: unknown, allowed: string[]): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    out.push(`${field}: "${value}" is not one of ${allowed.join(', ')}`);
  }
}

/**
 * Checks of an imported manifest: only what Kyverno itself rejects (or silently ignores, such as
 * an unknown autogen controller), so every policy Kyverno accepts imports cleanly.
 */
export function manifestProblems(manifest: any, version: KyvernoVersion = KyvernoVersion.V1_13): string[] {
  const out: string[] = unknownFieldProblems(manifest, version);
  const name = manifest?.metadata?.name;
  if (!isPolicyName(name)) out.push(`metadata.name: ${JSON.stringify(name)} is not ${SUBDOMAIN_RULE}`);
  const autogen = manifest?.metadata?.annotations?.['pod-policies.kyverno.io/autogen-controllers'];
  if (autogen !== undefined) {
    for (const p of AutogenControllers.fromString(String(autogen)).problems()) {
      out.push(`metadata.annotations["pod-policies.kyverno.io/autogen-controllers"]: ${p}`);
    }
  }
  const rules = manifest?.spec?.rules;
  if (!Array.isArray(rules)) {
    out.push('spec.rules: an imported policy needs a list of rules');
    return out;
  }
  const seen = new Map<string, number>();
  rules.forEach((r: any, i: number) => {
    const n = r?.name;
    if (typeof n !== 'string' || n.length === 0 || n.length > 63) {
      out.push(`spec.rules[${i}].name: ${JSON.stringify(n)} is not a rule name Kyverno accepts (non-empty, at most 63 characters)`);
    } else if (seen.has(n)) {
      out.push(`spec.rules[${i}].name: "${n}" is already the name of spec.rules[${seen.get(n)}] (rule names must be unique within a policy)`);
    } else {
      seen.set(n, i);
    }
  });
  // Kyverno compiles every CEL expression at admission and rejects the policy when one fails
  rules.forEach((r: any, i: number) => out.push(...ruleCelProblems(r, `spec.rules[${i}]`)));
  // and checks every {{ }} variable
  rules.forEach((r: any, i: number) => out.push(...ruleVariableProblems(r, `spec.rules[${i}]`, manifest?.spec?.background !== false)));
  return out;
}
