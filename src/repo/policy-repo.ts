import { Construct, IConstruct } from 'constructs';
import { exceptionObjects, exceptionReferenceProblems, PlatformScope, policyReferences } from './exception-references';
import { imageProblems, imageReference } from './image-reference';
import { dns1123LabelProblem } from './names';
import { policyIdentities } from './policy-identities';
import { IPolicyRepo, PolicyIdentity, RepoChart } from './policy-repo-contract';
import { PolicySet } from './policy-set';
import { repoFiles } from './repo-files';
import { RepoImage } from './repo-image';
import { buildRepoModel, mergedValues, RepoModel, renderSetModel } from './repo-model';
import { compareBytes } from '../core/byte-order';
import { clone } from '../core/clone';
import { checkFileList, WRITTEN_FILES_MANIFEST, writeOwnedFiles } from '../core/file-writer';
import { SynthFile, isFileContributor } from '../core/synth-file';
import { SynthOptions } from '../core/synth-options';
import { validateTree } from '../core/validate-tree';

const POLICY_REPO_SYMBOL = Symbol.for('cdk8s-policy-platform.PolicyRepo');


/**
 * Settings of a PolicyRepo besides its environments and description (shared by the construct, the
 * projen component and the projen project, whose package description is the repository's).
 */
export interface PolicyRepoOptions {
  /**
   * Repository name: the folder in the policy-platform image (`/repos/<name>/`).
   * @default - the construct id
   */
  readonly repoName?: string;

  /**
   * Where the repository's image is pushed.
   * @default - none (the Dockerfile is written all the same)
   */
  readonly image?: RepoImage;

  /**
   * Write the resolved manifests of every environment to `rendered/<env>/<chart>.yaml` (the
   * rendered-manifests pattern: reviewers see what each environment enforces).
   * @default true
   */
  readonly renderManifests?: boolean;

  /**
   * Extra values written to `cd/values.yaml` (shared by every environment and every chart of the
   * repository). The key `policies` is reserved.
   * @default - none
   */
  readonly values?: { [key: string]: any };

  /**
   * Extra values written to `cd/<env>/values.yaml`, by environment. The key `policies` is reserved.
   * @default - none
   */
  readonly environmentValues?: { [environment: string]: { [key: string]: any } };
}

/**
 * Options of a PolicyRepo.
 */
export interface PolicyRepoProps extends PolicyRepoOptions {
  /**
   * The environments the repository deploys to, in promotion order (e.g. dev, qac, stg, prd). Each
   * gets a `cd/<env>/values.yaml` and a `rendered/<env>/` folder; names are DNS-1123 labels.
   */
  readonly environments: string[];

  /**
   * One line describing the repository (README, image description label).
   * @default - "Kyverno policies of <repo name>"
   */
  readonly description?: string;
}

/**
 * A team's policy repository: one or more PolicySets (Helm charts), the environment list, and the
 * files that deploy and package them (cd values, Dockerfile, rendered manifests, README).
 */
export class PolicyRepo extends Construct implements IPolicyRepo {
  /**
   * File in which a plain `synth(outdir)` lists the files it wrote, so the next run can delete the
   * ones it no longer writes (projen-managed output relies on projen's own cleanup instead).
   */
  public static readonly WRITTEN_FILES_MANIFEST = WRITTEN_FILES_MANIFEST;

  /** Whether `x` is a PolicyRepo (works across copies of this library). */
  public static isPolicyRepo(x: any): x is PolicyRepo {
    return x !== null && typeof x === 'object' && POLICY_REPO_SYMBOL in x;
  }

  /**
   * The PolicyRepo a construct belongs to (itself or its closest PolicyRepo ancestor).
   * @returns undefined when the construct is not inside a PolicyRepo
   */
  public static of(construct: IConstruct): PolicyRepo | undefined {
    return construct.node.scopes.slice().reverse().find((s): s is PolicyRepo => PolicyRepo.isPolicyRepo(s));
  }

  /** Repository name. */
  public readonly repoName: string;
  /** Environments, in the order given. */
  public readonly environments: string[];
  /** Where the repository's image is pushed. */
  public readonly image?: RepoImage;
  /** Whether `rendered/<env>/` files are written. */
  public readonly renderManifests: boolean;
  /** One line describing the repository. */
  public readonly description: string;

  private readonly props: PolicyRepoProps;
  /** The platforms this repository is a source of: what else their exceptions may name. */
  private readonly platformScopes: (() => PlatformScope)[] = [];
  /** The model of the synthesis in progress, so the renders it triggers (PolicyTests) reuse it. */
  private modelInUse?: RepoModel;

