/**
 * A cdk8s validation plugin: `cdk8s synth` checks the synthesized manifests against the policies a
 * platform enforces in an environment, reports each denial (and warning) with the construct path of
 * the offending resource, and fails on denials. Follows cdk8s-cli's contract
 * (lib/plugins/validation.d.ts): a class constructed with the `properties` of `cdk8s.yaml`, whose
 * `validate(context)` adds violations to `context.report` and submits it.
 *
 * @example
 * // cdk8s.yaml
 * // validations:
 * //   - package: ./node_modules/cdk8s-policy-platform
 * //     version: 0.0.0
 * //     class: AdmissionValidation
 * //     properties: { platform: ../policy-platform, environment: prd }
 * @see https://cdk8s.io/docs/latest/cli/synth/#validation-plugins
 */
import * as path from 'path';
import { AdmissionCheck } from './admission-check';
import { AdmissionFinding, AdmissionOutcome, AdmissionReport } from './admission-report';

/** The `properties` of the plugin in `cdk8s.yaml`. */
export interface AdmissionValidationProps {
  /**
   * The platform folder (what PolicyPlatform synthesizes, or a copy of the image's `/repos`),
   * relative to the folder `cdk8s synth` runs in.
   * @default - `policies` must be given
   */
  readonly platform?: string;
  /** The environment whose policies apply (with `platform`). @default - required with `platform` */
  readonly environment?: string;
  /** Kyverno policy files or folders instead of a platform. @default - none */
  readonly policies?: string[];
  /** Audit warnings fail the synth too. @default false */
  readonly auditFail?: boolean;
  /** Rules and policy sources the offline engine cannot evaluate fail the synth. @default false */
  readonly strict?: boolean;
  /** Labels per namespace, for namespaceSelectors and failure action overrides. @default - none */
  readonly namespaceLabels?: { [namespace: string]: { [key: string]: string } };
  /** Namespace of namespaced resources without one. @default "default" */
  readonly defaultNamespace?: string;
}

/**
 * The cdk8s validation plugin of the platform's admission answer (class name for `cdk8s.yaml`:
 * `AdmissionValidation`).
 */
export class AdmissionValidation {
  private readonly props: AdmissionValidationProps;

  constructor(props: AdmissionValidationProps) {
    const p = props ?? {};
    if (!p.platform && (!p.policies || p.policies.length === 0)) {
      throw new Error('AdmissionValidation: properties need "platform" (a platform folder) and "environment", or "policies" (Kyverno policy files)');
    }
    if (p.platform && !p.environment) {
      throw new Error(`AdmissionValidation: properties.platform is ${JSON.stringify(p.platform)} but "environment" is missing (e.g. environment: prd)`);
    }
    this.props = p;
  }

  /**
   * Checks `context.manifests` and submits `context.report`: a violation per failing policy rule
   * naming each offending resource (cdk8s adds its construct path), failure when a resource is denied.
   * @param context cdk8s-cli's ValidationContext
   */
  public async validate(context: any): Promise<void> {
    const options = { namespaceLabels: this.props.namespaceLabels, defaultNamespace: this.props.defaultNamespace };
    const check = this.props.platform
      ? AdmissionCheck.fromPlatformFolder(path.resolve(this.props.platform), this.props.environment!, options)
      : AdmissionCheck.fromPolicyFiles(this.props.policies!.map((p) => path.resolve(p)), options);
    const manifests: string[] = [...(context.manifests ?? [])];
    const report = check.checkFiles(manifests);
    const env = report.environment ? ` in ${report.environment}` : '';
    const groups = new Map<string, AdmissionFinding[]>();
    const reported = (f: AdmissionFinding) => f.outcome === AdmissionOutcome.DENIED || f.outcome === AdmissionOutcome.WARNED
      || (f.outcome === AdmissionOutcome.UNSUPPORTED && this.props.strict === true);
    for (const r of report.resources) {
      for (const f of r.findings.filter(reported)) {
        const key = `${f.policy}/${f.rule}: ${describe(f)}${env}`;
        groups.set(key, [...(groups.get(key) ?? []), f]);
      }
    }
    for (const [ruleName, findings] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      context.report.addViolation({
        ruleName,
        recommendation: findings[0].message ?? `${findings[0].policy}/${findings[0].rule}`,
        fix: findings[0].outcome === AdmissionOutcome.UNSUPPORTED
          ? 'The offline engine cannot evaluate this rule; check it in a cluster, or run without strict.'
          : `Change the resource to satisfy policy ${findings[0].policy} (rule ${findings[0].rule}), or ask the platform team for a PolicyException.`,
        violatingResources: findings.map((f) => ({
          resourceName: f.resource.name,
          locations: [`${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}: ${f.message ?? ''}`],
          manifestPath: f.origin.file,
        })),
      });
    }
    for (const n of report.notEvaluated) context.logger?.log?.(`policy-platform: not evaluated: ${n}`);
    const failed = !report.admitted
      || (this.props.auditFail === true && report.warnings.length > 0)
      || (this.props.strict === true && report.counts.unsupported > 0);
    context.report.submit(failed ? 'failure' : 'success', metadata(report));
  }
}

function describe(f: AdmissionFinding): string {
  switch (f.outcome) {
    case AdmissionOutcome.DENIED: return `denied (${f.action})`;
    case AdmissionOutcome.WARNED: return `admitted with a warning (${f.action})`;
    default: return 'not evaluated offline';
  }
}

function metadata(report: AdmissionReport): { [k: string]: string } {
  return {
    environment: report.environment ?? '(policy files)',
    policies: String(report.policyCount),
    resources: String(report.counts.resources),
    denied: String(report.counts.denied),
    warnings: String(report.counts.warned),
    unsupported: String(report.counts.unsupported),
  };
}
