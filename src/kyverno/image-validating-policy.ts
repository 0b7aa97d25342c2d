import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CelPolicy } from './cel-policy';
import {
  evaluationBlock, matchConstraintsProblems, timeoutProblems, uniqueNameProblems, validationActionsProblems,
  validationsProblems, variableNameProblems,
} from './cel-policy-checks';
import { AutogenController, FailurePolicy, ValidationAction } from './enums';
import { PolicyMetadataProps } from './metadata';
import { MatchCondition, MatchConstraints } from './validating-policy';
import { CelAuditAnnotation, CelExpression, CelVariable } from './validation';

/**
 * Which image references an ImageValidatingPolicy checks: a glob or a CEL expression over `ref`.
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/
 */
export interface ImageReferenceMatch {
  /**
   * Glob over the image reference, e.g. `ghcr.io/kyverno/*`.
   * @default - none (set `expression`)
   */
  readonly glob?: string;
  /**
   * CEL expression over `ref` (the image reference) yielding a bool.
   * @default - none (set `glob`)
   */
  readonly expression?: string;
}

/**
 * A named list of images extracted from the resource with CEL (for resources other than Pods).
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/
 */
export interface ImageExtractor {
  /** Name (the key in `images`). */
  readonly name: string;
  /** CEL expression returning a list of image references. */
  readonly expression: string;
}

/**
 * A trusted signer of an ImageValidatingPolicy (verified against the registry: not evaluated offline).
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/#attestors
 */
export interface ImageAttestor {
  /** Name, used in `verifyImageSignatures(image, [attestors.<name>])`. */
  readonly name: string;
  /**
   * Cosign settings (`key`, `keyless`, `certificates`, `ctlog`...), as Kyverno's CRD spells them.
   * @default - none (set `notary`)
   */
  readonly cosign?: { [key: string]: any };
  /**
   * Notary settings (`certs`, `tsaCerts`), as Kyverno's CRD spells them.
   * @default - none (set `cosign`)
   */
  readonly notary?: { [key: string]: any };
}

/**
 * An attestation an ImageValidatingPolicy reads (in-toto or OCI referrer).
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/#attestations
 */
export interface ImageAttestation {
  /** Name, used as `attestations.<name>`. */
  readonly name: string;
  /**
   * In-toto attestation (`type`).
   * @default - none
   */
  readonly intoto?: { [key: string]: any };
  /**
   * OCI referrer (`type`).
   * @default - none
   */
  readonly referrer?: { [key: string]: any };
}

/**
 * Image verification switches (`spec.validationConfigurations`).
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/
 */
export interface ImageValidationConfigurations {
  /**
   * Replace tags with the verified digest.
   * @default - not emitted (true)
   */
  readonly mutateDigest?: boolean;
  /**
   * Require images to be referenced by digest.
   * @default - not emitted (true)
   */
  readonly verifyDigest?: boolean;
  /**
   * Require every matched image to be verified.
   * @default - not emitted (true)
   */
  readonly required?: boolean;
}

/**
 * Props of an ImageValidatingPolicy.
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/
 */
export interface ImageValidatingPolicyProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Which requests the policy applies to.
   * @see https://kyverno.io/docs/policy-types/image-validating-policy/
   */
  readonly matchConstraints: MatchConstraints;
  /**
   * Extra CEL conditions on the request.
   * @default - none
   */
  readonly matchConditions?: MatchCondition[];
  /**
   * Which image references are checked.
   * @default - every image
   */
  readonly matchImageReferences?: ImageReferenceMatch[];
  /**
   * Images of non-Pod resources, extracted with CEL.
   * @default - the containers of Pods and Pod controllers
   */
  readonly images?: ImageExtractor[];
  /**
   * Trusted signers.
   * @default - none
   */
  readonly attestors?: ImageAttestor[];
  /**
   * Attestations read by the validations.
   * @default - none
   */
  readonly attestations?: ImageAttestation[];
  /**
   * Named CEL variables (`variables.<name>`).
   * @default - none
   */
  readonly variables?: CelVariable[];
  /**
   * The checks (e.g. `images.containers.map(i, verifyImageSignatures(i, [attestors.cosign])).all(e, e > 0)`).
   * @see https://kyverno.io/docs/policy-types/image-validating-policy/
   */
  readonly validations: CelExpression[];
  /**
   * What a failed validation does.
   * @default - not emitted (Kyverno's default)
   */
  readonly validationActions?: ValidationAction[];
  /**
   * What happens when evaluation errors.
   * @default - not emitted (Fail)
   */
  readonly failurePolicy?: FailurePolicy;
  /**
   * Audit annotations.
   * @default - none
   */
  readonly auditAnnotations?: CelAuditAnnotation[];
  /**
   * Verification switches.
   * @default - not emitted (all true)
   */
  readonly validationConfigurations?: ImageValidationConfigurations;
  /**
   * Registry credentials (`allowInsecureRegistry`, `providers`, `secrets`).
   * @default - none
   */
  readonly credentials?: { [key: string]: any };
  /**
   * Evaluate at admission.
   * @default - not emitted (true)
   */
  readonly admission?: boolean;
  /**
   * Evaluate in background scans.
   * @default - not emitted (true)
   */
  readonly background?: boolean;
  /**
   * Pod controllers to auto-generate for.
   * @default - not emitted (Kyverno's default)
   */
  readonly autogenControllers?: AutogenController[];
  /**
   * Webhook timeout in seconds (`spec.webhookConfiguration.timeoutSeconds`), 1 to 30.
   * @default - not emitted (Kyverno's default: 10)
   */
  readonly webhookTimeoutSeconds?: number;
}