  constructor(scope: Construct, id: string, props: PolicyRepoProps) {
    super(scope, id);
    Object.defineProperty(this, POLICY_REPO_SYMBOL, { value: true });
    this.props = props;
    this.repoName = props.repoName ?? id;
    this.environments = [...(props.environments ?? [])];
    this.image = props.image;
    this.renderManifests = props.renderManifests ?? true;
    this.description = props.description ?? `Kyverno policies of ${this.repoName}`;
    this.node.addValidation({ validate: () => this.problems() });
  }

  /**
   * The image reference `registry/repository[:tag][@digest]`, when an image is set. Without a tag
   * or digest the tag is the chart version of the repository's only PolicySet.
   */
  public get imageRef(): string | undefined {
    return this.image ? imageReference(this.image, this.defaultImageTag()) : undefined;
  }

  /** The sets of the repository, sorted by chart name. */
  public get policySets(): PolicySet[] {
    return this.node.findAll()
      .filter((c): c is PolicySet => PolicySet.isPolicySet(c) && (c as PolicySet).repo === this)
      .sort((a, b) => compareBytes(a.chartName, b.chartName));
  }

  /** The charts of the repository (one per PolicySet), sorted by name. */
  public charts(): RepoChart[] {
    return this.policySets.map((s) => ({ name: s.chartName, version: s.version }));
  }

  /**
   * The policy objects of every set (policies, CEL policies and their exceptions and bindings,
   * other Kyverno policy objects), sorted by kind, namespace and name, each once.
   */
  public policyIdentities(): PolicyIdentity[] {
    return policyIdentities(this.policySets.flatMap((set) => [...set.policies, ...set.celPolicies, ...set.otherObjects]).map((o) => o.toJson()));
  }

  /**
   * The resolved manifests of every set in an environment (sets by chart name, each in Helm's
   * template order), as plain JSON. Validates the tree first.
   */
  public render(environment: string): any[] {
    this.checkEnvironment(environment);
    const model = this.model();
    return model.sets.flatMap((s) => renderSetModel(model, s, environment));
  }

  /**
   * The merged values (chart values.yaml ← cd/values.yaml ← cd/<env>/values.yaml) a chart reads in
   * an environment.
   */
  public valuesOf(set: PolicySet, environment: string): { [key: string]: any } {
    this.checkEnvironment(environment);
    const model = this.model();
    const s = model.sets.find((m) => m.set === set);
    if (!s) throw new Error(`${this.node.path}: ${set.node.path} is not a set of this repository`);
    return clone(mergedValues(model, s, environment));
  }

  /**
   * Every file of the repository, paths relative to its root, sorted: charts, cd values,
   * Dockerfile, rendered manifests, README, and the files of every IFileContributor inside it.
   * Validates the whole tree first.
   */
  public synthFiles(): SynthFile[] {
    return this.withModel((model) => {
      const files = repoFiles(this, model);
      for (const c of this.node.findAll()) {
        // a nested PolicyRepo (and what is inside it) writes its own files
        if (c !== this && isFileContributor(c) && !PolicyRepo.isPolicyRepo(c) && PolicyRepo.of(c) === this) files.push(...c.synthFiles());
      }
      return checkFileList(files);
    });
  }

  /**
   * Writes the repository into `outdir`: validates the tree, computes every file, then writes the
   * changed ones and deletes files an earlier run wrote that are no longer produced (listed in
   * `WRITTEN_FILES_MANIFEST`). Files it did not write are never touched: one in the way stops the
   * synthesis before anything is written (see `SynthOptions.force`), and so does a folder another
   * repository or a platform synthesized into. All or nothing: on an I/O failure the previous
   * output is left as it was.
   */
  public synth(outdir: string, options: SynthOptions = {}): void {
    writeOwnedFiles(outdir, this.synthFiles(), { owner: { kind: 'PolicyRepo', name: this.repoName }, force: options.force });
  }

  /**
   * Called by a PolicyPlatform with this repository as a source: the repository's exceptions may
   * then name the policies of every source of the platform.
   * @internal
   */
  public _addPlatformScope(scope: () => PlatformScope): void {
    this.platformScopes.push(scope);
  }

  /** @internal */
  public _renderSet(set: PolicySet, environment: string): any[] {
    this.checkEnvironment(environment);
    const model = this.model();
    const s = model.sets.find((m) => m.set === set);
    return s ? renderSetModel(model, s, environment) : [];
  }

  /** Validates the tree and builds the model, or returns the model of the synthesis in progress. */
  private model(): RepoModel {
    if (this.modelInUse) return this.modelInUse;
    validateTree(this);
    return buildRepoModel(this.policySets, this.environments, this.props.values ?? {}, this.props.environmentValues ?? {});
  }

