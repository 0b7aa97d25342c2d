import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ANNOTATION_DESCRIPTION, ANNOTATION_TITLE } from './annotations';
import { Conditions } from './conditions';
import { importedManifestOf } from './import-context';
import { prune, sortKeys } from './json';
import { KyvernoPolicy } from './kyverno-policy';
import { MatchResources } from './match';
import { LABEL_RULE, SUBDOMAIN_RULE, isDnsLabel, isPolicyName } from './names';
import { Policy } from './policy';
import { PolicyApiObject } from './policy-api-object';
import { conditionsProblems, matchProblems } from './policy-checks';
import { reasonProblem } from './reason';
import { unknownFieldProblems } from './strict-schema';
import { PodSecurityExclusion } from './validation';
import { clone } from '../core/clone';

/**
 * Which policy rules an exception suspends.
 * @see https://kyverno.io/docs/exceptions/
 */
export interface PolicyExceptionTarget {
  /** Name of a ClusterPolicy, or `<namespace>/<name>` of a Policy. */
  readonly policyName: string;
  /** Rule names (Kyverno's autogen rule names such as `autogen-<rule>` included when needed). */
  readonly ruleNames: string[];
}

/**
 * Props of a PolicyException.
 * @see https://kyverno.io/docs/exceptions/
 */
export interface PolicyExceptionProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Namespace of the exception (Kyverno only honours exceptions in the namespaces it is configured
   * to read them from).
   * @default - the chart's namespace, else none (the namespace of the install)
   * @see https://kyverno.io/docs/exceptions/#configuration
   */
  readonly namespace?: string;
  /**
   * Why the suspension is safe (who approved it, until when). Mandatory and checked: at least 20
   * characters, three distinct words, not a placeholder such as "todo" or "n/a". Written to the
   * `policies.kyverno.io/description` annotation, which Kyverno's tooling and Policy Reporter show.
   */
  readonly reason: string;
  /**
   * Short title (`policies.kyverno.io/title`).
   * @default - none
   */
  readonly title?: string;
  /**
   * Policies and rules the exception suspends.
   * @see https://kyverno.io/docs/exceptions/
   */
  readonly exceptions: PolicyExceptionTarget[];
  /**
   * Resources the exception applies to.
   * @see https://kyverno.io/docs/policy-types/cluster-policy/match-exclude/
   */
  readonly match: MatchResources;
  /**
   * Extra conditions on the request.
   * @default - none
   * @see https://kyverno.io/docs/exceptions/
   */
  readonly conditions?: Conditions;
  /**
   * Pod Security controls exempted (for podSecurity rules).
   * @default - none
   * @see https://kyverno.io/docs/exceptions/#pod-security-exemptions
   */
  readonly podSecurity?: PodSecurityExclusion[];
  /**
   * Apply in background scans too.
   * @default - not emitted (Kyverno's default: true)
   */
  readonly background?: boolean;
  /**
   * Extra labels.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Extra annotations.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/**
 * A Kyverno PolicyException (kyverno.io/v2): suspends named rules for matching resources, with a
 * mandatory reason of substance (an exception nobody can explain is how exceptions rot).
 * @see https://kyverno.io/docs/exceptions/
 */
export class PolicyException extends PolicyApiObject {
  /**
   * The target of an exception for `policy`: its name (`<namespace>/<name>` for a namespaced
   * Policy) and the given rules (default: all of them). With `includeAutogen`, also the names of
   * the rules Kyverno auto-generates for Pod controllers (`autogen-<rule>`, `autogen-cronjob-<rule>`).
   */
  public static targetOf(policy: KyvernoPolicy, ruleNames?: string[], includeAutogen = false): PolicyExceptionTarget {
    const ns = policy instanceof Policy ? (policy as Policy).namespace : undefined;
    const names = ruleNames ?? policy.rules.map((r) => r.name);
    const unknown = names.filter((n) => !policy.rules.some((r) => r.name === n));
    if (unknown.length > 0) {
      throw new Error(`${policy.node.path}: no rule named ${unknown.map((n) => JSON.stringify(n)).join(', ')} (rules: ${policy.rules.map((r) => r.name).join(', ')})`);
    }
    const withAutogen = includeAutogen ? names.flatMap((n) => [n, `autogen-${n}`, `autogen-cronjob-${n}`]) : names;
    return { policyName: ns ? `${ns}/${policy.policyName}` : policy.policyName, ruleNames: withAutogen };
  }

