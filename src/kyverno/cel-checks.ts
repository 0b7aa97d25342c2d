/**
 * Synth-time CEL checks: every CEL expression of a policy must parse and compile, as Kyverno
 * rejects a policy with an uncompilable expression at admission. Each problem is
 * `<field>: not valid CEL: <error with position>`; the construct prefixes its path.
 * Internal module, not exported from index.
 */
import { CelSyntaxError, desugarCel } from '../engine/cel/desugar';
import type { CelEnvironment } from '../engine/cel/environment';

/**
 * One environment for every check: compiling is pure, the engine caches compiled programs. The
 * CEL runtime loads at the first CEL expression checked, not when the library loads.
 */
let environment: CelEnvironment | undefined;

/**
 * The problem with one CEL expression, or undefined when it compiles. Missing or blank
 * expressions are left to the checks that require them (the CRD schema for imported manifests).
 */
export function celProblem(expression: unknown, at: string): string | undefined {
  if (typeof expression !== 'string' || expression.trim().length === 0) return undefined;
  try {
    // desugarCel reads the full grammar (optional types, library namespaces) and reports the
    // position in the expression as written; compile then runs @bufbuild/cel on the result
    desugarCel(expression);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    environment ??= new (require('../engine/cel/environment') as typeof import('../engine/cel/environment')).CelEnvironment();
    environment.compile(expression);
    return undefined;
  } catch (e) {
    if (e instanceof CelSyntaxError) return `${at}: not valid CEL: ${syntaxMessage(e)}`;
    return `${at}: not valid CEL: ${(e as Error).message.replace(/^compilation failed: /, '')}`;
  }
}

/**
 * A one-line expression is quoted whole after its position; a multi-line one (YAML block scalars)
 * is located by line and column and only its offending line is quoted, so the problem stays one line.
 */
function syntaxMessage(e: CelSyntaxError): string {
  if (!e.expression.includes('\n')) return e.message;
  const reason = e.message.slice(0, e.message.length - ` at position ${e.position} in: ${e.expression}`.length);
  // an error at the end of input points at the last line with text, not at a trailing newline
  const text = e.expression.trimEnd();
  const before = text.slice(0, Math.min(e.position, text.length)).split('\n');
  const line = before.length;
  const column = before[line - 1].length + 1;
  return `${reason} at line ${line}, column ${column} (position ${e.position}): ${JSON.stringify(text.split('\n')[line - 1].trim())}`;
}

/** A CEL expression and its field, e.g. `spec.validations[1].expression`. */
export interface CelField {
  readonly at: string;
  readonly expression: unknown;
}

/** Every CEL field of a ValidatingPolicy spec, in spec order. */
export function validatingPolicyCelFields(spec: any): CelField[] {
  const out: CelField[] = [];
  list(spec?.matchConditions).forEach((c, i) => out.push({ at: `spec.matchConditions[${i}].expression`, expression: c?.expression }));
  list(spec?.variables).forEach((v, i) => out.push({ at: `spec.variables[${i}].expression`, expression: v?.expression }));
  list(spec?.validations).forEach((v, i) => {
    out.push({ at: `spec.validations[${i}].expression`, expression: v?.expression });
    out.push({ at: `spec.validations[${i}].messageExpression`, expression: v?.messageExpression });
  });
  list(spec?.auditAnnotations).forEach((a, i) => out.push({ at: `spec.auditAnnotations[${i}].valueExpression`, expression: a?.valueExpression }));
  return out.filter((f) => f.expression !== undefined);
}

/** Every CEL field of one kyverno.io rule (`celPreconditions` and `validate.cel`) at `at` (`spec.rules[i]`). */
export function ruleCelFields(rule: any, at: string): CelField[] {
  const out: CelField[] = [];
  list(rule?.celPreconditions).forEach((c, i) => out.push({ at: `${at}.celPreconditions[${i}].expression`, expression: c?.expression }));
  const cel = rule?.validate?.cel;
  const celAt = `${at}.validate.cel`;
  list(cel?.variables).forEach((v, i) => out.push({ at: `${celAt}.variables[${i}].expression`, expression: v?.expression }));
  list(cel?.expressions).forEach((x, i) => {
    out.push({ at: `${celAt}.expressions[${i}].expression`, expression: x?.expression });
    out.push({ at: `${celAt}.expressions[${i}].messageExpression`, expression: x?.messageExpression });
  });
  list(cel?.auditAnnotations).forEach((a, i) => out.push({ at: `${celAt}.auditAnnotations[${i}].valueExpression`, expression: a?.valueExpression }));
  return out.filter((f) => f.expression !== undefined);
}

/**
 * Every CEL field of a spec of any CEL policy kind (policies.kyverno.io policies and exceptions,
 * Kubernetes admission policies and bindings), in spec order.
 */
export function celPolicyCelFields(spec: any): CelField[] {
  const out: CelField[] = [];
  const add = (field: string, key: string) => list(spec?.[field]).forEach((x, i) => out.push({ at: `spec.${field}[${i}].${key}`, expression: x?.[key] }));
  add('matchConditions', 'expression');
  add('variables', 'expression');
  add('matchImageReferences', 'expression');
  add('images', 'expression');
  list(spec?.validations).forEach((v, i) => {
    out.push({ at: `spec.validations[${i}].expression`, expression: v?.expression });
    out.push({ at: `spec.validations[${i}].messageExpression`, expression: v?.messageExpression });
  });
  list(spec?.mutations).forEach((m, i) => {
    out.push({ at: `spec.mutations[${i}].applyConfiguration.expression`, expression: m?.applyConfiguration?.expression });
    out.push({ at: `spec.mutations[${i}].jsonPatch.expression`, expression: m?.jsonPatch?.expression });
  });
  add('generate', 'expression');
  add('conditions', 'expression');
  add('targetMatchConditions', 'expression');
  if (spec?.targetMatchConstraints?.expression !== undefined) {
    out.push({ at: 'spec.targetMatchConstraints.expression', expression: spec.targetMatchConstraints.expression });
  }
  add('auditAnnotations', 'valueExpression');
  return out.filter((f) => f.expression !== undefined);
}

/** CEL problems of a spec of any CEL policy kind (authored or imported). */
export function celPolicyCelProblems(spec: any): string[] {
  return fieldProblems(celPolicyCelFields(spec));
}

/** CEL problems of a ValidatingPolicy spec (authored or imported). */
export function validatingPolicyCelProblems(spec: any): string[] {
  return fieldProblems(validatingPolicyCelFields(spec));
}

/** CEL problems of one kyverno.io rule at `at` (`spec.rules[i]`). */
export function ruleCelProblems(rule: any, at: string): string[] {
  return fieldProblems(ruleCelFields(rule, at));
}

function fieldProblems(fields: CelField[]): string[] {
  return fields.map((f) => celProblem(f.expression, f.at)).filter((p): p is string => p !== undefined);
}

function list(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}
