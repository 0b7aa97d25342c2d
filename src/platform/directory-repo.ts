/**
 * The repository of a `PolicySource.fromDirectory` source: the repository contract (IPolicyRepo)
 * over a verified synthesized folder, whose render(env) is the folder's rendered manifests.
 * Internal module.
 */
import { RootConstruct } from 'constructs';
import { RepoFolder } from './repo-folder';
import { clone } from '../core/clone';
import { PlatformScope, renderedExceptionProblems } from '../repo/exception-references';
import { policyIdentities } from '../repo/policy-identities';
import { IPolicyRepo, PolicyIdentity, RepoChart } from '../repo/policy-repo-contract';

/** A repository read from a folder: the root of its own construct tree (it has no construct inside). */
export class DirectoryRepo extends RootConstruct implements IPolicyRepo {
  public readonly repoName: string;
  public readonly environments: string[];
  public readonly imageRef?: string;
  private readonly folder: RepoFolder;

  constructor(folder: RepoFolder, repoName: string, imageRef: string | undefined) {
    super(repoName);
    this.folder = folder;
    this.repoName = repoName;
    this.environments = [...folder.environments];
    this.imageRef = imageRef;
  }

  public charts(): RepoChart[] {
    return this.folder.charts.map((c) => ({ ...c }));
  }

  /** The policy objects of every environment's rendered manifests (a policy disabled in every environment is in none). */
  public policyIdentities(): PolicyIdentity[] {
    return policyIdentities(this.allDocs().map((d) => d.doc));
  }

  public render(environment: string): any[] {
    const charts = this.folder.rendered.get(environment);
    if (!charts) throw new Error(`repository ${this.repoName}: unknown environment ${JSON.stringify(environment)} (environments: ${this.environments.join(', ')})`);
    return clone(charts.flatMap((c) => c.docs));
  }

  /**
   * Exceptions of the rendered manifests naming policies or rules that no source of the platform
   * brings, each `<file>: <kind> <name>: <field>: <problem>` (an exception rendered in several
   * environments is checked once, in the first).
   */
  public exceptionProblems(platform: PlatformScope): string[] {
    // a source whose policies are not known may bring the policy: the platform reports it unchecked
    if (platform.unknownSources.length > 0) return [];
    const scope = {
      policies: platform.policies,
      unknownSources: platform.unknownSources,
      description: `repository ${this.repoName} or another source of platform ${platform.platform}`,
    };
    return renderedExceptionProblems(this.allDocs(), scope);
  }

  /** Every rendered document with its file (`origin`), environments in promotion order. */
  private allDocs(): { origin: string; doc: any }[] {
    return this.environments.flatMap((env) => this.folder.rendered.get(env)!.flatMap((c) => c.docs.map((doc) => ({ origin: c.file, doc }))));
  }
}
