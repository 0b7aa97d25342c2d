import * as path from 'path';
import { Construct } from 'constructs';
import { platformReadme, PlatformReadmeFacts } from './platform-readme';
import { PolicySource, PolicySourceKind } from './policy-source';
import { Toolchain } from './toolchain';
import { addToolchainStages, copyToolchainInto, toolchainContextFiles } from './toolchain-stages';
import { uncheckedExceptionReferences } from './unchecked-exceptions';
import { platformWorkflow } from './workflows';
import { compareBytes as cmp } from '../core/byte-order';
import { checkFileList, writeOwnedFiles } from '../core/file-writer';
import { GENERATED_NOTICE } from '../core/generated-notice';
import { isFileContributor, SynthFile } from '../core/synth-file';
import { SynthOptions } from '../core/synth-options';
import { collectProblems, TreeValidationError } from '../core/validate-tree';
import { toYamlDocuments } from '../core/yaml';
import { Dockerfile } from '../docker';
import { isPlatformScoped, PlatformScope, PolicyReference, referencesOf } from '../repo/exception-references';

/**
 * Settings of a PolicyPlatform besides its sources and description (shared by the construct, the
 * projen component and the projen project, whose package description is the platform's).
 */
export interface PolicyPlatformOptions {
  /**
   * Environments (clusters) the platform serves; every source that declares environments must cover them all.
   * @default - every environment any source declares, in the order of the source that declares the most
   */
  readonly environments?: string[];

  /**
   * Pinned tools of the image.
   * @default new Toolchain() (Kyverno CLI 1.13.2, Pluto 5.21.1, Spectral 6.14.2, Helm 3.16.4, yq 4.44.6; every download verified)
   */
  readonly tools?: Toolchain;

  /**
   * Base image of the final stage (and of the stages that download the tools and the curated
   * library: they need `sh`, `wget`, `sha256sum`, `tar` and `cp`). Pin it by digest
   * (`name:tag@sha256:...`, the multi-architecture index digest).
   * @default PolicyPlatform.DEFAULT_BASE_IMAGE (alpine 3.22.1 by digest)
   */
  readonly baseImage?: string;

  /**
   * Image of the stage that installs Spectral with `npm ci`; its `/usr/local/bin/node` is copied
   * into the final image, so it must match the base image's libc (Alpine: musl).
   * @default PolicyPlatform.DEFAULT_NODE_IMAGE (node 22.18.0 on alpine 3.22, by digest)
   */
  readonly nodeImage?: string;

  /**
   * Strict mode: every image the build reads (base, node, each repo image) must be pinned by
   * digest, and no download may be unverified (no `unverifiedTools`, no unverified library).
   * @default false
   */
  readonly requireDigests?: boolean;

  /**
   * `org.opencontainers.image.licenses` label (an SPDX expression).
   * @default 'NOASSERTION'
   */
  readonly licenses?: string;

  /**
   * Name of the platform (folder, workflow, index).
   * @default - the construct id
   */
  readonly platformName?: string;

  /**
   * Image name (without tag) the CI workflow pushes.
   * @default - `policy-platform` on the local daemon's default registry
   */
  readonly image?: string;

  /**
   * Version written to the `org.opencontainers.image.version` label (build argument VERSION).
   * @default '0.1.0'
   */
  readonly version?: string;

  /**
   * Numeric uid/gid of the non-root user the image runs as.
   * @default 10001
   */
  readonly userId?: number;

  /**
   * Branch the CI workflows push images from.
   * @default 'main'
   */
  readonly branch?: string;

  /**
   * Write the GitHub Actions workflow.
   * @default true
   */
  readonly workflow?: boolean;
}

/**
 * Options of a policy platform.
 */
export interface PolicyPlatformProps extends PolicyPlatformOptions {
  /**
   * The policy sources aggregated into the image.
   */
  readonly sources: PolicySource[];

  /**
   * `org.opencontainers.image.description` label.
   * @default - "Kyverno policies of <n> source(s) and the pinned tools that check them"
   */
  readonly description?: string;
}

/**
 * Aggregates policy sources into one image (the seed's multi-stage build, made safe: pinned and
 * checksummed tools, non-root user, OCI labels, `/repos/index.json`), renders the merged manifests of
 * every source defined in code or read from a synthesized folder per environment, and writes its CI workflow.
 *
 * Conflicts between sources (same repo name, same cluster-scoped policy, environments not covered)
 * are construct validations: they are reported, all at once, before any file is computed.
 */
