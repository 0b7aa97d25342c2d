import { Construct } from 'constructs';
import { AttestorSet, Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';

/** Options of {@link VerifyPlatformImage}. */
export interface VerifyPlatformImageProps extends CatalogPolicyProps {
  /**
   * The platform image's references to verify (wildcards allowed), e.g.
   * `europe-west6-docker.pkg.dev/ops/charts/policy-platform*`.
   */
  readonly imageReferences: string[];

  /**
   * The certificate identity the image must be signed with: for the generated GitHub Actions
   * workflow, `https://github.com/<org>/<repo>/.github/workflows/<platform>.yaml@refs/heads/<branch>`.
   * Exactly one of `signerSubject` and `signerSubjectRegExp`. (Not `subject`: that is the
   * policy's `policies.kyverno.io/subject` annotation.)
   * @default - none; then `signerSubjectRegExp` is required
   * @see https://docs.sigstore.dev/cosign/signing/overview/
   */
  readonly signerSubject?: string;

  /**
   * A regular expression the signing identity must match (exactly one of `signerSubject` and
   * `signerSubjectRegExp`).
   * @default - none; then `signerSubject` is required
   */
  readonly signerSubjectRegExp?: string;

  /**
   * The OIDC issuer of the signing identity.
   * @default 'https://token.actions.githubusercontent.com' (GitHub Actions)
   */
  readonly issuer?: string;

  /**
   * Transparency log the signature must be recorded in.
   * @default 'https://rekor.sigstore.dev'
   */
  readonly rekorUrl?: string;

  /**
   * Also require the SPDX SBOM attestation the workflow attaches (`cosign attest --type spdxjson`),
   * signed by the same identity.
   * @default true
   */
  readonly requireSbom?: boolean;
}

/** The predicate type `cosign attest --type spdxjson` records. */
const SPDX_PREDICATE = 'https://spdx.dev/Document';

/**
 * Pods may run the policy-platform image only when it carries the keyless cosign signature of the
 * workflow that built it (and, by default, its signed SBOM); the image is then admitted by
 * digest. Rule `verify-platform-image` (a Kyverno verifyImages rule: Kyverno checks it against the
 * registry at admission; the offline engine reports it `unsupported`).
 *
 * @example
 * new VerifyPlatformImage(securitySet, 'verify-platform-image', {
 *   imageReferences: ['europe-west6-docker.pkg.dev/ops/charts/policy-platform*'],
 *   signerSubject: 'https://github.com/acme/policy-platform/.github/workflows/policy-platform.yaml@refs/heads/main',
 * });
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/sigstore/#keyless-signing-and-verification
 */
export class VerifyPlatformImage extends CatalogPolicy {
  public constructor(scope: Construct, id: string, props: VerifyPlatformImageProps) {
    const attestors: AttestorSet[] = [{
      entries: [{
        keyless: {
          subject: props.signerSubject,
          subjectRegExp: props.signerSubjectRegExp,
          issuer: props.issuer ?? 'https://token.actions.githubusercontent.com',
          rekor: { url: props.rekorUrl ?? 'https://rekor.sigstore.dev' },
        },
      }],
    }];
    super(scope, id, props, {
      name: 'verify-platform-image',
      title: 'Verify Platform Image',
      category: CatalogCategory.SECURITY,
      severity: Severity.HIGH,
      subject: 'Pod',
      description: 'An image can be replaced in its registry. This policy admits the policy-platform image only with the '
        + 'keyless signature of the workflow that built it (and its signed SBOM), and pins it by digest.',
    }, [{
      name: 'verify-platform-image',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      verifyImages: [{
        imageReferences: [...(props.imageReferences ?? [])],
        attestors,
        attestations: (props.requireSbom ?? true) ? [{ type: SPDX_PREDICATE, attestors }] : undefined,
        mutateDigest: true,
        verifyDigest: true,
        required: true,
      }],
    }]);
    this.node.addValidation({
      validate: () => {
        const out: string[] = [];
        if ((props.imageReferences ?? []).length === 0) out.push('imageReferences: list at least one image reference (wildcards allowed)');
        if ((props.signerSubject === undefined) === (props.signerSubjectRegExp === undefined)) out.push('give exactly one of signerSubject and signerSubjectRegExp (the signing workflow\'s identity)');
        return out;
      },
    });
  }
}
