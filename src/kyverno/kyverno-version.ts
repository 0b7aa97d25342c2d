/**
 * The Kyverno release a policy is written for. It decides where the failure action is emitted:
 * Kyverno 1.13 deprecated `spec.validationFailureAction` in favour of `rules[].validate.failureAction`.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/validate/#failure-action
 */
export enum KyvernoVersion {
  V1_10 = '1.10',
  V1_11 = '1.11',
  V1_12 = '1.12',
  V1_13 = '1.13',
  V1_14 = '1.14',
  V1_15 = '1.15',
  V1_16 = '1.16',
  V1_17 = '1.17',
  V1_18 = '1.18',
  V1_19 = '1.19',
}
