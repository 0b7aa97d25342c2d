/**
 * policies.kyverno.io PolicyExceptions for the CEL policy kinds: an exception whose
 * `spec.policyRefs` name the policy (name and kind) and whose `matchConditions` (CEL, on the same
 * request bindings as the policy's) all hold turns the policy's result on that resource into a skip.
 * @see https://kyverno.io/docs/exceptions/
 */
import { RuleResult, RuleStatus } from '../result';
import { admissionBindings } from './bindings';
import { CelContext } from './context';
import { CelEnvironment, celLibraryData } from './environment';

/** Whether a manifest is a policies.kyverno.io PolicyException (not the kyverno.io one). */
export function isCelPolicyException(doc: any): boolean {
  return doc?.kind === 'PolicyException' && String(doc?.apiVersion ?? '').startsWith('policies.kyverno.io/');
}

function exceptionName(e: any): string {
  const ns = e?.metadata?.namespace;
  const name = String(e?.metadata?.name ?? '');
  return ns ? `${ns}/${name}` : name;
}

/** The CEL exceptions naming `policy` in `spec.policyRefs` whose match conditions hold on `resource`. */
export function celExceptionsApplying(exceptions: any[] | undefined, policy: any, resource: any, ctx: CelContext): any[] {
  const name = String(policy?.metadata?.name ?? '');
  const kind = String(policy?.kind ?? '');
  const named = (exceptions ?? []).filter((e) => isCelPolicyException(e)
    && (e.spec?.policyRefs ?? []).some((r: any) => String(r?.name ?? '') === name && (!r?.kind || String(r.kind) === kind)));
  if (named.length === 0) return [];
  const env = new CelEnvironment(celLibraryData(ctx));
  const bindings = admissionBindings(resource, ctx);
  return named.filter((e) => (e.spec?.matchConditions ?? []).every((c: any) => {
    try {
      return env.evaluate(String(c?.expression ?? ''), bindings) === true;
    } catch {
      // a condition that cannot be evaluated does not select the resource
      return false;
    }
  }));
}

/**
 * The policy's results under the CEL exceptions in force: a result the policy reported on the
 * resource (it matched) becomes a skip naming the exceptions.
 */
export function withCelExceptions(results: RuleResult[], exceptions: any[] | undefined, policy: any, resource: any, ctx: CelContext): RuleResult[] {
  if (results.length === 0 || !(exceptions ?? []).some(isCelPolicyException)) return results;
  const applying = celExceptionsApplying(exceptions, policy, resource, ctx);
  if (applying.length === 0) return results;
  const message = `rule is skipped due to policy exception ${applying.map(exceptionName).sort().join(', ')}`;
  return results.map((r) => (r.status === RuleStatus.SKIP ? r : { ...r, status: RuleStatus.SKIP, message }));
}