  /** Runs `fn` with one model, which renders called meanwhile (e.g. by PolicyTests) reuse. */
  private withModel<T>(fn: (model: RepoModel) => T): T {
    if (this.modelInUse) return fn(this.modelInUse);
    this.modelInUse = this.model();
    try {
      return fn(this.modelInUse);
    } finally {
      this.modelInUse = undefined;
    }
  }

  /** The image tag used when none is given: the version of the only PolicySet. */
  private defaultImageTag(): string | undefined {
    const sets = this.policySets;
    return sets.length === 1 ? sets[0].version.replace(/\+/g, '_') : undefined; // '+' is not allowed in a tag (as Helm's OCI tags)
  }

  private checkEnvironment(environment: string): void {
    if (!this.environments.includes(environment)) {
      throw new Error(`${this.node.path}: unknown environment ${JSON.stringify(environment)} (environments: ${this.environments.join(', ')})`);
    }
  }

  private problems(): string[] {
    const problems: string[] = [];
    const nameProblem = dns1123LabelProblem('repoName', this.repoName);
    if (nameProblem) problems.push(nameProblem);
    if (this.environments.length === 0) problems.push('environments: at least one environment is required');
    const seen = new Set<string>();
    this.environments.forEach((env, i) => {
      const p = dns1123LabelProblem(`environments[${i}]`, env);
      if (p) problems.push(p);
      if (seen.has(env)) problems.push(`environments[${i}]: ${JSON.stringify(env)} is listed twice`);
      seen.add(env);
    });
    if (this.image) problems.push(...imageProblems(this.image));
    if (this.image && this.image.tag === undefined && this.image.digest === undefined && this.defaultImageTag() === undefined) {
      problems.push(`image.tag: a repository with ${this.policySets.length} PolicySets needs a tag or a digest (without one, the tag is the chart version of its only PolicySet)`);
    }
    if (this.props.values && 'policies' in this.props.values) {
      problems.push('values: the key "policies" is reserved for the policies\' environment settings');
    }
    for (const env of Object.keys(this.props.environmentValues ?? {}).sort()) {
      if (!this.environments.includes(env)) {
        problems.push(`environmentValues: unknown environment ${JSON.stringify(env)} (environments: ${this.environments.join(', ')})`);
      } else if ('policies' in (this.props.environmentValues![env] ?? {})) {
        problems.push(`environmentValues.${env}: the key "policies" is reserved for the policies' environment settings`);
      }
    }
    const sets = this.policySets;
    if (sets.length === 0) problems.push('a policy repository needs at least one PolicySet');
    const charts = new Map<string, PolicySet>();
    const policies = new Map<string, string>();
    const keys = new Map<string, string>();
    for (const set of sets) {
      const other = charts.get(set.chartName);
      if (other) problems.push(`${set.node.path}: chartName: ${JSON.stringify(set.chartName)} is also the chart name of ${other.node.path}`);
      charts.set(set.chartName, set);
      for (const policy of set.policies) {
        const where = policies.get(policy.policyName);
        if (where) {
          problems.push(`${policy.node.path}: metadata.name: ${JSON.stringify(policy.policyName)} is also the name of ${where} (policy names must be unique in a repository)`);
        } else {
          policies.set(policy.policyName, policy.node.path);
          const key = set.valuesKeyOf(policy);
          const keyOwner = keys.get(key);
          if (keyOwner) {
            problems.push(`${policy.node.path}: valuesKey: ${JSON.stringify(key)} is also the values key of ${keyOwner} (cd/ values are shared by every chart of the repository)`);
          }
          keys.set(key, policy.node.path);
        }
      }
    }
    problems.push(...this.exceptionProblems(sets));
    return problems;
  }

  /** Exceptions naming policies or rules that exist neither here nor in a platform this repository is a source of. */
  private exceptionProblems(sets: PolicySet[]): string[] {
    const own = sets.flatMap((set) => policyReferences([...set.policies, ...set.celPolicies, ...set.otherObjects], `repository ${this.repoName}`));
    const platforms = this.platformScopes.map((f) => f());
    const scope = {
      policies: [...own, ...platforms.flatMap((p) => p.policies)],
      unknownSources: platforms.flatMap((p) => p.unknownSources),
      description: platforms.length === 0
        ? `repository ${this.repoName}`
        : `repository ${this.repoName} or another source of platform ${platforms.map((p) => p.platform).join(', ')}`,
    };
    // a source whose policies are not known may bring the policy: the platform reports it unchecked
    if (scope.unknownSources.length > 0) return [];
    const out: string[] = [];
    for (const set of sets) {
      for (const e of exceptionObjects(set)) out.push(...exceptionReferenceProblems(e.toJson(), scope).map((p) => `${e.node.path}: ${p}`));
    }
    return out;
  }
}
