import * as fs from 'fs';
import * as path from 'path';
import { DirectoryRepo } from './directory-repo';
import { isPinnedUrl, PINNED_URL_RULE } from './pinned-url';
import { readRepoFolder, RepoImageContent, SAFE_PATH } from './repo-folder';
import { compareBytes } from '../core/byte-order';
import { isDnsLabel, LABEL_RULE } from '../kyverno/names';
import { PlatformScope } from '../repo/exception-references';
import { isImageDigest, isImageTag } from '../repo/image-reference';
import { policyKey } from '../repo/policy-identities';
import { IPolicyRepo } from '../repo/policy-repo-contract';

/**
 * Where a source's policies come from.
 */
export enum PolicySourceKind {
  /** A PolicyRepo defined in the same code: rendered here, pulled into the image from its repo image. */
  REPO = 'repo',
  /** A repo image published by another team, known only by its reference. */
  IMAGE = 'image',
  /** A git repository at a pinned commit, fetched as its archive (Kyverno's curated policy library). */
  GIT = 'git',
  /**
   * A policy repository folder `PolicyRepo.synth()` wrote (checked out beside the platform): read
   * and verified at construction, rendered here from its `rendered/<env>/` manifests, copied into
   * the image from the build context (or pulled from its repo image).
   */
  DIRECTORY = 'directory',
}

/**
 * Options of a source defined in code.
 */
export interface RepoSourceOptions {
  /**
   * Image reference the platform pulls the repo from (`registry/repository:tag` or `...@sha256:...`).
   * @default - the repo's own `image`
   */
  readonly image?: string;
}

/**
 * A repo image published by another team.
 */
export interface ImageSourceProps {
  /**
   * Name of the repository inside the image: its files are under `/repos/<repoName>/`.
   */
  readonly repoName: string;

  /**
   * Image name without tag or digest, e.g. `europe-west6-docker.pkg.dev/ops/charts/devops-policy-repo`.
   */
  readonly image: string;

  /**
   * Image tag (exactly one of `tag` and `digest`).
   * @default - none; then `digest` is required
   */
  readonly tag?: string;

  /**
   * Image digest, `sha256:<64 hex>` (exactly one of `tag` and `digest`; a digest is immutable).
   * @default - none; then `tag` is required
   */
  readonly digest?: string;

  /**
   * Environments the repo provides values for; checked against the platform's when given.
   * @default - not known (not checked)
   */
  readonly environments?: string[];

  /**
   * Names of the cluster-scoped policies the image brings, for `/repos/index.json` and the
   * duplicate-name check.
   * @default - not known
   */
  readonly policies?: string[];
}

/**
 * A policy repository folder written by `PolicyRepo.synth()` (a synthesized repository checked out
 * beside the platform in a monorepo or a CI checkout).
 */
export interface DirectorySourceProps {
  /**
   * The repository folder, relative to `platformDirectory` (or absolute). Without `image` the
   * platform's Dockerfile copies it from the build context, so it must be inside
   * `platformDirectory` (no `..` out of it, no symbolic link out of it) and be written with
   * letters, digits, `.`, `_`, `-` and `/` only.
   */
  readonly path: string;

  /**
   * The folder the platform is synthesized into (the Docker build context of its image), absolute
   * or relative to the current working directory: `path` is resolved against it, and
   * `PolicyPlatform.synth(outdir)` refuses another `outdir` (the Dockerfile would not find the folder).
   * @default - the current working directory (where a projen platform project writes its files)
   */
  readonly platformDirectory?: string;

  /**
   * Name of the repository under `/repos/`.
   * @default - the name the folder's owner manifest records (the PolicyRepo's `repoName`)
   */
  readonly repoName?: string;

  /**
   * Image reference (`registry/repository:tag` or `...@sha256:...`) to pull the repository from
   * instead of copying the folder; the folder is then only read (its policies, environments and
   * rendered manifests) and may be anywhere.
   * @default - none: the platform image copies the folder from the build context
   */
  readonly image?: string;
}

/**
 * Kyverno's curated policy library at a pinned commit, fetched as the commit's archive and checked
 * against its sha256 (plain `wget` and `sha256sum` in a build stage: no git, no builder-specific
 * `ADD <git url>`).
 * @see https://github.com/kyverno/policies
 */
export interface CuratedLibraryProps {
  /**
   * The full 40-character commit SHA to fetch (a branch or tag can move, so neither is accepted).
   */
  readonly commit: string;

