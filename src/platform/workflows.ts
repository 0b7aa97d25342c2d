/**
 * The generated GitHub Actions workflows. Internal module. Supply-chain practice: every action
 * pinned by commit SHA (the tag in a comment), no permission at the top level and the least each
 * job needs, images built for linux/amd64 and linux/arm64 and pushed by digest, the platform image
 * signed keyless with cosign (the job's OIDC token) with its SBOM attached as an attestation.
 */
import { GENERATED_NOTICE } from '../core/generated-notice';
import { toYaml } from '../core/yaml';

/** Registry host of an image name (`europe-west6-docker.pkg.dev/ops/x` → `europe-west6-docker.pkg.dev`), or docker.io. */
export function registryOf(imageName: string): string {
  const first = imageName.split('/')[0];
  return imageName.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : 'docker.io';
}

/**
 * The actions the workflows use, pinned by the commit of the tag in the comment (each SHA checked
 * against published workflows pinning the same tag).
 */
export const ACTIONS = {
  checkout: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', // v4.2.2
  setupQemu: 'docker/setup-qemu-action@29109295f81e9208d7d86ff1c6c12d2833863392', // v3.6.0
  setupBuildx: 'docker/setup-buildx-action@b5ca514318bd6ebac0fb2aedd5d36ec1b5c232a2', // v3.10.0
  login: 'docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772', // v3.4.0
  buildPush: 'docker/build-push-action@471d1dc4e07e5cdedd4c2171150001c434f0b7a4', // v6.15.0
  cosignInstaller: 'sigstore/cosign-installer@d7d6bc7722e3daa8354c50bcb52f4837da5e9b6a', // v3.8.1
  sbom: 'anchore/sbom-action@f325610c9f50a54015d37c8d16cb3b0e2c8f4de0', // v0.18.0
};

const TAGS: { [uses: string]: string } = {
  [ACTIONS.checkout]: 'v4.2.2',
  [ACTIONS.setupQemu]: 'v3.6.0',
  [ACTIONS.setupBuildx]: 'v3.10.0',
  [ACTIONS.login]: 'v3.4.0',
  [ACTIONS.buildPush]: 'v6.15.0',
  [ACTIONS.cosignInstaller]: 'v3.8.1',
  [ACTIONS.sbom]: 'v0.18.0',
};

/** The platforms every image is built for. */
export const PLATFORMS = 'linux/amd64,linux/arm64';

const HEADER = `# ${GENERATED_NOTICE}\n`;

/** YAML of a workflow, with each pinned action's tag as a trailing comment. */
function render(workflow: any): string {
  const text = toYaml(workflow).split('\n').map((line) => {
    const m = /^(\s*(?:- )?uses: )(\S+)$/.exec(line);
    return m && TAGS[m[2]] ? `${line} # ${TAGS[m[2]]}` : line;
  });
  return HEADER + text.join('\n');
}

function isGhcr(registry: string): boolean {
  return registry === 'ghcr.io';
}

/** Registry permissions a job needs (GHCR authenticates with the job token; other registries with secrets). */
function registryPermissions(imageName: string, write: boolean): { [scope: string]: string } {
  return isGhcr(registryOf(imageName)) ? { packages: write ? 'write' : 'read' } : {};
}

