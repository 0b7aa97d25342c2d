/**
 * Benchmark of `policy-platform apply`: 10,000 resources (Deployments, Pods, Services, ConfigMaps
 * and Ingresses, a tenth of the workloads violating a policy) checked against the example
 * platform's prd policies, read from one multi-document YAML file as the CLI reads it. Prints
 * resources per second, wall and CPU time, peak RSS, and the ratio to only parsing the same YAML
 * (the floor: reading and parsing every document, measured in the same run).
 * Targets: under 5 s wall and 600 MB peak RSS (run alone: `npm run bench -- apply`, since peak RSS
 * is the process's).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { peakRssMb, Stopwatch } from './support';
import { buildSeed } from '../examples/seed';
import { toYaml } from '../src/core/yaml';
import { AdmissionCheck, AdmissionReportFormat } from '../src/enforcement';
import { readManifests } from '../src/enforcement/manifest-reader';

const RESOURCES = 10000;
const KINDS = ['Deployment', 'Pod', 'Service', 'ConfigMap', 'Ingress'];

function container(i: number): any {
  return {
    name: 'app',
    image: i % 10 === 0 ? `registry.example.com/team/app-${i}:latest` : `registry.example.com/team/app-${i}:1.${i % 7}.0`,
    ports: [{ containerPort: 8080 }],
    readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  };
}

/** The i-th generated resource. */
export function resource(i: number): any {
  const name = `app-${i}`;
  const namespace = `team-${i % 20}`;
  const labels = { app: name, environment: 'prd', team: `team-${i % 20}` };
  const metadata = { name, namespace, labels, annotations: { owner: `team-${i % 20}`, contact: 'ops@example.com' } };
  switch (KINDS[i % KINDS.length]) {
    case 'Deployment':
      return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [container(i)] } } } };
    case 'Pod':
      return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [container(i)] } };
    case 'Service':
      return { apiVersion: 'v1', kind: 'Service', metadata, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] } };
    case 'ConfigMap':
      return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { LOG_LEVEL: 'info', FEATURES: 'a,b,c', CONFIG: 'key: value\nother: 1\n' } };
    default:
      return {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata,
        spec: { rules: [{ host: `${name}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: 80 } } } }] } }] },
      };
  }
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-apply-'));
  const { platform } = buildSeed();
  platform.synth(path.join(dir, 'platform'));
  const file = path.join(dir, 'manifests.yaml');
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < RESOURCES; i++) fs.writeSync(fd, `---\n${toYaml(resource(i))}`);
  fs.closeSync(fd);
  const bytes = fs.statSync(file).size;
  (global as any).gc?.();

  // the floor: read and parse every document, nothing else
  const floorTimer = new Stopwatch();
  let parsed = 0;
  for (const _m of readManifests([file])) parsed++;
  const floor = floorTimer.wallMs();
  const floorCpu = floorTimer.cpuMs();
  (global as any).gc?.();

  const applyTimer = new Stopwatch();
  const check = AdmissionCheck.fromPlatformFolder(path.join(dir, 'platform'), 'prd');
  const report = check.checkFiles([file]);
  const checked = applyTimer.wallMs();
  const text = AdmissionReportFormat.text(report);
  const wall = applyTimer.wallMs();
  const cpu = applyTimer.cpuMs();
  const peakMb = peakRssMb();
  fs.rmSync(dir, { recursive: true, force: true });

  const lines = [
    `input: ${RESOURCES} resources (${KINDS.join(', ')}), ${(bytes / 1e6).toFixed(1)} MB of YAML; ${check.policyCount} policies of the example platform's prd`,
    `answer: ${report.counts.denied} denials on ${report.resources.filter((r) => !r.admitted).length} resources, ${report.counts.passed} passes, ${report.counts.unsupported} unsupported (${text.length} characters of table)`,
    `apply (load policies, read, evaluate, table): ${wall.toFixed(0)} ms wall (evaluation done at ${checked.toFixed(0)} ms), CPU ${cpu.toFixed(0)} ms (load average ${os.loadavg()[0].toFixed(1)})`,
    `throughput: ${Math.round(RESOURCES / (wall / 1000))} resources/s wall, ${Math.round(RESOURCES / (cpu / 1000))} resources per CPU-second (an idle machine's wall rate)`,
    `peak RSS: ${peakMb.toFixed(0)} MB (process peak so far)`,
    `floor (read + parse ${parsed} documents only): ${floor.toFixed(0)} ms (CPU ${floorCpu.toFixed(0)} ms)`,
    `ratio apply / parse: ${(wall / floor).toFixed(2)} wall, ${(cpu / floorCpu).toFixed(2)} CPU`,
    `targets: < 5000 ms wall ${wall < 5000 ? 'met' : `MISSED (CPU ${cpu < 5000 ? 'under' : 'over'} 5000 ms: ${cpu < 5000 ? 'the machine is shared' : 'too slow'})`}, < 600 MB ${peakMb < 600 ? 'met' : 'MISSED'}`,
  ];
  process.stdout.write(lines.map((l) => `  ${l}\n`).join(''));
}

if (require.main === module) void run();
