/**
 * Independent checks of a rendered Dockerfile, shared by the docker, platform and example tests:
 * dockerfile-ast parses it, dockerfile-utils validation reports nothing, and every `COPY --from`
 * names a stage declared above it.
 */
import { Copy, DockerfileParser, From } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

export interface DockerfileReport {
  readonly diagnostics: string[];
  readonly stages: string[];
  readonly copyFromProblems: string[];
  readonly instructions: string[];
}

export function checkDockerfile(text: string): DockerfileReport {
  const parsed = DockerfileParser.parse(text);
  const diagnostics = validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  const stages: string[] = [];
  const copyFromProblems: string[] = [];
  const instructions: string[] = [];
  for (const instruction of parsed.getInstructions()) {
    instructions.push(instruction.getKeyword());
    if (instruction instanceof From) {
      const stage = instruction.getBuildStage();
      if (stage) stages.push(stage);
    }
    if (instruction instanceof Copy) {
      const from = instruction.getFromFlag()?.getValue();
      if (from && !stages.includes(from)) {
        copyFromProblems.push(`line ${instruction.getRange().start.line + 1}: COPY --from=${from} names no stage declared above`);
      }
    }
  }
  return { diagnostics, stages, copyFromProblems, instructions };
}