export class PolicyPlatform extends Construct {
  /** The default base image: alpine 3.22.1, pinned by its multi-architecture index digest. */
  public static readonly DEFAULT_BASE_IMAGE = 'alpine:3.22.1@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1';
  /** The default node image of the Spectral install: node 22.18.0 on alpine 3.22, pinned by its index digest. */
  public static readonly DEFAULT_NODE_IMAGE = 'node:22.18.0-alpine3.22@sha256:1b2479dd35a99687d6638f5976fd235e26c5b37e8122f786fcd5fe231d63de5b';

  /** Platform name. */
  public readonly platformName: string;
  /** Environments served. */
  public readonly environments: string[];
  /** Pinned tools. */
  public readonly tools: Toolchain;
  /** Final-stage base image. */
  public readonly baseImage: string;
  /** Image of the Spectral npm stage. */
  public readonly nodeImage: string;
  /** Whether every image must be pinned by digest and every download verified. */
  public readonly requireDigests: boolean;
  /** Image name the workflow pushes. */
  public readonly image: string;
  /** Version label. */
  public readonly version: string;
  /** Non-root uid/gid. */
  public readonly userId: number;

  private readonly sourceList: PolicySource[];
  private readonly description: string;
  private readonly licenses: string;
  private readonly branch: string;
  private readonly withWorkflow: boolean;

  constructor(scope: Construct, id: string, props: PolicyPlatformProps) {
    super(scope, id);
    this.platformName = props.platformName ?? id;
    this.sourceList = [...props.sources].sort((a, b) => cmp(a.repoName, b.repoName) || cmp(a.kind, b.kind));
    this.environments = props.environments ? [...props.environments] : defaultEnvironments(this.sourceList);
    this.tools = props.tools ?? new Toolchain();
    this.baseImage = props.baseImage ?? PolicyPlatform.DEFAULT_BASE_IMAGE;
    this.nodeImage = props.nodeImage ?? PolicyPlatform.DEFAULT_NODE_IMAGE;
    this.requireDigests = props.requireDigests ?? false;
    this.description = props.description ?? `Kyverno policies of ${props.sources.length} source(s) and the pinned tools that check them`;
    this.licenses = props.licenses ?? 'NOASSERTION';
    this.image = props.image ?? 'policy-platform';
    this.version = props.version ?? '0.1.0';
    this.userId = props.userId ?? 10001;
    this.branch = props.branch ?? 'main';
    this.withWorkflow = props.workflow ?? true;
    this.node.addValidation({ validate: () => this.conflicts() });
    // exceptions of a repository may name the policies of any source of the platform (a repository
    // of an older copy of the library has no such hook)
    for (const s of this.sourceList) if (s.repo && isPlatformScoped(s.repo)) s.repo._addPlatformScope(() => this.policyScope());
  }

  /** The sources, sorted by repo name. */
  public get sources(): PolicySource[] {
    return [...this.sourceList];
  }

  /** Sources whose manifests the platform cannot render (known only by image, or a git library). */
  public get unrenderedSources(): PolicySource[] {
    return this.sourceList.filter((s) => s.repo === undefined);
  }

  /**
   * Exception references no source is known to satisfy while some source's policies are not known
   * (an image source without `policies`, a git library): such a source may bring the policy, so the
   * reference is neither refused nor passed in silence. Listed in the platform README; empty when
   * every source's policies are known (then such a reference is refused). Each entry names the
   * repository, the exception and the field, e.g. `security-policy: PolicyException kyverno/allow-ci:
   * spec.exceptions[0].policyName: no policy "x" in any known source of platform p (...)`.
   */
  public get uncheckedExceptionReferences(): string[] {
    return uncheckedExceptionReferences(this.sourceList, this.policyScope());
  }

  /**
   * The merged, resolved manifests of every source defined in code or read from a synthesized folder
   * (its `rendered/<env>/` manifests) for an environment, sources in
   * repo-name order. Throws when the tree has problems (conflicts included).
   */
  public render(env: string): any[] {
    this.check();
    return this.renderUnchecked(env);
  }

  /** The platform Dockerfile. Throws when the tree has problems. */
  public dockerfile(): string {
    this.check();
    return this.buildDockerfile();
  }

  /** The content of `/repos/index.json`: every source, its image (tag or digest) and the policies it brings. */
  public index(): any {
    this.check();
    return this.buildIndex();
  }

