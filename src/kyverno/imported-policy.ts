import { Construct } from 'constructs';
import { ANNOTATION_DESCRIPTION } from './annotations';
import { CelPolicyException } from './cel-policy-exception';
import { ClusterPolicy } from './cluster-policy';
import { DeletingPolicy, NamespacedDeletingPolicy } from './deleting-policy';
import { GeneratingPolicy, NamespacedGeneratingPolicy } from './generating-policy';
import { ImageValidatingPolicy, NamespacedImageValidatingPolicy } from './image-validating-policy';
import { withImportedManifest } from './import-context';
import { KyvernoVersion } from './kyverno-version';
import { MutatingAdmissionPolicy, MutatingAdmissionPolicyBinding } from './mutating-admission-policy';
import { MutatingPolicy, NamespacedMutatingPolicy } from './mutating-policy';
import { Policy } from './policy';
import { PolicyApiObject } from './policy-api-object';
import { PolicyException } from './policy-exception';
import { ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding } from './validating-admission-policy';
import { NamespacedValidatingPolicy, ValidatingPolicy } from './validating-policy';

/**
 * Options of an imported manifest.
 */
export interface ImportedPolicyOptions {
  /**
   * The Kyverno release a ClusterPolicy or Policy targets: it decides where a failure action set
   * later (e.g. per environment) is placed. The manifest itself is kept unchanged. Ignored for the
   * other kinds, whose manifests carry their failure action in one place.
   * @default - the release the manifest's `kyverno.io/kyverno-version` annotation names (the newest
   * KyvernoVersion at or below it, e.g. "1.11.0" -> V1_11, "1.12.1" -> V1_12; releases before 1.10
   * -> V1_10; a list counts as its oldest entry), else KyvernoVersion.V1_13
   */
  readonly kyvernoVersion?: KyvernoVersion;
}

/** How one kind is imported: its API group and the construct that carries it. */
interface ImportableKind {
  readonly group: string;
  readonly kind: string;
  readonly create: (scope: Construct, id: string, manifest: any, options: ImportedPolicyOptions) => PolicyApiObject;
}

const KYVERNO = 'kyverno.io';
const POLICIES = 'policies.kyverno.io';
const ADMISSION = 'admissionregistration.k8s.io';
// the props a kind requires; an imported manifest replaces them all
const CEL_MATCH = { matchConstraints: { resourceRules: [] } };

/** Every kind that can be imported, in the order errors list them. */
const KINDS: ImportableKind[] = [
  { group: KYVERNO, kind: 'ClusterPolicy', create: (s, i, m, o) => new ClusterPolicy(s, i, withImportedManifest({ kyvernoVersion: o.kyvernoVersion }, m)) },
  {
    group: KYVERNO,
    kind: 'Policy',
    create: (s, i, m, o) => new Policy(s, i, withImportedManifest({ kyvernoVersion: o.kyvernoVersion, namespace: m?.metadata?.namespace }, m)),
  },
  {
    group: KYVERNO,
    kind: 'PolicyException',
    // the typed props are filled from the manifest so that its reason is checked like an authored one
    create: (s, i, m) => new PolicyException(s, i, withImportedManifest({
      name: m?.metadata?.name,
      namespace: m?.metadata?.namespace,
      reason: m?.metadata?.annotations?.[ANNOTATION_DESCRIPTION],
      exceptions: m?.spec?.exceptions,
      match: m?.spec?.match,
      conditions: m?.spec?.conditions,
      podSecurity: m?.spec?.podSecurity,
    }, m)),
  },
  { group: POLICIES, kind: 'ValidatingPolicy', create: (s, i, m) => new ValidatingPolicy(s, i, withImportedManifest({ ...CEL_MATCH, validations: [] }, m)) },
  { group: POLICIES, kind: 'NamespacedValidatingPolicy', create: (s, i, m) => new NamespacedValidatingPolicy(s, i, withImportedManifest({ ...CEL_MATCH, validations: [] }, m)) },
  { group: POLICIES, kind: 'ImageValidatingPolicy', create: (s, i, m) => new ImageValidatingPolicy(s, i, withImportedManifest({ ...CEL_MATCH, validations: [] }, m)) },
  { group: POLICIES, kind: 'NamespacedImageValidatingPolicy', create: (s, i, m) => new NamespacedImageValidatingPolicy(s, i, withImportedManifest({ ...CEL_MATCH, validations: [] }, m)) },
  { group: POLICIES, kind: 'MutatingPolicy', create: (s, i, m) => new MutatingPolicy(s, i, withImportedManifest({ ...CEL_MATCH, mutations: [] }, m)) },
  { group: POLICIES, kind: 'NamespacedMutatingPolicy', create: (s, i, m) => new NamespacedMutatingPolicy(s, i, withImportedManifest({ ...CEL_MATCH, mutations: [] }, m)) },
  { group: POLICIES, kind: 'GeneratingPolicy', create: (s, i, m) => new GeneratingPolicy(s, i, withImportedManifest({ ...CEL_MATCH, generate: [] }, m)) },
  { group: POLICIES, kind: 'NamespacedGeneratingPolicy', create: (s, i, m) => new NamespacedGeneratingPolicy(s, i, withImportedManifest({ ...CEL_MATCH, generate: [] }, m)) },
  { group: POLICIES, kind: 'DeletingPolicy', create: (s, i, m) => new DeletingPolicy(s, i, withImportedManifest({ ...CEL_MATCH, schedule: '' }, m)) },
  { group: POLICIES, kind: 'NamespacedDeletingPolicy', create: (s, i, m) => new NamespacedDeletingPolicy(s, i, withImportedManifest({ ...CEL_MATCH, schedule: '' }, m)) },
  { group: POLICIES, kind: 'PolicyException', create: (s, i, m) => new CelPolicyException(s, i, withImportedManifest({ policyRefs: [] }, m)) },
  { group: ADMISSION, kind: 'ValidatingAdmissionPolicy', create: (s, i, m) => new ValidatingAdmissionPolicy(s, i, withImportedManifest({ ...CEL_MATCH, validations: [] }, m)) },
  {
    group: ADMISSION,
    kind: 'ValidatingAdmissionPolicyBinding',
    create: (s, i, m) => new ValidatingAdmissionPolicyBinding(s, i, withImportedManifest({ policyName: '', validationActions: [] }, m)),
  },
  { group: ADMISSION, kind: 'MutatingAdmissionPolicy', create: (s, i, m) => new MutatingAdmissionPolicy(s, i, withImportedManifest({ ...CEL_MATCH, mutations: [] }, m)) },
  { group: ADMISSION, kind: 'MutatingAdmissionPolicyBinding', create: (s, i, m) => new MutatingAdmissionPolicyBinding(s, i, withImportedManifest({ policyName: '' }, m)) },
];

