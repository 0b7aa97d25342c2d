import { typescript } from 'projen';
import { PolicySource } from '../platform';
import { PolicyPlatformComponent, PolicyPlatformComponentOptions, PolicyPlatformFilesOptions } from './policy-platform-component';
import { policyProjectOptions, setUpDefinitionsModule } from './project-setup';
import { PLATFORM_SAMPLE, PLATFORM_TEST } from './starter-files';

/**
 * Options of a policy platform project: a TypeScript project's options and every option of the
 * PolicyPlatformComponent (and so of PolicyPlatform), with the same names. `description`
 * describes both the package and the platform image.
 */
export interface PolicyPlatformProjectOptions extends typescript.TypeScriptProjectOptions, PolicyPlatformFilesOptions {}

/**
 * The policy platform: a TypeScript project whose Dockerfile, `index.json`, rendered manifests and
 * CI workflow are projen-managed files computed from the sources it aggregates.
 *
 * @pjid policy-platform
 */
export class PolicyPlatformProject extends typescript.TypeScriptProject {
  /** The component that writes the platform's files. */
  public readonly platform: PolicyPlatformComponent;

  constructor(options: PolicyPlatformProjectOptions) {
    super(policyProjectOptions(options));
    this.platform = new PolicyPlatformComponent(this, 'PolicyPlatform', componentOptions(options));
    setUpDefinitionsModule(this, options.sampleCode, {
      path: options.platformModule ?? 'src/platform.ts',
      sample: PLATFORM_SAMPLE,
      testFile: 'platform.test.ts',
      testSample: PLATFORM_TEST,
    });
  }

  /** Adds a source of policies to the platform. */
  public addSource(source: PolicySource): void {
    this.platform.addSource(source);
  }
}

/** The component's part of the project options (the rest configure the TypeScript project). */
function componentOptions(o: PolicyPlatformProjectOptions): PolicyPlatformComponentOptions {
  return {
    environments: o.environments,
    tools: o.tools,
    baseImage: o.baseImage,
    nodeImage: o.nodeImage,
    requireDigests: o.requireDigests,
    description: o.description,
    licenses: o.licenses,
    platformName: o.platformName,
    image: o.image,
    version: o.version,
    userId: o.userId,
    branch: o.branch,
    workflow: o.workflow,
    platformModule: o.platformModule,
    directory: o.directory,
    force: o.force,
  };
}
