import { Construct } from 'constructs';
import { ANNOTATION_CATEGORY, ANNOTATION_SEVERITY, ANNOTATION_TITLE, documentationAnnotations } from './annotations';
import { celPolicyCelProblems } from './cel-checks';
import { FailureAction, Severity, ValidationAction } from './enums';
import { importedManifestOf } from './import-context';
import { prune, sortKeys } from './json';
import { PolicyMetadataProps } from './metadata';
import { SUBDOMAIN_RULE, isPolicyName } from './names';
import { PolicyApiObject } from './policy-api-object';
import { IPolicy } from './policy-identity';
import { unknownFieldProblems } from './strict-schema';
import { clone } from '../core/clone';

/**
 * Base of the CEL policy kinds (the policies.kyverno.io family, their PolicyException and the
 * Kubernetes admission policies with their bindings): metadata, import of an existing manifest
 * (`ImportedPolicy`), JSON patches (`addJsonPatch`) and synth-time checks (the name,
 * every CEL expression, the kind's own rules).
 */
export abstract class CelPolicy extends PolicyApiObject implements IPolicy {
  /** Kinds whose `spec.validationActions` carry the failure action (Deny is Enforce). */
  private static readonly ACTION_KINDS = [
    'ValidatingPolicy', 'NamespacedValidatingPolicy', 'ImageValidatingPolicy', 'NamespacedImageValidatingPolicy', 'ValidatingAdmissionPolicyBinding',
  ];
  /** Kinds with `spec.evaluation.background`. */
  private static readonly BACKGROUND_KINDS = [
    'ValidatingPolicy', 'NamespacedValidatingPolicy', 'ImageValidatingPolicy', 'NamespacedImageValidatingPolicy', 'MutatingPolicy', 'NamespacedMutatingPolicy',
  ];

  /** `metadata.name`. */
  public readonly policyName: string;
  /** `metadata.namespace` of a namespaced kind, undefined for a cluster-scoped one. */
  public readonly policyNamespace?: string;
  /** True when the object came from `ImportedPolicy` (its manifest is kept as is). */
  public readonly imported: boolean;

  private readonly metadataProps: PolicyMetadataProps;
  private readonly importedManifest?: any;

  /**
   * The failure action the policy declares: Enforce when its `validationActions` include Deny,
   * Audit when they are set without Deny; undefined when not set or the kind has none.
   */
  public get failureAction(): FailureAction | undefined {
    if (!CelPolicy.ACTION_KINDS.includes(this.kind)) return undefined;
    const actions = this.toJson()?.spec?.validationActions;
    if (!Array.isArray(actions) || actions.length === 0) return undefined;
    return actions.includes(ValidationAction.DENY) ? FailureAction.ENFORCE : FailureAction.AUDIT;
  }

  /** Whether background scans apply the policy (`spec.evaluation.background.enabled`, default true). */
  public get background(): boolean {
    return this.toJson()?.spec?.evaluation?.background?.enabled !== false;
  }

  /** Whether the kind takes the failure action knob (`validationActions`). */
  public get hasValidationActions(): boolean {
    return CelPolicy.ACTION_KINDS.includes(this.kind);
  }

  /** Whether the kind takes the background knob (`spec.evaluation.background.enabled`). */
  public get hasBackground(): boolean {
    return CelPolicy.BACKGROUND_KINDS.includes(this.kind);
  }

  /** Title annotation. */
  public get title(): string | undefined {
    return this.annotation(ANNOTATION_TITLE);
  }

  /** Severity annotation. */
  public get severity(): Severity | undefined {
    const v = this.annotation(ANNOTATION_SEVERITY);
    return (Object.values(Severity) as string[]).includes(v ?? '') ? v as Severity : undefined;
  }

  /** Category annotation. */
  public get category(): string | undefined {
    return this.annotation(ANNOTATION_CATEGORY);
  }

  /**
   * @param apiVersion the apiVersion written (an imported manifest keeps its own)
   * @param kind the kind
   * @param metadataProps documentation annotations and extra labels/annotations
   * @param name `metadata.name` (default: the construct id)
   * @param namespace `metadata.namespace` of a namespaced kind
   */
  protected constructor(scope: Construct, id: string, apiVersion: string, kind: string, metadataProps: PolicyMetadataProps,
    name?: string, namespace?: string) {
    const manifest = importedManifestOf(metadataProps);
    const policyName = manifest ? String(manifest?.metadata?.name ?? id) : name ?? id;
    const policyNamespace = manifest ? manifest?.metadata?.namespace : namespace;
    super(scope, id, { apiVersion: manifest?.apiVersion ?? apiVersion, kind, metadata: { name: policyName, namespace: policyNamespace } });
    this.policyName = policyName;
    this.policyNamespace = policyNamespace;
    this.metadataProps = metadataProps;
    this.importedManifest = manifest === undefined ? undefined : clone(manifest);
    this.imported = manifest !== undefined;
    this.node.addValidation({ validate: () => this.problems().map((p) => `${this.node.path}: ${p}`) });
  }

  protected renderManifest(): any {
    const meta = this.metadata.toJson();
    let out: any;
    if (this.importedManifest) {
      out = clone(this.importedManifest);
      // labels/annotations added later (chart labels, metadata.addLabel) merge into the original
      for (const key of ['labels', 'annotations']) {
        const extra = meta[key];
        if (extra && Object.keys(extra).some((k) => out.metadata?.[key]?.[k] !== extra[k])) {
          out.metadata = { ...out.metadata, [key]: { ...out.metadata?.[key], ...extra } };
        }
      }
    } else {
      const metadata: any = { name: this.policyName };
      if (this.policyNamespace !== undefined) metadata.namespace = this.policyNamespace;
      const labels = sortKeys({ ...this.metadataProps.labels, ...meta.labels });
      const annotations = sortKeys(prune({ ...documentationAnnotations(this.metadataProps), ...meta.annotations }));
      if (Object.keys(labels).length > 0) metadata.labels = labels;
      if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
      out = { apiVersion: this.apiVersion, kind: this.kind, metadata, spec: prune(this.renderSpec()) };
    }
    return out;
  }

  private annotation(key: string): string | undefined {
    const v = this.toJson()?.metadata?.annotations?.[key];
    return typeof v === 'string' ? v : undefined;
  }

  /** The `spec` of an authored object (undefined values are dropped). */
  protected abstract renderSpec(): any;

  /** Problems of the authored props (field paths such as `spec.validations`), beyond the CEL checks. */
  protected abstract authoredProblems(): string[];

  private problems(): string[] {
    const out: string[] = [];
    if (!isPolicyName(this.policyName)) out.push(`metadata.name: ${JSON.stringify(this.policyName)} is not ${SUBDOMAIN_RULE}`);
    if (this.importedManifest) {
      // Kyverno and the API server compile every CEL expression and reject the object when one fails
      out.push(...unknownFieldProblems(this.importedManifest));
      out.push(...celPolicyCelProblems(this.importedManifest?.spec));
      return out;
    }
    out.push(...this.authoredProblems());
    out.push(...celPolicyCelProblems(prune(this.renderSpec())));
    return out;
  }
}
