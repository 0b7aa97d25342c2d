/** Image reference rendering and checks. Internal module. */
import { RepoImage } from './repo-image';

/** An image tag: alphanumerics, '_', '.', '-', at most 128 characters, not starting with '.' or '-'. */
export function isImageTag(tag: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag);
}

/** An image digest: "sha256:" and 64 lowercase hex characters. */
export function isImageDigest(digest: string): boolean {
  return /^sha256:[a-f0-9]{64}$/.test(digest);
}

/** `registry/repository[:tag][@digest]`; `defaultTag` when neither a tag nor a digest is given. */
export function imageReference(image: RepoImage, defaultTag?: string): string {
  const base = `${image.registry.replace(/\/+$/, '')}/${image.repository}`;
  const tag = image.tag ?? (image.digest ? undefined : defaultTag);
  return `${base}${tag ? `:${tag}` : ''}${image.digest ? `@${image.digest}` : ''}`;
}

/** Problems of an image description, each naming the field. */
export function imageProblems(image: RepoImage): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(image.registry ?? '')) {
    problems.push(`image.registry: ${JSON.stringify(image.registry)} is not a registry host with an optional path (lowercase, e.g. "europe-west6-docker.pkg.dev/ops/charts")`);
  }
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(image.repository ?? '')) {
    problems.push(`image.repository: ${JSON.stringify(image.repository)} is not an image repository name (lowercase alphanumerics separated by '.', '_', '-' or '/')`);
  }
  if (image.tag === 'latest') {
    problems.push('image.tag: "latest" is not a pinned tag (a platform could not tell which policies it copies; PolicyPlatform refuses it too): '
      + 'leave the tag out to use the chart version, or give a version, a commit SHA or a digest');
  } else if (image.tag !== undefined && !isImageTag(image.tag)) {
    problems.push(`image.tag: ${JSON.stringify(image.tag)} is not a valid tag (alphanumerics, '_', '.', '-', at most 128 characters, not starting with '.' or '-')`);
  }
  if (image.digest !== undefined && !isImageDigest(image.digest)) {
    problems.push(`image.digest: ${JSON.stringify(image.digest)} is not a digest ("sha256:" and 64 lowercase hex characters)`);
  }
  return problems;
}
