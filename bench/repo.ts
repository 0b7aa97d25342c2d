/**
 * Benchmark of PolicyRepo: synthesize and render 10 repositories x 100 policies x 5 environments.
 * Prints wall time, peak RSS, and the ratio of our synth+render time to the floor: the time the
 * `yaml` library alone takes to stringify the same output documents, measured in the same run.
 * Targets: under 3 s, under 400 MB, ratio under 3.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { peakRssMb, Stopwatch } from './support';
import { toYaml } from '../src/core/yaml';
import { ClusterPolicy, ConditionOperator, FailureAction, Severity } from '../src/kyverno';
import { PolicyRepo, PolicySet } from '../src/repo';

const REPOS = 10;
const POLICIES = 100;
const ENVIRONMENTS = ['dev', 'qac', 'stg', 'prd', 'dr'];
const SEVERITIES = [Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL];

function buildRepo(app: App, r: number): PolicyRepo {
  const repo = new PolicyRepo(app, `team-${r}-policy`, {
    environments: ENVIRONMENTS,
    image: { registry: 'europe-west6-docker.pkg.dev/ops/charts', repository: `team-${r}-policy-repo`, tag: 'main' },
  });
  const sets = [0, 1].map((s) => new PolicySet(repo, `team-${r}-set-${s}`, {
    version: `1.${s}.0`,
    defaults: { excludedNamespaces: ['kube-system'], environments: { dev: { failureAction: FailureAction.AUDIT }, qac: { failureAction: FailureAction.AUDIT } } },
  }));
  for (let p = 0; p < POLICIES; p++) {
    const set = sets[p % 2];
    const policy = new ClusterPolicy(set, `team-${r}-policy-${p}`, {
      title: `Policy ${p}: "quoted" # not a comment`,
      category: 'Best Practices',
      severity: SEVERITIES[p % 4],
      failureAction: FailureAction.ENFORCE,
      rules: [
        {
          name: 'check-limits',
          match: { any: [{ resources: { kinds: ['Deployment', 'StatefulSet', 'DaemonSet'] } }] },
          validate: {
            message: `Container limits are required for {{ request.object.metadata.name }} in {{ request.namespace }} (policy ${p}).`,
            pattern: { spec: { template: { spec: { containers: [{ name: '*', resources: { limits: { memory: '?*', cpu: '?*' } } }] } } } },
          },
        },
        {
          name: 'deny-latest',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          exclude: { any: [{ resources: { namespaces: ['ci-*'] } }] },
          validate: {
            message: 'Übergröße: the tag "latest" is not allowed: {{ request.object.spec.containers[?ends_with(image, `:latest`)].name }}',
            deny: { conditions: { any: [{ key: '{{ request.object.spec.containers[].image }}', operator: ConditionOperator.ANY_IN, value: ['*:latest'] }] } },
          },
        },
      ],
    });
    if (p % 10 === 0) set.configure(policy, { environments: { prd: { excludedNamespaces: ['legacy'] }, dr: { enabled: false } } });
    if (p % 7 === 0) set.configure(policy, { background: false, environments: { dev: { enabled: false } } });
  }
  return repo;
}

export async function run(): Promise<void> {
  (global as any).gc?.();
  const total = new Stopwatch();
  const app = new App();
  const repos = Array.from({ length: REPOS }, (_x, r) => buildRepo(app, r));
  const built = total.wallMs();

  const synth = new Stopwatch();
  let files = 0;
  let bytes = 0;
  const renders: any[][] = [];
  for (const repo of repos) {
    for (const f of repo.synthFiles()) {
      files++;
      bytes += f.content.length;
    }
    for (const env of ENVIRONMENTS) renders.push(repo.render(env));
  }
  const ours = synth.wallMs();
  const oursCpu = synth.cpuMs();
  const wall = total.wallMs();
  const wallCpu = total.cpuMs();
  const peakMb = peakRssMb();

  // the floor: `yaml` alone stringifying the same documents (each template's manifest once, each
  // environment's rendered documents)
  const templates = repos.flatMap((repo) => repo.policySets.flatMap((s) => s.policies.map((p) => p.toJson())));
  const floorTimer = new Stopwatch();
  let floorBytes = 0;
  for (const t of templates) floorBytes += toYaml(t).length;
  for (const docs of renders) for (const d of docs) floorBytes += toYaml(d).length;
  const floor = floorTimer.wallMs();
  const floorCpu = floorTimer.cpuMs();
  const load = os.loadavg()[0];

  // writing to disk is reported apart: it measures the file system, not the library
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-repo-'));
  const writeTimer = new Stopwatch();
  for (const repo of repos) repo.synth(path.join(outdir, repo.repoName));
  const write = writeTimer.wallMs();
  fs.rmSync(outdir, { recursive: true, force: true });

  const documents = renders.reduce((n, r) => n + r.length, 0);
  const lines = [
    `repos x policies x environments: ${REPOS} x ${POLICIES} x ${ENVIRONMENTS.length}`,
    `files: ${files} (${(bytes / 1e6).toFixed(1)} MB), rendered documents: ${documents}`,
    `construct tree: ${built.toFixed(0)} ms`,
    `synth + render: ${ours.toFixed(0)} ms (CPU ${oursCpu.toFixed(0)} ms)`,
    `wall time: ${wall.toFixed(0)} ms, CPU ${wallCpu.toFixed(0)} ms (target < 3000; load average ${load.toFixed(1)})`,
    `repo.synth(outdir) of the 10 repositories (again, including the disk writes): ${write.toFixed(0)} ms`,
    `peak RSS: ${peakMb.toFixed(0)} MB (target < 400)`,
    `floor (yaml.stringify of the same ${templates.length + documents} documents, ${(floorBytes / 1e6).toFixed(1)} MB): ${floor.toFixed(0)} ms (CPU ${floorCpu.toFixed(0)} ms)`,
    `ratio synth+render / floor: ${(ours / floor).toFixed(2)} wall, ${(oursCpu / floorCpu).toFixed(2)} CPU (target < 3)`,
  ];
  process.stdout.write(lines.map((l) => `  ${l}\n`).join(''));
}

if (require.main === module) void run();
