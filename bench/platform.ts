/**
 * Benchmark of PolicyPlatform: 10 code-defined repositories (50 policies each, 4 environments) plus
 * an image-only source and Kyverno's curated library, aggregated by one platform. Prints wall time,
 * CPU time, peak RSS, and the ratio of the platform's synthFiles() to its floor: rendering every
 * repository in every environment and stringifying the documents (work the platform cannot avoid),
 * measured in the same run.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { peakRssMb, Stopwatch } from './support';
import { toYamlDocuments } from '../src/core/yaml';
import { ClusterPolicy, FailureAction } from '../src/kyverno';
import { PolicyPlatform, PolicySource } from '../src/platform';
import { PolicyRepo, PolicySet } from '../src/repo';

const REPOS = 10;
const POLICIES = 50;
const ENVIRONMENTS = ['dev', 'qac', 'stg', 'prd'];

function buildRepo(app: App, r: number): PolicyRepo {
  const repo = new PolicyRepo(app, `team-${r}-policy`, {
    environments: ENVIRONMENTS,
    image: { registry: 'europe-west6-docker.pkg.dev/ops/charts', repository: `team-${r}-policy-repo`, tag: 'main' },
  });
  const set = new PolicySet(repo, `team-${r}-policy`, {
    version: '1.0.0',
    defaults: {
      failureAction: FailureAction.AUDIT,
      environments: { stg: { failureAction: FailureAction.ENFORCE }, prd: { failureAction: FailureAction.ENFORCE } },
    },
  });
  for (let p = 0; p < POLICIES; p++) {
    new ClusterPolicy(set, `team-${r}-policy-${p}`, {
      title: `Policy ${p} of team ${r}`,
      rules: [{
        name: 'check-limits',
        match: { any: [{ resources: { kinds: ['Deployment', 'StatefulSet', 'DaemonSet'] } }] },
        validate: {
          message: `Limits are required for {{ request.object.metadata.name }} (policy ${p}).`,
          pattern: { spec: { template: { spec: { containers: [{ resources: { limits: { memory: '?*', cpu: '?*' } } }] } } } },
        },
      }],
    });
  }
  return repo;
}

export async function run(): Promise<void> {
  (global as any).gc?.();
  const total = new Stopwatch();
  const app = new App();
  const repos = Array.from({ length: REPOS }, (_x, r) => buildRepo(app, r));
  const platform = new PolicyPlatform(app, 'policy-platform', {
    environments: ENVIRONMENTS,
    sources: [
      ...repos.map((r) => PolicySource.fromRepo(r)),
      PolicySource.fromImage({ repoName: 'other-team', image: 'europe-west6-docker.pkg.dev/ops/charts/other-team-repo', digest: `sha256:${'0'.repeat(64)}`, policies: ['other-policy'] }),
      PolicySource.kyvernoCurated({ commit: 'f1f43cac5e9a8a7e9c86765449f351785fe259be', sha256: '0'.repeat(64) }),
    ],
  });
  const built = total.wallMs();

  const synth = new Stopwatch();
  const files = platform.synthFiles();
  const ours = synth.wallMs();
  const oursCpu = synth.cpuMs();
  const wall = total.wallMs();
  const wallCpu = total.cpuMs();
  const peakMb = peakRssMb();

  // the floor: every repository rendered in every environment, stringified
  const floorTimer = new Stopwatch();
  let floorBytes = 0;
  for (const env of ENVIRONMENTS) floorBytes += toYamlDocuments(repos.flatMap((r) => r.render(env))).length;
  const floor = floorTimer.wallMs();
  const floorCpu = floorTimer.cpuMs();

  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-platform-'));
  const writeTimer = new Stopwatch();
  platform.synth(outdir);
  const write = writeTimer.wallMs();
  fs.rmSync(outdir, { recursive: true, force: true });

  const bytes = files.reduce((n, f) => n + f.content.length, 0);
  const lines = [
    `sources: ${REPOS} repos x ${POLICIES} policies x ${ENVIRONMENTS.length} environments, + 1 image-only source, + Kyverno curated`,
    `platform files: ${files.length} (${(bytes / 1e6).toFixed(1)} MB)`,
    `construct tree: ${built.toFixed(0)} ms`,
    `platform.synthFiles() (validation, conflicts, Dockerfile, index, rendered/<env>/all.yaml): ${ours.toFixed(0)} ms (CPU ${oursCpu.toFixed(0)} ms)`,
    `wall time: ${wall.toFixed(0)} ms, CPU ${wallCpu.toFixed(0)} ms (load average ${os.loadavg()[0].toFixed(1)})`,
    `platform.synth(outdir) again, including the disk writes: ${write.toFixed(0)} ms`,
    `peak RSS: ${peakMb.toFixed(0)} MB`,
    `floor (render every repo in every environment + stringify, ${(floorBytes / 1e6).toFixed(1)} MB): ${floor.toFixed(0)} ms (CPU ${floorCpu.toFixed(0)} ms)`,
    `ratio synthFiles / floor: ${(ours / floor).toFixed(2)} wall, ${(oursCpu / floorCpu).toFixed(2)} CPU`,
  ];
  process.stdout.write(lines.map((l) => `  ${l}\n`).join(''));
}

if (require.main === module) void run();
