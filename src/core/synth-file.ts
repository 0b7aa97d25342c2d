/**
 * One file of synthesized output: a path relative to the output root and its full text.
 *
 * Every writer (the plain `synth(outdir)` writer and the projen components) only writes what a
 * list of `SynthFile`s says, so no writer needs to know how a chart or repository is laid out.
 */
export interface SynthFile {
  /**
   * Path relative to the output root, with forward slashes (e.g. `charts/security/Chart.yaml`).
   */
  readonly path: string;

  /**
   * The complete file content.
   */
  readonly content: string;
}

/**
 * A construct that contributes files to the repository it lives in (tests suites, rulesets, ...).
 *
 * A `PolicyRepo` collects the files of every contributor in its subtree.
 */
export interface IFileContributor {
  /**
   * The files this construct writes, relative to the repository root.
   */
  synthFiles(): SynthFile[];
}

/** Whether a construct implements `IFileContributor` (duck-typed: jsii interfaces have no runtime form). */
export function isFileContributor(x: unknown): x is IFileContributor {
  return typeof x === 'object' && x !== null && typeof (x as any).synthFiles === 'function';
}
