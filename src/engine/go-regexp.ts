/**
 * Go `regexp` (RE2 syntax and semantics) for the places Kyverno uses it: the JMESPath
 * `regex_match`, `regex_replace_all(_literal)` functions and the Kubernetes CEL regex library
 * (`find`, `findAll`). JavaScript's RegExp differs (lookarounds, backreferences, `\d` and `$`
 * semantics, `(?P<name>)`, replacement templates), so a pure-JS RE2 port is used.
 * @see https://pkg.go.dev/regexp/syntax
 */
import { RE2JS } from 're2js';

const cache = new Map<string, RE2JS>();
const MAX_CACHED = 2000;

/** Compiles `pattern` as Go's regexp.Compile does; throws Go's error text on bad syntax. */
export function compileGoRegexp(pattern: string): RE2JS {
  let re = cache.get(pattern);
  if (!re) {
    try {
      re = RE2JS.compile(pattern);
    } catch (err) {
      throw new Error(`error parsing regexp: ${String((err as Error).message).replace(/^error parsing regexp: /, '')}`);
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** regexp.MatchString: whether `s` contains a match of `pattern`. */
export function goMatchString(pattern: string, s: string): boolean {
  return compileGoRegexp(pattern).matcher(s).find();
}

/** Every non-overlapping match of `pattern` in `s` (at most `n` when n >= 0), as FindAllString. */
export function goFindAllString(pattern: string, s: string, n = -1): string[] {
  const m = compileGoRegexp(pattern).matcher(s);
  const out: string[] = [];
  while ((n < 0 || out.length < n) && m.find()) out.push(m.group() ?? '');
  return out;
}

/** The leftmost match of `pattern` in `s`, or '' (FindString). */
export function goFindString(pattern: string, s: string): string {
  const m = compileGoRegexp(pattern).matcher(s);
  return m.find() ? m.group() ?? '' : '';
}

/**
 * Expands a Go replacement template (`$1`, `${1}`, `$name`, `${name}`, `$$`) for one match, as
 * regexp.Expand: a name is the longest run of letters, digits and `_`; an unknown group is ''.
 */
function expand(template: string, group: (ref: string) => string): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '$' || i === template.length - 1) {
      out += c;
      continue;
    }
    const next = template[i + 1];
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string | undefined;
    let end = i;
    if (next === '{') {
      const close = template.indexOf('}', i + 2);
      const inner = close >= 0 ? template.slice(i + 2, close) : '';
      if (close >= 0 && /^\w+$/.test(inner)) {
        name = inner;
        end = close;
      }
    } else {
      const m = /^\w+/.exec(template.slice(i + 1));
      if (m) {
        name = m[0];
        end = i + m[0].length;
      }
    }
    if (name === undefined) {
      // a malformed reference is copied as is
      out += c;
      continue;
    }
    out += group(name);
    i = end;
  }
  return out;
}

function replaceAll(pattern: string, src: string, replace: (m: any) => string): string {
  const re = compileGoRegexp(pattern);
  const m = re.matcher(src);
  let out = '';
  let last = 0;
  let lastMatchEnd = -1;
  while (m.find()) {
    const start = m.start();
    const end = m.end();
    // Go: an empty match right after the previous match is not replaced
    if (start === end && start === lastMatchEnd) continue;
    out += src.slice(last, start) + replace(m);
    last = end;
    lastMatchEnd = end;
  }
  return out + src.slice(last);
}

/** regexp.ReplaceAllString: each match replaced by the expanded template. */
export function goReplaceAllString(pattern: string, src: string, template: string): string {
  const groups = compileGoRegexp(pattern).groupCount();
  return replaceAll(pattern, src, (m) => expand(template, (ref) => {
    if (/^\d+$/.test(ref)) {
      const i = Number(ref);
      return i <= groups ? m.group(i) ?? '' : '';
    }
    try {
      return m.group(ref) ?? '';
    } catch {
      return '';
    }
  }));
}

/** regexp.ReplaceAllLiteralString: each match replaced by `repl` as is. */
export function goReplaceAllLiteralString(pattern: string, src: string, repl: string): string {
  return replaceAll(pattern, src, () => repl);
}
