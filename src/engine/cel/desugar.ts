/**
 * Rewrites the CEL syntax that @bufbuild/cel does not parse into plain function calls it does.
 *
 * Kubernetes and Kyverno CEL use optional types (`object.?spec`, `m[?'key']`, `.orValue()`,
 * `optional.of()`) and namespaced library calls (`resource.Get(...)`, `image.GetMetadata(...)`).
 * @bufbuild/cel (0.6) has neither, so we parse the expression here (full CEL grammar, precedence
 * as in the CEL spec) and print it back with those constructs turned into calls of the `__opt_*`
 * and `__kyverno_*` functions registered in `environment.ts`. Everything else is printed as read.
 */

type Token = { kind: 'ident' | 'num' | 'str' | 'op' | 'eof'; text: string; pos: number };

type Node =
  | { t: 'lit'; text: string }
  | { t: 'ident'; name: string }
  | { t: 'select'; operand: Node; field: string; optional: boolean }
  | { t: 'index'; operand: Node; index: Node; optional: boolean }
  | { t: 'call'; target?: Node; fn: string; args: Node[] }
  | { t: 'list'; elems: Node[]; optional?: boolean[] }
  | { t: 'map'; entries: Array<[Node, Node]>; optional?: boolean[] }
  | { t: 'struct'; name: string; fields: Array<[string, Node]> }
  | { t: 'unary'; op: string; operand: Node }
  | { t: 'binary'; op: string; left: Node; right: Node }
  | { t: 'cond'; test: Node; then: Node; otherwise: Node };