/** Login to the image's own registry only (never docker.io unless the image lives there). */
function loginStep(imageName: string): any {
  const registry = registryOf(imageName);
  return {
    name: `Log in to ${registry}`,
    uses: ACTIONS.login,
    with: isGhcr(registry)
      ? { registry, username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' }
      : { registry, username: '${{ secrets.REGISTRY_USERNAME }}', password: '${{ secrets.REGISTRY_PASSWORD }}' },
  };
}

const CHECKOUT = { uses: ACTIONS.checkout, with: { 'persist-credentials': false } };

/** Commit time of HEAD, for the `created` label (reproducible, unlike the build time). */
const CREATED_STEP = { name: 'Commit time', id: 'meta', run: 'echo "created=$(git log -1 --format=%cI)" >> "$GITHUB_OUTPUT"' };

/**
 * The workflow of a policy repo: build its `FROM scratch` image for both platforms and, from the
 * branch, push it by digest and tag that digest `:<sha>` and `:<branch>`.
 */
export function repoImageWorkflow(repoName: string, imageName: string, branch: string): string {
  const push = `github.event_name == 'push' && github.ref == 'refs/heads/${branch}'`;
  const workflow = {
    name: `${repoName} image`,
    on: { push: { branches: [branch] }, pull_request: {}, workflow_dispatch: {} },
    permissions: {},
    env: { IMAGE: imageName },
    jobs: {
      image: {
        'runs-on': 'ubuntu-24.04',
        'permissions': { contents: 'read', ...registryPermissions(imageName, true) },
        'steps': [
          CHECKOUT,
          { uses: ACTIONS.setupBuildx },
          { ...loginStep(imageName), if: push },
          {
            name: 'Build (and push by digest)',
            id: 'build',
            uses: ACTIONS.buildPush,
            with: {
              context: '.',
              platforms: PLATFORMS,
              outputs: `type=image,name=\${{ env.IMAGE }},push-by-digest=true,name-canonical=true,push=\${{ ${push} }}`,
              labels: 'org.opencontainers.image.source=${{ github.server_url }}/${{ github.repository }}\norg.opencontainers.image.revision=${{ github.sha }}',
            },
          },
          {
            name: 'Tag the pushed digest',
            if: push,
            env: { DIGEST: '${{ steps.build.outputs.digest }}' },
            run: [
              `docker buildx imagetools create --tag "$IMAGE:$GITHUB_SHA" --tag "$IMAGE:${branch}" "$IMAGE@$DIGEST"`,
              'echo "Pushed $IMAGE@$DIGEST (pin this digest in the platform)" >> "$GITHUB_STEP_SUMMARY"',
            ].join('\n'),
          },
        ],
      },
    },
  };
  return render(workflow);
}

/** What the platform workflow needs to know. */
export interface PlatformWorkflowOptions {
  readonly platformName: string;
  readonly image: string;
  readonly branch: string;
  readonly version: string;
}

/**
 * The checks the platform image runs over itself: `kyverno test` of each repo's suites, `pluto
 * detect-files` of each rendered folder, and `spectral lint` of each chart's values merged per
 * environment the way Helm layers them (chart values.yaml, cd/values.yaml, cd/<env>/values.yaml;
 * `yq` deep merge), for every repo that ships a `.spectral.yaml`.
 */
export const IMAGE_CHECKS: { [name: string]: string } = {
  'kyverno test': 'for d in /repos/*/tests/; do if [ -d "$d" ]; then kyverno test "$d"; fi; done',
  'pluto detect-files': 'for d in /repos/*/rendered/; do if [ -d "$d" ]; then pluto detect-files -d "$d" -o wide; fi; done',
  'spectral lint': 'tmp="${TMPDIR:-/tmp}"; for repo in /repos/*/; do if [ ! -f "${repo}.spectral.yaml" ]; then continue; fi; '
    + 'for chart in "${repo}"charts/*/; do for envdir in "${repo}"cd/*/; do env="$(basename "$envdir")"; '
    + 'yq eval-all ". as \\$item ireduce ({}; . * \\$item)" "${chart}values.yaml" "${repo}cd/values.yaml" "${envdir}values.yaml" > "$tmp/values-$env.yaml"; '
    + 'echo "${chart}values.yaml + cd/$env:"; spectral lint --fail-severity=error --ruleset "${repo}.spectral.yaml" "$tmp/values-$env.yaml"; done; done; done',
};

/**
 * The workflow of the platform: `check` builds the image (linux/amd64, loaded locally) and runs
 * the checks inside it, without network; on the branch, `publish` builds both platforms, pushes
 * by digest, tags that digest, signs it keyless with cosign and attaches its SPDX SBOM.
 */
export function platformWorkflow(o: PlatformWorkflowOptions): string {
  const local = `${o.platformName}-check:\${{ github.sha }}`;
  const buildArgs = `VERSION=${o.version}\nREVISION=\${{ github.sha }}\nSOURCE=\${{ github.server_url }}/\${{ github.repository }}\nCREATED=\${{ steps.meta.outputs.created }}`;
  const push = `github.event_name == 'push' && github.ref == 'refs/heads/${o.branch}'`;
  const checks = Object.entries(IMAGE_CHECKS).map(([name, script]) => ({
    name,
    run: `docker run --rm --network none ${local} sh -ec '${script}'`,
  }));
  const ref = '"$IMAGE@$DIGEST"';
  const workflow = {
    name: o.platformName,
    on: { push: { branches: [o.branch] }, pull_request: {}, workflow_dispatch: {} },
    permissions: {},
    env: { IMAGE: o.image },
    jobs: {
      check: {
        'runs-on': 'ubuntu-24.04',
        'permissions': { contents: 'read', ...registryPermissions(o.image, false) },
        'steps': [
          CHECKOUT,
          CREATED_STEP,
          { uses: ACTIONS.setupBuildx },
          // the repo images are read from the platform's registry
          loginStep(o.image),
          {
            name: 'Build the platform image (linux/amd64)',
            uses: ACTIONS.buildPush,
            with: { 'context': '.', 'load': true, 'tags': local, 'build-args': buildArgs },
          },
          ...checks,
        ],
      },
      publish: {
        'needs': 'check',
        'if': push,
        'runs-on': 'ubuntu-24.04',
        // id-token: the OIDC token cosign signs with (keyless); nothing else beyond reading the repo
        'permissions': { 'contents': 'read', 'id-token': 'write', ...registryPermissions(o.image, true) },
        'outputs': { digest: '${{ steps.build.outputs.digest }}' },
        'steps': [
          CHECKOUT,
          CREATED_STEP,
          { uses: ACTIONS.setupQemu },
          { uses: ACTIONS.setupBuildx },
          loginStep(o.image),
          {
            name: 'Build linux/amd64 and linux/arm64, push by digest',
            id: 'build',
            uses: ACTIONS.buildPush,
            with: {
              'context': '.',
              'platforms': PLATFORMS,
              'build-args': buildArgs,
              'outputs': 'type=image,name=${{ env.IMAGE }},push-by-digest=true,name-canonical=true,push=true',
            },
          },
          {
            name: 'Tag the pushed digest',
            env: { DIGEST: '${{ steps.build.outputs.digest }}' },
            run: `docker buildx imagetools create --tag "$IMAGE:$GITHUB_SHA" --tag "$IMAGE:${o.branch}" ${ref}`,
          },
          { uses: ACTIONS.cosignInstaller },
          {
            name: 'Sign the image (keyless, the workflow\'s OIDC identity)',
            env: { DIGEST: '${{ steps.build.outputs.digest }}' },
            run: `cosign sign --yes ${ref}`,
          },
          {
            name: 'SBOM',
            uses: ACTIONS.sbom,
            with: { 'image': '${{ env.IMAGE }}@${{ steps.build.outputs.digest }}', 'format': 'spdx-json', 'output-file': 'sbom.spdx.json', 'upload-artifact': false },
          },
          {
            name: 'Attach the SBOM as a signed attestation',
            env: { DIGEST: '${{ steps.build.outputs.digest }}' },
            run: [
              `cosign attest --yes --type spdxjson --predicate sbom.spdx.json ${ref}`,
              'echo "Published $IMAGE@$DIGEST (signed, SBOM attested)" >> "$GITHUB_STEP_SUMMARY"',
            ].join('\n'),
          },
        ],
      },
    },
  };
  return render(workflow);
}
