import { Construct } from 'constructs';
import { documentationAnnotations } from './annotations';
import { validatingPolicyCelProblems } from './cel-checks';
import { AutogenController, FailurePolicy, Operation, ValidationAction } from './enums';
import { clone, prune, sortKeys } from './json';
import { LabelSelector } from './match';
import { PolicyMetadataProps } from './metadata';
import { SUBDOMAIN_RULE, isPolicyName } from './names';
import { PolicyApiObject } from './policy-api-object';
import { unknownFieldProblems } from './strict-schema';
import { CelAuditAnnotation, CelExpression, CelVariable } from './validation';

/**
 * An admission rule of a ValidatingPolicy (Kubernetes `NamedRuleWithOperations`).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#matching-requests-matchconstraints
 */
export interface ResourceRule {
  /** API groups (`""` for core, `*` for all). */
  readonly apiGroups: string[];
  /** API versions (`*` for all). */
  readonly apiVersions: string[];
  /** Resources (plural, lowercase), e.g. `pods`, `deployments`, `pods/exec`. */
  readonly resources: string[];
  /** Operations. */
  readonly operations: Operation[];
  /**
   * Names the rule is limited to.
   * @default - every name
   */
  readonly resourceNames?: string[];
  /**
   * `Cluster`, `Namespaced` or `*`.
   * @default '*'
   */
  readonly scope?: string;
}

/**
 * Which requests a ValidatingPolicy applies to.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#matching-requests-matchconstraints
 */
export interface MatchConstraints {
  /** Rules of which any must match. */
  readonly resourceRules: ResourceRule[];
  /**
   * Rules of which none may match.
   * @default - none
   */
  readonly excludeResourceRules?: ResourceRule[];
  /**
   * Namespace label selector.
   * @default - every namespace
   */
  readonly namespaceSelector?: LabelSelector;
  /**
   * Object label selector.
   * @default - every object
   */
  readonly objectSelector?: LabelSelector;
  /**
   * `Exact` or `Equivalent`.
   * @default 'Equivalent'
   */
  readonly matchPolicy?: string;
}

/**
 * A named CEL condition that must hold for the policy to apply.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#matching-requests-matchconditions
 */
export interface MatchCondition {
  /** Name (unique within the policy). */
  readonly name: string;
  /** CEL expression yielding a bool. */
  readonly expression: string;
}

/**
 * Props of a ValidatingPolicy.
 * @see https://kyverno.io/docs/policy-types/validating-policy/
 */
export interface ValidatingPolicyProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Which requests the policy applies to.
   * @see https://kyverno.io/docs/policy-types/validating-policy/
   */
  readonly matchConstraints: MatchConstraints;
  /**
   * Extra CEL conditions on the request.
   * @default - none
   */
  readonly matchConditions?: MatchCondition[];
  /**
   * Named CEL variables (`variables.<name>`).
   * @default - none
   */
  readonly variables?: CelVariable[];
  /**
   * The checks; each expression must evaluate to true.
   * @see https://kyverno.io/docs/policy-types/validating-policy/
   */
  readonly validations: CelExpression[];
  /**
   * What a failed validation does (Deny and Warn cannot be combined).
   * @default - not emitted (Kyverno's default)
   */
  readonly validationActions?: ValidationAction[];
  /**
   * Audit annotations.
   * @default - none
   */
  readonly auditAnnotations?: CelAuditAnnotation[];
  /**
   * What happens when evaluation errors.
   * @default - not emitted (Fail)
   */
  readonly failurePolicy?: FailurePolicy;
  /**
   * Evaluate in background scans (`spec.evaluation.background.enabled`).
   * @default - not emitted (true)
   */
  readonly background?: boolean;
  /**
   * Evaluate at admission (`spec.evaluation.admission.enabled`).
   * @default - not emitted (true)
   */
  readonly admission?: boolean;
  /**
   * Pod controllers to auto-generate for (`spec.autogen.podControllers.controllers`).
   * @default - not emitted (Kyverno's default)
   */
  readonly autogenControllers?: AutogenController[];
}

/**
 * A Kyverno ValidatingPolicy (policies.kyverno.io/v1): CEL validations, the kind Kyverno's own
 * policies chart now defaults to.
 * @see https://kyverno.io/docs/policy-types/validating-policy/
 */
export class ValidatingPolicy extends PolicyApiObject {
  /**
   * Brings an existing ValidatingPolicy manifest (any policies.kyverno.io version) into the tree:
   * `toJson()` returns it unchanged.
   */
  public static fromManifest(scope: Construct, id: string, manifest: any): ValidatingPolicy {
    if (manifest?.kind !== 'ValidatingPolicy') {
      throw new Error(`${scope.node.path ? scope.node.path + '/' : ''}${id}: kind: expected "ValidatingPolicy", got ${JSON.stringify(manifest?.kind)}`);
    }
    const p = new ValidatingPolicy(scope, id, {
      name: manifest?.metadata?.name,
      matchConstraints: manifest?.spec?.matchConstraints ?? { resourceRules: [] },
      validations: manifest?.spec?.validations ?? [],
    });
    p.manifest = clone(manifest);
    return p;
  }

