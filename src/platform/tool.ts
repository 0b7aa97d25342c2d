/**
 * How a tool's download is packaged.
 */
export enum ToolArchive {
  /** A gzipped tarball; the binary is extracted from it. */
  TAR_GZ = 'tar.gz',
  /** The download is the binary itself. */
  BINARY = 'binary',
}

/**
 * Overrides for one of the built-in tool pins.
 */
export interface ToolPinOptions {
  /**
   * The exact version to install (never `latest`).
   * @default - the tool's pinned default (Kyverno CLI 1.13.2, Pluto 5.21.1, Spectral 6.14.2, Helm 3.16.4, yq 4.44.6)
   */
  readonly version?: string;

  /**
   * The sha256 of the download (64 lowercase hex characters); the image build fails on a mismatch.
   * @default - not verified (refused when the toolchain requires checksums)
   */
  readonly sha256?: string;

  /**
   * Download URL, e.g. an internal mirror. Must name the exact file (no "latest" look-ups).
   * @default - the project's release URL for `version`, linux amd64
   */
  readonly url?: string;
}

/**
 * A tool installed into the platform image, pinned to an exact version.
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
   * Download URL of that exact version.
   */
  readonly url: string;

  /**
   * How the download is packaged.
   * @default ToolArchive.BINARY
   */
  readonly archive?: ToolArchive;

  /**
   * Path of the binary inside the archive (only for archives).
   * @default - `name`
   */
  readonly pathInArchive?: string;

  /**
   * The sha256 of the download.
   * @default - not verified (refused when the toolchain requires checksums)
   */
  readonly sha256?: string;
}

/**
 * A tool pin: exact version, exact URL, optional sha256. Built-in factories carry the seed's
 * versions; every field can be overridden.
 */
export class Tool {
  /** Kyverno CLI (`kyverno test`, `kyverno apply`). @see https://github.com/kyverno/kyverno/releases */
  public static kyvernoCli(options: ToolPinOptions = {}): Tool {
    const v = options.version ?? '1.13.2';
    return new Tool({
      name: 'kyverno',
      version: v,
      url: options.url ?? `https://github.com/kyverno/kyverno/releases/download/v${v}/kyverno-cli_v${v}_linux_x86_64.tar.gz`,
      archive: ToolArchive.TAR_GZ,
      pathInArchive: 'kyverno',
      sha256: options.sha256,
    });
  }

  /** Pluto (deprecated Kubernetes API detection). @see https://github.com/FairwindsOps/pluto/releases */
  public static pluto(options: ToolPinOptions = {}): Tool {
    const v = options.version ?? '5.21.1';
    return new Tool({
      name: 'pluto',
      version: v,
      url: options.url ?? `https://github.com/FairwindsOps/pluto/releases/download/v${v}/pluto_${v}_linux_amd64.tar.gz`,
      archive: ToolArchive.TAR_GZ,
      pathInArchive: 'pluto',
      sha256: options.sha256,
    });
  }

  /** Spectral (values linting), the Alpine build. @see https://github.com/stoplightio/spectral/releases */
  public static spectral(options: ToolPinOptions = {}): Tool {
    const v = options.version ?? '6.14.2';
    return new Tool({
      name: 'spectral',
      version: v,
      url: options.url ?? `https://github.com/stoplightio/spectral/releases/download/v${v}/spectral-alpine-x64`,
      archive: ToolArchive.BINARY,
      sha256: options.sha256,
    });
  }

  /** Helm. @see https://github.com/helm/helm/releases */
  public static helm(options: ToolPinOptions = {}): Tool {
    const v = options.version ?? '3.16.4';
    return new Tool({
      name: 'helm',
      version: v,
      url: options.url ?? `https://get.helm.sh/helm-v${v}-linux-amd64.tar.gz`,
      archive: ToolArchive.TAR_GZ,
      pathInArchive: 'linux-amd64/helm',
      sha256: options.sha256,
    });
  }

  /** yq. @see https://github.com/mikefarah/yq/releases */
  public static yq(options: ToolPinOptions = {}): Tool {
    const v = options.version ?? '4.44.6';
    return new Tool({
      name: 'yq',
      version: v,
      url: options.url ?? `https://github.com/mikefarah/yq/releases/download/v${v}/yq_linux_amd64`,
      archive: ToolArchive.BINARY,
      sha256: options.sha256,
    });
  }

  /** Any other tool. */
  public static custom(props: ToolProps): Tool {
    return new Tool(props);
  }

  /** Installed command name. */
  public readonly name: string;
  /** Exact version. */
  public readonly version: string;
  /** Download URL. */
  public readonly url: string;
  /** Packaging of the download. */
  public readonly archive: ToolArchive;
  /** Path of the binary inside the archive. */
  public readonly pathInArchive: string;
  /** Expected sha256, when pinned. */
  public readonly sha256?: string;

  private constructor(props: ToolProps) {
    this.name = props.name;
    this.version = props.version;
    this.url = props.url;
    this.archive = props.archive ?? ToolArchive.BINARY;
    this.pathInArchive = props.pathInArchive ?? props.name;
    this.sha256 = props.sha256;
  }

  /** Problems of this pin; `requireChecksum` refuses a pin without sha256. */
  public problems(requireChecksum: boolean): string[] {
    const where = `tool ${this.name}`;
    const out: string[] = [];
    if (!/^[a-z][a-z0-9-]*$/.test(this.name)) out.push(`${where}: name must be lowercase letters, digits and '-'`);
    if (!/^v?[0-9]+(\.[0-9]+)*([-+][0-9A-Za-z.-]+)?$/.test(this.version)) {
      out.push(`${where}: version ${JSON.stringify(this.version)} is not an exact version such as 1.13.2 ("latest" and ranges are refused)`);
    }
    if (!/^https:\/\/[^\s]+$/.test(this.url)) {
      out.push(`${where}: url ${JSON.stringify(this.url)} must be an https URL without spaces`);
    } else if (/\/latest(\/|$)|api\.github\.com/.test(this.url)) {
      out.push(`${where}: url ${JSON.stringify(this.url)} looks up a "latest" release; pin the exact file`);
    }
    if (this.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(this.sha256)) {
      out.push(`${where}: sha256 ${JSON.stringify(this.sha256)} is not 64 lowercase hex characters`);
    }
    if (this.sha256 === undefined && requireChecksum) {
      out.push(`${where}: no sha256 for ${this.url}; the toolchain requires a checksum for every download (set sha256, or requireChecksums: false)`);
    }
    return out;
  }
}
