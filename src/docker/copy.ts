/**
 * Options of a COPY instruction.
 * @see https://docs.docker.com/reference/dockerfile/#copy
 */
export interface CopyProps {
  /**
   * Source paths (relative to the build context, or to the root of the `from` stage).
   */
  readonly sources: string[];

  /**
   * Destination path in this stage.
   */
  readonly destination: string;

  /**
   * Name of an earlier stage (or an image) to copy from; it must be declared above this instruction.
   * @default - the build context
   */
  readonly from?: string;

  /**
   * Owner of the copied files (`user:group` or numeric ids).
   * @default - root
   */
  readonly chown?: string;

  /**
   * Mode of the copied files, in octal (e.g. `0444`).
   * @default - the source modes
   */
  readonly chmod?: string;
}

/**
 * Options of an ADD instruction that downloads a remote file.
 * @see https://docs.docker.com/reference/dockerfile/#add
 */
export interface AddProps {
  /**
   * The https URL (or git URL) to download.
   */
  readonly source: string;

  /**
   * Destination path in this stage.
   */
  readonly destination: string;

  /**
   * Expected sha256 of the downloaded file (64 hex characters); the build fails on a mismatch.
   * @default - not verified
   */
  readonly sha256?: string;

  /**
   * Owner of the added files.
   * @default - root
   */
  readonly chown?: string;

  /**
   * Mode of the added file, in octal (e.g. `0755`).
   * @default - 0600 for downloads
   */
  readonly chmod?: string;

  /**
   * Keep the `.git` directory when adding a git repository.
   * @default false
   */
  readonly keepGitDir?: boolean;
}