/**
 * Props of a NamespacedImageValidatingPolicy.
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/
 */
export interface NamespacedImageValidatingPolicyProps extends ImageValidatingPolicyProps {
  /**
   * The namespace the policy lives in and applies to.
   * @default - the chart's namespace; none when the chart has none (the namespace of the install)
   */
  readonly namespace?: string;
}

/**
 * A Kyverno ImageValidatingPolicy (policies.kyverno.io/v1): image signature and attestation checks
 * and CEL validations over image references. The offline engine evaluates the reference matching
 * and the validations; signature and attestation verification need a registry (`unsupported`).
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/
 */
export class ImageValidatingPolicy extends CelPolicy {
  private readonly ivpolProps: ImageValidatingPolicyProps;

  constructor(scope: Construct, id: string, props: ImageValidatingPolicyProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'ImageValidatingPolicy', props, props.name);
    this.ivpolProps = props;
  }

  protected renderSpec(): any {
    return imageValidatingSpec(this.ivpolProps);
  }

  protected authoredProblems(): string[] {
    return imageValidatingProblems(this.ivpolProps);
  }
}

/**
 * A Kyverno NamespacedImageValidatingPolicy (policies.kyverno.io/v1): an ImageValidatingPolicy
 * limited to its own namespace.
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/
 */
export class NamespacedImageValidatingPolicy extends CelPolicy {
  private readonly ivpolProps: NamespacedImageValidatingPolicyProps;

  constructor(scope: Construct, id: string, props: NamespacedImageValidatingPolicyProps) {
    super(scope, id, 'policies.kyverno.io/v1', 'NamespacedImageValidatingPolicy', props, props.name, props.namespace ?? Chart.of(scope).namespace);
    this.ivpolProps = props;
  }

  protected renderSpec(): any {
    return imageValidatingSpec(this.ivpolProps);
  }

  protected authoredProblems(): string[] {
    return imageValidatingProblems(this.ivpolProps);
  }
}

function imageValidatingSpec(p: ImageValidatingPolicyProps): any {
  return {
    failurePolicy: p.failurePolicy,
    validationActions: p.validationActions,
    evaluation: evaluationBlock({ admission: p.admission, background: p.background }),
    autogen: p.autogenControllers === undefined ? undefined : { podControllers: { controllers: p.autogenControllers } },
    webhookConfiguration: p.webhookTimeoutSeconds === undefined ? undefined : { timeoutSeconds: p.webhookTimeoutSeconds },
    validationConfigurations: p.validationConfigurations,
    credentials: p.credentials,
    matchConstraints: p.matchConstraints,
    matchConditions: p.matchConditions,
    matchImageReferences: p.matchImageReferences,
    images: p.images,
    // the CRD requires the list; an empty one verifies no signature
    attestors: p.attestors ?? [],
    attestations: p.attestations,
    variables: p.variables,
    validations: p.validations,
    auditAnnotations: p.auditAnnotations,
  };
}

function imageValidatingProblems(p: ImageValidatingPolicyProps): string[] {
  const out = [
    ...matchConstraintsProblems(p.matchConstraints, 'spec.matchConstraints'),
    ...validationsProblems(p.validations, true),
    ...validationActionsProblems(p.validationActions),
    ...uniqueNameProblems(p.matchConditions, 'spec.matchConditions'),
    ...uniqueNameProblems(p.images, 'spec.images'),
    ...uniqueNameProblems(p.attestors, 'spec.attestors'),
    ...uniqueNameProblems(p.attestations, 'spec.attestations'),
    ...variableNameProblems(p.variables),
    ...timeoutProblems(p.webhookTimeoutSeconds),
  ];
  (p.matchImageReferences ?? []).forEach((m, i) => {
    if ((m?.glob === undefined) === (m?.expression === undefined)) out.push(`spec.matchImageReferences[${i}]: set exactly one of glob or expression`);
  });
  (p.attestors ?? []).forEach((a, i) => {
    if ((a?.cosign === undefined) === (a?.notary === undefined)) out.push(`spec.attestors[${i}]: set exactly one of cosign or notary`);
  });
  return out;
}
