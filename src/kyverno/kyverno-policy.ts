import { Construct } from 'constructs';
import { ANNOTATION_AUTOGEN, ANNOTATION_CATEGORY, ANNOTATION_DESCRIPTION, ANNOTATION_MIN_VERSION, ANNOTATION_SEVERITY, ANNOTATION_TITLE, documentationAnnotations } from './annotations';
import { AutogenControllers } from './autogen';
import { ApplyRules, FailureAction, FailurePolicy, Severity } from './enums';
import { setFailureAction } from './failure-action';
import { importedManifestOf } from './import-context';
import { prune, sortKeys } from './json';
import { KyvernoVersion } from './kyverno-version';
import { kyvernoVersionFromAnnotation } from './kyverno-version-annotation';
import { PolicyMetadataProps } from './metadata';
import { PolicyApiObject } from './policy-api-object';
import { manifestProblems, policyProblems } from './policy-checks';
import { IPolicy } from './policy-identity';
import { renderRule } from './render-rule';
import { Rule } from './rule';
import { unknownFieldProblems } from './strict-schema';
import { clone } from '../core/clone';

/**
 * Settings shared by ClusterPolicy and Policy.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/
 */
export interface KyvernoPolicyProps extends PolicyMetadataProps {
  /**
   * `metadata.name` of the policy: a DNS-1123 subdomain of at most 63 characters.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Pod controllers Kyverno auto-generates rules for
   * (`pod-policies.kyverno.io/autogen-controllers`).
   * @default - Kyverno's default (all Pod controllers)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/autogen/
   */
  readonly autogenControllers?: AutogenControllers;
  /**
   * The Kyverno release the manifest targets. 1.13 and later read the failure action from each
   * validate rule (`rules[].validate.failureAction`); older releases read
   * `spec.validationFailureAction`.
   * @default KyvernoVersion.V1_13
   */
  readonly kyvernoVersion?: KyvernoVersion;
  /**
   * What happens when a validate or verifyImages rule fails.
   * @default - not emitted (Kyverno's default: Audit)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#failure-action
   */
  readonly failureAction?: FailureAction;
  /**
   * Also apply the policy to existing resources (background scans, reports).
   * @default true
   * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
   */
  readonly background?: boolean;
  /**
   * Apply the policy at admission.
   * @default - not emitted (Kyverno's default: true)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
   */
  readonly admission?: boolean;
  /**
   * Webhook failure policy.
   * @default - not emitted (Kyverno's default: Fail)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
   */
  readonly failurePolicy?: FailurePolicy;
  /**
   * Webhook timeout, 1 to 30 seconds.
   * @default - not emitted (Kyverno's default: 10)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
   */
  readonly webhookTimeoutSeconds?: number;
  /**
   * Apply every matching rule or only the first.
   * @default - not emitted (Kyverno's default: All)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
   */
  readonly applyRules?: ApplyRules;
  /**
   * Emit Kubernetes events for audit results too.
   * @default - not emitted (false)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
   */
  readonly emitWarning?: boolean;
  /**
   * Use server-side apply for generate rules.
   * @default - not emitted (false)
   * @see https://kyverno.io/docs/policy-types/cluster-policy/policy-settings/
   */
  readonly useServerSideApply?: boolean;
  /**
   * The rules (more can be added with `addRule`).
   * @default - none
   */
  readonly rules?: Rule[];
}

/**
 * Base of ClusterPolicy and Policy (kyverno.io/v1). `toJson()` returns the complete manifest as
 * plain JSON with Kyverno's field names and a fixed key order.
 */
export abstract class KyvernoPolicy extends PolicyApiObject implements IPolicy {
  /** `metadata.name`. */
  public readonly policyName: string;
  /** The Kyverno release the manifest targets. */
  public readonly kyvernoVersion: KyvernoVersion;
  /** The failure action, if set. */
  public readonly failureAction?: FailureAction;
  /** Whether background scans apply the policy. */
  public readonly background: boolean;
  /** Severity annotation. */
  public readonly severity?: Severity;
  /** Title annotation. */
  public readonly title?: string;
  /** Category annotation. */
  public readonly category?: string;
  /** Description annotation. */
  public readonly description?: string;
  /** True when the policy came from `ImportedPolicy` (its manifest is kept as is). */
  public readonly imported: boolean;

  private readonly policyProps: KyvernoPolicyProps;
  private readonly ruleList: Rule[] = [];
  private readonly manifest?: any;

