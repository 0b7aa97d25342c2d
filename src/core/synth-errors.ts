/**
 * Errors of the synthesis writer. Both are user errors (the CLI prints them without a stack).
 */

/**
 * Synthesis refused to write because something in the output folder is in the way: files it did
 * not write whose bytes differ, a folder where a file must go, or the output of another repository
 * or platform. Nothing was written.
 */
export class SynthConflictError extends Error {
  /** The paths in the way, relative to the output folder, each with why when it is not a differing file. */
  public readonly paths: string[];

  constructor(message: string, paths: string[]) {
    super(message);
    this.name = 'SynthConflictError';
    this.paths = paths;
  }
}

/**
 * A file-system operation failed while writing the output (full disk, read-only path, ...). The
 * previous output was left as it was (the message says so, or says what could not be restored).
 */
export class SynthIoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthIoError';
  }
}
