/** One problem of an input file. @internal */
export interface InputProblem {
  /** The file, when not the error's own (a ruleset this one extends). */
  readonly file?: string;
  readonly line?: number;
  readonly message: string;
}

/**
 * A problem with the input of `policy-platform lint` (a malformed `.spectral.yaml` or values file,
 * an unknown environment): every line reads `file:line: what is wrong`, never a stack trace.
 * Not exported from the package (jsii classes cannot extend Error); callers print `message`.
 * @internal
 */
export class ValuesLintError extends Error {
  constructor(
    public readonly file: string,
    public readonly problems: InputProblem[],
  ) {
    super(problems.map((p) => `${p.file ?? file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`).join('\n'));
    this.name = 'ValuesLintError';
  }
}
