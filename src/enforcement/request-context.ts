/**
 * The admission request around each checked resource, from what `kyverno apply` accepts: a Values
 * file (`--values-file`: globalValues, per-policy rule and resource values, namespaceSelector),
 * `--set key=value` variables, a UserInfo file (`--userinfo`) and namespace labels. Namespace
 * labels come, in this order, from `namespaceLabels`, the Values file's `namespaceSelector`, and a
 * Namespace object among the checked manifests.
 * @see https://kyverno.io/docs/kyverno-cli/usage/apply/
 */
import { EvaluationOptions, RequestUserInfo } from '../engine/evaluation-options';

/** What surrounds the requests of an admission check. */
export interface AdmissionRequestProps {
  /**
   * A kyverno Values document (`apiVersion: cli.kyverno.io/v1alpha1`, `kind: Values`), as
   * `kyverno apply --values-file` reads it.
   * @default - no values
   * @see https://kyverno.io/docs/kyverno-cli/reference/kyverno_apply/
   */
  readonly values?: any;
  /** Variables for every rule (`kyverno apply --set key=value`); dotted keys nest. @default - none */
  readonly variables?: { [key: string]: string };
  /**
   * A kyverno UserInfo document (`kind: UserInfo`: userInfo.username/groups, roles, clusterRoles),
   * as `kyverno apply --userinfo` reads it.
   * @default - no user
   */
  readonly userInfo?: any;
  /** Labels per namespace name, for namespaceSelectors and failure action overrides. @default - none */
  readonly namespaceLabels?: { [namespace: string]: { [key: string]: string } };
  /** Kyverno PolicyExceptions in force. @default - none */
  readonly exceptions?: any[];
  /** `request.operation`. @default "CREATE" */
  readonly operation?: string;
  /** Admission policy bindings (ValidatingAdmissionPolicyBinding, MutatingAdmissionPolicyBinding). */
  readonly policyBindings?: any[];
}

function stringMap(v: any): { [k: string]: string } {
  const out: { [k: string]: string } = {};
  for (const [k, x] of Object.entries(v ?? {})) out[k] = String(x);
  return out;
}

/** The user of a UserInfo document (current `userInfo:` and the older flat layout). */
export function userInfoOf(doc: any): RequestUserInfo | undefined {
  if (!doc || typeof doc !== 'object') return undefined;
  return {
    username: doc.userInfo?.username ?? doc.username,
    groups: doc.userInfo?.groups ?? doc.groups,
    roles: doc.roles,
    clusterRoles: doc.clusterRoles,
  };
}

/** Builds the evaluation options of each (policy, resource) pair. Internal. */
export class RequestContext {
  private readonly userInfo?: RequestUserInfo;
  private readonly globalValues: { [k: string]: any };
  private readonly policyValues = new Map<string, any>();
  private readonly labels = new Map<string, { [k: string]: string }>();
  private readonly namespaceObjects = new Map<string, any>();
  /** Options of policies without per-policy values, per namespace (shared: no copy per resource). */
  private readonly shared = new Map<string, EvaluationOptions>();

  constructor(private readonly props: AdmissionRequestProps) {
    this.userInfo = userInfoOf(props.userInfo);
    this.globalValues = { ...(props.values?.globalValues ?? {}), ...(props.variables ?? {}) };
    for (const p of props.values?.policies ?? []) if (p?.name) this.policyValues.set(String(p.name), p);
    for (const e of props.values?.namespaceSelector ?? []) if (e?.name) this.labels.set(String(e.name), stringMap(e.labels));
    for (const n of props.values?.namespaces ?? []) if (n?.metadata?.name) this.namespaceObjects.set(String(n.metadata.name), n);
    for (const [ns, l] of Object.entries(props.namespaceLabels ?? {})) this.labels.set(ns, stringMap(l));
  }

  /**
   * Remembers a Namespace among the checked manifests: its labels count (unless given otherwise)
   * for the resources read after it, as manifests are streamed.
   */
  public noteNamespace(obj: any): void {
    const name = String(obj?.metadata?.name ?? '');
    if (this.namespaceObjects.has(name)) return;
    this.namespaceObjects.set(name, obj);
    this.shared.delete(name);
  }

  /** The labels of a namespace, if known. */
  public namespaceLabels(namespace: string): { [k: string]: string } | undefined {
    const given = this.labels.get(namespace);
    if (given) return given;
    const obj = this.namespaceObjects.get(namespace);
    return obj ? stringMap(obj.metadata?.labels) : undefined;
  }

  /** The options of `policy` on `resource` (`namespace`: the resource's, or its own name for a Namespace). */
  public optionsFor(policyName: string, resource: any, namespace: string): EvaluationOptions {
    const pv = this.policyValues.get(policyName);
    if (!pv) {
      let o = this.shared.get(namespace);
      if (!o) {
        o = this.build(namespace, this.globalValues, undefined, undefined);
        this.shared.set(namespace, o);
      }
      return o;
    }
    const resourceName = String(resource?.metadata?.name ?? '');
    const resourceValues = (pv.resources ?? []).find((r: any) => r?.name === resourceName)?.values ?? {};
    const values = { ...this.globalValues, ...resourceValues };
    const ruleValues: any = {};
    const foreachValues: any = {};
    for (const r of pv.rules ?? []) {
      if (r?.values) ruleValues[r.name] = { ...r.values, ...resourceValues };
      if (r?.foreachValues) foreachValues[r.name] = r.foreachValues;
    }
    return this.build(namespace, values, ruleValues, foreachValues);
  }

  private build(namespace: string, values: any, ruleValues: any, foreachValues: any): EvaluationOptions {
    const namespaceLabels = namespace ? this.namespaceLabels(namespace) : undefined;
    return {
      operation: values['request.operation'] ?? this.props.operation ?? 'CREATE',
      namespaceLabels,
      namespaceObject: this.namespaceObjects.get(namespace) ?? (namespaceLabels ? { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: namespaceLabels } } : undefined),
      userInfo: this.userInfo,
      values: Object.keys(values).length > 0 ? values : undefined,
      ruleValues,
      foreachValues,
      exceptions: this.props.exceptions,
      policyBindings: this.props.policyBindings,
    };
  }
}
