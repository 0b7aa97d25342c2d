import * as path from 'path';
import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { Component, Project } from 'projen';
import { PolicyPlatform, PolicyPlatformOptions, PolicySource, Toolchain } from '../platform';
import { callDefinitions } from './definitions-module';
import { PolicyFiles } from './policy-files';
import { OwnedFileContributor } from '../core/written-files-manifest';

/**
 * Every setting of PolicyPlatform but its sources and description (same names), plus where the
 * component finds its definitions and writes its files: what PolicyPlatformProject adds to a
 * TypeScript project's options.
 */
export interface PolicyPlatformFilesOptions extends PolicyPlatformOptions {
  /**
   * A TypeScript module (relative to the project root) exporting
   * `definePlatform(platform: PolicyPlatformComponent)`, called at synthesis when the file exists.
   * @default 'src/platform.ts'
   */
  readonly platformModule?: string;

  /**
   * Folder of the project the platform's files are written under.
   * @default '.' (the project root)
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
 * Options of a policy platform inside a projen project: every setting of PolicyPlatform (same
 * names; sources are added with `addSource`), plus where the component finds its definitions and
 * writes its files.
 */
export interface PolicyPlatformComponentOptions extends PolicyPlatformFilesOptions {
  /**
   * `org.opencontainers.image.description` label of the platform image.
   * @default - "Kyverno policies of <n> source(s) and the pinned tools that check them"
   */
  readonly description?: string;
}

/**
 * Adds a policy platform to an existing projen project. Add sources with `addSource()`; repos
 * defined in code are created in `scope`. The platform's files (Dockerfile, index.json,
 * rendered/<env>/all.yaml, workflow) become projen-managed files.
 */
export class PolicyPlatformComponent extends Component {
  /** Scope for PolicyRepos defined in code (sources made with `PolicySource.fromRepo`). */
  public readonly scope: Construct;

  private readonly options: PolicyPlatformComponentOptions;
  private readonly sourceList: PolicySource[] = [];
  private toolchain?: Toolchain;
  private built?: PolicyPlatform;

  constructor(project: Project, id: string, options: PolicyPlatformComponentOptions = {}) {
    super(project, id);
    this.options = options;
    this.scope = new App({ outdir: project.outdir });
    const contributor: OwnedFileContributor = {
      synthFiles: () => {
        const files = this.platform.synthFiles();
        this.platform._checkBuildContext(path.resolve(project.outdir, options.directory ?? '.'));
        return files;
      },
      _synthOwner: () => ({ kind: 'PolicyPlatform', name: this.platform.platformName }),
    };
    new PolicyFiles(project, `${id}Files`, {
      contributor,
      directory: options.directory,
      ownerName: `PolicyPlatform ${JSON.stringify(options.platformName ?? project.name)}`,
      force: options.force,
    });
  }

  /** Adds a source of policies. */
  public addSource(source: PolicySource): void {
    if (this.built) throw new Error('PolicyPlatformComponent: sources must be added before synthesis');
    this.sourceList.push(source);
  }

  /** Sets the pinned tools (default: the `tools` option, else `new Toolchain()`). */
  public useTools(tools: Toolchain): void {
    this.toolchain = tools;
  }

  /** The platform construct (created on first access, after the definitions module ran). */
  public get platform(): PolicyPlatform {
    if (!this.built) {
      callDefinitions(this.project.outdir, this.options.platformModule ?? 'src/platform.ts', 'definePlatform', this);
      const { platformModule, directory, force, ...platformOptions } = this.options;
      this.built = new PolicyPlatform(this.scope, this.options.platformName ?? this.project.name, {
        ...platformOptions,
        sources: this.sourceList,
        tools: this.toolchain ?? this.options.tools,
      });
    }
    return this.built;
  }
}
