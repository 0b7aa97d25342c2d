import { isPinnedUrl, PINNED_URL_RULE } from './pinned-url';
import { SPECTRAL_CLI_INTEGRITY, SPECTRAL_CLI_VERSION } from './spectral-lock';

/**
 * How a tool is packaged and installed.
 */
export enum ToolArchive {
  /** A gzipped tarball; the binary is extracted from it. */
  TAR_GZ = 'tar.gz',
  /** The download is the binary itself. */
  BINARY = 'binary',
  /**
   * An npm package installed with `npm ci` from a pinned lockfile (npm checks every package's
   * integrity); runs on the Node.js copied from the platform's node image. Only `Tool.spectral()`.
   */
  NPM_LOCKFILE = 'npm-lockfile',
}

/**
 * The architectures the platform image is built for (Docker's `TARGETARCH` values).
 */
export enum ToolArch {
  /** linux/amd64 (x86_64). */
  AMD64 = 'amd64',
  /** linux/arm64 (aarch64). */
  ARM64 = 'arm64',
}

/**
 * The download of a tool for one architecture.
 */
export interface ToolAsset {
  /**
   * Download URL of that exact file: https, or http to a loopback host (a local mirror).
   */
  readonly url: string;

  /**
   * The sha256 of the download (64 lowercase hex characters); the build fails on a mismatch.
   * @default - none: refused unless the toolchain names the tool in `unverifiedTools`
   */
  readonly sha256?: string;

  /**
   * Path of the binary inside a tar.gz archive.
   * @default - the tool's name
   */
  readonly pathInArchive?: string;
}

/**
 * Overrides for one of the built-in tool pins.
 */
export interface ToolPinOptions {
  /**
   * The exact version to install (never `latest`). Changing it drops the built-in checksums:
   * give `amd64` and `arm64` with the new version's sha256.
   * @default - the tool's pinned default (Kyverno CLI 1.13.2, Pluto 5.21.1, Helm 3.16.4, yq 4.44.6)
   */
  readonly version?: string;

  /**
   * The linux/amd64 download (URL and sha256, e.g. an internal mirror).
   * @default - the project's release asset for `version`, with its sha256 when `version` is the default
   */
  readonly amd64?: ToolAsset;

  /**
   * The linux/arm64 download.
   * @default - the project's release asset for `version`, with its sha256 when `version` is the default
   */
  readonly arm64?: ToolAsset;
}

/**
 * A tool installed into the platform image.
 */
export interface ToolProps {
  /**
   * Name of the installed command, e.g. `kyverno` (also names the download folder).
   */
  readonly name: string;

  /**
   * The exact version.
   */
  readonly version: string;

  /**
   * How the download is packaged (`TAR_GZ` or `BINARY`).
   * @default ToolArchive.BINARY
   */
  readonly archive?: ToolArchive;

  /**
   * The linux/amd64 download.
   */
  readonly amd64: ToolAsset;

  /**
   * The linux/arm64 download.
   * @default - none: a linux/arm64 build of the image fails with a message naming the tool
   */
  readonly arm64?: ToolAsset;
}

/** Release checksums of the default pins (see shared/reference/tool-checksums.md for their sources). */
const CHECKSUMS: { [tool: string]: { version: string; amd64: string; arm64: string } } = {
  kyverno: { version: '1.13.2', amd64: 'c0a85e8d8e855a879ddabbf19568fd80c3095a46f3f686cd4d2653cf0ab6601f', arm64: 'fc0e15f74c29d821f1b8e31147873f7fe77d759d0f6b82f27ecf48c52c27840f' },
  helm: { version: '3.16.4', amd64: 'fc307327959aa38ed8f9f7e66d45492bb022a66c3e5da6063958254b9767d179', arm64: 'd3f8f15b3d9ec8c8678fbf3280c3e5902efabe5912e2f9fcf29107efbc8ead69' },
  yq: { version: '4.44.6', amd64: '0c2b24e645b57d8e7c0566d18643a6d4f5580feeea3878127354a46f2a1e4598', arm64: '9477ac3cc447b6c083986129e35af8122eb2b938fe55c9c3e40436fb966e5813' },
  pluto: { version: '5.21.1', amd64: '3d736c29305bc5088f8185ed5519c23a4f076738cfa2c036347901df598ecce5', arm64: '13b55c16b3b370804b0db0ad4a37307400ac5325e7c24a8f61746162ab2b6080' },
};

