import { App } from 'cdk8s';
import { Component, Project } from 'projen';
import { RepoImageWorkflow } from '../platform';
import { PolicyRepo, PolicyRepoOptions } from '../repo';
import { callDefinitions } from './definitions-module';
import { PolicyFiles } from './policy-files';
import { OwnedFileContributor } from '../core/written-files-manifest';

/**
 * Every setting of PolicyRepo but its description (same names), plus where the component finds its
 * definitions and writes its files: what PolicyRepoProject adds to a TypeScript project's options.
 */
export interface PolicyRepoFilesOptions extends PolicyRepoOptions {
  /**
   * Environments the repository deploys to, in promotion order.
   * @default ['dev', 'prd']
   */
  readonly environments?: string[];

  /**
   * Write the GitHub Actions workflow that builds and pushes the repo image (needs `image`).
   * @default true when `image` is set
   */
  readonly imageWorkflow?: boolean;

  /**
   * A TypeScript module (relative to the project root) exporting `definePolicies(repo: PolicyRepo)`,
   * called at synthesis when the file exists. Policies can also be added to `repo` in `.projenrc.ts`.
   * @default 'src/policies.ts'
   */
  readonly policiesModule?: string;

  /**
   * Folder of the project the repository's files are written under.
   * @default '.' (the project root, the seed's layout)
   */
  readonly directory?: string;

  /**
   * Adopt files in the way: overwrite files of the project that this component did not write
   * (they are not in `.projen/files.json`) and whose bytes differ, and own them from then on.
   * Without it, `npx projen` stops before writing anything and lists every such path.
   * @default false
   */
  readonly force?: boolean;
}

/**
 * Options of a policy repository inside a projen project: every setting of PolicyRepo (same names),
 * plus where the component finds its definitions and writes its files.
 */
export interface PolicyRepoComponentOptions extends PolicyRepoFilesOptions {
  /**
   * One line describing the repository (README, image description label).
   * @default - "Kyverno policies of <repo name>"
   */
  readonly description?: string;
}

/**
 * Adds a policy repository to an existing projen project: `repo` is the PolicyRepo construct to
 * add PolicySets to; its files (charts, cd values, Dockerfile, rendered manifests, ...) become
 * projen-managed files of the project.
 */
export class PolicyRepoComponent extends Component {
  /** The policy repository (the scope for PolicySets). */
  public readonly repo: PolicyRepo;

  private readonly policiesModule: string;
  private loaded = false;

  constructor(project: Project, id: string, options: PolicyRepoComponentOptions = {}) {
    super(project, id);
    const app = new App({ outdir: project.outdir });
    const { imageWorkflow, policiesModule, directory, force, ...repoOptions } = options;
    this.repo = new PolicyRepo(app, options.repoName ?? project.name, {
      ...repoOptions,
      environments: options.environments ?? ['dev', 'prd'],
    });
    if (imageWorkflow ?? options.image !== undefined) {
      new RepoImageWorkflow(this.repo, 'image-workflow');
    }
    this.policiesModule = policiesModule ?? 'src/policies.ts';
    const contributor: OwnedFileContributor = {
      synthFiles: () => this.loadDefinitions().synthFiles(),
      _synthOwner: () => ({ kind: 'PolicyRepo', name: this.repo.repoName }),
    };
    new PolicyFiles(project, `${id}Files`, {
      contributor,
      directory,
      ownerName: `PolicyRepo ${JSON.stringify(this.repo.repoName)}`,
      force,
    });
  }

  private loadDefinitions(): PolicyRepo {
    if (!this.loaded) {
      this.loaded = true;
      callDefinitions(this.project.outdir, this.policiesModule, 'definePolicies', this.repo);
    }
    return this.repo;
  }
}
