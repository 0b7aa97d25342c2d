import { Conditions } from './conditions';
import { ImageVerificationType } from './enums';

/**
 * A Rekor transparency log.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/sigstore/
 */
export interface Rekor {
  /**
   * Rekor URL.
   * @default 'https://rekor.sigstore.dev'
   */
  readonly url?: string;
  /**
   * Rekor public key (PEM).
   * @default - Sigstore's
   */
  readonly pubkey?: string;
  /**
   * Skip transparency log verification.
   * @default false
   */
  readonly ignoreTlog?: boolean;
}

/**
 * Static public keys (or a KMS/Secret reference).
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/sigstore/#verifying-image-signatures
 */
export interface StaticKeyAttestor {
  /**
   * PEM public keys.
   * @default - none
   */
  readonly publicKeys?: string;
  /**
   * Signature algorithm.
   * @default 'sha256'
   */
  readonly signatureAlgorithm?: string;
  /**
   * KMS key URI.
   * @default - none
   */
  readonly kms?: string;
  /**
   * Secret holding the key (`{name, namespace}`).
   * @default - none
   */
  readonly secret?: { [key: string]: any };
  /**
   * Transparency log.
   * @default - public Rekor
   */
  readonly rekor?: Rekor;
  /**
   * Certificate transparency log settings.
   * @default - none
   */
  readonly ctlog?: { [key: string]: any };
}

/**
 * Keyless (Fulcio/OIDC) identity.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/sigstore/#keyless-signing-and-verification
 */
export interface KeylessAttestor {
  /**
   * Certificate subject (wildcards allowed).
   * @default - none
   */
  readonly subject?: string;
  /**
   * OIDC issuer.
   * @default - none
   */
  readonly issuer?: string;
  /**
   * Subject regular expression.
   * @default - none
   */
  readonly subjectRegExp?: string;
  /**
   * Issuer regular expression.
   * @default - none
   */
  readonly issuerRegExp?: string;
  /**
   * Transparency log.
   * @default - public Rekor
   */
  readonly rekor?: Rekor;
  /**
   * Certificate transparency log settings.
   * @default - none
   */
  readonly ctlog?: { [key: string]: any };
  /**
   * Root certificates (PEM).
   * @default - Sigstore's
   */
  readonly roots?: string;
  /**
   * Additional certificate extensions to check.
   * @default - none
   */
  readonly additionalExtensions?: { [key: string]: string };
}

/**
 * One attestor: keys, keyless, certificates or a nested attestor set.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/sigstore/
 */
export interface Attestor {
  /**
   * Static keys.
   * @default - none
   */
  readonly keys?: StaticKeyAttestor;
  /**
   * Keyless identity.
   * @default - none
   */
  readonly keyless?: KeylessAttestor;
  /**
   * Certificates (`{cert, certChain, rekor, ctlog}`).
   * @default - none
   */
  readonly certificates?: { [key: string]: any };
  /**
   * Signature annotations that must be present.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Repository holding signatures.
   * @default - the image's repository
   */
  readonly repository?: string;
}

/**
 * A set of attestors of which `count` must verify.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/sigstore/#multiple-image-attestors
 */
export interface AttestorSet {
  /**
   * How many entries must verify.
   * @default - all
   */
  readonly count?: number;
  /** Attestor entries. */
  readonly entries: Attestor[];
}

/**
 * An in-toto attestation to verify and check.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/sigstore/#verifying-image-attestations
 */
export interface Attestation {
  /**
   * Predicate type URI (Kyverno 1.13+ spelling of predicateType).
   * @default - none
   */
  readonly type?: string;
  /**
   * Predicate type URI (older spelling).
   * @default - none
   */
  readonly predicateType?: string;
  /**
   * Who must have signed the attestation.
   * @default - none
   */
  readonly attestors?: AttestorSet[];
  /**
   * Conditions on the predicate.
   * @default - none
   */
  readonly conditions?: Conditions[];
}

/**
 * One verifyImages entry.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/
 */
export interface ImageVerification {
  /** Image references to verify (wildcards allowed), e.g. `ghcr.io/acme/*`. */
  readonly imageReferences: string[];
  /**
   * References to skip.
   * @default - none
   */
  readonly skipImageReferences?: string[];
  /**
   * Signature technology.
   * @default ImageVerificationType.COSIGN
   */
  readonly type?: ImageVerificationType;
  /**
   * Signers.
   * @default - none (attestations only)
   */
  readonly attestors?: AttestorSet[];
  /**
   * Attestations to verify.
   * @default - none
   */
  readonly attestations?: Attestation[];
  /**
   * Repository holding signatures.
   * @default - the image's repository
   */
  readonly repository?: string;
  /**
   * Replace tags with digests.
   * @default true
   */
  readonly mutateDigest?: boolean;
  /**
   * Require images to be referenced by digest.
   * @default true
   */
  readonly verifyDigest?: boolean;
  /**
   * Require a signature (false only records the verification).
   * @default true
   */
  readonly required?: boolean;
  /**
   * Cache verification results.
   * @default true
   */
  readonly useCache?: boolean;
  /**
   * Registry credentials (`{allowInsecureRegistry, providers, secrets}`).
   * @default - none
   */
  readonly imageRegistryCredentials?: { [key: string]: any };
}
