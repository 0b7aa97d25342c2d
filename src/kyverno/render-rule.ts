/**
 * Rule rendering shared by typed and imported policies. Internal module, not exported from index.
 */
import { isObject, ordered } from './json';
import { Rule } from './rule';

/** A rule as Kyverno JSON, in the order Kyverno's docs write it. */
export function renderRule(rule: Rule): any {
  const r: any = ordered(rule, ['name', 'match', 'exclude', 'context', 'preconditions', 'celPreconditions', 'validate', 'mutate', 'generate', 'verifyImages']);
  if (isObject(r.validate)) r.validate = ordered(r.validate, ['message', 'allowExistingViolations']);
  return r;
}