  /**
   * Every file of the platform folder (Dockerfile, .dockerignore, index.json, rendered/<env>/all.yaml,
   * the workflow, files of contributors in its subtree), after validating the platform and every
   * source repo: nothing is computed while a problem remains.
   */
  public synthFiles(): SynthFile[] {
    this.check();
    const files: SynthFile[] = [
      { path: 'Dockerfile', content: this.buildDockerfile() },
      { path: '.dockerignore', content: [`# ${GENERATED_NOTICE}`, '# Only what the Dockerfile copies is sent to the build.', '*', '!index.json', ...toolchainContextFiles(this.tools).map((f) => `!${f.path}`), ...this.sourceList.flatMap((s) => (s._copiedContent?.entries ?? []).map((e) => `!${s.directory}/${e.replace(/\/$/, '')}`)), ''].join('\n') },
      { path: 'index.json', content: JSON.stringify(this.buildIndex(), null, 2) + '\n' },
      { path: 'README.md', content: platformReadme(this.readmeFacts()) },
      ...toolchainContextFiles(this.tools),
    ];
    for (const env of this.environments) {
      files.push({ path: `rendered/${env}/all.yaml`, content: this.renderedFile(env) });
    }
    if (this.withWorkflow) {
      files.push({
        path: `.github/workflows/${this.platformName}.yaml`,
        content: platformWorkflow({ platformName: this.platformName, image: this.image, branch: this.branch, version: this.version }),
      });
    }
    for (const c of this.node.findAll()) {
      if (c !== this && isFileContributor(c)) files.push(...c.synthFiles());
    }
    return checkFileList(files);
  }

  /**
   * Writes `synthFiles()` under `outdir`: unchanged files are not touched, and files an earlier run
   * wrote that are no longer produced (e.g. a removed environment's) are deleted. The list of written
   * files is kept in `.policy-platform-files.json`. Files it did not write are never touched: one in
   * the way stops the synthesis before anything is written (see `SynthOptions.force`), and so does a
   * folder a repository or another platform synthesized into. All or nothing: on an I/O failure the
   * previous output is left as it was.
   */
  public synth(outdir: string, options: SynthOptions = {}): void {
    const files = this.synthFiles();
    this._checkBuildContext(outdir);
    writeOwnedFiles(outdir, files, { owner: { kind: 'PolicyPlatform', name: this.platformName }, force: options.force });
  }

  /**
   * Throws when a directory source is copied from a build context other than `outdir`, the folder
   * the platform's Dockerfile is written to (the plain synth and the projen component both check).
   * @internal
   */
  public _checkBuildContext(outdir: string): void {
    const elsewhere = this.sourceList.filter((s) => s._buildContext !== undefined && s._buildContext !== path.resolve(outdir));
    if (elsewhere.length > 0) {
      throw new TreeValidationError(elsewhere.map((s) => `${this.node.path}: ${s.description}: the Dockerfile copies ${s.directory} from the build context ${s._buildContext} (platformDirectory), `
        + `but the platform is synthesized into ${path.resolve(outdir)}; synthesize it into ${s._buildContext}, or set the source's platformDirectory to ${outdir}`));
    }
  }

  /** Throws one error listing every problem of the platform and of each source repo's tree. */
  private check(): void {
    const problems = collectProblems(this);
    for (const s of this.sourceList) {
      if (s.repo) problems.push(...collectProblems(s.repo));
    }
    const unique = [...new Set(problems)];
    if (unique.length > 0) throw new TreeValidationError(unique);
  }

