/**
 * `policy-platform apply <manifests>... --platform <dir> --env <env>`: the answer the admission
 * controller of an environment gives to an app's manifests (what `kyverno apply` does in the
 * platform image, with the environment's failure actions): Enforce failures deny (exit 1), Audit
 * failures warn (exit 0 unless --audit-fail), rules the engine cannot evaluate are listed
 * (exit 1 with --strict). Exit 2 on usage and input errors.
 */
import * as fs from 'fs';
import { parseYamlDocuments, toYamlDocuments } from '../../core/yaml';
import { AdmissionCheck, AdmissionReport, AdmissionReportFormat } from '../../enforcement';
import { AdmissionCheckOptions } from '../../enforcement/admission-check';
import { EnforcementInputError, readManifests } from '../../enforcement/manifest-reader';
import { summaryLines } from '../../enforcement/output/table';
import { usageError } from '../command-args';

const USAGE = `Usage: policy-platform apply <manifest>... --platform <dir> --env <env> [options]
       policy-platform apply <manifest>... --policies <file|dir> [--policies ...] [options]

Checks Kubernetes manifests (files, folders, '-' for stdin; multi-document YAML, JSON, List
objects) against the policies an environment enforces, and answers as its admission controller:
a failing rule whose failure action is Enforce denies the resource; Audit failures are warnings.

Policies:
  --platform <dir>            a platform folder (what PolicyPlatform synthesizes) or the image's /repos
  --env <env>                 the environment whose rendered policies apply (with --platform)
  --policies <file|dir>       any Kyverno policies instead of a platform (repeatable)
  -e, --exception <file|dir>  PolicyException manifests in force (repeatable)

Request context (as kyverno apply):
  -f, --values, --values-file <file>  a Values file (globalValues, policies[].rules[].values,
                              policies[].resources[].values, namespaceSelector)
  -s, --set <key=value,...>   variables for every rule (repeatable)
  -u, --userinfo <file>       a UserInfo file (userInfo.username/groups, roles, clusterRoles)
  --namespace-labels <namespace>:<key>=<value>[,<key>=<value>...]
                              labels of a namespace, for namespaceSelectors (repeatable)
  -n, --namespace <ns>        namespace of namespaced resources without one (default: default)

Outcome:
  --audit-fail                Audit failures fail too
  --strict                    rules or policy sources the offline engine cannot evaluate fail
  -o, --output <format>       table (default), json, junit, sarif or policy-report
                              (wgpolicyk8s.io/v1alpha2 PolicyReport per namespace, ClusterPolicyReport;
                              result timestamps: $SOURCE_DATE_EPOCH, else now)
  --report-per-resource       policy-report: one report per resource, its scope the resource (as
                              Kyverno keeps reports in a cluster)
  -h, --help                  show this help

Exit codes: 0 admitted, 1 denied (or warnings with --audit-fail, unsupported with --strict),
2 usage or input error (malformed manifest, unknown environment, missing platform index).`;

const FORMATS = ['table', 'json', 'junit', 'sarif', 'policy-report'];
const FLAGS = ['--audit-fail', '--strict', '--report-per-resource'];
const VALUES: { [name: string]: string[] } = {
  platform: ['--platform'],
  env: ['--env', '--environment'],
  policies: ['--policies', '--policy'],
  exception: ['--exception', '--exceptions', '-e'],
  values: ['--values', '--values-file', '-f'],
  set: ['--set', '-s'],
  userinfo: ['--userinfo', '-u'],
  namespaceLabels: ['--namespace-labels'],
  namespace: ['--namespace', '-n'],
  output: ['--output', '-o'],
};

interface ApplyArgs {
  readonly manifests: string[];
  readonly flags: Set<string>;
  readonly values: Map<string, string[]>;
}

function parse(args: string[]): ApplyArgs | number {
  const spellings = new Map<string, string>();
  for (const [name, names] of Object.entries(VALUES)) for (const n of names) spellings.set(n, name);
  const parsed: ApplyArgs = { manifests: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const option = eq > 0 ? a.slice(0, eq) : a;
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (FLAGS.includes(a)) {
      parsed.flags.add(a);
    } else if (spellings.has(option)) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return usageError('apply', USAGE, `${a} needs a value`);
      const name = spellings.get(option)!;
      parsed.values.set(name, [...(parsed.values.get(name) ?? []), value]);
    } else if (a !== '-' && a.startsWith('-')) {
      return usageError('apply', USAGE, `unknown option '${a}'`);
    } else {
      parsed.manifests.push(a);
    }
  }
  return parsed;
}

function last(a: ApplyArgs, name: string): string | undefined {
  const v = a.values.get(name);
  return v ? v[v.length - 1] : undefined;
}

function readYamlFile(file: string, what: string): any {
  if (!fs.existsSync(file)) throw new EnforcementInputError(`${what} ${file}: no such file`);
  const docs = parseYamlDocuments(fs.readFileSync(file, 'utf8'), file);
  if (docs.length === 0 || typeof docs[0] !== 'object') throw new EnforcementInputError(`${what} ${file}: expected a YAML mapping`);
  return docs[0];
}