/**
 * A tool pin: exact version and, per architecture, exact URL and sha256. The built-in factories
 * carry the release checksums of their default versions; every field can be overridden.
 */
export class Tool {
  /** Kyverno CLI (`kyverno test`, `kyverno apply`). @see https://github.com/kyverno/kyverno/releases */
  public static kyvernoCli(options: ToolPinOptions = {}): Tool {
    return Tool.pinned('kyverno', options, ToolArchive.TAR_GZ, (v, arch) => ({
      url: `https://github.com/kyverno/kyverno/releases/download/v${v}/kyverno-cli_v${v}_linux_${arch === ToolArch.AMD64 ? 'x86_64' : 'arm64'}.tar.gz`,
      pathInArchive: 'kyverno',
    }));
  }

  /** Pluto (deprecated Kubernetes API detection). @see https://github.com/FairwindsOps/pluto/releases */
  public static pluto(options: ToolPinOptions = {}): Tool {
    return Tool.pinned('pluto', options, ToolArchive.TAR_GZ, (v, arch) => ({
      url: `https://github.com/FairwindsOps/pluto/releases/download/v${v}/pluto_${v}_linux_${arch}.tar.gz`,
      pathInArchive: 'pluto',
    }));
  }

  /**
   * Spectral CLI (values linting), installed with `npm ci` from a lockfile this library ships
   * (`@stoplight/spectral-cli` at `SPECTRAL_CLI_VERSION`, every dependency pinned with its
   * integrity), on the Node.js of the platform's node image. No checksum of the standalone
   * binaries is published; npm verifies every package instead.
   * @see https://www.npmjs.com/package/@stoplight/spectral-cli
   */
  public static spectral(): Tool {
    return new Tool({
      name: 'spectral',
      version: SPECTRAL_CLI_VERSION,
      archive: ToolArchive.NPM_LOCKFILE,
      amd64: { url: `https://registry.npmjs.org/@stoplight/spectral-cli/-/spectral-cli-${SPECTRAL_CLI_VERSION}.tgz` },
      arm64: { url: `https://registry.npmjs.org/@stoplight/spectral-cli/-/spectral-cli-${SPECTRAL_CLI_VERSION}.tgz` },
    }, SPECTRAL_CLI_INTEGRITY);
  }

  /** Helm. @see https://github.com/helm/helm/releases */
  public static helm(options: ToolPinOptions = {}): Tool {
    return Tool.pinned('helm', options, ToolArchive.TAR_GZ, (v, arch) => ({
      url: `https://get.helm.sh/helm-v${v}-linux-${arch}.tar.gz`,
      pathInArchive: `linux-${arch}/helm`,
    }));
  }

  /** yq. @see https://github.com/mikefarah/yq/releases */
  public static yq(options: ToolPinOptions = {}): Tool {
    return Tool.pinned('yq', options, ToolArchive.BINARY, (v, arch) => ({
      url: `https://github.com/mikefarah/yq/releases/download/v${v}/yq_linux_${arch}`,
    }));
  }

  /** Any other tool downloaded as a binary or a tar.gz (e.g. the Spectral standalone binary from a mirror). */
  public static custom(props: ToolProps): Tool {
    return new Tool(props);
  }

