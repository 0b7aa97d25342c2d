/**
 * The app team's side of the example: `policy-platform apply` of examples/application/ against the
 * platform the example wrote, in each environment, run in process (AdmissionCheck, the text the
 * CLI prints). The worker's `latest` image tag is expected to be admitted with a warning in dev
 * (disallow-latest-tag audits there) and denied in prd (it enforces): that prd denial is the
 * example's point, so it is shown and checked, not a failure of the example.
 */
import * as path from 'path';
import { AdmissionCheck, AdmissionReportFormat } from '../src/enforcement';

/** The application folder. */
export const APPLICATION_DIR = path.join(__dirname, 'application');

/** What the example expects per environment: the resources denied and the ones warned. */
const EXPECTED: { [env: string]: { denied: string[]; warned: string[] } } = {
  dev: { denied: [], warned: ['Deployment orders/orders-worker'] },
  prd: { denied: ['Deployment orders/orders-worker'], warned: [] },
};

/** The outcome of applying the application in every environment of the platform. */
export interface ApplicationChecks {
  /** The printed output, one line each. */
  readonly lines: string[];
  /** True when every environment answered as expected. */
  readonly asExpected: boolean;
}

/** Applies the application folder to `platformDir` in each of `environments` (paths shown relative to the working directory). */
export function applyApplication(platformDir: string, environments: string[]): ApplicationChecks {
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  const lines: string[] = [];
  let asExpected = true;
  for (const env of environments) {
    // files named as given on a command line, relative to where the example runs
    const report = AdmissionCheck.fromPlatformFolder(platformDir, env).checkFiles([rel(APPLICATION_DIR)]);
    const name = (r: { resource: { kind: string; namespace?: string; name: string } }) => `${r.resource.kind} ${r.resource.namespace}/${r.resource.name}`;
    const denied = report.resources.filter((r) => !r.admitted).map(name);
    const warned = report.resources.filter((r) => r.admitted && r.findings.some((f) => f.outcome === 'warned')).map(name);
    const want = EXPECTED[env] ?? { denied: [], warned: [] };
    const ok = JSON.stringify(denied) === JSON.stringify(want.denied) && JSON.stringify(warned) === JSON.stringify(want.warned);
    asExpected = asExpected && ok;
    lines.push(`$ policy-platform apply ${rel(APPLICATION_DIR)} --platform ${rel(platformDir)} --env ${env}   # exit ${report.admitted ? 0 : 1}`);
    lines.push(...AdmissionReportFormat.text(report).trimEnd().split('\n').map((l) => (l ? `  ${l}` : '')));
    lines.push(ok
      ? `  (as expected in ${env}: ${want.denied.length > 0 ? `${want.denied.join(', ')} denied` : `${want.warned.join(', ')} admitted with a warning`})`
      : `  UNEXPECTED in ${env}: denied ${JSON.stringify(denied)} (expected ${JSON.stringify(want.denied)}), warned ${JSON.stringify(warned)} (expected ${JSON.stringify(want.warned)})`);
  }
  return { lines, asExpected };
}
