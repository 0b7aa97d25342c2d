import { IConstruct } from 'constructs';

/**
 * Thrown when a construct tree has problems; lists every problem, each prefixed with its construct path.
 */
export class TreeValidationError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Validation failed with ${problems.length} error(s); nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TreeValidationError';
  }
}

/**
 * Runs every validation registered in the subtree (constructs' `node.addValidation`) and returns
 * the problems as `<construct path>: <message>`. Messages that already start with the path are kept.
 * @internal
 */
export function collectProblems(root: IConstruct): string[] {
  const problems: string[] = [];
  for (const c of root.node.findAll()) {
    for (const message of c.node.validate()) {
      const p = c.node.path || '<root>';
      problems.push(message.startsWith(p) ? message : `${p}: ${message}`);
    }
  }
  return problems;
}

/**
 * Validates the whole subtree and throws one error listing every problem. Writers call it before
 * they compute or write any file.
 * @internal
 */
export function validateTree(root: IConstruct): void {
  const problems = collectProblems(root);
  if (problems.length > 0) {
    throw new TreeValidationError(problems);
  }
}