  /**
   * The sha256 of the archive (`curl -sSL <archiveUrl> | sha256sum`); the build fails on a mismatch.
   * @default - none: refused unless `unverified` is true
   */
  readonly sha256?: string;

  /**
   * Install the archive without checksum (explicit opt-out; the Dockerfile, index.json and README say so).
   * @default false
   */
  readonly unverified?: boolean;

  /**
   * Name under `/repos/`.
   * @default 'kyverno-policies'
   */
  readonly repoName?: string;

  /**
   * Archive URL of the commit (https, or http to a loopback mirror).
   * @default `https://github.com/kyverno/policies/archive/<commit>.tar.gz`
   */
  readonly archiveUrl?: string;

  /**
   * Top folder inside the archive, copied to `/repos/<repoName>/`.
   * @default `policies-<commit>` (GitHub's layout)
   */
  readonly archiveRoot?: string;
}

/**
 * One source of policies aggregated by a `PolicyPlatform`.
 */
export class PolicySource {
  /** A PolicyRepo defined in the same code (any `IPolicyRepo`): its manifests are rendered by the platform. */
  public static fromRepo(repo: IPolicyRepo, options: RepoSourceOptions = {}): PolicySource {
    const image = options.image ?? repo.imageRef;
    return new PolicySource({
      kind: PolicySourceKind.REPO,
      repoName: repo.repoName,
      repo,
      image,
      environments: [...repo.environments],
    });
  }

