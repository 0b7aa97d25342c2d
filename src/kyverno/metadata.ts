import { Severity } from './enums';

/**
 * Documentation and metadata shared by every policy kind: the annotations Kyverno's tooling
 * (CLI, Policy Reporter, the policy library site) reads, plus extra labels and annotations.
 * @see https://kyverno.io/docs/writing-policies/
 */
export interface PolicyMetadataProps {
  /**
   * Human title (`policies.kyverno.io/title`).
   * @default - none
   * @see https://kyverno.io/docs/writing-policies/
   */
  readonly title?: string;
  /**
   * Category (`policies.kyverno.io/category`), e.g. `Pod Security Standards (Baseline)`.
   * @default - none
   */
  readonly category?: string;
  /**
   * Severity (`policies.kyverno.io/severity`), copied into policy reports.
   * @default - none
   */
  readonly severity?: Severity;
  /**
   * Kinds the policy is about (`policies.kyverno.io/subject`), e.g. `Pod`.
   * @default - none
   */
  readonly subject?: string;
  /**
   * Description (`policies.kyverno.io/description`).
   * @default - none
   */
  readonly description?: string;
  /**
   * Minimum Kyverno version the policy needs (`kyverno.io/kyverno-version`), e.g. `1.6.0`.
   * @default - none
   */
  readonly minKyvernoVersionAnnotation?: string;
  /**
   * Kubernetes versions the policy is written for (`kyverno.io/kubernetes-version`), e.g. `1.28`.
   * @default - none
   */
  readonly kubernetesVersion?: string;
  /**
   * Extra labels.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Extra annotations (the typed props above win over these).
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}
