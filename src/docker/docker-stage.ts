import { AddProps, CopyProps } from './copy';
import { pathList, quote, VARIABLE_NAME } from './instruction';

/** One rendered instruction, with what validation needs to know about it. */
interface Instruction {
  readonly text: string;
  /** For `COPY --from=x`: the stage or image it reads from. */
  readonly copyFrom?: string;
}

/**
 * Options of a build stage.
 */
export interface DockerStageProps {
  /**
   * Base image reference (`alpine:3.22.1`, `registry/repo@sha256:...`, `scratch`, or an earlier stage's name).
   */
  readonly from: string;

  /**
   * Stage name (`FROM <image> AS <name>`), referenced by `COPY --from`. Lowercase letters, digits, `_`, `-`, `.`.
   * @default - an unnamed stage (only sensible for the final stage)
   */
  readonly name?: string;

  /**
   * Target platform of the base image (`--platform=`).
   * @default - the build platform
   */
  readonly platform?: string;

  /**
   * Comment lines written above the `FROM` line.
   * @default - none
   */
  readonly comment?: string;
}

/**
 * One build stage of a Dockerfile: a `FROM` line and the instructions that follow it, in the order
 * they were added (instruction order is meaningful in a Dockerfile).
 */
export class DockerStage {
  /** Base image or earlier stage. */
  public readonly from: string;

  /** Stage name, when the stage is named. */
  public readonly name?: string;

  /** Target platform, when set. */
  public readonly platform?: string;

  private readonly header?: string;
  private readonly instructions: Instruction[] = [];
  private readonly problemList: string[] = [];

  constructor(props: DockerStageProps) {
    this.from = props.from;
    this.name = props.name;
    this.platform = props.platform;
    this.header = props.comment;
    if (!props.from || /\s/.test(props.from)) {
      this.problemList.push(`FROM: ${JSON.stringify(props.from)} is not an image reference (non-empty, no whitespace)`);
    }
  }

  /** Adds comment lines (each line prefixed with `# `). */
  public comment(text: string): DockerStage {
    this.push(text.split('\n').map((l) => (l ? `# ${l}` : '#')).join('\n'));
    return this;
  }

  /**
   * Adds `ARG name[=default]`.
   * @param defaultValue value used when the build does not pass `--build-arg`; none when undefined
   */
  public arg(name: string, defaultValue?: string): DockerStage {
    this.checkVariable('ARG', name);
    this.push(defaultValue === undefined ? `ARG ${name}` : `ARG ${name}=${quote(defaultValue)}`);
    return this;
  }

  /** Adds `ENV` with the variables sorted by name. */
  public env(variables: { [name: string]: string }): DockerStage {
    const names = Object.keys(variables).sort();
    names.forEach((n) => this.checkVariable('ENV', n));
    if (names.length > 0) {
      this.push(`ENV ${names.map((n) => `${n}=${quote(variables[n])}`).join(' \\\n    ')}`);
    }
    return this;
  }

  /** Adds `LABEL` with the labels sorted by key. */
  public label(labels: { [key: string]: string }): DockerStage {
    const keys = Object.keys(labels).sort();
    if (keys.length > 0) {
      this.push(`LABEL ${keys.map((k) => `${k}=${quote(labels[k])}`).join(' \\\n      ')}`);
    }
    return this;
  }

  /**
   * Adds one `RUN` instruction that runs the commands one after the other (`&&`), failing on the first failure.
   */
  public run(commands: string[]): DockerStage {
    if (commands.length === 0) {
      this.problemList.push('RUN: no command given');
      return this;
    }
    this.push(`RUN ${commands.join(' \\\n    && ')}`);
    return this;
  }

  /** Adds a `COPY` instruction. */
  public copy(props: CopyProps): DockerStage {
    if (props.sources.length === 0) this.problemList.push(`COPY ${props.destination}: no source given`);
    const flags: string[] = [];
    if (props.from !== undefined) flags.push(`--from=${props.from}`);
    if (props.chown !== undefined) flags.push(`--chown=${props.chown}`);
    if (props.chmod !== undefined) flags.push(this.checkMode('COPY', props.chmod));
    this.instructions.push({
      text: ['COPY', ...flags, pathList([...props.sources, props.destination])].join(' '),
      copyFrom: props.from,
    });
    return this;
  }

  /** Adds an `ADD` instruction for a remote file, checked against its sha256 when one is given. */
  public add(props: AddProps): DockerStage {
    const flags: string[] = [];
    if (props.sha256 !== undefined) {
      if (!/^[0-9a-f]{64}$/.test(props.sha256)) {
        this.problemList.push(`ADD ${props.source}: sha256 ${JSON.stringify(props.sha256)} is not 64 lowercase hex characters`);
      }
      flags.push(`--checksum=sha256:${props.sha256}`);
    }
    if (props.chown !== undefined) flags.push(`--chown=${props.chown}`);
    if (props.chmod !== undefined) flags.push(this.checkMode('ADD', props.chmod));
    if (props.keepGitDir) flags.push('--keep-git-dir=true');
    this.push(['ADD', ...flags, pathList([props.source, props.destination])].join(' '));
    return this;
  }

  /** Adds `USER`. */
  public user(user: string): DockerStage {
    this.push(`USER ${user}`);
    return this;
  }

  /** Adds `WORKDIR`. */
  public workdir(directory: string): DockerStage {
    this.push(`WORKDIR ${directory}`);
    return this;
  }

  /** The stages and images this stage copies from (`COPY --from`), in order. */
  public get copiesFrom(): string[] {
    return this.instructions.filter((i) => i.copyFrom !== undefined).map((i) => i.copyFrom!);
  }

  /** Problems found while building the stage (bad names, checksums, modes). */
  public get problems(): string[] {
    return [...this.problemList];
  }

  /** The stage's text, `FROM` line first. */
  public render(): string {
    const lines: string[] = [];
    if (this.header) lines.push(...this.header.split('\n').map((l) => (l ? `# ${l}` : '#')));
    const platform = this.platform ? `--platform=${this.platform} ` : '';
    lines.push(`FROM ${platform}${this.from}${this.name ? ` AS ${this.name}` : ''}`);
    lines.push(...this.instructions.map((i) => i.text));
    return lines.join('\n') + '\n';
  }

  private push(text: string): void {
    this.instructions.push({ text });
  }

  private checkVariable(keyword: string, name: string): void {
    if (!VARIABLE_NAME.test(name)) {
      this.problemList.push(`${keyword}: ${JSON.stringify(name)} is not a variable name (letters, digits and '_', not starting with a digit)`);
    }
  }

  private checkMode(keyword: string, mode: string): string {
    if (!/^[0-7]{3,4}$/.test(mode)) {
      this.problemList.push(`${keyword}: chmod ${JSON.stringify(mode)} is not an octal mode such as 0755`);
    }
    return `--chmod=${mode}`;
  }
}