  /** Conflicts between sources, and problems of each source and of the toolchain. */
  private conflicts(): string[] {
    const out: string[] = [];
    const p = (msg: string) => out.push(`${this.node.path}: ${msg}`);
    for (const s of this.sourceList) s.problems.forEach((m) => p(`${s.description}: ${m}`));
    if (this.sourceList.some((s) => s.kind === PolicySourceKind.DIRECTORY)) {
      const scope = this.policyScope();
      for (const s of this.sourceList) s._platformProblems(scope).forEach((m) => p(`${s.description}: ${m}`));
    }
    this.tools.problems().forEach((m) => p(m));
    for (const [what, ref] of [['baseImage', this.baseImage], ['nodeImage', this.nodeImage]]) {
      if (!ref || /\s/.test(ref)) p(`${what}: ${JSON.stringify(ref)} is not an image reference`);
      else if (/:latest(@|$)/.test(ref) && !ref.includes('@')) p(`${what}: ${ref} uses "latest"; pin a version tag and a digest`);
    }
    if (this.requireDigests) out.push(...this.strictProblems().map((m) => `${this.node.path}: strict mode (requireDigests): ${m}`));
    if (this.sourceList.length === 0) p('a platform needs at least one source');
    if (this.environments.length === 0) p('a platform needs at least one environment');

    pairs(this.sourceList, (a, b) => {
      if (a.repoName === b.repoName) {
        p(`repo name "${a.repoName}" is used by two sources: ${a.description} and ${b.description} (both would be copied to /repos/${a.repoName}/)`);
      } else if (a.stageName === b.stageName) {
        p(`${a.description} and ${b.description} map to the same Docker stage name "${a.stageName}"; rename one repo`);
      }
    });

    const owners = new Map<string, PolicySource>();
    for (const s of this.sourceList) {
      for (const key of s.policyKeys ?? []) {
        const first = owners.get(key);
        if (first && first !== s) {
          const scope = key.split('/').length === 2 ? 'cluster-scoped ' : '';
          p(`${scope}policy ${key} is brought by two sources: ${first.description} and ${s.description} (they would overwrite each other in the cluster)`);
        } else {
          owners.set(key, s);
        }
      }
    }

    for (const s of this.sourceList) {
      if (!s.environments) continue;
      const missing = this.environments.filter((e) => !s.environments!.includes(e));
      if (missing.length > 0) {
        p(`${s.description} does not cover the platform's environments: missing ${missing.join(', ')} (source: ${s.environments.join(', ') || 'none'}; platform ${this.platformName}: ${this.environments.join(', ')})`);
      }
    }
    return out;
  }

  private readmeFacts(): PlatformReadmeFacts {
    return {
      platformName: this.platformName,
      image: this.image,
      baseImage: this.baseImage,
      nodeImage: this.tools.usesNpm ? this.nodeImage : undefined,
      userId: this.userId,
      strict: this.requireDigests,
      tools: this.tools.tools,
      sources: this.sourceList,
      unverified: this.unverifiedNotes(),
      unchecked: this.uncheckedExceptionReferences,
      unknownSources: this.policyScope().unknownSources,
    };
  }

