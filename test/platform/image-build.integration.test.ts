/**
 * The images built by a real builder (buildah), with no network beyond the loopback: the seed's
 * repo images (FROM scratch) from what examples/main.ts writes, then the platform image, its tool
 * downloads and the curated library served by a loopback HTTP server as stand-in archives laid out
 * like the real releases, and its base image a local busybox image. Both only through the public
 * API's overrides (tool assets, library archive URL, base image, packages).
 *
 * Not part of `npm test` (the file name does not end in .test.ts); run it with
 *   npx jest --testMatch '<rootDir>/test/**\/*.integration.ts' --coverage=false
 * It needs root, buildah and Debian's busybox-static (/bin/busybox); it skips with the reason
 * otherwise, and fails instead when POLICY_PLATFORM_REQUIRE_BUILDAH=1 (CI).
 *
 * buildah runs with vfs storage in a private root and chroot isolation. Chroot isolation has no
 * network namespace, so buildah accepts only `--network host`: the builds reach 127.0.0.1 (the
 * stand-in server) and nothing else is fetched (`--pull=never`, every download is a loopback URL).
 */
import { execFile, execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { writeSeed } from '../../examples/main';
import { buildSeed } from '../../examples/seed';
import { PolicyPlatform, PolicySource, Tool, ToolArchive, Toolchain } from '../../src/platform';
import { IMAGE_CHECKS } from '../../src/platform/workflows';
import { listFiles } from '../support/files';

const BUSYBOX = '/bin/busybox';
const REQUIRED = process.env.POLICY_PLATFORM_REQUIRE_BUILDAH === '1';
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const WRONG_SHA = '0'.repeat(64);

function missing(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (buildah with vfs storage and chroot isolation)';
  try {
    execFileSync('buildah', ['--version'], { stdio: 'pipe' });
  } catch {
    return 'needs buildah (apt-get install -y buildah)';
  }
  if (!fs.existsSync(BUSYBOX)) return `needs ${BUSYBOX} (apt-get install -y busybox-static)`;
  return undefined;
}

const reason = missing();
if (reason && REQUIRED) throw new Error(`POLICY_PLATFORM_REQUIRE_BUILDAH=1 but the image build test cannot run: ${reason}`);
const describeWithBuildah = reason ? (name: string, _fn: () => void) => describe.skip(name, () => test.skip(reason, () => undefined)) : describe;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-'));
const storage = ['--root', path.join(work, 'storage'), '--runroot', path.join(work, 'run'), '--storage-driver', 'vfs'];

/** Runs buildah asynchronously (the stand-in server must keep serving meanwhile). */
function buildah(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('buildah', [...storage, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`buildah ${args.join(' ')} failed:\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

const build = (dir: string, tag: string, extra: string[] = []) =>
  buildah(['bud', '--isolation', 'chroot', '--network', 'host', '--pull=never', '-q', ...extra, '-t', tag, dir]);

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A stand-in binary: a busybox shell script printing its name, version, architecture and arguments. */
function standIn(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `#!/bin/sh\necho "${text}\${*:+ $*}"\n`, { mode: 0o755 });
}

/** A tar.gz of `dir`'s entries, named without a leading `./` as in the real release archives (GNU tar on the host). */
function tarGz(dir: string, out: string): void {
  execFileSync('tar', ['-czf', out, '-C', dir, ...fs.readdirSync(dir).sort()]);
}

interface Served { readonly url: string; readonly sha256: string }

/** Stand-in release assets, laid out like the real ones, under `root`; their URLs on `base`. */
function standInReleases(root: string, base: string): { [key: string]: Served } {
  const out: { [key: string]: Served } = {};
  const serve = (name: string, file: string) => {
    out[name] = { url: `${base}/${path.relative(root, file)}`, sha256: sha256(file) };
  };
  for (const arch of ['amd64', 'arm64']) {
    const staging = path.join(root, 'staging', arch);
    const kyvernoArch = arch === 'amd64' ? 'x86_64' : 'arm64';
    standIn(path.join(staging, 'kyverno', 'kyverno'), `kyverno stand-in 1.13.2 ${arch}`);
    fs.writeFileSync(path.join(staging, 'kyverno', 'LICENSE'), 'stand-in\n');
    tarGz(path.join(staging, 'kyverno'), path.join(root, `kyverno-cli_v1.13.2_linux_${kyvernoArch}.tar.gz`));
    serve(`kyverno-${arch}`, path.join(root, `kyverno-cli_v1.13.2_linux_${kyvernoArch}.tar.gz`));
    standIn(path.join(staging, 'pluto', 'pluto'), `pluto stand-in 5.21.1 ${arch}`);
    tarGz(path.join(staging, 'pluto'), path.join(root, `pluto_5.21.1_linux_${arch}.tar.gz`));
    serve(`pluto-${arch}`, path.join(root, `pluto_5.21.1_linux_${arch}.tar.gz`));
    standIn(path.join(staging, 'helm', `linux-${arch}`, 'helm'), `helm stand-in 3.16.4 ${arch}`);
    tarGz(path.join(staging, 'helm'), path.join(root, `helm-v3.16.4-linux-${arch}.tar.gz`));
    serve(`helm-${arch}`, path.join(root, `helm-v3.16.4-linux-${arch}.tar.gz`));
    standIn(path.join(root, `yq_linux_${arch}`), `yq stand-in 4.44.6 ${arch}`);
    serve(`yq-${arch}`, path.join(root, `yq_linux_${arch}`));
    standIn(path.join(root, `spectral-alpine-${arch}`), `spectral stand-in 6.14.2 ${arch}`);
    serve(`spectral-${arch}`, path.join(root, `spectral-alpine-${arch}`));
  }
  // the curated library: GitHub's archive layout, policies-<commit>/...
  const lib = path.join(root, 'staging', 'library');
  fs.mkdirSync(path.join(lib, `policies-${COMMIT}`, 'best-practices', 'disallow-latest-tag'), { recursive: true });
  fs.writeFileSync(path.join(lib, `policies-${COMMIT}`, 'best-practices', 'disallow-latest-tag', 'disallow-latest-tag.yaml'), 'kind: ClusterPolicy\n');
  fs.writeFileSync(path.join(lib, `policies-${COMMIT}`, 'README.md'), '# stand-in library\n');
  fs.mkdirSync(path.join(root, 'archive'));
  tarGz(lib, path.join(root, 'archive', `${COMMIT}.tar.gz`));
  serve('library', path.join(root, 'archive', `${COMMIT}.tar.gz`));
  return out;
}

/** A loopback HTTP server for the files under `root`. */
function serveFiles(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describeWithBuildah('the seed built by buildah', () => {
  const seedOut = path.join(work, 'seed');
  const releases = path.join(work, 'releases');
  let server: http.Server;
  let assets: { [key: string]: Served };
  let baseImage: string;
  const repoImages = new Map<string, string>();
  const repos = ['backend-applications', 'devops-policy', 'security-policy'];

  /** The seed's platform with the test's overrides, all through the public API. */
  function platform(wrongKyvernoSha = false) {
    const seed = buildSeed();
    const asset = (key: string, pathInArchive?: string) => ({ url: assets[key].url, sha256: assets[key].sha256, pathInArchive });
    const kyvernoAmd64 = asset('kyverno-amd64');
    return new PolicyPlatform(seed.app, 'policy-platform-under-test', {
      platformName: 'policy-platform',
      environments: ['dev', 'prd'],
      image: 'localhost/policy-platform',
      version: '1.0.0',
      licenses: 'Apache-2.0',
      requireDigests: true,
      baseImage,
      sources: [
        ...seed.repos.map((r) => PolicySource.fromRepo(r, { image: repoImages.get(r.repoName) })),
        PolicySource.kyvernoCurated({ commit: COMMIT, sha256: assets.library.sha256, archiveUrl: assets.library.url }),
      ],
      tools: new Toolchain({
        kyverno: Tool.kyvernoCli({ amd64: wrongKyvernoSha ? { ...kyvernoAmd64, sha256: WRONG_SHA } : kyvernoAmd64, arm64: asset('kyverno-arm64') }),
        pluto: Tool.pluto({ amd64: asset('pluto-amd64'), arm64: asset('pluto-arm64') }),
        helm: Tool.helm({ amd64: asset('helm-amd64', 'linux-amd64/helm'), arm64: asset('helm-arm64', 'linux-arm64/helm') }),
        yq: Tool.yq({ amd64: asset('yq-amd64'), arm64: asset('yq-arm64') }),
        spectral: Tool.custom({ name: 'spectral', version: '6.14.2', archive: ToolArchive.BINARY, amd64: asset('spectral-amd64'), arm64: asset('spectral-arm64') }),
        packages: [],
      }),
    });
  }

  beforeAll(async () => {
    fs.mkdirSync(releases, { recursive: true });
    server = await serveFiles(releases);
    assets = standInReleases(releases, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);

    // the base image: busybox (sh, wget, sha256sum, tar, cp, ...) in a FROM scratch image
    const baseDir = path.join(work, 'base');
    fs.mkdirSync(baseDir);
    fs.copyFileSync(BUSYBOX, path.join(baseDir, 'busybox'));
    fs.writeFileSync(path.join(baseDir, 'Dockerfile'), 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && mkdir -m 1777 /tmp"]\n');
    const base = build(baseDir, 'localhost/busybox-base:test');

    // the repo images, from what the example writes, with files the allowlist must keep out
    writeSeed(seedOut);
    const repoBuilds = repos.map(async (name) => {
      const dir = path.join(seedOut, name);
      for (const junk of ['src/index.ts', 'node_modules/x/index.js', 'coverage/lcov.info', 'test-reports/junit.xml', '.git/HEAD']) {
        fs.mkdirSync(path.dirname(path.join(dir, junk)), { recursive: true });
        fs.writeFileSync(path.join(dir, junk), 'not for the image\n');
      }
      await build(dir, `localhost/${name}-repo:test`);
      repoImages.set(name, `localhost/${name}-repo:test@${await digestOf(`localhost/${name}-repo:test`)}`);
    });
    await Promise.all([base, ...repoBuilds]);
    baseImage = `localhost/busybox-base:test@${await digestOf('localhost/busybox-base:test')}`;
  }, 120_000);

  afterAll(async () => {
    server?.close();
    try {
      execFileSync('buildah', [...storage, 'rm', '--all'], { stdio: 'pipe' });
      execFileSync('buildah', [...storage, 'rmi', '--all', '--force'], { stdio: 'pipe' });
    } catch {
      // best effort; the folder goes below
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  async function digestOf(image: string): Promise<string> {
    return (await buildah(['inspect', '--type', 'image', '--format', '{{.FromImageDigest}}', image])).trim();
  }

  test('the platform image: /repos holds each repository\'s allowed files and index.json, every tool runs, the user is not root and cannot write /repos, the labels', async () => {
    const p = platform();
    const dir = path.join(work, 'platform');
    p.synth(dir);
    const dockerfile = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf-8');
    expect(dockerfile).not.toContain('UNVERIFIED');
    await build(dir, 'localhost/policy-platform:test', ['--build-arg', 'REVISION=abc123', '--build-arg', 'CREATED=2026-01-01T00:00:00Z']);

    const ctr = (await buildah(['from', '--pull=never', 'localhost/policy-platform:test'])).trim();
    const run = (cmd: string) => buildah(['run', '--isolation', 'chroot', '--network', 'host', ctr, '--', 'sh', '-c', cmd]);
    const root = (await buildah(['mount', ctr])).trim();

    // each repository: exactly the files the allowlist lets through
    for (const name of repos) {
      const expected = listFiles(path.join(seedOut, name)).filter((f) => /^(charts|cd|rendered|tests)\//.test(f) || f === '.spectral.yaml' || f === 'README.md');
      expect({ name, files: listFiles(path.join(root, 'repos', name)) }).toEqual({ name, files: expected });
      for (const f of expected) expect(fs.readFileSync(path.join(root, 'repos', name, f), 'utf-8')).toBe(fs.readFileSync(path.join(seedOut, name, f), 'utf-8'));
    }
    expect(listFiles(path.join(root, 'repos', 'kyverno-policies'))).toEqual(['README.md', 'best-practices/disallow-latest-tag/disallow-latest-tag.yaml']);
    const index = JSON.parse(fs.readFileSync(path.join(root, 'repos', 'index.json'), 'utf-8'));
    expect(index).toEqual(p.index());
    const digest = (r: string) => repoImages.get(r)!.split('@')[1];
    expect(index.sources.map((s: any) => `${s.name}@${s.digest ?? s.commit}`)).toEqual([
      `backend-applications@${digest('backend-applications')}`, `devops-policy@${digest('devops-policy')}`, `kyverno-policies@${COMMIT}`, `security-policy@${digest('security-policy')}`,
    ]);

    // every tool on PATH runs (the stand-ins print their name, version and the architecture picked)
    expect((await run('kyverno; pluto; spectral; helm; yq')).trim().split('\n')).toEqual([
      'kyverno stand-in 1.13.2 amd64', 'pluto stand-in 5.21.1 amd64', 'spectral stand-in 6.14.2 amd64', 'helm stand-in 3.16.4 amd64', 'yq stand-in 4.44.6 amd64',
    ]);
    // the checks the workflow runs inside the image: each loop reaches what it must
    expect(await run(IMAGE_CHECKS['kyverno test'])).toBe(''); // the seed's repos have no tests/ suites
    expect((await run(IMAGE_CHECKS['pluto detect-files'])).trim().split('\n')).toEqual(repos.map((r) => `pluto stand-in 5.21.1 amd64 detect-files -d /repos/${r}/rendered/ -o wide`));
    expect((await run(IMAGE_CHECKS['spectral lint'])).trim().split('\n')).toEqual(['dev', 'prd'].flatMap((env) => [
      `/repos/backend-applications/charts/backend-applications/values.yaml + cd/${env}:`,
      `spectral stand-in 6.14.2 amd64 lint --fail-severity=error --ruleset /repos/backend-applications/.spectral.yaml /tmp/values-${env}.yaml`,
    ]));
    expect((await run('id -u; id -g; pwd')).trim().split('\n')).toEqual(['10001', '10001', '/repos']);
    expect((await run('touch /repos/x 2>/dev/null && echo written || echo refused; touch /repos/security-policy/x 2>/dev/null && echo written || echo refused')).trim().split('\n')).toEqual(['refused', 'refused']);

    const config = JSON.parse(await buildah(['inspect', '--type', 'image', 'localhost/policy-platform:test']));
    const labels = config.OCIv1.config.Labels;
    expect(labels).toEqual(expect.objectContaining({
      'org.opencontainers.image.title': 'policy-platform',
      'org.opencontainers.image.description': 'Kyverno policies of 4 source(s) and the pinned tools that check them',
      'org.opencontainers.image.version': '1.0.0',
      'org.opencontainers.image.revision': 'abc123',
      'org.opencontainers.image.source': 'unknown',
      'org.opencontainers.image.licenses': 'Apache-2.0',
      'org.opencontainers.image.created': '2026-01-01T00:00:00Z',
      'org.opencontainers.image.base.name': 'localhost/busybox-base:test',
      'org.opencontainers.image.base.digest': baseImage.split('@')[1],
    }));
    expect(config.OCIv1.config.User).toBe('10001:10001');
    await buildah(['umount', ctr]);
    await buildah(['rm', ctr]);
  }, 120_000);

  test('TARGETARCH=arm64 installs the arm64 assets', async () => {
    const dir = path.join(work, 'platform-arm64');
    platform().synth(dir);
    // only the toolchain stage: the stand-ins are scripts, so the amd64 host runs the arm64 picks
    await build(dir, 'localhost/policy-platform-toolchain:arm64', ['--target', 'toolchain', '--build-arg', 'TARGETARCH=arm64']);
    const ctr = (await buildah(['from', '--pull=never', 'localhost/policy-platform-toolchain:arm64'])).trim();
    const out = await buildah(['run', '--isolation', 'chroot', '--network', 'host', ctr, '--', 'sh', '-c', 'cd /opt/tools/bin && for t in *; do ./$t; done']);
    expect(out.trim().split('\n')).toEqual(['helm stand-in 3.16.4 arm64', 'kyverno stand-in 1.13.2 arm64', 'pluto stand-in 5.21.1 arm64', 'spectral stand-in 6.14.2 arm64', 'yq stand-in 4.44.6 arm64']);
    await buildah(['rm', ctr]);
  }, 60_000);

  test('a wrong sha256 fails the build', async () => {
    const dir = path.join(work, 'platform-wrong-sha');
    platform(true).synth(dir);
    // the tool with the wrong checksum is the first the toolchain stage downloads: building that stage is enough
    const failure = build(dir, 'localhost/policy-platform:wrong-sha', ['--target', 'toolchain']);
    await expect(failure).rejects.toThrow(/sha256sum: WARNING: 1 of 1 computed checksums did NOT match/);
    await expect(failure).rejects.toThrow(`kyverno-cli_v1.13.2_linux_x86_64.tar.gz' sha256='${WRONG_SHA}'`);
  }, 60_000);
});
