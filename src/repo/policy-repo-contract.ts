import { IConstruct } from 'constructs';

/**
 * A chart of a policy repository, as `/repos/index.json` lists it.
 */
export interface RepoChart {
  /** Chart name: its folder under `charts/`. */
  readonly name: string;

  /** Chart version (SemVer). */
  readonly version: string;
}

/**
 * One policy object a repository brings into a cluster, as data: what two sources of a platform
 * must not both bring, and what PolicyExceptions may name. Policy objects are the `kyverno.io`
 * objects but PolicyExceptions (ClusterPolicy, Policy, ...), every `policies.kyverno.io` object
 * (the CEL policy kinds and their PolicyExceptions) and every `admissionregistration.k8s.io`
 * object (admission policies and their bindings).
 */
export interface PolicyIdentity {
  /** `apiVersion` of the object, e.g. `kyverno.io/v1`. */
  readonly apiVersion: string;

  /** Kubernetes kind, e.g. `ClusterPolicy`. */
  readonly kind: string;

  /** `metadata.name`. */
  readonly name: string;

  /**
   * `metadata.namespace`, for a namespaced object.
   * @default - none: the object is cluster-scoped
   */
  readonly namespace?: string;

  /**
   * Names of the rules in `spec.rules` (`kyverno.io` policies: what an exception's `ruleNames` may name).
   * @default - none: the object has no `spec.rules` list
   */
  readonly rules?: string[];
}

/**
 * What a PolicyPlatform uses of a policy repository (`PolicySource.fromRepo`): a `PolicyRepo`
 * defined in code implements it, and so does the repository a `PolicySource.fromDirectory` source
 * reads from a synthesized folder.
 */
export interface IPolicyRepo extends IConstruct {
  /** Name of the repository: its folder in the platform image, `/repos/<repoName>/`. */
  readonly repoName: string;

  /** Environments the repository provides values and rendered manifests for, in promotion order. */
  readonly environments: string[];

  /**
   * Image reference the platform pulls the repository from (`registry/repository[:tag][@digest]`).
   * @default - none: the repository has no image
   */
  readonly imageRef?: string;

  /** The charts of the repository, sorted by name. */
  charts(): RepoChart[];

  /**
   * The policy objects the repository brings into a cluster (every chart, every environment),
   * sorted by kind, namespace and name, each once.
   */
  policyIdentities(): PolicyIdentity[];

  /**
   * The resolved manifests of an environment, as plain JSON (charts by name, each in template
   * order). Throws for an environment the repository does not have, or when it has problems.
   */
  render(environment: string): any[];
}