  /** A repo image published by another team, by tag or by digest. */
  public static fromImage(props: ImageSourceProps): PolicySource {
    const problems: string[] = [];
    if ((props.tag === undefined) === (props.digest === undefined)) {
      problems.push(`image ${props.image}: give exactly one of tag and digest`);
    }
    if (props.digest !== undefined && !isImageDigest(props.digest)) {
      problems.push(`image ${props.image}: digest ${JSON.stringify(props.digest)} is not sha256:<64 lowercase hex>`);
    }
    if (props.tag !== undefined && (!isImageTag(props.tag) || props.tag === 'latest')) {
      problems.push(`image ${props.image}: tag ${JSON.stringify(props.tag)} is not a pinned tag (letters, digits, '_', '.', '-'; not "latest")`);
    }
    if (!/^[a-z0-9]([a-z0-9._/:-]*[a-z0-9])?$/.test(props.image) || /:[^/]*$/.test(props.image.replace(/^[^/]*\//, ''))) {
      problems.push(`image ${JSON.stringify(props.image)}: must be an image name without tag or digest`);
    }
    const ref = props.digest !== undefined ? `${props.image}@${props.digest}` : `${props.image}:${props.tag}`;
    return new PolicySource({
      kind: PolicySourceKind.IMAGE,
      repoName: props.repoName,
      image: ref,
      imageName: props.image,
      tag: props.tag,
      digest: props.digest,
      environments: props.environments ? [...props.environments] : undefined,
      declaredPolicies: props.policies ? [...props.policies].sort() : undefined,
      problems,
    });
  }

  /**
   * A policy repository folder written by `PolicyRepo.synth()`, read and verified now: the owner
   * manifest must name a PolicyRepo and record the sha256 of every file, no file may have changed
   * since, and every chart must have rendered manifests for every environment of `cd/<env>/`.
   * Problems are reported by the platform's validation, with the folder and the file.
   */
  public static fromDirectory(props: DirectorySourceProps): PolicySource {
    const base = path.resolve(props.platformDirectory ?? '.');
    const folder = path.resolve(base, props.path);
    const copied = props.image === undefined;
    const directory = path.relative(base, folder).split(path.sep).join('/');
    const problems: string[] = [];
    const outside = (rel: string) => rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel);
    if (copied && outside(directory)) {
      problems.push(`path ${JSON.stringify(props.path)}: ${folder} is not inside the platform's output directory ${base}, the build context the Dockerfile copies it from; `
        + 'place the repository folder inside it (or set platformDirectory), or set image to pull its repo image instead');
    } else if (copied && outside(realRelative(base, folder) ?? directory)) {
      problems.push(`path ${JSON.stringify(props.path)}: ${folder} leads out of the build context ${base} through a symbolic link, which the Docker build does not follow`);
    } else if (copied && !SAFE_PATH.test(directory)) {
      problems.push(`path ${JSON.stringify(props.path)}: ${JSON.stringify(directory)} cannot be written into the Dockerfile's COPY (letters, digits, '.', '_', '-' and '/' only)`);
    }
    const reading = readRepoFolder(folder, copied);
    problems.push(...reading.problems);
    const repoName = props.repoName ?? reading.folder?.repoName ?? path.basename(folder);
    const repo = reading.folder ? new DirectoryRepo(reading.folder, repoName, props.image) : undefined;
    return new PolicySource({
      kind: PolicySourceKind.DIRECTORY,
      repoName,
      repo,
      directoryRepo: repo,
      image: props.image,
      directory,
      platformDirectory: base,
      imageContent: copied ? reading.folder?.imageContent : undefined,
      environments: repo ? [...repo.environments] : undefined,
      problems,
    });
  }

  /** Kyverno's curated policy library at a pinned commit, fetched as its archive and checked against its sha256. */
  public static kyvernoCurated(props: CuratedLibraryProps): PolicySource {
    const problems: string[] = [];
    if (!/^[0-9a-f]{40}$/.test(props.commit ?? '')) {
      problems.push(`commit ${JSON.stringify(props.commit)} is not a full 40-character commit SHA (a branch or tag can move; pin the commit)`);
    }
    const url = props.archiveUrl ?? `https://github.com/kyverno/policies/archive/${props.commit}.tar.gz`;
    if (!isPinnedUrl(url)) problems.push(`archiveUrl ${JSON.stringify(url)} must be ${PINNED_URL_RULE}`);
    const root = props.archiveRoot ?? `policies-${props.commit}`;
    if (!/^[A-Za-z0-9_.][A-Za-z0-9_./-]*$/.test(root)) problems.push(`archiveRoot ${JSON.stringify(root)} must be a relative path`);
    if (props.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(props.sha256)) {
      problems.push(`sha256 ${JSON.stringify(props.sha256)} is not 64 lowercase hex characters`);
    }
    if (props.sha256 === undefined && !props.unverified) {
      problems.push(`no sha256 for ${url}; set sha256 (curl -sSL ${url} | sha256sum), or unverified: true to install it unverified`);
    }
    return new PolicySource({
      kind: PolicySourceKind.GIT,
      repoName: props.repoName ?? 'kyverno-policies',
      gitUrl: url,
      gitRef: props.commit,
      archiveRoot: root,
      sha256: props.sha256,
      problems,
    });
  }

  /** Kind of source. */
  public readonly kind: PolicySourceKind;
  /** Name of the repository under `/repos/`. */
  public readonly repoName: string;
  /** The repository, for sources defined in code and directory sources (read from the folder; undefined when it could not be). */
  public readonly repo?: IPolicyRepo;
  /** Full image reference (with tag or digest), for repo and image sources, and directory sources pulled by image. */
  public readonly image?: string;
  /** Image tag, for image sources pinned by tag. */
  public readonly tag?: string;
  /** Image digest, for image sources pinned by digest. */
  public readonly digest?: string;
  /** Archive URL, for git sources. */
  public readonly gitUrl?: string;
  /** Commit SHA, for git sources. */
  public readonly gitRef?: string;
  /** The archive's sha256, for git sources (none when installed unverified). */
  public readonly sha256?: string;
  /** Top folder inside the archive, for git sources. */
  public readonly archiveRoot?: string;
  /** Environments the source provides, when known. */
  public readonly environments?: string[];
  /** The folder of a directory source, relative to the platform's output directory (the build context). */
  public readonly directory?: string;

  private readonly imageName?: string;
  private readonly declaredPolicies?: string[];
  private readonly problemList: string[];
  private readonly directoryRepo?: DirectoryRepo;
  private readonly platformDirectory?: string;
  private readonly imageContent?: RepoImageContent;

  private constructor(props: SourceFields) {
    this.kind = props.kind;
    this.repoName = props.repoName;
    this.repo = props.repo;
    this.image = props.image;
    this.imageName = props.imageName;
    this.tag = props.tag;
    this.digest = props.digest;
    this.gitUrl = props.gitUrl;
    this.gitRef = props.gitRef;
    this.sha256 = props.sha256;
    this.archiveRoot = props.archiveRoot;
    this.environments = props.environments;
    this.declaredPolicies = props.declaredPolicies;
    this.problemList = props.problems ?? [];
    this.directory = props.directory;
    this.directoryRepo = props.directoryRepo;
    this.platformDirectory = props.platformDirectory;
    this.imageContent = props.imageContent;
    if (!isDnsLabel(this.repoName)) {
      this.problemList.push(`repo name ${JSON.stringify(this.repoName)} is not ${LABEL_RULE}`);
    }
    if (props.kind === PolicySourceKind.REPO && !props.image) {
      this.problemList.push('the repo has no image to pull it from (set the PolicyRepo\'s image, or PolicySource.fromRepo(repo, { image }))');
    }
    if (props.image !== undefined && /:latest(@|$)/.test(props.image) && !props.image.includes('@sha256:')) {
      this.problemList.push(`image ${props.image}: "latest" is not a pinned tag; give the repo image a tag or a digest`);
    }
  }

  /** How errors name this source, e.g. `repo security-policy (construct security-policy)`. */
  public get description(): string {
    switch (this.kind) {
      case PolicySourceKind.REPO:
        return `repo ${this.repoName} (construct ${this.repo!.node.path})`;
      case PolicySourceKind.IMAGE:
        return `image source ${this.repoName} (${this.image})`;
      case PolicySourceKind.DIRECTORY:
        return `directory source ${this.repoName} (${this.directory})`;
      default:
        return `git source ${this.repoName} (${this.gitUrl})`;
    }
  }

  /** Docker stage name of the source, e.g. `security_policy_repo`. */
  public get stageName(): string {
    return `${this.repoName.replace(/-/g, '_')}${this.kind === PolicySourceKind.GIT ? '' : '_repo'}`;
  }

  /** Problems of the source itself (not of its combination with others). */
  public get problems(): string[] {
    return [...this.problemList];
  }

  /**
   * Policies the source brings, as `Kind/name` (cluster-scoped) or `Kind/namespace/name`, sorted;
   * undefined when not known (image without a declared list, git library).
   */
  public get policyKeys(): string[] | undefined {
    if (this.repo) return this.repo.policyIdentities().map(policyKey).sort(compareBytes);
    return this.declaredPolicies?.map((n) => `ClusterPolicy/${n}`);
  }

  /**
   * What the platform image copies of a directory source copied from the build context: the
   * entries of the folder (`charts/`, `cd/`, `rendered/`, `README.md`, ...) and each of their files
   * with the sha256 recorded at its synthesis; undefined for any other source.
   * @internal
   */
  public get _copiedContent(): RepoImageContent | undefined {
    return this.imageContent;
  }

  /**
   * The absolute folder a directory source copied from the build context expects the platform to
   * be synthesized into; undefined for any other source.
   * @internal
   */
  public get _buildContext(): string | undefined {
    return this.kind === PolicySourceKind.DIRECTORY && this.image === undefined ? this.platformDirectory : undefined;
  }

  /**
   * Problems of the source within a platform: the exceptions of a directory source's rendered
   * manifests naming policies no source of the platform brings (a code-defined repository checks
   * its own, in its tree).
   * @internal
   */
  public _platformProblems(scope: PlatformScope): string[] {
    return this.directoryRepo ? this.directoryRepo.exceptionProblems(scope) : [];
  }

  /** The image digest (`sha256:...`) when the image reference pins one. */
  public get imageDigest(): string | undefined {
    return this.digest ?? (this.image?.includes('@') ? this.image.split('@')[1] : undefined);
  }

  /** Image name without tag/digest, when known. */
  public get imageRepository(): string | undefined {
    if (this.imageName) return this.imageName;
    if (!this.image) return undefined;
    return this.image.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[^/:]+$/, '');
  }
}

/** All fields of a source (the factories fill them). */
interface SourceFields {
  readonly kind: PolicySourceKind;
  readonly repoName: string;
  readonly repo?: IPolicyRepo;
  readonly image?: string;
  readonly imageName?: string;
  readonly tag?: string;
  readonly digest?: string;
  readonly gitUrl?: string;
  readonly gitRef?: string;
  readonly sha256?: string;
  readonly archiveRoot?: string;
  readonly environments?: string[];
  readonly declaredPolicies?: string[];
  readonly problems?: string[];
  readonly directory?: string;
  readonly directoryRepo?: DirectoryRepo;
  readonly platformDirectory?: string;
  readonly imageContent?: RepoImageContent;
}

/** `folder` relative to `base` after following symbolic links; undefined when either cannot be resolved (reading the folder reports it). */
function realRelative(base: string, folder: string): string | undefined {
  try {
    return path.relative(fs.realpathSync(base), fs.realpathSync(folder)).split(path.sep).join('/');
  } catch {
    return undefined;
  }
}
