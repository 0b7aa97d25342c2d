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

/** Label values are at most 63 characters (Kyverno truncates trigger names the same way). */
function labelValue(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return s.length > 63 ? s.slice(0, 63) : s;
}

/** Adds Kyverno's generate labels to `resource` (in place); labels already set are kept. */
export function addGenerateLabels(resource: any, trigger: any, policy: any, ruleName: string): void {
  const metadata = resource.metadata ?? (resource.metadata = {});
  const labels: { [k: string]: string } = metadata.labels && typeof metadata.labels === 'object' ? metadata.labels : {};
  const { group, version } = splitApiVersion(String(trigger?.apiVersion ?? ''));
  const wanted: Array<[string, string]> = [
    [MANAGED_BY_LABEL, 'kyverno'],
    [`${GENERATE_LABEL_PREFIX}policy-name`, labelValue(policy?.metadata?.name)],
    [`${GENERATE_LABEL_PREFIX}policy-namespace`, labelValue(policy?.kind === 'Policy' ? policy?.metadata?.namespace ?? 'default' : '')],
    [`${GENERATE_LABEL_PREFIX}rule-name`, labelValue(ruleName)],
    [`${GENERATE_LABEL_PREFIX}trigger-group`, labelValue(group)],
    [`${GENERATE_LABEL_PREFIX}trigger-version`, labelValue(version)],
    [`${GENERATE_LABEL_PREFIX}trigger-kind`, labelValue(trigger?.kind)],
    [`${GENERATE_LABEL_PREFIX}trigger-namespace`, labelValue(trigger?.metadata?.namespace)],
    [`${GENERATE_LABEL_PREFIX}trigger-uid`, labelValue(trigger?.metadata?.uid)],
  ];
  for (const [k, v] of wanted) if (!(k in labels)) labels[k] = v;
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
