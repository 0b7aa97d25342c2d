import { compareBytes } from '../core/byte-order';
import { DockerStage } from '../docker';
import { Tool, ToolArchive } from './tool';

/**
 * The tools of the platform image.
 */
export interface ToolchainProps {
  /**
   * Kyverno CLI pin.
   * @default Tool.kyvernoCli() (1.13.2)
   */
  readonly kyverno?: Tool;

  /**
   * Pluto pin.
   * @default Tool.pluto() (5.21.1)
   */
  readonly pluto?: Tool;

  /**
   * Spectral pin.
   * @default Tool.spectral() (6.14.2)
   */
  readonly spectral?: Tool;

  /**
   * Helm pin.
   * @default Tool.helm() (3.16.4)
   */
  readonly helm?: Tool;

  /**
   * yq pin.
   * @default Tool.yq() (4.44.6)
   */
  readonly yq?: Tool;

  /**
   * More tools to install.
   * @default - none
   */
  readonly additionalTools?: Tool[];

  /**
   * Strict mode: refuse any tool without a sha256.
   * @default false
   */
  readonly requireChecksums?: boolean;

  /**
   * Alpine packages installed in the final image (the seed's runtime needs; no curl: downloads use
   * `ADD`, in a separate stage).
   * @default ['bash', 'ca-certificates', 'git', 'libc6-compat', 'libstdc++']
   */
  readonly packages?: string[];
}

/**
 * The pinned tools of the platform image: every download named by exact version, checked against its
 * sha256 when one is given (`ADD --checksum`), installed in a separate stage so archives never reach
 * the final image.
 */
export class Toolchain {
  /** Where the tools stage puts the binaries; the final stage copies this folder. */
  public static readonly BIN_DIR = '/opt/tools/bin';

  /** Every tool, the five defaults first, then additional tools in the order given. */
  public readonly tools: Tool[];
  /** Whether a tool without sha256 is refused. */
  public readonly requireChecksums: boolean;
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
    this.requireChecksums = props.requireChecksums ?? false;
    this.packages = [...(props.packages ?? ['bash', 'ca-certificates', 'git', 'libc6-compat', 'libstdc++'])].sort();
  }

  /** Every problem of every pin (and duplicate tool names). */
  public problems(): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const t of this.tools) {
      if (seen.has(t.name)) out.push(`tool ${t.name}: installed twice (tool names must be unique)`);
      seen.add(t.name);
      out.push(...t.problems(this.requireChecksums));
    }
    for (const p of this.packages) {
      if (!/^[a-z0-9][a-z0-9+._-]*(=[0-9A-Za-z.+_-]+)?$/.test(p)) out.push(`package ${JSON.stringify(p)} is not an apk package name (optionally =version)`);
    }
    return out;
  }

  /** `{ name: version }` of every tool, for labels and the index. */
  public versions(): { [name: string]: string } {
    const out: { [name: string]: string } = {};
    for (const t of [...this.tools].sort((a, b) => compareBytes(a.name, b.name))) out[t.name] = t.version;
    return out;
  }

  /**
   * Writes the download-and-extract instructions into a (dedicated) stage: one `ADD` per tool
   * (with `--checksum` when pinned), then one `RUN` that unpacks and installs into the tools folder.
   */
  public installInto(stage: DockerStage): void {
    const install: string[] = [`mkdir -p ${Toolchain.BIN_DIR}`];
    for (const t of this.tools) {
      const dir = `/tmp/tools/${t.name}`;
      const file = `${dir}/${t.archive === ToolArchive.TAR_GZ ? `${t.name}.tar.gz` : t.name}`;
      stage.comment(`${t.name} ${t.version}${t.sha256 ? '' : ' (no sha256 pinned: download not verified)'}`);
      stage.add({ source: t.url, destination: file, sha256: t.sha256 });
      if (t.archive === ToolArchive.TAR_GZ) {
        install.push(`tar -xzf ${file} -C ${dir} ${t.pathInArchive}`);
        install.push(`install -m 0755 ${dir}/${t.pathInArchive} ${Toolchain.BIN_DIR}/${t.name}`);
      } else {
        install.push(`install -m 0755 ${file} ${Toolchain.BIN_DIR}/${t.name}`);
      }
    }
    install.push('rm -rf /tmp/tools');
    stage.run(install);
  }
}
