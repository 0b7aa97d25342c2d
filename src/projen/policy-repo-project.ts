import { typescript } from 'projen';
import { PolicyRepo, RepoImage } from '../repo';
import { PolicyRepoComponent } from './policy-repo-component';
import { policyProjectOptions, setUpDefinitionsModule } from './project-setup';
import { REPO_POLICIES_SAMPLE, REPO_POLICIES_TEST } from './starter-files';

/**
 * Options of a policy repository project.
 */
export interface PolicyRepoProjectOptions extends typescript.TypeScriptProjectOptions {
  /**
   * Environments the repository deploys to, in promotion order.
   * @default ["dev", "prd"]
   */
  readonly environments?: string[];

  /**
   * Repository name (`/repos/<name>/` in the platform image).
   * @default - the project name
   */
  readonly repoName?: string;

  /**
   * Where the repository's image is pushed.
   * @default - none (no image workflow)
   */
  readonly repoImage?: RepoImage;

  /**
   * Write the GitHub Actions workflow that builds and pushes the repo image (needs `repoImage`).
   * @default - true when `repoImage` is set
   */
  readonly imageWorkflow?: boolean;

  /**
   * A TypeScript module exporting `definePolicies(repo: PolicyRepo)`, called at synthesis when it exists.
   * @default "src/policies.ts"
   */
  readonly policiesModule?: string;

  /**
   * Adopt files in the way: overwrite files of the project that this project's policy files did not
   * write (they are not in `.projen/files.json`) and whose bytes differ, and own them from then on.
   * Without it, `npx projen` stops before writing anything and lists every such path.
   * @default false
   */
  readonly force?: boolean;
}

/**
 * A team's policy repository: a TypeScript project whose policies are typed constructs and whose
 * charts, cd values, Dockerfile and rendered manifests are projen-managed files.
 * `npx projen synth` (or plain `npx projen`) writes them.
 *
 * Define policies in `src/policies.ts` (`definePolicies(repo)`, written by `projen new`) or add
 * PolicySets to `project.repo` in `.projenrc.ts`.
 *
 * @pjid policy-repo
 */
export class PolicyRepoProject extends typescript.TypeScriptProject {
  /** The component that writes the repository's files. */
  public readonly policies: PolicyRepoComponent;

  constructor(options: PolicyRepoProjectOptions) {
    super(policyProjectOptions(options));
    this.policies = new PolicyRepoComponent(this, 'PolicyRepo', {
      environments: options.environments,
      repoName: options.repoName,
      repoImage: options.repoImage,
      imageWorkflow: options.imageWorkflow,
      policiesModule: options.policiesModule,
      force: options.force,
    });
    setUpDefinitionsModule(this, options.sampleCode, {
      path: options.policiesModule ?? 'src/policies.ts',
      sample: REPO_POLICIES_SAMPLE,
      testFile: 'policies.test.ts',
      testSample: REPO_POLICIES_TEST,
    });
  }

  /** The PolicyRepo construct: add PolicySets to it. */
  public get repo(): PolicyRepo {
    return this.policies.repo;
  }
}
