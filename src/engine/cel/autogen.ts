/**
 * Pod controller autogen for CEL: a Pod expression read against a controller's pod template.
 * Kyverno rewrites the expression text, `object.spec`/`object.metadata` (and `oldObject.*`) to the
 * template's (pkg/autogen podCELReplacementRules for rules, pkg/cel/autogen for ValidatingPolicies).
 */

/** Where each pod controller keeps its pod template. */
const TEMPLATE_PATHS: { [kind: string]: string } = {
  Deployment: 'spec.template',
  StatefulSet: 'spec.template',
  DaemonSet: 'spec.template',
  ReplicaSet: 'spec.template',
  ReplicationController: 'spec.template',
  Job: 'spec.template',
  CronJob: 'spec.jobTemplate.spec.template',
};

/** Kinds Kyverno generates pod rules for. */
export const POD_CONTROLLER_KINDS = Object.keys(TEMPLATE_PATHS);

/** The path (dot-separated) of `kind`'s pod template, or undefined if it is not a pod controller. */
export function podTemplatePath(kind: string): string | undefined {
  return TEMPLATE_PATHS[kind];
}

/**
 * `expression` rewritten for a pod controller of `kind`. With `metadata` (as Kyverno does for
 * `validate.cel`, `celPreconditions` and ValidatingPolicies), `object.metadata` is rewritten too.
 */
export function autogenExpression(expression: string, kind: string, metadata: boolean): string {
  const template = TEMPLATE_PATHS[kind];
  if (!template) return expression;
  const fields = metadata ? 'spec|metadata' : 'spec';
  return expression.replace(new RegExp(`\\b(object|oldObject)\\.(${fields})\\b`, 'g'), (_m, root: string, field: string) => `${root}.${template}.${field}`);
}

/** A `validate.cel` block rewritten for a pod controller of `kind` (expressions, messageExpressions, variables, metadata included). */
export function autogenCel(cel: any, kind: string): any {
  if (!cel || !TEMPLATE_PATHS[kind]) return cel;
  const rewrite = (s: any) => (typeof s === 'string' ? autogenExpression(s, kind, true) : s);
  const expression = (e: any) => ({
    ...e,
    expression: rewrite(e.expression),
    ...(e.messageExpression ? { messageExpression: rewrite(e.messageExpression) } : {}),
  });
  return {
    ...cel,
    ...(cel.expressions ? { expressions: cel.expressions.map(expression) } : {}),
    ...(cel.variables ? { variables: cel.variables.map((v: any) => ({ ...v, expression: rewrite(v.expression) })) } : {}),
  };
}
