/**
 * Kyverno GeneratingPolicy and NamespacedGeneratingPolicy (policies.kyverno.io): the resources
 * `generate` creates for a trigger, as `kyverno test` compares them with `generatedResource`.
 * @see https://kyverno.io/docs/policy-types/generating-policy/
 */
import { parseYamlDocuments } from '../../core/yaml';
import { RuleResult, RuleStatus } from '../result';
import { evaluateWithVariables } from './bindings';
import { CelContext } from './context';
import { CelUnsupportedError, fromCel } from './environment';
import { collectGenerated } from './generator-library';
import { MatchedPolicy, matchPolicy } from './policy-pipeline';

/**
 * Evaluates a GeneratingPolicy on a trigger: pass with the generated resources (in generate
 * order), error when an expression or template fails (`unsupported` when it needs a cluster or
 * registry), no result or skip as the shared pipeline decides.
 */
export function evaluateGeneratingPolicy(policy: any, resource: any, ctx: CelContext = {}): RuleResult[] {
  const matched = matchPolicy(policy, resource, ctx, { autogen: false });
  if (Array.isArray(matched)) return matched;
  const generated: any[] = [];
  for (const [i, g] of (policy?.spec?.generate ?? []).entries()) {
    try {
      if (typeof g?.expression === 'string') {
        generated.push(...collectGenerated(() => evaluateWithVariables(matched.env, g.expression, matched.bindings, matched.vars), fromCel));
      } else if (typeof g?.template?.value === 'string') {
        generated.push(...renderTemplate(g.template, matched));
      } else {
        return matched.result(RuleStatus.ERROR, `generate[${i}]: set expression or template`);
      }
    } catch (e) {
      const status = e instanceof CelUnsupportedError ? RuleStatus.UNSUPPORTED : RuleStatus.ERROR;
      return matched.result(status, `generate[${i}]: ${(e as Error).message}`);
    }
  }
  // a NamespacedGeneratingPolicy generates only in its own namespace
  if (policy?.kind === 'NamespacedGeneratingPolicy') {
    const own = policy?.metadata?.namespace ?? 'default';
    const outside = generated.find((r) => (r?.metadata?.namespace ?? own) !== own);
    if (outside) return matched.result(RuleStatus.ERROR, `a NamespacedGeneratingPolicy generates only in ${own}, not in ${outside.metadata.namespace}`);
  }
  return matched.result(RuleStatus.PASS, 'success', { generatedResources: generated });
}

/** A `template`: its `(( expression ))` placeholders evaluated when `interpolate: cel`, then read as YAML. */
function renderTemplate(template: any, matched: MatchedPolicy): any[] {
  let text = String(template.value);
  if (template.interpolate === 'cel') {
    text = text.replace(/\(\(([\s\S]*?)\)\)/g, (_, expression: string) => {
      const v = fromCel(evaluateWithVariables(matched.env, expression.trim(), matched.bindings, matched.vars));
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
  }
  return parseYamlDocuments(text, 'generate template').filter((o) => o !== null && o !== undefined);
}