  /**
   * @param kind `ClusterPolicy` or `Policy`
   * @param namespace the namespace of a Policy
   */
  protected constructor(scope: Construct, id: string, kind: string, props: KyvernoPolicyProps, namespace?: string) {
    const manifest = importedManifestOf(props);
    const name = manifest ? String(manifest?.metadata?.name ?? id) : props.name ?? id;
    super(scope, id, {
      apiVersion: manifest?.apiVersion ?? 'kyverno.io/v1',
      kind,
      metadata: { name, namespace },
    });
    this.policyProps = props;
    this.manifest = manifest === undefined ? undefined : clone(manifest);
    this.imported = manifest !== undefined;
    this.policyName = name;
    if (manifest) {
      const ann = manifest?.metadata?.annotations ?? {};
      const spec = manifest?.spec ?? {};
      this.kyvernoVersion = props.kyvernoVersion ?? kyvernoVersionFromAnnotation(ann[ANNOTATION_MIN_VERSION]) ?? KyvernoVersion.V1_13;
      this.failureAction = importedFailureAction(spec);
      this.background = spec.background !== false;
      this.severity = (Object.values(Severity) as string[]).includes(ann[ANNOTATION_SEVERITY]) ? ann[ANNOTATION_SEVERITY] : undefined;
      this.title = ann[ANNOTATION_TITLE];
      this.category = ann[ANNOTATION_CATEGORY];
      this.description = ann[ANNOTATION_DESCRIPTION];
    } else {
      this.kyvernoVersion = props.kyvernoVersion ?? KyvernoVersion.V1_13;
      this.failureAction = props.failureAction;
      this.background = props.background ?? true;
      this.severity = props.severity;
      this.title = props.title;
      this.category = props.category;
      this.description = props.description;
      for (const r of props.rules ?? []) this.ruleList.push(r);
    }
    this.node.addValidation({
      validate: () => {
        const problems = this.manifest
          ? manifestProblems(this.manifest, this.kyvernoVersion)
          : [
            ...policyProblems(this.policyProps, this.ruleList, this.policyName, this.policyNamespace),
            ...unknownFieldProblems(this.toJson(), this.kyvernoVersion),
          ];
        return problems.map((p) => `${this.node.path}: ${p}`);
      },
    });
  }

  /** The rules (a copy; for an imported policy, its manifest's rules as plain objects). */
  public get rules(): Rule[] {
    if (this.manifest) return clone(this.manifest?.spec?.rules ?? []);
    return [...this.ruleList];
  }

  /** Adds a rule after the existing ones. */
  public addRule(rule: Rule): void {
    if (this.manifest) {
      this.manifest.spec = this.manifest.spec ?? {};
      this.manifest.spec.rules = [...(this.manifest.spec.rules ?? []), renderRule(rule)];
      return;
    }
    this.ruleList.push(rule);
  }

  /** Namespace of a namespaced Policy, undefined for a ClusterPolicy. */
  protected get policyNamespace(): string | undefined {
    return undefined;
  }

  protected renderManifest(): any {
    const meta = this.metadata.toJson();
    let out: any;
    if (this.manifest) {
      out = clone(this.manifest);
      // labels/annotations added later (chart labels, metadata.addLabel) merge into the original
      for (const key of ['labels', 'annotations']) {
        const extra = meta[key];
        if (extra && Object.keys(extra).some((k) => out.metadata?.[key]?.[k] !== extra[k])) {
          out.metadata = { ...out.metadata, [key]: { ...out.metadata?.[key], ...extra } };
        }
      }
    } else {
      out = {
        apiVersion: this.apiVersion,
        kind: this.kind,
        metadata: this.renderMetadata(meta),
        spec: this.renderSpec(),
      };
    }
    return out;
  }

  private renderMetadata(meta: any): any {
    const p = this.policyProps;
    const autogen = p.autogenControllers ? { [ANNOTATION_AUTOGEN]: p.autogenControllers.value } : {};
    const annotations = sortKeys({ ...documentationAnnotations(p), ...autogen, ...meta.annotations });
    const labels = sortKeys({ ...p.labels, ...meta.labels });
    const out: any = { name: this.policyName };
    if (this.policyNamespace !== undefined) out.namespace = this.policyNamespace;
    for (const [k, v] of Object.entries(meta)) {
      if (!['name', 'namespace', 'labels', 'annotations'].includes(k)) out[k] = v;
    }
    if (Object.keys(labels).length > 0) out.labels = labels;
    if (Object.keys(annotations).length > 0) out.annotations = annotations;
    return out;
  }

  private renderSpec(): any {
    const p = this.policyProps;
    const manifest: any = {
      spec: prune({
        admission: p.admission,
        applyRules: p.applyRules,
        background: this.background,
        emitWarning: p.emitWarning,
        failurePolicy: p.failurePolicy,
        useServerSideApply: p.useServerSideApply,
        webhookTimeoutSeconds: p.webhookTimeoutSeconds,
        rules: this.ruleList.map(renderRule),
      }),
    };
    if (this.failureAction !== undefined) {
      setFailureAction(manifest, this.failureAction, this.kyvernoVersion);
    }
    return manifest.spec;
  }
}

function importedFailureAction(spec: any): FailureAction | undefined {
  const fromRule = (spec.rules ?? []).map((r: any) => r?.validate?.failureAction).find((x: any) => typeof x === 'string');
  const raw = fromRule ?? spec.validationFailureAction;
  if (typeof raw !== 'string') return undefined;
  const lower = raw.toLowerCase();
  if (lower === 'enforce') return FailureAction.ENFORCE;
  if (lower === 'audit') return FailureAction.AUDIT;
  return undefined;
}
