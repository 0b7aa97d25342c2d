/**
 * Synth-time checks shared by the CEL policy kinds (field paths as in the manifest; the construct
 * prefixes its path). Internal module, not exported from index.
 */
import { Operation, ValidationAction } from './enums';
import { CelParamRef } from './validation';

/** `matchConstraints` (or a binding's `matchResources`): resource rules with the four lists and known operations. */
export function matchConstraintsProblems(mc: any, at: string, required = true): string[] {
  const out: string[] = [];
  const rules: any[] = mc?.resourceRules ?? [];
  if (required && rules.length === 0) out.push(`${at}.resourceRules: list at least one resource rule`);
  const ops = Object.values(Operation) as string[];
  const check = (list: any[], field: string) => list.forEach((r, i) => {
    for (const f of ['apiGroups', 'apiVersions', 'resources', 'operations']) {
      if (!Array.isArray(r?.[f]) || r[f].length === 0) out.push(`${at}.${field}[${i}].${f}: list at least one value ("*" for all)`);
    }
    for (const op of r?.operations ?? []) {
      if (!ops.includes(op) && op !== '*') out.push(`${at}.${field}[${i}].operations: "${op}" is not one of ${ops.join(', ')}, *`);
    }
  });
  check(rules, 'resourceRules');
  check(mc?.excludeResourceRules ?? [], 'excludeResourceRules');
  return out;
}

/** `validationActions`: known values, no duplicates, not Deny with Warn. */
export function validationActionsProblems(actions: string[] | undefined, at = 'spec.validationActions'): string[] {
  const out: string[] = [];
  const list = actions ?? [];
  const allowed = Object.values(ValidationAction) as string[];
  for (const a of list) if (!allowed.includes(a)) out.push(`${at}: "${a}" is not one of ${allowed.join(', ')}`);
  if (new Set(list).size !== list.length) out.push(`${at}: ${JSON.stringify(list)} lists an action twice`);
  if (list.includes(ValidationAction.DENY) && list.includes(ValidationAction.WARN)) {
    out.push(`${at}: Deny and Warn cannot be combined (use Deny, or Warn with Audit)`);
  }
  return out;
}

/** Named entries (`matchConditions`, `conditions`, `images`...): names present and unique. */
export function uniqueNameProblems(entries: Array<{ name: string }> | undefined, at: string): string[] {
  const out: string[] = [];
  const names = new Set<string>();
  (entries ?? []).forEach((c, i) => {
    if (typeof c?.name !== 'string' || c.name.length === 0) out.push(`${at}[${i}].name: a name is required`);
    else if (names.has(c.name)) out.push(`${at}[${i}].name: "${c.name}" is used twice (names must be unique)`);
    names.add(c?.name);
  });
  return out;
}

/** `variables`: each name a CEL identifier. */
export function variableNameProblems(variables: Array<{ name: string }> | undefined, at = 'spec.variables'): string[] {
  const out: string[] = [];
  (variables ?? []).forEach((v, i) => {
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(v?.name ?? '')) out.push(`${at}[${i}].name: "${v?.name}" is not a CEL identifier (letters, digits, '_'; not starting with a digit)`);
  });
  return out;
}

/** `validations`: at least one (when required), each with an expression. */
export function validationsProblems(validations: Array<{ expression: string }> | undefined, required: boolean, at = 'spec.validations'): string[] {
  const out: string[] = [];
  if (required && (!Array.isArray(validations) || validations.length === 0)) out.push(`${at}: list at least one CEL validation`);
  (validations ?? []).forEach((v, i) => {
    if (typeof v?.expression !== 'string' || v.expression.trim().length === 0) out.push(`${at}[${i}].expression: a validation needs a CEL expression`);
  });
  return out;
}

/** The `spec.evaluation` block from the admission/background switches (undefined when none is set). */
export function evaluationBlock(fields: { [key: string]: boolean | undefined }): any {
  const out: any = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = { enabled: v };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `webhookConfiguration.timeoutSeconds`: an integer from 1 to 30. */
export function timeoutProblems(t: number | undefined, at = 'spec.webhookConfiguration.timeoutSeconds'): string[] {
  if (t === undefined || (Number.isInteger(t) && t >= 1 && t <= 30)) return [];
  return [`${at}: ${t} is not an integer from 1 to 30`];
}

/** A paramRef names one resource or selects some, and says Allow or Deny when none is found. */
export function paramRefProblems(ref: CelParamRef | undefined): string[] {
  if (!ref) return [];
  const out: string[] = [];
  if ((ref.name === undefined) === (ref.selector === undefined)) out.push('spec.paramRef: set exactly one of name or selector');
  if (ref.parameterNotFoundAction !== undefined && !['Allow', 'Deny'].includes(ref.parameterNotFoundAction)) {
    out.push(`spec.paramRef.parameterNotFoundAction: ${JSON.stringify(ref.parameterNotFoundAction)} is not one of Allow, Deny`);
  }
  return out;
}
