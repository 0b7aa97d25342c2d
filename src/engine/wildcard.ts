/**
 * Kyverno's wildcard matching (pkg/utils/wildcard): `*` matches any run of characters (also
 * none), `?` exactly one character; everything else is literal.
 */
const cache = new Map<string, RegExp>();

export function wildcardMatch(pattern: string, value: string): boolean {
  if (pattern === value) return true;
  if (pattern === '*') return true;
  if (!containsWildcard(pattern)) return false;
  let re = cache.get(pattern);
  if (!re) {
    const src = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
    re = new RegExp(`^${src}$`);
    cache.set(pattern, re);
  }
  return re.test(value);
}

export function containsWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}
