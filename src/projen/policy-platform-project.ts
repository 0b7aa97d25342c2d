import { typescript } from 'projen';
import { PolicySource } from '../platform';
import { PolicyPlatformComponent } from './policy-platform-component';
import { policyProjectOptions, setUpDefinitionsModule } from './project-setup';
import { PLATFORM_SAMPLE, PLATFORM_TEST } from './starter-files';

/**
 * Options of a policy platform project.
 */
export interface PolicyPlatformProjectOptions extends typescript.TypeScriptProjectOptions {
  /**
   * Environments the platform serves.
   * @default - every environment the sources declare
   */
  readonly environments?: string[];

  /**
   * Name of the platform.
   * @default - the project name
   */
  readonly platformName?: string;

  /**
   * Image name (without tag) the platform workflow pushes.
   * @default "policy-platform"
   */
  readonly platformImage?: string;

  /**
   * Version label of the platform image.
   * @default "0.1.0"
   */
  readonly platformVersion?: string;

  /**
   * A TypeScript module exporting `definePlatform(platform: PolicyPlatformComponent)`, called at synthesis when it exists.
   * @default "src/platform.ts"
   */
  readonly platformModule?: string;

  /**
   * Adopt files in the way: overwrite files of the project that this project's policy files did not
   * write (they are not in `.projen/files.json`) and whose bytes differ, and own them from then on.
   * Without it, `npx projen` stops before writing anything and lists every such path.
   * @default false
   */
  readonly force?: boolean;
}

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
    this.platform = new PolicyPlatformComponent(this, 'PolicyPlatform', {
      environments: options.environments,
      platformName: options.platformName,
      image: options.platformImage,
      version: options.platformVersion,
      platformModule: options.platformModule,
      force: options.force,
    });
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
