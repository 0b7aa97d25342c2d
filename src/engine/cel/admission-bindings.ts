/**
 * Bindings of the Kubernetes admission policies (ValidatingAdmissionPolicyBinding,
 * MutatingAdmissionPolicyBinding): which bindings put a policy in force for a resource, and the
 * parameter resources (`paramRef`) each binding gives `params`.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#parameter-resources
 */
import { CelContext } from './context';
import { labelSelectorMatches } from './label-selector';
import { matchesResource } from './match-constraints';

/** The bindings of `policy` among `documents` (`spec.policyName`, binding kind `<policy kind>Binding`). */
export function bindingsOf(policy: any, documents: any[] | undefined): any[] {
  const kind = `${policy?.kind ?? ''}Binding`;
  const name = policy?.metadata?.name;
  return (documents ?? []).filter((d) => d?.kind === kind && d?.spec?.policyName === name);
}

/** Whether a binding's `matchResources` (absent: everything the policy matches) selects the resource. */
export function bindingMatches(binding: any, resource: any, ctx: CelContext): boolean {
  const mr = binding?.spec?.matchResources;
  if (!mr) return true;
  // no resourceRules: every request of the policy, narrowed by the selectors and exclusions
  const rules = mr.resourceRules ?? [{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*'], operations: ['*'] }];
  return matchesResource({ matchConstraints: { ...mr, resourceRules: rules } }, resource, (ctx.operation ?? 'CREATE').toUpperCase(), ctx, false) !== null;
}

/** The parameter objects of a binding: found ones, or why none (and whether that is allowed). */
export interface BindingParams {
  /** The parameter objects to evaluate with (one evaluation each); `[null]` without paramKind. */
  readonly params: any[];
  /** Set when no parameter object was found. */
  readonly notFound?: string;
  /** `paramRef.parameterNotFoundAction` is Allow. */
  readonly allowMissing?: boolean;
}

/**
 * Resolves `paramRef` against the supplied parameter resources: by name (in `paramRef.namespace`,
 * else the request's namespace for a namespaced parameter kind), or every object its selector
 * matches. Without `paramKind` the policy has no params.
 */
export function paramsOf(policy: any, binding: any, resource: any, paramResources: any[] | undefined): BindingParams {
  const paramKind = policy?.spec?.paramKind;
  if (!paramKind) return { params: [null] };
  const ref = binding?.spec?.paramRef;
  const allowMissing = ref?.parameterNotFoundAction === 'Allow';
  if (!ref) return { params: [], notFound: `binding ${binding?.metadata?.name ?? ''} has no paramRef for paramKind ${paramKind.kind}`, allowMissing: false };
  const candidates = (paramResources ?? []).filter((r) => r?.kind === paramKind.kind && (r?.apiVersion ?? '') === paramKind.apiVersion);
  const namespace = ref.namespace ?? resource?.metadata?.namespace;
  const inNamespace = (r: any) => namespace === undefined || (r?.metadata?.namespace ?? namespace) === namespace;
  const found = ref.name !== undefined
    ? candidates.filter((r) => r?.metadata?.name === ref.name && inNamespace(r))
    : candidates.filter((r) => inNamespace(r) && labelSelectorMatches(ref.selector ?? {}, r?.metadata?.labels));
  if (found.length > 0) return { params: found };
  const what = ref.name !== undefined ? `${paramKind.kind} ${namespace ? namespace + '/' : ''}${ref.name}` : `${paramKind.kind} matching the selector`;
  return { params: [], notFound: `no params found for binding ${binding?.metadata?.name ?? ''}: ${what} is not among the parameter resources`, allowMissing };
}