/** A CEL expression that could not be read. */
export class CelSyntaxError extends Error {
  constructor(message: string, readonly expression: string, readonly position: number) {
    super(`${message} at position ${position} in: ${expression}`);
    this.name = 'CelSyntaxError';
  }
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':', '.', ',', '(', ')', '[', ']', '{', '}'];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const start = i;
    // string literals, with optional raw/bytes prefixes and triple quotes
    const strMatch = /^([rRbB]{0,2})('''|"""|'|")/.exec(src.slice(i, i + 5));
    if (strMatch && (strMatch[1] === '' || /^[rRbB]+$/.test(strMatch[1]))) {
      const prefix = strMatch[1];
      const quote = strMatch[2];
      const raw = /[rR]/.test(prefix);
      i += prefix.length + quote.length;
      for (;;) {
        if (i >= src.length) throw new CelSyntaxError('unterminated string', src, start);
        if (!raw && src[i] === '\\') { i += 2; continue; }
        if (src.startsWith(quote, i)) { i += quote.length; break; }
        if (quote.length === 1 && src[i] === '\n') throw new CelSyntaxError('newline in string', src, start);
        i++;
      }
      out.push({ kind: 'str', text: src.slice(start, i), pos: start });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F]+[uU]?|[0-9]*\.?[0-9]+([eE][+-]?[0-9]+)?[uU]?)/.exec(src.slice(i));
      const text = m![0];
      i += text.length;
      out.push({ kind: 'num', text, pos: start });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      i += m[0].length;
      out.push({ kind: 'ident', text: m[0], pos: start });
      continue;
    }
    const op = OPERATORS.find(o => src.startsWith(o, i));
    if (!op) throw new CelSyntaxError(`unexpected character '${c}'`, src, i);
    i += op.length;
    out.push({ kind: 'op', text: op, pos: start });
  }
  out.push({ kind: 'eof', text: '', pos: src.length });
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly src: string) {}

  parse(): Node {
    const n = this.expr();
    if (this.peek().kind !== 'eof') this.fail(`unexpected '${this.peek().text}'`);
    return n;
  }

  private peek(o = 0): Token { return this.tokens[Math.min(this.i + o, this.tokens.length - 1)]; }
  private next(): Token { return this.tokens[this.i++]; }
  private isOp(text: string, o = 0): boolean { const t = this.peek(o); return t.kind === 'op' && t.text === text; }
  /** Fails at `at` (a token already consumed) or, by default, at the next token. */
  private fail(msg: string, at: Token = this.peek()): never { throw new CelSyntaxError(msg, this.src, at.pos); }
  private expect(text: string): void {
    if (!this.isOp(text)) this.fail(`expected '${text}' but found '${this.peek().text || 'end of input'}'`);
    this.i++;
  }

  private expr(): Node {
    const test = this.or();
    if (this.isOp('?')) {
      this.i++;
      const then = this.or();
      this.expect(':');
      const otherwise = this.expr();
      return { t: 'cond', test, then, otherwise };
    }
    return test;
  }

  private or(): Node {
    let left = this.and();
    while (this.isOp('||')) { this.i++; left = { t: 'binary', op: '||', left, right: this.and() }; }
    return left;
  }

  private and(): Node {
    let left = this.relation();
    while (this.isOp('&&')) { this.i++; left = { t: 'binary', op: '&&', left, right: this.relation() }; }
    return left;
  }

  private relation(): Node {
    let left = this.addition();
    for (;;) {
      const t = this.peek();
      const isRel = (t.kind === 'op' && ['<', '<=', '>=', '>', '==', '!='].includes(t.text)) || (t.kind === 'ident' && t.text === 'in');
      if (!isRel) return left;
      this.i++;
      left = { t: 'binary', op: t.text, left, right: this.addition() };
    }
  }

  private addition(): Node {
    let left = this.multiplication();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text;
      left = { t: 'binary', op, left, right: this.multiplication() };
    }
    return left;
  }

  private multiplication(): Node {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.next().text;
      left = { t: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.isOp('!') || this.isOp('-')) {
      const op = this.next().text;
      // keep negative numeric literals as literals (int64 minimum does not fit otherwise)
      if (op === '-' && this.peek().kind === 'num' && !this.isPostfixAfter(1)) {
        return { t: 'lit', text: '-' + this.next().text };
      }
      return { t: 'unary', op, operand: this.unary() };
    }
    return this.member();
  }

  private isPostfixAfter(o: number): boolean {
    return this.isOp('.', o) || this.isOp('[', o);
  }

  private member(): Node {
    let n = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.i++;
        let optional = false;
        if (this.isOp('?')) { this.i++; optional = true; }
        const name = this.next();
        if (name.kind !== 'ident') this.fail('expected a field name', name);
        if (!optional && this.isOp('(')) {
          this.i++;
          n = { t: 'call', target: n, fn: name.text, args: this.args(')') };
        } else {
          n = { t: 'select', operand: n, field: name.text, optional };
        }
      } else if (this.isOp('[')) {
        this.i++;
        let optional = false;
        if (this.isOp('?')) { this.i++; optional = true; }
        const index = this.expr();
        this.expect(']');
        n = { t: 'index', operand: n, index, optional };
      } else if (this.isOp('{') && qualifiedName(n) !== undefined) {
        this.i++;
        n = { t: 'struct', name: qualifiedName(n)!, fields: this.structFields() };
      } else {
        return n;
      }
    }
  }

  /** `Type{field: value, ...}` after the `{` (message construction, e.g. `Object{spec: ...}`). */
  private structFields(): Array<[string, Node]> {
    const fields: Array<[string, Node]> = [];
    while (!this.isOp('}')) {
      const name = this.next();
      if (name.kind !== 'ident') this.fail('expected a field name', name);
      this.expect(':');
      fields.push([name.text, this.expr()]);
      if (this.isOp(',')) this.i++;
      else break;
    }
    this.expect('}');
    return fields;
  }

  private args(close: string): Node[] {
    const out: Node[] = [];
    if (this.isOp(close)) { this.i++; return out; }
    for (;;) {
      out.push(this.expr());
      if (this.isOp(',')) {
        this.i++;
        if (this.isOp(close)) { this.i++; return out; }
        continue;
      }
      this.expect(close);
      return out;
    }
  }

  private primary(): Node {
    const t = this.next();
    if (t.kind === 'num' || t.kind === 'str') return { t: 'lit', text: t.text };
    if (t.kind === 'ident') {
      if (['true', 'false', 'null'].includes(t.text)) return { t: 'lit', text: t.text };
      if (this.isOp('(')) { this.i++; return { t: 'call', fn: t.text, args: this.args(')') }; }
      return { t: 'ident', name: t.text };
    }
    if (t.kind === 'op') {
      if (t.text === '.') {
        const name = this.next();
        if (name.kind !== 'ident') this.fail('expected an identifier after a leading dot', name);
        return { t: 'ident', name: '.' + name.text };
      }
      if (t.text === '(') { const e = this.expr(); this.expect(')'); return e; }
      if (t.text === '[') return this.listLiteral();
      if (t.text === '{') return this.mapLiteral();
    }
    return this.fail(`unexpected '${t.text || 'end of input'}'`, t);
  }

  /** `[a, ?b]`: an element marked `?` is an optional, included only when it has a value. */
  private listLiteral(): Node {
    const elems: Node[] = [];
    const optional: boolean[] = [];
    while (!this.isOp(']')) {
      optional.push(this.isOp('?'));
      if (this.isOp('?')) this.i++;
      elems.push(this.expr());
      if (this.isOp(',')) this.i++;
      else break;
    }
    this.expect(']');
    return { t: 'list', elems, optional };
  }

  /** `{k: v, ?k2: opt}`: an entry marked `?` takes an optional value, kept only when present. */
  private mapLiteral(): Node {
    const entries: Array<[Node, Node]> = [];
    const optional: boolean[] = [];
    while (!this.isOp('}')) {
      optional.push(this.isOp('?'));
      if (this.isOp('?')) this.i++;
      const k = this.expr();
      this.expect(':');
      entries.push([k, this.expr()]);
      if (this.isOp(',')) this.i++;
      else break;
    }
    this.expect('}');
    return { t: 'map', entries, optional };
  }
}

/** Receivers of Kyverno's namespaced CEL libraries, rewritten to `__kyverno_<lib>_<fn>(...)`. */
const KYVERNO_LIBRARIES = new Set(['resource', 'image', 'http', 'globalContext', 'globalcontext', 'generator', 'imagedata', 'user']);

const OPTIONAL_METHODS: { [name: string]: string } = {
  orValue: '__opt_or_value',
  hasValue: '__opt_has_value',
  value: '__opt_value',
  or: '__opt_or',
};

/** True when the postfix chain ending at `n` went through an optional qualifier. */
function inOptionalChain(n: Node): boolean {
  switch (n.t) {
    case 'select': return n.optional || inOptionalChain(n.operand);
    case 'index': return n.optional || inOptionalChain(n.operand);
    case 'call': return n.target !== undefined && n.target.t === 'ident' && n.target.name === 'optional';
    default: return false;
  }
}

/** `a.b.c` of an identifier or a chain of plain selects, else undefined. */
function qualifiedName(n: Node): string | undefined {
  if (n.t === 'ident') return n.name;
  if (n.t === 'select' && !n.optional) {
    const base = qualifiedName(n.operand);
    return base === undefined ? undefined : `${base}.${n.field}`;
  }
  return undefined;
}

function isObjectType(name: string): boolean {
  return name === 'Object' || name.startsWith('Object.') || name === 'JSONPatch';
}

function quoted(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function print(n: Node): string {
  switch (n.t) {
    case 'lit': return n.text;
    // the authorizer needs the cluster's RBAC: a call that reports it as unsupported offline
    case 'ident': return n.name === 'authorizer' ? '__kyverno_authorizer()' : n.name;
    case 'select':
      if (n.optional || inOptionalChain(n.operand)) return `__opt_sel(${print(n.operand)}, ${quoted(n.field)})`;
      return `${printOperand(n.operand)}.${n.field}`;
    case 'index':
      if (n.optional || inOptionalChain(n.operand)) return `__opt_idx(${print(n.operand)}, ${print(n.index)})`;
      return `${printOperand(n.operand)}[${print(n.index)}]`;
    case 'call': return printCall(n);
    case 'list':
      if (n.optional?.some(o => o)) return `__opt_list([${n.elems.map((e, i) => `[${n.optional![i]}, ${print(e)}]`).join(', ')}])`;
      return `[${n.elems.map(print).join(', ')}]`;
    case 'map':
      if (n.optional?.some(o => o)) return `__opt_map([${n.entries.map(([k, v], i) => `[${n.optional![i]}, ${print(k)}, ${print(v)}]`).join(', ')}])`;
      return `{${n.entries.map(([k, v]) => `${print(k)}: ${print(v)}`).join(', ')}}`;
    case 'struct':
      // Kubernetes' apply configurations (`Object{...}`, `Object.spec{...}`) and JSON patches
      // (`JSONPatch{...}`) are untyped objects here: plain maps with the same fields
      if (isObjectType(n.name)) return `{${n.fields.map(([k, v]) => `${quoted(k)}: ${print(v)}`).join(', ')}}`;
      return `${n.name}{${n.fields.map(([k, v]) => `${k}: ${print(v)}`).join(', ')}}`;
    case 'unary': return `${n.op}(${print(n.operand)})`;
    case 'binary': return `(${print(n.left)}) ${n.op} (${print(n.right)})`;
    case 'cond': return `(${print(n.test)}) ? (${print(n.then)}) : (${print(n.otherwise)})`;
  }
}

function printOperand(n: Node): string {
  return n.t === 'unary' || n.t === 'binary' || n.t === 'cond' ? `(${print(n)})` : print(n);
}

function printCall(n: Extract<Node, { t: 'call' }>): string {
  const args = n.args.map(print);
  if (n.target === undefined) return `${n.fn}(${args.join(', ')})`;
  const target = n.target;
  if (target.t === 'ident' && target.name === 'optional') {
    if (n.fn === 'of') return `__opt_of(${args.join(', ')})`;
    if (n.fn === 'none') return '__opt_none()';
    if (n.fn === 'ofNonZeroValue') return `__opt_of_non_zero(${args.join(', ')})`;
  }
  if (target.t === 'ident' && KYVERNO_LIBRARIES.has(target.name)) {
    // `globalcontext` is the library's lower-case spelling
    const lib = target.name === 'globalcontext' ? 'globalContext' : target.name;
    return `__kyverno_${lib}_${n.fn}(${args.join(', ')})`;
  }
  const optionalMethod = OPTIONAL_METHODS[n.fn];
  if (optionalMethod && (n.fn !== 'value' || args.length === 0)) {
    return `${optionalMethod}(${[print(target), ...args].join(', ')})`;
  }
  return `${printOperand(target)}.${n.fn}(${args.join(', ')})`;
}

/**
 * The expression rewritten for @bufbuild/cel. Throws `CelSyntaxError` when it is not valid CEL.
 */
export function desugarCel(expression: string): string {
  return print(new Parser(tokenize(expression), expression).parse());
}
