import { SPECTRAL_CLI_VERSION } from './spectral-lock';
import { Tool, ToolArchive } from './tool';
import { compareBytes } from '../core/byte-order';

/**
 * The tools of the platform image.
 */
export interface ToolchainProps {
  /**
   * Kyverno CLI pin.
   * @default Tool.kyvernoCli() (1.13.2, sha256 per architecture)
   */
  readonly kyverno?: Tool;

  /**
   * Pluto pin.
   * @default Tool.pluto() (5.21.1, sha256 per architecture)
   */
  readonly pluto?: Tool;

  /**
   * Spectral pin.
   * @default Tool.spectral() (the npm package at SPECTRAL_CLI_VERSION, installed with `npm ci` from a pinned lockfile)
   */
  readonly spectral?: Tool;

  /**
   * Helm pin.
   * @default Tool.helm() (3.16.4, sha256 per architecture)
   */
  readonly helm?: Tool;

  /**
   * yq pin.
   * @default Tool.yq() (4.44.6, sha256 per architecture)
   */
  readonly yq?: Tool;

  /**
   * More tools to install.
   * @default - none
   */
  readonly additionalTools?: Tool[];

  /**
   * Tools allowed to download without a sha256, by name. Every other download must carry its
   * sha256 for each architecture; the Dockerfile, the image's index.json and the platform README
   * mark these tools as unverified.
   * @default - none: every download is verified
   */
  readonly unverifiedTools?: string[];

  /**
   * Alpine packages installed in the final image (`apk add`, verified by apk's signed index).
   * An empty list writes no `RUN` in the final stage, so any base image works (e.g. a busybox one).
   * `libstdc++` is what the Node.js of the Spectral install needs.
   * @default ['bash', 'ca-certificates', 'git', 'libc6-compat', 'libstdc++']
   */
  readonly packages?: string[];
}

/**
 * The pinned tools of the platform image. Each download is selected by `TARGETARCH` (amd64,
 * arm64) and checked against its sha256 with `sha256sum -c` in a dedicated `toolchain` stage
 * (plain `RUN`, `wget` and `sha256sum` of the base image: no builder-specific feature), so archives
 * never reach the final image. Spectral comes from npm: `npm ci` over a lockfile this library ships,
 * in a `spectral` stage on the node image.
 */
export class Toolchain {
  /** Where the tools stage puts the binaries; the final stage copies this folder. */
  public static readonly BIN_DIR = '/opt/tools/bin';
  /** Where the Spectral npm install lives in the image. */
  public static readonly SPECTRAL_DIR = '/opt/spectral';
  /** The `@stoplight/spectral-cli` version `Tool.spectral()` installs. */
  public static readonly SPECTRAL_CLI_VERSION = SPECTRAL_CLI_VERSION;

  /** Every tool, the five defaults first, then additional tools in the order given. */
  public readonly tools: Tool[];
  /** Names of the tools installed without checksum (explicit opt-out), sorted. */
  public readonly unverifiedTools: string[];
  /** Alpine packages of the final image, sorted. */
  public readonly packages: string[];

  constructor(props: ToolchainProps = {}) {
    this.tools = [
      props.kyverno ?? Tool.kyvernoCli(),
      props.pluto ?? Tool.pluto(),
      props.spectral ?? Tool.spectral(),
      props.helm ?? Tool.helm(),
      props.yq ?? Tool.yq(),
      ...(props.additionalTools ?? []),
    ];
    this.unverifiedTools = [...new Set(props.unverifiedTools ?? [])].sort(compareBytes);
    this.packages = [...(props.packages ?? ['bash', 'ca-certificates', 'git', 'libc6-compat', 'libstdc++'])].sort(compareBytes);
  }

  /** Whether a tool is installed through npm (then the image needs the node stage). */
  public get usesNpm(): boolean {
    return this.tools.some((t) => t.archive === ToolArchive.NPM_LOCKFILE);
  }

  /** Every problem of every pin (and duplicate tool names, unknown unverified names). */
  public problems(): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const t of this.tools) {
      if (seen.has(t.name)) out.push(`tool ${t.name}: installed twice (tool names must be unique)`);
      seen.add(t.name);
      out.push(...t.problems(this.unverifiedTools.includes(t.name)));
    }
    for (const name of this.unverifiedTools) {
      if (!seen.has(name)) out.push(`unverifiedTools: ${JSON.stringify(name)} names no tool of the toolchain (tools: ${[...seen].join(', ')})`);
    }
    for (const p of this.packages) {
      if (!/^[a-z0-9][a-z0-9+._-]*(=[0-9A-Za-z.+_-]+)?$/.test(p)) out.push(`package ${JSON.stringify(p)} is not an apk package name (optionally =version)`);
    }
    return out;
  }

  /** `{ name: version }` of every tool. */
  public versions(): { [name: string]: string } {
    const out: { [name: string]: string } = {};
    for (const t of [...this.tools].sort((a, b) => compareBytes(a.name, b.name))) out[t.name] = t.version;
    return out;
  }

  /** Provenance of every tool for `/repos/index.json`: version, how it is verified, URL and sha256 per architecture. */
  public provenance(): any[] {
    return [...this.tools].sort((a, b) => compareBytes(a.name, b.name)).map((t) => {
      if (t.archive === ToolArchive.NPM_LOCKFILE) {
        return { name: t.name, version: t.version, verified: t.verified, npm: { package: '@stoplight/spectral-cli', integrity: t.integrity, lockfile: 'spectral/package-lock.json' } };
      }
      const assets: any = {};
      for (const [arch, a] of Object.entries(t.assets)) assets[arch] = a.sha256 ? { url: a.url, sha256: a.sha256 } : { url: a.url };
      return { name: t.name, version: t.version, verified: t.verified, assets };
    });
  }
}
