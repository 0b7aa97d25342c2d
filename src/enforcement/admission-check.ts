/**
 * `AdmissionCheck`: the answer the admission controller of an environment gives to an app's
 * manifests, in code (jest: "this chart is admitted in prd") and behind `policy-platform apply`
 * and the cdk8s validation plugin.
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { AdmissionEvaluator } from './admission-evaluator';
import { AdmissionCounts, AdmissionFinding, AdmissionOutcome, AdmissionReport, ResourceAdmission } from './admission-report';
import { ManifestObject, manifestObjects, readManifests } from './manifest-reader';
import { LoadedPolicies, loadPlatform, loadPlatformFolder, loadPolicyFiles, classifyPolicyDocuments } from './platform-policies';
import { AdmissionRequestProps, RequestContext } from './request-context';
import { PolicyPlatform } from '../platform/policy-platform';

/** Options of a check. */
export interface AdmissionCheckOptions extends AdmissionRequestProps {
  /**
   * Namespace given to namespaced built-in resources that have none (as `kubectl apply -n`).
   * @default "default"
   */
  readonly defaultNamespace?: string;
}

/**
 * Checks manifests against the policies an environment enforces and answers as its admission
 * controller would: a failing rule whose failure action is Enforce denies the resource, Audit
 * failures are warnings, what the offline engine cannot evaluate is listed as unsupported.
 *
 * @example
 * const check = AdmissionCheck.fromPlatformFolder('out/policy-platform', 'prd');
 * const report = check.checkChart(chart);
 * expect(report.denials).toEqual([]);
 */
export class AdmissionCheck {
  /**
   * The policies of `environment` in a folder `PolicyPlatform.synth()` wrote (`index.json`,
   * `rendered/<env>/all.yaml`) or in the platform image's `/repos`.
   * Throws when the folder has no `index.json` or the environment is unknown.
   */
  public static fromPlatformFolder(dir: string, environment: string, options?: AdmissionCheckOptions): AdmissionCheck {
    return new AdmissionCheck(loadPlatformFolder(dir, environment), options ?? {});
  }

  /** The policies a PolicyPlatform construct renders for `environment`. */
  public static fromPlatform(platform: PolicyPlatform, environment: string, options?: AdmissionCheckOptions): AdmissionCheck {
    return new AdmissionCheck(loadPlatform(platform, environment), options ?? {});
  }

  /** Kyverno policy (and PolicyException) files or folders. */
  public static fromPolicyFiles(paths: string[], options?: AdmissionCheckOptions): AdmissionCheck {
    return new AdmissionCheck(loadPolicyFiles(paths), options ?? {});
  }

  /** Kyverno policy (and PolicyException) manifests given as objects. */
  public static fromPolicies(policies: any[], options?: AdmissionCheckOptions): AdmissionCheck {
    return new AdmissionCheck(classifyPolicyDocuments(policies.map((object) => ({ object, where: 'given policies' }))), options ?? {});
  }

  /** The environment checked against. @default - policies given directly */
  public readonly environment?: string;
  /** The number of policies evaluated. */
  public readonly policyCount: number;
  /** What is not evaluated (sources not rendered per environment, policy kinds), with why. */
  public readonly notEvaluated: string[];

  private readonly loaded: LoadedPolicies;

  private constructor(loaded: LoadedPolicies, private readonly options: AdmissionCheckOptions) {
    this.loaded = loaded;
    this.environment = loaded.environment;
    this.policyCount = loaded.policies.length;
    this.notEvaluated = [...loaded.notEvaluated];
  }

  /** Checks manifests given as objects (Lists expanded). */
  public checkManifests(manifests: any[]): AdmissionReport {
    return this.checkObjects(manifestObjects(manifests, '<manifests>'));
  }

  /** Checks manifest files or folders (`-` reads stdin). Throws naming file and document on malformed input. */
  public checkFiles(paths: string[]): AdmissionReport {
    return this.checkObjects(readManifests(paths));
  }

  /** Checks the resources of a cdk8s Chart; each origin carries the construct path. */
  public checkChart(chart: Chart): AdmissionReport {
    return this.checkObjects(chartObjects(chart));
  }

  /** Checks every chart of a cdk8s App. */
  public checkApp(app: App): AdmissionReport {
    const charts = app.charts;
    return this.checkObjects((function* () {
      for (const c of charts) yield* chartObjects(c);
    })());
  }

  /** Checks a stream of objects one at a time. */
  private checkObjects(objects: Iterable<ManifestObject>): AdmissionReport {
    const request = new RequestContext({
      ...this.options,
      exceptions: [...this.loaded.exceptions, ...(this.options.exceptions ?? [])],
      policyBindings: this.loaded.bindings,
    });
    const evaluator = new AdmissionEvaluator(this.loaded.policies, request, this.options.defaultNamespace ?? 'default', this.loaded.bindings);
    const resources: ResourceAdmission[] = [];
    for (const m of objects) resources.push(evaluator.check(m.object, m.origin));
    return summarize(resources, this.loaded, this.policyCount);
  }
}

function* chartObjects(chart: Chart): Generator<ManifestObject> {
  const file = chart.node.path || chart.node.id;
  let document = 0;
  for (const c of chart.node.findAll()) {
    if (!ApiObject.isApiObject(c) || Chart.of(c) !== chart) continue;
    document++;
    yield { object: c.toJson(), origin: { file, document, constructPath: c.node.path } };
  }
}

function summarize(resources: ResourceAdmission[], loaded: LoadedPolicies, policyCount: number): AdmissionReport {
  const denials: AdmissionFinding[] = [];
  const warnings: AdmissionFinding[] = [];
  const unsupported: AdmissionFinding[] = [];
  const n = { mutated: 0, passed: 0, skipped: 0 };
  for (const r of resources) {
    for (const f of r.findings) {
      switch (f.outcome) {
        case AdmissionOutcome.DENIED: denials.push(f); break;
        case AdmissionOutcome.WARNED: warnings.push(f); break;
        case AdmissionOutcome.UNSUPPORTED: unsupported.push(f); break;
        case AdmissionOutcome.MUTATED: n.mutated++; break;
        case AdmissionOutcome.PASSED: n.passed++; break;
        default: n.skipped++;
      }
    }
  }
  const counts: AdmissionCounts = {
    resources: resources.length,
    denied: denials.length,
    warned: warnings.length,
    mutated: n.mutated,
    unsupported: unsupported.length + loaded.notEvaluated.length,
    passed: n.passed,
    skipped: n.skipped,
  };
  return {
    environment: loaded.environment,
    policyCount,
    resources,
    admitted: denials.length === 0,
    denials,
    warnings,
    unsupported,
    notEvaluated: [...loaded.notEvaluated],
    counts,
  };
}