/**
 * Brings existing policy manifests (Kyverno's curated library, a policy another team wrote in
 * YAML) into the construct tree. The construct's `toJson()` returns the manifest unchanged
 * (unknown fields kept, labels and annotations added later merged in), and it is checked like an
 * authored policy: its CRD schema, its CEL expressions, the reason of an exception.
 *
 * One entry point for every kind, so a catalogue class never inherits an importer that would
 * return something else than itself.
 *
 * @example
 * const imported = ImportedPolicy.fromManifest(chart, 'disallow-latest-tag', YAML.parse(fs.readFileSync('disallow-latest-tag.yaml', 'utf8')));
 * @see https://kyverno.io/policies/
 */
export class ImportedPolicy {
  /**
   * Imports a manifest of any supported kind, chosen by its `apiVersion` group and `kind`: Kyverno's
   * ClusterPolicy, Policy and PolicyException (kyverno.io), the policies.kyverno.io kinds and their
   * PolicyException, and the Kubernetes admission policies and bindings. The construct returned is
   * of that kind's class (e.g. a ClusterPolicy); `clusterPolicy`, `policy` and `policyException`
   * return it typed.
   */
  public static fromManifest(scope: Construct, id: string, manifest: any, options: ImportedPolicyOptions = {}): PolicyApiObject {
    const at = `${scope.node.path ? scope.node.path + '/' : ''}${id}`;
    if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
      throw new Error(`${at}: expected a manifest object, got ${manifest === null ? 'null' : Array.isArray(manifest) ? 'a list' : typeof manifest}`);
    }
    const candidates = KINDS.filter((k) => k.kind === manifest.kind);
    if (candidates.length === 0) {
      const kinds = [...new Set(KINDS.map((k) => k.kind))].join(', ');
      throw new Error(`${at}: kind: ${JSON.stringify(manifest.kind)} cannot be imported (kinds: ${kinds})`);
    }
    const apiVersion = manifest.apiVersion;
    const group = typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : undefined;
    const match = candidates.find((k) => k.group === group);
    if (!match) {
      const groups = candidates.map((k) => `${k.group}/<version>`).join(' or ');
      throw new Error(`${at}: apiVersion: expected ${groups} for kind ${manifest.kind}, got ${JSON.stringify(apiVersion)}`);
    }
    return match.create(scope, id, manifest, options);
  }

  /** Imports a ClusterPolicy manifest (kyverno.io); any other kind is refused. */
  public static clusterPolicy(scope: Construct, id: string, manifest: any, options: ImportedPolicyOptions = {}): ClusterPolicy {
    return ImportedPolicy.expecting(scope, id, manifest, 'ClusterPolicy', options) as ClusterPolicy;
  }

  /** Imports a namespaced Policy manifest (kyverno.io); any other kind is refused. */
  public static policy(scope: Construct, id: string, manifest: any, options: ImportedPolicyOptions = {}): Policy {
    return ImportedPolicy.expecting(scope, id, manifest, 'Policy', options) as Policy;
  }

  /**
   * Imports a kyverno.io PolicyException manifest; any other kind is refused. Its reason is read
   * from the `policies.kyverno.io/description` annotation and checked like a typed one, so an
   * imported exception cannot bypass the rule.
   */
  public static policyException(scope: Construct, id: string, manifest: any): PolicyException {
    return ImportedPolicy.expecting(scope, id, manifest, 'PolicyException', {}, KYVERNO) as PolicyException;
  }

  /** The kind's construct, after checking that `manifest` is of `kind` (and of `group`, when given). */
  private static expecting(scope: Construct, id: string, manifest: any, kind: string,
    options: ImportedPolicyOptions = {}, group?: string): PolicyApiObject {
    if (manifest?.kind !== kind) {
      throw new Error(`${scope.node.path ? scope.node.path + '/' : ''}${id}: kind: expected ${JSON.stringify(kind)}, got ${JSON.stringify(manifest?.kind)}`);
    }
    if (group !== undefined && !String(manifest?.apiVersion ?? '').startsWith(`${group}/`)) {
      throw new Error(`${scope.node.path ? scope.node.path + '/' : ''}${id}: apiVersion: expected ${group}/<version> for kind ${kind}, got ${JSON.stringify(manifest?.apiVersion)}`);
    }
    return ImportedPolicy.fromManifest(scope, id, manifest, options);
  }

  private constructor() {}
}
