/**
 * Whether a written justification says something. Internal module, not exported from index.
 */

/** Words that fill a field without explaining anything. */
const PLACEHOLDER_WORDS = new Set([
  'todo', 'tbd', 'tba', 'fixme', 'xxx', 'n/a', 'na', 'none', 'null', 'nil', 'temp', 'temporary', 'placeholder',
  'test', 'testing', 'reason', 'exception', 'because', 'needed', 'required', 'whatever', 'asdf', 'foo', 'bar', 'later', 'wip',
  '-', '.', '...', '?', 'tmp', 'dummy', 'fix', 'later.',
]);

export const MIN_REASON_LENGTH = 20;

/** Why `reason` is not a justification (undefined when it is). */
export function reasonProblem(reason: unknown): string | undefined {
  if (typeof reason !== 'string' || reason.trim().length === 0) {
    return 'a reason is required (why the exception is safe, who approved it, until when)';
  }
  const text = reason.trim();
  const words = text.toLowerCase().split(/\s+/).map((w) => w.replace(/^[^a-z0-9/]+|[^a-z0-9/]+$/g, '')).filter((w) => w.length > 0);
  if (words.length === 0 || words.every((w) => PLACEHOLDER_WORDS.has(w))) {
    return `"${text}" is a placeholder, not a reason (say why the exception is safe, who approved it, until when)`;
  }
  if (text.length < MIN_REASON_LENGTH || new Set(words).size < 3) {
    return `"${text}" is too short to justify an exception (at least ${MIN_REASON_LENGTH} characters and three distinct words)`;
  }
  return undefined;
}
