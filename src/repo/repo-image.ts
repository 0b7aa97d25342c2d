/**
 * Where a policy repository's OCI image is pushed (the seed builds each repository as a
 * `FROM scratch` image that the policy-platform image copies from).
 */
export interface RepoImage {
  /** Registry and path prefix, e.g. `europe-west6-docker.pkg.dev/ops/charts`. */
  readonly registry: string;
  /** Repository name in the registry, e.g. `security-policy-repo`. */
  readonly repository: string;
  /**
   * Tag. `latest` is refused: a platform copying the image could not tell which policies it gets.
   * @default - the chart version of the repository's PolicySet (unless a digest is given); a
   * repository with several PolicySets needs a tag or a digest
   */
  readonly tag?: string;
  /**
   * Content digest (`sha256:` and 64 hex characters); pins the image.
   * @default - none
   */
  readonly digest?: string;
}
