/**
 * The one string order of synthesized output: byte order of the UTF-8 encoding (Go's
 * `sort.Strings`, which Helm uses for templates), whatever the locale. Never use localeCompare for
 * output: its order follows LANG/LC_ALL (in Danish "aa" sorts after "z").
 * Internal module.
 */

/**
 * Compares two strings by the bytes of their UTF-8 encoding (equivalently, by code point).
 * JavaScript's `<` compares UTF-16 code units, which differs for characters above U+FFFF against
 * U+E000..U+FFFF; the fix-up below maps code units to code-point order.
 */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length < 0 ? -1 : a.length > b.length ? 1 : 0;
}

/** Surrogates (code points above U+FFFF) rank after U+E000..U+FFFF, as in UTF-8 byte order. */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}
