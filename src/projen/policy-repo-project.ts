import { typescript } from 'projen';
import { PolicyRepo } from '../repo';
import { PolicyRepoComponent, PolicyRepoComponentOptions, PolicyRepoFilesOptions } from './policy-repo-component';
import { policyProjectOptions, setUpDefinitionsModule } from './project-setup';
import { REPO_POLICIES_SAMPLE, REPO_POLICIES_TEST } from './starter-files';

/**
 * Options of a policy repository project: a TypeScript project's options and every option of the
 * PolicyRepoComponent (and so of PolicyRepo), with the same names. `description` describes both
 * the package and the repository.
 */
export interface PolicyRepoProjectOptions extends typescript.TypeScriptProjectOptions, PolicyRepoFilesOptions {}

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
    this.policies = new PolicyRepoComponent(this, 'PolicyRepo', componentOptions(options));
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

/** The component's part of the project options (the rest configure the TypeScript project). */
function componentOptions(o: PolicyRepoProjectOptions): PolicyRepoComponentOptions {
  return {
    environments: o.environments,
    repoName: o.repoName,
    image: o.image,
    renderManifests: o.renderManifests,
    description: o.description,
    values: o.values,
    environmentValues: o.environmentValues,
    imageWorkflow: o.imageWorkflow,
    policiesModule: o.policiesModule,
    directory: o.directory,
    force: o.force,
  };
}
