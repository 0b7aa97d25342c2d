import { DockerStage, DockerStageProps } from './docker-stage';
import { STAGE_NAME } from './instruction';

/**
 * Options of a Dockerfile.
 */
export interface DockerfileProps {
  /**
   * The `# syntax=` parser directive (`ADD --checksum` needs Dockerfile syntax 1.6 or later); an
   * empty string writes none (BuildKit then uses its built-in frontend instead of pulling one, and
   * other builders such as buildah read the same file).
   * @default 'docker/dockerfile:1.7'
   */
  readonly syntax?: string;

  /**
   * Comment lines written at the top of the file, below the parser directive.
   * @default - none
   */
  readonly header?: string;
}

/**
 * A multi-stage Dockerfile, rendered deterministically: stages in the order they were added,
 * instructions in the order they were added within a stage, labels and env variables sorted.
 *
 * `render()` refuses a file where a `COPY --from` names a stage that is declared below it (or not at
 * all, unless it is an image reference), or where two stages share a name.
 */
export class Dockerfile {
  /** The parser directive. */
  public readonly syntax: string;

  private readonly header?: string;
  private readonly stageList: DockerStage[] = [];

  constructor(props: DockerfileProps = {}) {
    this.syntax = props.syntax ?? 'docker/dockerfile:1.7';
    this.header = props.header;
  }

  /** Adds a stage after the existing ones and returns it. */
  public addStage(props: DockerStageProps): DockerStage {
    const stage = new DockerStage(props);
    this.stageList.push(stage);
    return stage;
  }

  /** The stages, in order. */
  public get stages(): DockerStage[] {
    return [...this.stageList];
  }

  /** Every problem of the file: stage names, duplicate stages, `COPY --from` references, instruction problems. */
  public validate(): string[] {
    const problems: string[] = [];
    const declared = new Set<string>();
    this.stageList.forEach((stage, index) => {
      const where = `stage ${index + 1}${stage.name ? ` (${stage.name})` : ''}`;
      problems.push(...stage.problems.map((p) => `${where}: ${p}`));
      for (const from of stage.copiesFrom) {
        if (declared.has(from)) continue;
        const later = this.stageList.slice(index).some((s) => s.name === from);
        if (later) {
          problems.push(`${where}: COPY --from=${from} names a stage declared below it (stages must be declared before they are copied from)`);
        } else if (!from.includes('/') && !from.includes(':')) {
          problems.push(`${where}: COPY --from=${from} names no stage declared above it and is not an image reference`);
        }
      }
      if (stage.name !== undefined) {
        if (!STAGE_NAME.test(stage.name)) {
          problems.push(`${where}: stage name ${JSON.stringify(stage.name)} must start with a lowercase letter and contain only lowercase letters, digits, '_', '-' and '.'`);
        }
        if (declared.has(stage.name)) {
          problems.push(`${where}: stage name ${JSON.stringify(stage.name)} is declared twice`);
        }
        declared.add(stage.name);
      }
    });
    if (this.stageList.length === 0) problems.push('a Dockerfile needs at least one stage');
    return problems;
  }

  /** The Dockerfile text. Throws listing every problem when `validate()` finds any. */
  public render(): string {
    const problems = this.validate();
    if (problems.length > 0) {
      throw new Error(`Invalid Dockerfile:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    const head = this.syntax ? [`# syntax=${this.syntax}`] : [];
    if (this.header) head.push(...this.header.split('\n').map((l) => (l ? `# ${l}` : '#')));
    return [...(head.length > 0 ? [head.join('\n') + '\n'] : []), ...this.stageList.map((s) => s.render())].join('\n');
  }
}