  /** `metadata.name`. */
  public readonly exceptionName: string;
  /** Namespace, if any. */
  public readonly namespace?: string;
  /** The reason. */
  public readonly reason: string;

  private readonly exceptionProps: PolicyExceptionProps;
  private readonly manifest?: any;

  constructor(scope: Construct, id: string, props: PolicyExceptionProps) {
    const namespace = props.namespace ?? Chart.of(scope).namespace;
    const name = props.name ?? id;
    super(scope, id, { apiVersion: 'kyverno.io/v2', kind: 'PolicyException', metadata: { name, namespace } });
    this.exceptionName = name;
    this.namespace = namespace;
    this.reason = props.reason;
    this.exceptionProps = props;
    const manifest = importedManifestOf(props);
    this.manifest = manifest === undefined ? undefined : clone(manifest);
    this.node.addValidation({ validate: () => this.problems().map((p) => `${this.node.path}: ${p}`) });
  }

  protected renderManifest(): any {
    if (this.manifest) return clone(this.manifest);
    const p = this.exceptionProps;
    const meta = this.metadata.toJson();
    const metadata: any = { name: this.exceptionName };
    if (this.namespace !== undefined) metadata.namespace = this.namespace;
    const labels = sortKeys({ ...p.labels, ...meta.labels });
    const typed = prune({ [ANNOTATION_TITLE]: p.title, [ANNOTATION_DESCRIPTION]: p.reason });
    const annotations = sortKeys({ ...p.annotations, ...typed, ...meta.annotations });
    if (Object.keys(labels).length > 0) metadata.labels = labels;
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    const out = {
      apiVersion: this.apiVersion,
      kind: this.kind,
      metadata,
      spec: prune({
        background: p.background,
        exceptions: p.exceptions,
        match: p.match,
        conditions: p.conditions,
        podSecurity: p.podSecurity,
      }),
    };
    return out;
  }

  private problems(): string[] {
    const p = this.exceptionProps;
    // an imported manifest is applied as is: fields the CRD does not know are refused like kubectl --validate=strict
    const out: string[] = this.manifest ? unknownFieldProblems(this.manifest) : [];
    if (!isPolicyName(this.exceptionName)) out.push(`metadata.name: "${this.exceptionName}" is not ${SUBDOMAIN_RULE}`);
    if (this.namespace !== undefined && !isDnsLabel(this.namespace)) out.push(`metadata.namespace: "${this.namespace}" is not ${LABEL_RULE}`);
    const reason = reasonProblem(p.reason);
    if (reason) out.push(`reason: ${reason}`);
    if (!Array.isArray(p.exceptions) || p.exceptions.length === 0) {
      out.push('spec.exceptions: list at least one {policyName, ruleNames} the exception suspends');
    }
    (p.exceptions ?? []).forEach((e, i) => {
      if (typeof e.policyName !== 'string' || !/^([a-z0-9*?-]+\/)?[a-z0-9*?]([-a-z0-9.*?]*[a-z0-9*?])?$/.test(e.policyName)) {
        out.push(`spec.exceptions[${i}].policyName: ${JSON.stringify(e.policyName)} is not a policy name ("<clusterpolicy>" or "<namespace>/<policy>", wildcards allowed)`);
      }
      if (!Array.isArray(e.ruleNames) || e.ruleNames.length === 0 || e.ruleNames.some((r) => typeof r !== 'string' || r.length === 0)) {
        out.push(`spec.exceptions[${i}].ruleNames: list the rule names to suspend (non-empty strings)`);
      }
    });
    out.push(...matchProblems(p.match, 'spec.match', true));
    out.push(...conditionsProblems(p.conditions, 'spec.conditions'));
    return out;
  }
}
