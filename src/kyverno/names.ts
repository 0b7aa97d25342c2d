/**
 * Kubernetes name rules. Internal module, not exported from index.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const LABEL_RULE = "a DNS-1123 label (lowercase alphanumerics and '-', at most 63 characters)";
export const SUBDOMAIN_RULE = "a DNS-1123 subdomain of at most 63 characters (lowercase alphanumerics, '-' and '.')";

export function isDnsLabel(s: unknown): boolean {
  return typeof s === 'string' && s.length <= 63 && DNS1123_LABEL.test(s);
}

/** DNS-1123 subdomain, capped at 63 characters because Kyverno uses policy names as label values. */
export function isPolicyName(s: unknown): boolean {
  return typeof s === 'string' && s.length <= 63 && DNS1123_SUBDOMAIN.test(s);
}
