/**
 * Kubernetes label selectors (matchLabels, matchExpressions) as admission matching uses them.
 */

/** True when `labels` satisfy `selector`; an empty or missing selector matches everything. */
export function labelSelectorMatches(selector: any, labels: { [key: string]: string } | undefined): boolean {
  if (!selector) return true;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (l[k] !== String(v)) return false;
  }
  return matchExpressionsHold(selector.matchExpressions, l);
}

/**
 * True when every `matchExpressions` requirement (In, NotIn, Exists, DoesNotExist) holds for
 * `labels`. Kyverno's wildcard selectors differ only in matchLabels, so they share this part.
 */
export function matchExpressionsHold(expressions: any[] | undefined, labels: { [key: string]: string }): boolean {
  for (const expr of expressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, expr.key);
    const values: string[] = (expr.values ?? []).map(String);
    switch (expr.operator) {
      case 'In':
        if (!has || !values.includes(labels[expr.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[expr.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        throw new Error(`invalid label selector operator ${JSON.stringify(expr.operator)}`);
    }
  }
  return true;
}