  /** A built-in pin: release URLs per architecture, checksums when the version is the pinned one. */
  private static pinned(name: string, options: ToolPinOptions, archive: ToolArchive, release: (v: string, arch: ToolArch) => ToolAsset): Tool {
    const known = CHECKSUMS[name];
    const version = options.version ?? known.version;
    const asset = (arch: ToolArch, given?: ToolAsset): ToolAsset => {
      if (given) return { pathInArchive: release(version, arch).pathInArchive, ...given };
      const r = release(version, arch);
      return version === known.version ? { ...r, sha256: known[arch] } : r;
    };
    return new Tool({ name, version, archive, amd64: asset(ToolArch.AMD64, options.amd64), arm64: asset(ToolArch.ARM64, options.arm64) });
  }

  /** Installed command name. */
  public readonly name: string;
  /** Exact version. */
  public readonly version: string;
  /** Packaging of the download. */
  public readonly archive: ToolArchive;
  /** The linux/amd64 download. */
  public readonly amd64: ToolAsset;
  /** The linux/arm64 download, when there is one. */
  public readonly arm64?: ToolAsset;
  /** For `NPM_LOCKFILE`: the npm integrity of the package (the lockfile pins its dependencies the same way). */
  public readonly integrity?: string;

  private constructor(props: ToolProps, integrity?: string) {
    this.name = props.name;
    this.version = props.version;
    this.archive = props.archive ?? ToolArchive.BINARY;
    this.amd64 = props.amd64;
    this.arm64 = props.arm64;
    this.integrity = integrity;
  }

  /** The downloads, by architecture (amd64 first). */
  public get assets(): { [arch: string]: ToolAsset } {
    const out: { [arch: string]: ToolAsset } = { [ToolArch.AMD64]: this.amd64 };
    if (this.arm64) out[ToolArch.ARM64] = this.arm64;
    return out;
  }

  /** Whether every download is checked (a sha256 per architecture, or npm's integrity for a lockfile install). */
  public get verified(): boolean {
    if (this.archive === ToolArchive.NPM_LOCKFILE) return this.integrity !== undefined;
    return Object.values(this.assets).every((a) => a.sha256 !== undefined);
  }

  /**
   * Problems of this pin.
   * @param allowUnverified whether the toolchain names this tool as explicitly unverified
   */
  public problems(allowUnverified: boolean): string[] {
    const where = `tool ${this.name}`;
    const out: string[] = [];
    if (!/^[a-z][a-z0-9-]*$/.test(this.name)) out.push(`${where}: name must be lowercase letters, digits and '-'`);
    if (!/^v?[0-9]+(\.[0-9]+)*([-+][0-9A-Za-z.-]+)?$/.test(this.version)) {
      out.push(`${where}: version ${JSON.stringify(this.version)} is not an exact version such as 1.13.2 ("latest" and ranges are refused)`);
    }
    if (this.archive === ToolArchive.NPM_LOCKFILE) return out;
    for (const [arch, asset] of Object.entries(this.assets)) {
      const at = `${where} (${arch})`;
      if (!isPinnedUrl(asset.url)) {
        out.push(`${at}: url ${JSON.stringify(asset.url)} must be ${PINNED_URL_RULE}`);
      } else if (/\/latest(\/|$)|api\.github\.com/.test(asset.url)) {
        out.push(`${at}: url ${JSON.stringify(asset.url)} looks up a "latest" release; pin the exact file`);
      }
      if (asset.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(asset.sha256)) {
        out.push(`${at}: sha256 ${JSON.stringify(asset.sha256)} is not 64 lowercase hex characters`);
      }
      if (asset.sha256 === undefined && !allowUnverified) {
        out.push(`${at}: no sha256 for ${asset.url}; every download is verified (set its sha256, or name "${this.name}" in the toolchain's unverifiedTools to install it unverified)`);
      }
      if (asset.pathInArchive !== undefined && !/^[A-Za-z0-9_.][A-Za-z0-9_./-]*$/.test(asset.pathInArchive)) {
        out.push(`${at}: pathInArchive ${JSON.stringify(asset.pathInArchive)} must be a relative path (letters, digits, '_', '.', '-', '/')`);
      }
    }
    return out;
  }
}