  /** What strict mode refuses: images without digest, unverified downloads. */
  private strictProblems(): string[] {
    const out: string[] = [];
    const images: Array<[string, string]> = [['baseImage', this.baseImage]];
    if (this.tools.usesNpm) images.push(['nodeImage', this.nodeImage]);
    for (const s of this.sourceList) if (s.image) images.push([s.description, s.image]);
    for (const [what, ref] of images) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref)) out.push(`${what}: ${ref} is not pinned by digest (add @sha256:<digest>)`);
    }
    for (const name of this.tools.unverifiedTools) out.push(`tool ${name} is installed unverified (unverifiedTools)`);
    for (const s of this.sourceList) {
      if (s.kind === PolicySourceKind.GIT && !s.sha256) out.push(`${s.description} is installed unverified (no sha256)`);
    }
    return out;
  }

  /** The policies of every source (names only for sources known by image), and the sources whose policies are unknown. */
  private policyScope(): PlatformScope {
    const policies: PolicyReference[] = [];
    const unknownSources: string[] = [];
    for (const s of this.sourceList) {
      if (s.repo) {
        policies.push(...referencesOf(s.repo.policyIdentities(), s.description));
      } else if (s.policyKeys) {
        for (const key of s.policyKeys) {
          const [kind, ...rest] = key.split('/');
          policies.push({ kind, namespace: rest.length === 2 ? rest[0] : undefined, name: rest[rest.length - 1], source: s.description });
        }
      } else {
        unknownSources.push(s.description);
      }
    }
    return { platform: this.platformName, policies, unknownSources };
  }

  private renderUnchecked(env: string): any[] {
    if (!this.environments.includes(env)) {
      throw new Error(`${this.node.path}: unknown environment "${env}" (the platform serves: ${this.environments.join(', ')})`);
    }
    const out: any[] = [];
    for (const s of this.sourceList) {
      if (s.repo) out.push(...s.repo.render(env));
    }
    return out;
  }

  private renderedFile(env: string): string {
    const rendered = this.sourceList.filter((s) => s.kind === PolicySourceKind.REPO).map((s) => s.repoName);
    const head = [
      `# ${GENERATED_NOTICE}`,
      `# Resolved manifests of environment "${env}" from the sources defined in code: ${rendered.join(', ') || 'none'}.`,
    ];
    for (const s of this.sourceList.filter((x) => x.kind === PolicySourceKind.DIRECTORY)) {
      head.push(`# Read from the synthesized folder ${s.directory} (its rendered/${env}/): ${s.repoName}.`);
    }
    for (const s of this.unrenderedSources) {
      const what = s.kind === PolicySourceKind.IMAGE ? `known only by image ${s.image}` : `library archive ${s.gitUrl}`;
      head.push(`# Not rendered here (${what}): ${s.repoName}; its files are in the image under /repos/${s.repoName}/.`);
    }
    const docs = this.renderUnchecked(env);
    return head.join('\n') + '\n' + (docs.length > 0 ? '---\n' + toYamlDocuments(docs) : '');
  }

  private buildDockerfile(): string {
    const file = new Dockerfile({
      // no parser directive: BuildKit's built-in frontend and buildah read the file as it is, nothing is pulled to parse it
      syntax: '',
      header: [
        `${this.platformName}: policies of ${this.sourceList.length} source(s) and the pinned tools that check them.`,
        GENERATED_NOTICE,
        'Build: docker buildx build --platform linux/amd64,linux/arm64 . (or buildah bud); TARGETARCH selects each download.',
        ...this.unverifiedNotes().map((n) => `UNVERIFIED: ${n}`),
      ].join('\n'),
    });
    for (const s of this.sourceList) {
      if (s.kind === PolicySourceKind.GIT) {
        const stage = file.addStage({ from: this.baseImage, name: s.stageName, comment: `${s.repoName}: commit ${s.gitRef}, ${s.sha256 ? 'archive checked against its sha256' : 'UNVERIFIED archive (no sha256)'}` });
        const archive = '/tmp/source/archive.tar.gz';
        stage.run([
          `mkdir -p /tmp/source /repos/${s.repoName}`,
          `wget -q -O ${archive} '${s.gitUrl}'`,
          s.sha256 ? `echo '${s.sha256}  ${archive}' | sha256sum -c -` : `echo 'WARNING: ${s.gitUrl} is not verified' >&2`,
          `tar -xzf ${archive} -C /tmp/source`,
          `cp -R '/tmp/source/${s.archiveRoot}/.' /repos/${s.repoName}/`,
          'rm -rf /tmp/source',
        ]);
      } else if (s._copiedContent) {
        // a directory source copied from the build context: each file checked against the sha256 its
        // synthesis recorded, and nothing else copied (a folder changed since the platform's synthesis fails the build)
        const content = s._copiedContent;
        const root = `/repos/${s.repoName}`;
        const stage = file.addStage({ from: this.baseImage, name: s.stageName, comment: `${s.repoName}: folder ${s.directory} of the build context, each file checked against the sha256 recorded at its synthesis` });
        for (const entry of content.entries) stage.copy({ sources: [`${s.directory}/${entry}`], destination: `${root}/${entry}` });
        stage.run([
          `cd ${root}`,
          `test "$(find . -type f | wc -l)" -eq ${content.files.length}`,
          ...content.files.map((f) => `echo '${f.sha256}  ${f.path}' | sha256sum -c -`),
        ]);
      } else {
        file.addStage({ from: s.image!, name: s.stageName, comment: `${s.repoName}: ${STAGE_COMMENTS[s.kind]}` });
      }
    }
    addToolchainStages(this.tools, file, this.baseImage, this.nodeImage);

    const final = file.addStage({ from: this.baseImage, comment: 'Final image: tools and every policy repository under /repos (read-only for the non-root user)' });
    final.arg('VERSION', this.version).arg('REVISION', 'unknown').arg('SOURCE', 'unknown').arg('CREATED', 'unknown');
    const base = splitDigest(this.baseImage);
    const labels: { [key: string]: string } = {
      'org.opencontainers.image.title': this.platformName,
      'org.opencontainers.image.description': this.description,
      'org.opencontainers.image.licenses': this.licenses,
      'org.opencontainers.image.source': '${SOURCE}',
      'org.opencontainers.image.revision': '${REVISION}',
      'org.opencontainers.image.version': '${VERSION}',
      'org.opencontainers.image.created': '${CREATED}',
      'org.opencontainers.image.base.name': base.name,
    };
    if (base.digest) labels['org.opencontainers.image.base.digest'] = base.digest;
    final.label(labels);
    if (this.tools.packages.length > 0) final.run([`apk add --no-cache ${this.tools.packages.join(' ')}`]);
    copyToolchainInto(this.tools, final);
    for (const s of this.sourceList) {
      final.copy({ from: s.stageName, sources: [`/repos/${s.repoName}/`], destination: `/repos/${s.repoName}/` });
    }
    // root-owned like every file under /repos (no COPY --chmod: the legacy builder lacks it)
    final.copy({ sources: ['index.json'], destination: '/repos/index.json' });
    // numeric ids: no user database needed in the base image; /repos stays root-owned, so read-only
    final.user(`${this.userId}:${this.userId}`);
    final.workdir('/repos');
    return file.render();
  }

  /** What the image installs without checksum (explicit opt-outs), for the Dockerfile header and README. */
  private unverifiedNotes(): string[] {
    const notes = this.tools.tools.filter((t) => !t.verified).map((t) => `tool ${t.name} ${t.version} is downloaded without checksum (named in unverifiedTools)`);
    for (const s of this.sourceList) {
      if (s.kind === PolicySourceKind.GIT && !s.sha256) notes.push(`${s.repoName} archive ${s.gitUrl} is downloaded without checksum (unverified: true)`);
    }
    return notes;
  }

  private buildIndex(): any {
    const base = splitDigest(this.baseImage);
    const index: any = {
      platform: this.platformName,
      version: this.version,
      environments: this.environments,
      baseImage: base.digest ? { name: base.name, digest: base.digest } : { name: base.name },
    };
    if (this.tools.usesNpm) {
      const node = splitDigest(this.nodeImage);
      index.nodeImage = node.digest ? { name: node.name, digest: node.digest } : { name: node.name };
    }
    index.tools = this.tools.provenance();
    index.sources = this.sourceList.map((s) => {
      const keys = s.policyKeys;
      const entry: any = { name: s.repoName, kind: s.kind, path: `/repos/${s.repoName}/` };
      if (s.image) {
        entry.image = s.image;
        entry.repository = s.imageRepository;
        const digest = s.imageDigest;
        if (digest) entry.digest = digest;
        const tag = s.tag ?? tagOf(s.image);
        if (tag) entry.tag = tag;
      }
      if (s.directory !== undefined && s.image === undefined) entry.directory = s.directory;
      if (s.repo) {
        const charts: { [name: string]: string } = {};
        for (const c of s.repo.charts()) charts[c.name] = c.version;
        entry.charts = charts;
      }
      if (s.gitUrl) {
        entry.url = s.gitUrl;
        entry.commit = s.gitRef;
        if (s.sha256) entry.sha256 = s.sha256;
        entry.verified = s.sha256 !== undefined;
      }
      if (s.environments) entry.environments = s.environments;
      entry.rendered = s.repo !== undefined;
      entry.policiesKnown = keys !== undefined;
      entry.policies = keys ?? [];
      return entry;
    });
    return index;
  }
}

