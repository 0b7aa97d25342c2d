/**
 * The labels Kyverno's background controller puts on a generated resource (common.ManageLabels):
 * `app.kubernetes.io/managed-by: kyverno` unless the resource names another manager, and the
 * `generate.kyverno.io/*` labels that tie it to its policy, rule and trigger.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/generate/
 */

/** The label Kyverno sets (and `kyverno test` forces) on every generated resource. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** The prefix of the labels that identify a generated resource's policy, rule, trigger and source. */
export const GENERATE_LABEL_PREFIX = 'generate.kyverno.io/';

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash >= 0 ? { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) } : { group: '', version: apiVersion };
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/**
 * Adds Kyverno's generate labels to `resource` (in place), as ManageLabels: the managed-by label
 * unless one is set, then the policy (PolicyInfo) and trigger (TriggerInfo) labels, overwritten.
 */
export function addGenerateLabels(resource: any, trigger: any, policy: any, ruleName: string): void {
  const metadata = resource.metadata ?? (resource.metadata = {});
  const labels: { [k: string]: string } = metadata.labels && typeof metadata.labels === 'object' ? metadata.labels : {};
  if (!(MANAGED_BY_LABEL in labels)) labels[MANAGED_BY_LABEL] = 'kyverno';
  const { group, version } = splitApiVersion(str(trigger?.apiVersion));
  Object.assign(labels, {
    [`${GENERATE_LABEL_PREFIX}policy-name`]: str(policy?.metadata?.name),
    [`${GENERATE_LABEL_PREFIX}policy-namespace`]: str(policy?.metadata?.namespace),
    [`${GENERATE_LABEL_PREFIX}rule-name`]: ruleName,
    [`${GENERATE_LABEL_PREFIX}trigger-version`]: version,
    [`${GENERATE_LABEL_PREFIX}trigger-group`]: group,
    [`${GENERATE_LABEL_PREFIX}trigger-kind`]: str(trigger?.kind),
    [`${GENERATE_LABEL_PREFIX}trigger-namespace`]: str(trigger?.metadata?.namespace),
    [`${GENERATE_LABEL_PREFIX}trigger-uid`]: str(trigger?.metadata?.uid),
  });
  metadata.labels = labels;
}

/**
 * The labels as `kyverno test` compares them (FixupGenerateLabels): the `generate.kyverno.io/*`
 * labels dropped and `app.kubernetes.io/managed-by` defaulted to `kyverno`, on both sides.
 */
export function comparableLabels(labels: any): { [k: string]: string } {
  const out: { [k: string]: string } = { [MANAGED_BY_LABEL]: 'kyverno' };
  for (const [k, v] of Object.entries(labels && typeof labels === 'object' ? labels : {})) {
    if (!k.startsWith(GENERATE_LABEL_PREFIX)) out[k] = v as string;
  }
  return out;
}
