/**
 * The output formats of an admission check (`policy-platform apply --output ...`).
 */
import { AdmissionReport } from './admission-report';
import { renderJunit } from './output/junit';
import { policyReports, policyReportsPerResource } from './output/policy-report';
import { sarifLog } from './output/sarif';
import { renderTable } from './output/table';

/** Options of the formats that distinguish Audit warnings. */
export interface AdmissionFormatOptions {
  /** Audit warnings count as failures (JUnit failures, SARIF errors), as with `--audit-fail`. @default false */
  readonly auditFail?: boolean;
  /** The `timestamp.seconds` of PolicyReport results. @default - $SOURCE_DATE_EPOCH, else now */
  readonly timestampSeconds?: number;
  /**
   * PolicyReports per resource, each with the resource as `scope` (how Kyverno's reports controller
   * keeps them in a cluster), instead of one per namespace.
   * @default false
   */
  readonly reportPerResource?: boolean;
  /** The tool version written to SARIF. @default - this package's version */
  readonly toolVersion?: string;
}

/** Renders an AdmissionReport. */
export class AdmissionReportFormat {
  /** A table per resource (policy, rule, action, message) of denials, warnings, mutations and unsupported rules, then a summary. */
  public static text(report: AdmissionReport): string {
    return renderTable(report);
  }

  /** The report as indented JSON. */
  public static json(report: AdmissionReport): string {
    return JSON.stringify(report, null, 2) + '\n';
  }

  /** JUnit XML: a testsuite per resource, a testcase per rule result. */
  public static junit(report: AdmissionReport, options?: AdmissionFormatOptions): string {
    return renderJunit(report, options?.auditFail ?? false);
  }

  /** A SARIF 2.1.0 log (as an object): denials, warnings and unsupported rules located in the manifests. */
  public static sarif(report: AdmissionReport, options?: AdmissionFormatOptions): any {
    return sarifLog(report, options?.auditFail ?? false, options?.toolVersion ?? packageVersion());
  }

  /**
   * wgpolicyk8s.io/v1alpha2 PolicyReport objects (one per namespace) and a ClusterPolicyReport
   * (cluster-scoped resources), as Kyverno writes their results; or one per resource with `scope`.
   * @see https://kyverno.io/docs/policy-reports/
   */
  public static policyReports(report: AdmissionReport, options?: AdmissionFormatOptions): any[] {
    const seconds = options?.timestampSeconds ?? defaultTimestamp();
    return options?.reportPerResource ? policyReportsPerResource(report, seconds) : policyReports(report, seconds);
  }

  private constructor() {}
}

function defaultTimestamp(): number {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isInteger(epoch) && epoch >= 0 && process.env.SOURCE_DATE_EPOCH !== '' ? epoch : Math.floor(Date.now() / 1000);
}

function packageVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return String(require('../../package.json').version);
  } catch {
    return '0.0.0';
  }
}
