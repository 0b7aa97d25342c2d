/**
 * How the command line tells user errors (bad input: printed once, without a stack trace) from
 * internal errors (a bug: said so, stack with --debug).
 */

/** Bad input a command found (a missing folder, a malformed file). Printed as its message only. */
export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserInputError';
  }
}

/** Errors of the library that describe bad input, by name (classes from other copies of the library too). */
const USER_ERRORS = new Set(['UserInputError', 'TreeValidationError', 'SynthConflictError', 'SynthIoError', 'ValuesLintError']);

/** Whether `e` is bad input rather than a bug. */
export function isUserError(e: unknown): boolean {
  return e instanceof Error && USER_ERRORS.has(e.name);
}

/** Exit code of bad input (and bad usage). */
export const EXIT_USER_ERROR = 2;
/** Exit code of an internal error. */
export const EXIT_INTERNAL_ERROR = 3;

/** The text printed for an error that reached the command line, and its exit code. */
export function errorReport(command: string, e: unknown, debug: boolean): { text: string; code: number } {
  const message = e instanceof Error ? e.message : String(e);
  const stack = debug && e instanceof Error && e.stack ? `\n${e.stack}` : '';
  if (isUserError(e)) return { text: `policy-platform ${command}: ${message}${stack}\n`, code: EXIT_USER_ERROR };
  const hint = debug ? '' : ' (run again with --debug for the stack trace)';
  return {
    text: `policy-platform ${command}: internal error, a bug in cdk8s-policy-platform${hint}: ${message}${stack}\n`,
    code: EXIT_INTERNAL_ERROR,
  };
}