/** `--namespace-labels team-a:env=prd,tier=web` → { 'team-a': { env: 'prd', tier: 'web' } }. */
function namespaceLabels(specs: string[]): { [ns: string]: { [k: string]: string } } | string {
  const out: { [ns: string]: { [k: string]: string } } = {};
  for (const spec of specs) {
    const colon = spec.indexOf(':');
    if (colon <= 0) return `--namespace-labels ${JSON.stringify(spec)}: expected <namespace>:<key>=<value>[,<key>=<value>...]`;
    const labels = (out[spec.slice(0, colon)] ??= {});
    for (const pair of spec.slice(colon + 1).split(',').filter((p) => p !== '')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) return `--namespace-labels ${JSON.stringify(spec)}: label ${JSON.stringify(pair)} is not <key>=<value>`;
      labels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return out;
}

function variables(specs: string[]): { [k: string]: string } | string {
  const out: { [k: string]: string } = {};
  for (const pair of specs.flatMap((s) => s.split(',')).filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return `--set ${JSON.stringify(pair)}: expected <key>=<value>`;
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

export async function run(args: string[]): Promise<number> {
  const a = parse(args);
  if (typeof a === 'number') return a;
  const platform = last(a, 'platform');
  const env = last(a, 'env');
  const policyPaths = a.values.get('policies') ?? [];
  const output = last(a, 'output') ?? 'table';
  if (a.manifests.length === 0) return usageError('apply', USAGE, "no manifest given (files, folders or '-' for stdin)");
  if (!FORMATS.includes(output)) return usageError('apply', USAGE, `--output ${JSON.stringify(output)}: expected one of ${FORMATS.join(', ')}`);
  if (platform && policyPaths.length > 0) return usageError('apply', USAGE, '--platform and --policies exclude each other');
  if (!platform && policyPaths.length === 0) return usageError('apply', USAGE, 'give --platform <dir> --env <env>, or --policies <file|dir>');
  if (platform && !env) return usageError('apply', USAGE, '--env is required with --platform (e.g. --env prd)');
  if (!platform && env) return usageError('apply', USAGE, '--env applies to --platform only');
  const labels = namespaceLabels(a.values.get('namespaceLabels') ?? []);
  if (typeof labels === 'string') return usageError('apply', USAGE, labels);
  const vars = variables(a.values.get('set') ?? []);
  if (typeof vars === 'string') return usageError('apply', USAGE, vars);
  const auditFail = a.flags.has('--audit-fail');
  const strict = a.flags.has('--strict');

  let report: AdmissionReport;
  try {
    const valuesFile = last(a, 'values');
    const userInfoFile = last(a, 'userinfo');
    const exceptionPaths = a.values.get('exception') ?? [];
    const options: AdmissionCheckOptions = {
      values: valuesFile ? readYamlFile(valuesFile, 'values file') : undefined,
      userInfo: userInfoFile ? readYamlFile(userInfoFile, 'userinfo file') : undefined,
      variables: vars,
      namespaceLabels: labels,
      exceptions: exceptionPaths.length > 0 ? [...readManifests(exceptionPaths)].map((m) => m.object).filter((o) => o.kind === 'PolicyException') : undefined,
      defaultNamespace: last(a, 'namespace') ?? 'default',
    };
    const check = platform
      ? AdmissionCheck.fromPlatformFolder(platform, env!, options)
      : AdmissionCheck.fromPolicyFiles(policyPaths, options);
    if (check.policyCount === 0 && check.notEvaluated.length === 0) {
      throw new EnforcementInputError(`no Kyverno policy found in ${platform ? `${platform} (environment ${env})` : policyPaths.join(', ')}`);
    }
    report = check.checkFiles(a.manifests);
  } catch (e) {
    if (e instanceof EnforcementInputError) {
      process.stderr.write(`policy-platform apply: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const formatOptions = { auditFail, reportPerResource: a.flags.has('--report-per-resource') };
  switch (output) {
    case 'json': process.stdout.write(AdmissionReportFormat.json(report)); break;
    case 'junit': process.stdout.write(AdmissionReportFormat.junit(report, formatOptions)); break;
    case 'sarif': process.stdout.write(JSON.stringify(AdmissionReportFormat.sarif(report, formatOptions), null, 2) + '\n'); break;
    case 'policy-report': process.stdout.write(toYamlDocuments(AdmissionReportFormat.policyReports(report, formatOptions))); break;
    default: process.stdout.write(AdmissionReportFormat.text(report));
  }
  const failed = !report.admitted || (auditFail && report.warnings.length > 0) || (strict && report.counts.unsupported > 0);
  const verdict = !report.admitted ? 'DENIED' : failed ? `FAILED (${auditFail && report.warnings.length > 0 ? '--audit-fail: Audit warnings' : '--strict: unsupported rules or sources'})` : 'admitted';
  if (output !== 'table') process.stderr.write(summaryLines(report).map((l) => `${l}\n`).join(''));
  (output === 'table' ? process.stdout : process.stderr).write(`result: ${verdict}\n`);
  return failed ? 1 : 0;
}
