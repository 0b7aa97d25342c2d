/**
 * How a Toolchain becomes Dockerfile stages: internal to the platform (the Dockerfile model is not
 * part of the public API).
 */
import { SPECTRAL_PACKAGE_JSON, SPECTRAL_PACKAGE_LOCK } from './spectral-lock';
import { Tool, ToolArch, ToolArchive, ToolAsset } from './tool';
import { Toolchain } from './toolchain';
import { SynthFile } from '../core/synth-file';
import { Dockerfile, DockerStage } from '../docker';

/** Files the build context needs (the Spectral lockfile), relative to the platform folder. */
export function toolchainContextFiles(tools: Toolchain): SynthFile[] {
  if (!tools.usesNpm) return [];
  return [
    { path: 'spectral/package.json', content: JSON.stringify(SPECTRAL_PACKAGE_JSON, null, 2) + '\n' },
    { path: 'spectral/package-lock.json', content: JSON.stringify(SPECTRAL_PACKAGE_LOCK, null, 2) + '\n' },
  ];
}

/**
 * Writes the `toolchain` stage (downloads, checks, unpacks) on `baseImage`, and the `spectral`
 * stage on `nodeImage` when a tool comes from npm.
 */
export function addToolchainStages(tools: Toolchain, file: Dockerfile, baseImage: string, nodeImage: string): void {
  const stage = file.addStage({ from: baseImage, name: 'toolchain', comment: 'Pinned tools: each download selected by TARGETARCH and checked against its sha256, apart from the final image' });
  // BuildKit and buildah set TARGETARCH. No default on the ARG: a declared default would override
  // their automatic value (docker/buildx#510, buildah#4556); the RUN falls back to amd64 instead,
  // for a builder that sets none.
  stage.arg('TARGETARCH');
  for (const t of tools.tools) {
    if (t.archive !== ToolArchive.NPM_LOCKFILE) download(stage, t);
  }
  if (tools.usesNpm) {
    const npm = file.addStage({ from: nodeImage, name: 'spectral', comment: 'Spectral CLI from npm: `npm ci` installs exactly spectral/package-lock.json and checks every package against its sha512 integrity' });
    npm.workdir(Toolchain.SPECTRAL_DIR);
    npm.copy({ sources: ['spectral/package.json', 'spectral/package-lock.json'], destination: `${Toolchain.SPECTRAL_DIR}/` });
    npm.run([
      'npm ci --omit=dev --ignore-scripts --no-audit --no-fund',
      'npm cache clean --force',
      `mkdir -p ${Toolchain.SPECTRAL_DIR}/bin`,
      `printf '#!/bin/sh\\nexec node ${Toolchain.SPECTRAL_DIR}/node_modules/@stoplight/spectral-cli/dist/index.js "$@"\\n' > ${Toolchain.SPECTRAL_DIR}/bin/spectral`,
      `chmod 0755 ${Toolchain.SPECTRAL_DIR}/bin/spectral`,
    ]);
  }
}

/** Writes the final stage's copies of the installed tools. */
export function copyToolchainInto(tools: Toolchain, final: DockerStage): void {
  final.copy({ from: 'toolchain', sources: [`${Toolchain.BIN_DIR}/`], destination: '/usr/local/bin/' });
  if (tools.usesNpm) {
    final.copy({ from: 'spectral', sources: ['/usr/local/bin/node'], destination: '/usr/local/bin/node' });
    final.copy({ from: 'spectral', sources: [`${Toolchain.SPECTRAL_DIR}/`], destination: `${Toolchain.SPECTRAL_DIR}/` });
    final.copy({ from: 'spectral', sources: [`${Toolchain.SPECTRAL_DIR}/bin/spectral`], destination: '/usr/local/bin/spectral' });
  }
}

/** One `RUN` per tool: pick the asset for TARGETARCH, download, check, unpack, install. */
function download(stage: DockerStage, t: Tool): void {
  const dir = `/tmp/tools/${t.name}`;
  const file = `${dir}/${t.archive === ToolArchive.TAR_GZ ? `${t.name}.tar.gz` : t.name}`;
  const assets = Object.entries(t.assets) as Array<[string, ToolAsset]>;
  stage.comment(t.verified
    ? `${t.name} ${t.version}: sha256 pinned for ${assets.map(([a]) => a).join(', ')}`
    : `UNVERIFIED: ${t.name} ${t.version} is downloaded without a checksum for ${assets.filter(([, a]) => !a.sha256).map(([a]) => a).join(', ')} (named in unverifiedTools)`);
  const branches = assets.map(([arch, a]) => {
    const path = a.pathInArchive ?? t.name;
    return `${arch}) url='${a.url}' sha256='${a.sha256 ?? ''}' member='${path}' ;;`;
  });
  const archs = assets.map(([a]) => a).join(', ');
  const commands = [
    `case "\${TARGETARCH:-${ToolArch.AMD64}}" in ${branches.join(' ')} *) echo "${t.name} ${t.version}: no download for TARGETARCH=$TARGETARCH (pinned: ${archs})" >&2; exit 1 ;; esac`,
    `mkdir -p ${dir} ${Toolchain.BIN_DIR}`,
    `wget -q -O ${file} "$url"`,
    t.verified
      ? `echo "$sha256  ${file}" | sha256sum -c -`
      : `if [ -n "$sha256" ]; then echo "$sha256  ${file}" | sha256sum -c -; else echo "WARNING: ${t.name} ${t.version} is not verified" >&2; fi`,
  ];
  if (t.archive === ToolArchive.TAR_GZ) {
    commands.push(`tar -xzf ${file} -C ${dir} "$member"`, `cp "${dir}/$member" ${Toolchain.BIN_DIR}/${t.name}`);
  } else {
    commands.push(`cp ${file} ${Toolchain.BIN_DIR}/${t.name}`);
  }
  commands.push(`chmod 0755 ${Toolchain.BIN_DIR}/${t.name}`, `rm -rf ${dir}`);
  stage.run(commands);
}