  /** `metadata.name`. */
  public readonly policyName: string;

  private readonly vpolProps: ValidatingPolicyProps;
  private manifest?: any;

  constructor(scope: Construct, id: string, props: ValidatingPolicyProps) {
    const name = props.name ?? id;
    super(scope, id, { apiVersion: 'policies.kyverno.io/v1', kind: 'ValidatingPolicy', metadata: { name } });
    this.policyName = name;
    this.vpolProps = props;
    this.node.addValidation({ validate: () => this.problems().map((p) => `${this.node.path}: ${p}`) });
  }

  protected renderManifest(): any {
    if (this.manifest) return clone(this.manifest);
    const p = this.vpolProps;
    const meta = this.metadata.toJson();
    const metadata: any = { name: this.policyName };
    const labels = sortKeys({ ...p.labels, ...meta.labels });
    const annotations = sortKeys(prune({ ...documentationAnnotations(p), ...meta.annotations }));
    if (Object.keys(labels).length > 0) metadata.labels = labels;
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    const evaluation = prune({
      admission: p.admission === undefined ? undefined : { enabled: p.admission },
      background: p.background === undefined ? undefined : { enabled: p.background },
    });
    const out = {
      apiVersion: this.apiVersion,
      kind: this.kind,
      metadata,
      spec: prune({
        failurePolicy: p.failurePolicy,
        validationActions: p.validationActions,
        evaluation: Object.keys(evaluation).length > 0 ? evaluation : undefined,
        autogen: p.autogenControllers === undefined ? undefined : { podControllers: { controllers: p.autogenControllers } },
        matchConstraints: p.matchConstraints,
        matchConditions: p.matchConditions,
        variables: p.variables,
        validations: p.validations,
        auditAnnotations: p.auditAnnotations,
      }),
    };
    return out;
  }

  private problems(): string[] {
    if (this.manifest) {
      const n = this.manifest?.metadata?.name;
      const nameProblems = isPolicyName(n) ? [] : [`metadata.name: ${JSON.stringify(n)} is not ${SUBDOMAIN_RULE}`];
      // Kyverno compiles every CEL expression at admission and rejects the policy when one fails
      return [...nameProblems, ...unknownFieldProblems(this.manifest), ...validatingPolicyCelProblems(this.manifest?.spec)];
    }
    const p = this.vpolProps;
    const out: string[] = [];
    if (!isPolicyName(this.policyName)) out.push(`metadata.name: "${this.policyName}" is not ${SUBDOMAIN_RULE}`);
    const rules = p.matchConstraints?.resourceRules ?? [];
    if (rules.length === 0) out.push('spec.matchConstraints.resourceRules: list at least one resource rule');
    const ops = Object.values(Operation) as string[];
    rules.forEach((r, i) => {
      for (const f of ['apiGroups', 'apiVersions', 'resources', 'operations']) {
        if (!Array.isArray((r as any)[f]) || (r as any)[f].length === 0) {
          out.push(`spec.matchConstraints.resourceRules[${i}].${f}: list at least one value ("*" for all)`);
        }
      }
      for (const op of r.operations ?? []) {
        if (!ops.includes(op) && (op as string) !== '*') out.push(`spec.matchConstraints.resourceRules[${i}].operations: "${op}" is not one of ${ops.join(', ')}, *`);
      }
    });
    if (!Array.isArray(p.validations) || p.validations.length === 0) out.push('spec.validations: list at least one CEL validation');
    (p.validations ?? []).forEach((v, i) => {
      if (typeof v.expression !== 'string' || v.expression.trim().length === 0) out.push(`spec.validations[${i}].expression: a validation needs a CEL expression`);
    });
    const actions = p.validationActions ?? [];
    const allowed = Object.values(ValidationAction) as string[];
    for (const a of actions) if (!allowed.includes(a)) out.push(`spec.validationActions: "${a}" is not one of ${allowed.join(', ')}`);
    if (new Set(actions).size !== actions.length) out.push(`spec.validationActions: ${JSON.stringify(actions)} lists an action twice`);
    if (actions.includes(ValidationAction.DENY) && actions.includes(ValidationAction.WARN)) {
      out.push('spec.validationActions: Deny and Warn cannot be combined (use Deny, or Warn with Audit)');
    }
    const names = new Set<string>();
    (p.matchConditions ?? []).forEach((c, i) => {
      if (names.has(c.name)) out.push(`spec.matchConditions[${i}].name: "${c.name}" is used twice (names must be unique)`);
      names.add(c.name);
    });
    (p.variables ?? []).forEach((v, i) => {
      if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(v.name)) out.push(`spec.variables[${i}].name: "${v.name}" is not a CEL identifier (letters, digits, '_'; not starting with a digit)`);
    });
    out.push(...validatingPolicyCelProblems(p));
    return out;
  }
}
