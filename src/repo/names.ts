/** Name checks shared by PolicyRepo and PolicySet, on the Kubernetes name rules of src/kyverno. */
import { isDnsLabel, LABEL_RULE } from '../kyverno/names';

/** Problem text when `value` is not a DNS-1123 label, else undefined. */
export function dns1123LabelProblem(field: string, value: unknown): string | undefined {
  if (isDnsLabel(value)) return undefined;
  return `${field}: ${JSON.stringify(value)} is not ${LABEL_RULE}`;
}