/** What the stage of a source pulled from an image says it is. */
const STAGE_COMMENTS: { [kind: string]: string } = {
  [PolicySourceKind.REPO]: 'repo image of the code-defined repo',
  [PolicySourceKind.IMAGE]: 'repo image published elsewhere',
  [PolicySourceKind.DIRECTORY]: 'repo image of the repository read from a synthesized folder',
};

/** `name[:tag]@sha256:...` → name (with tag) and digest. */
function splitDigest(ref: string): { name: string; digest?: string } {
  const at = ref.indexOf('@');
  return at < 0 ? { name: ref } : { name: ref.slice(0, at), digest: ref.slice(at + 1) };
}

/** The tag of an image reference, if it has one. */
function tagOf(ref: string): string | undefined {
  const name = splitDigest(ref).name;
  const m = /:([A-Za-z0-9_][A-Za-z0-9_.-]*)$/.exec(name.slice(name.lastIndexOf('/') + 1));
  return m ? m[1] : undefined;
}

function pairs<T>(items: T[], fn: (a: T, b: T) => void): void {
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) fn(items[i], items[j]);
  }
}

/** Every declared environment; the source with the most environments sets the order (promotion order). */
function defaultEnvironments(sources: PolicySource[]): string[] {
  const out: string[] = [];
  const bySize = [...sources].sort((a, b) => (b.environments?.length ?? 0) - (a.environments?.length ?? 0));
  for (const s of bySize) for (const e of s.environments ?? []) if (!out.includes(e)) out.push(e);
  return out;
}

