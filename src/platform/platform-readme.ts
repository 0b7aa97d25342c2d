/** The README of the platform folder: what the image contains, how it is pinned and built. Internal module. */
import { PolicySource, PolicySourceKind } from './policy-source';
import { Tool, ToolArchive } from './tool';
import { GENERATED_NOTICE } from '../core/generated-notice';

/** What the README describes. */
export interface PlatformReadmeFacts {
  readonly platformName: string;
  readonly image: string;
  readonly baseImage: string;
  readonly nodeImage?: string;
  readonly userId: number;
  readonly strict: boolean;
  readonly tools: Tool[];
  readonly sources: PolicySource[];
  readonly unverified: string[];
  /** Exception references that name no known policy while some sources' policies are not known. */
  readonly unchecked: string[];
  /** The sources whose policies are not known. */
  readonly unknownSources: string[];
}

function toolRow(t: Tool): string {
  if (t.archive === ToolArchive.NPM_LOCKFILE) {
    return `| ${t.name} | ${t.version} | npm \`@stoplight/spectral-cli\`, \`npm ci\` over \`spectral/package-lock.json\` | npm integrity of every package (\`${t.integrity}\` for the CLI) |`;
  }
  const assets = Object.entries(t.assets).map(([arch, a]) => `${arch}: ${a.url}`).join('<br>');
  const sums = Object.entries(t.assets).map(([arch, a]) => `${arch}: ${a.sha256 ? `\`${a.sha256}\`` : '**UNVERIFIED**'}`).join('<br>');
  return `| ${t.name} | ${t.version} | ${assets} | ${sums} |`;
}

function sourceRow(s: PolicySource): string {
  if (s.kind === PolicySourceKind.GIT) {
    return `| ${s.repoName} | archive of commit \`${s.gitRef}\` (${s.gitUrl}) | ${s.sha256 ? `sha256 \`${s.sha256}\`` : '**UNVERIFIED** (no sha256)'} |`;
  }
  if (s.kind === PolicySourceKind.DIRECTORY && s.image === undefined) {
    return `| ${s.repoName} | folder \`${s.directory}\` of the build context (a synthesized repository) | every file checked against the sha256 recorded at its synthesis |`;
  }
  return `| ${s.repoName} | image \`${s.image}\` | ${s.imageDigest ? 'pinned by digest' : 'by tag (pin a digest for strict mode)'} |`;
}

/** The README text. */
export function platformReadme(f: PlatformReadmeFacts): string {
  const lines = [
    `# ${f.platformName}`,
    '',
    `<!-- ${GENERATED_NOTICE} -->`,
    '',
    `The policy-platform image \`${f.image}\`: every policy repository under \`/repos/<name>/\`, their`,
    'provenance in `/repos/index.json`, and the pinned tools that check them on `PATH`. It runs as',
    `uid/gid ${f.userId} (not root), which cannot write \`/repos\`.`,
    '',
  ];
  if (f.unverified.length > 0) {
    lines.push('**Unverified downloads** (explicit opt-outs; strict mode refuses them):', '', ...f.unverified.map((u) => `- ${u}`), '');
  }
  if (f.unchecked.length > 0) {
    lines.push(
      `**Unchecked exception references**: they name no policy of a known source, and the policies of ${f.unknownSources.join(', ')} are not known`,
      '(declare them with `policies` in `PolicySource.fromImage`); Kyverno exempts nothing for a policy that does not exist:',
      '',
      ...f.unchecked.map((u) => `- ${u}`),
      '',
    );
  }
  lines.push(
    '## Tools',
    '',
    '| tool | version | download | verification |',
    '| --- | --- | --- | --- |',
    ...f.tools.map(toolRow),
    '',
    'Each download is selected by the build\'s `TARGETARCH` (amd64, arm64) and checked with',
    '`sha256sum -c` before it is unpacked, in a `toolchain` stage the final image only copies binaries from.',
    '',
    '## Sources',
    '',
    '| repository | from | pin |',
    '| --- | --- | --- |',
    ...f.sources.map(sourceRow),
    '',
    '## Images the build reads',
    '',
    `- base: \`${f.baseImage}\``,
    ...(f.nodeImage ? [`- node (Spectral install; its \`node\` binary is copied): \`${f.nodeImage}\``] : []),
    '',
    `Strict mode (\`requireDigests\`) is ${f.strict ? 'on: every image above is pinned by digest and no download is unverified' : 'off'}.`,
    '',
    '## Build',
    '',
    '```bash',
    'docker buildx build --platform linux/amd64,linux/arm64 \\',
    '  --build-arg REVISION="$(git rev-parse HEAD)" --build-arg CREATED="$(git log -1 --format=%cI)" .',
    '# or, without a daemon:',
    'buildah build --platform linux/amd64 --build-arg REVISION="$(git rev-parse HEAD)" .',
    '```',
    '',
    '## Updating a pin',
    '',
    'Change the version in the platform\'s code together with the new release\'s sha256 for amd64 and',
    'arm64 (from the project\'s checksums file), e.g. `Tool.helm({ version, amd64: { url, sha256 }, arm64: { url, sha256 } })`;',
    'a changed version without checksums is refused. Image digests: `docker buildx imagetools inspect <image:tag>`.',
    '',
  );
  return lines.join('\n');
}
