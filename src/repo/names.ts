/** Name checks shared by PolicyRepo and PolicySet. */

export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Problem text when `value` is not a DNS-1123 label, else undefined. */
export function dns1123LabelProblem(field: string, value: unknown): string | undefined {
  if (typeof value === 'string' && value.length <= 63 && DNS1123_LABEL.test(value)) return undefined;
  return `${field}: ${JSON.stringify(value)} is not a DNS-1123 label (lowercase alphanumerics and '-', at most 63 characters)`;
}
