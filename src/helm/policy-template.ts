/**
 * Emission of a policy's YAML with its knobs: the Helm template (every literal `{{` escaped, each
 * knob replaced by a Helm expression reading `.Values.policies.<key>.<knob>`, the whole document
 * wrapped in `if .enabled`) and, from the same tokenized text, the resolved YAML of an environment.
 * The policy is stringified once; both outputs substitute the same placeholder lines.
 */
import { escapeGoTemplate } from './go-template-escape';
import { KnobValues } from './knobs';
import { placeKnobs, validationActionOf } from './policy-knobs';
import { toYaml } from '../core/yaml';
import { KyvernoVersion } from '../kyverno/kyverno-version';

/** Placeholder tokens of one policy's YAML. */
interface Tokens {
  /** Common prefix of the tokens: lines without it are copied as they are. */
  readonly prefix: string;
  readonly failureAction: string;
  readonly validationAction: string;
  readonly background: string;
  readonly block: string;
  readonly item: string;
}

/** A policy's YAML with placeholder tokens where the knobs go. */
export interface TokenizedPolicy {
  readonly yaml: string;
  readonly tokens: Tokens;
  /** The document's last value ends with whitespace (`{{- end }}` and Helm would trim it at the end of a template). */
  readonly endsWithNewline: boolean;
}

/** What replaces each placeholder, given the indentation of its line. */
interface Expansion {
  readonly failureAction: string;
  /** The `validationActions` entry of a CEL kind. */
  readonly validationAction: string;
  readonly background: string;
  /** Lines replacing `exclude: <block token>` (a rule without exclude). */
  block(indent: string): string[];
  /** Lines replacing `- <item token>` (appended to a rule's `exclude.any`). */
  item(indent: string): string[];
}

/** Stringifies a policy once, with placeholder tokens where the knobs go. */
export function tokenizePolicy(manifest: any, kyvernoVersion: KyvernoVersion | string): TokenizedPolicy {
  const token = uniqueToken(manifest);
  const tokens: Tokens = {
    prefix: token, failureAction: `${token}fa`, validationAction: `${token}va`, background: `${token}bg`, block: `${token}exblock`, item: `${token}exitem`,
  };
  const placed = placeKnobs(manifest, {
    failureAction: tokens.failureAction,
    validationAction: tokens.validationAction,
    background: tokens.background,
    excludedNamespaces: { blockToken: tokens.block, itemToken: tokens.item },
  }, kyvernoVersion);
  return { yaml: toYaml(placed), tokens, endsWithNewline: endsWithNewline(placed) };
}

/**
 * The Helm template text of one policy.
 * @param valuesKey the key under `.Values.policies`
 * @param comment YAML comment lines put inside the `if`, so a disabled policy renders to nothing
 */
export function policyTemplate(policy: TokenizedPolicy, valuesKey: string, comment?: string): string {
  const values = `.Values.policies.${valuesKey}`;
  const withNamespaces = `{{- with ${values}.excludedNamespaces }}`;
  const body = expand(escapeGoTemplate(policy.yaml), policy.tokens, {
    failureAction: `{{ ${values}.validationFailureAction }}`,
    validationAction: `{{ ternary "Deny" "Audit" (eq ${values}.validationFailureAction "Enforce") }}`,
    background: `{{ ${values}.background }}`,
    block: (i) => [`${i}${withNamespaces}`, ...excludeBlock(i, '{{ toJson . }}'), `${i}{{- end }}`],
    item: (i) => [`${i}${withNamespaces}`, ...excludeItem(i, '{{ toJson . }}'), `${i}{{- end }}`],
  });
  const out: string[] = [`{{- if ${values}.enabled }}`];
  if (comment) out.push(...comment.split('\n').map((l) => `# ${l}`));
  out.push(...body);
  // `{{- end }}` and Helm trim the whitespace at the end of a rendered template; a comment line
  // after a last value that ends with whitespace (e.g. a `|+` block) keeps it part of the value
  if (policy.endsWithNewline) out.push('# (end of document)');
  out.push('{{- end }}', '');
  return out.join('\n');
}

/**
 * The resolved YAML of one policy with the knob values of an environment: the text Helm prints for
 * the template, without its escapes (undefined when the policy is disabled).
 */
export function resolvedPolicyYaml(policy: TokenizedPolicy, knobs: KnobValues): string | undefined {
  if (!knobs.enabled) return undefined;
  // JSON strings are YAML double-quoted scalars: a namespace such as `on` or `0o17` stays a string
  const namespaces = JSON.stringify(knobs.excludedNamespaces);
  const none = knobs.excludedNamespaces.length === 0;
  const lines = expand(policy.yaml, policy.tokens, {
    failureAction: knobs.validationFailureAction,
    validationAction: validationActionOf(knobs.validationFailureAction),
    background: String(knobs.background),
    block: (i) => (none ? [] : excludeBlock(i, namespaces)),
    item: (i) => (none ? [] : excludeItem(i, namespaces)),
  });
  return `${lines.join('\n')}\n`;
}

function excludeBlock(indent: string, namespaces: string): string[] {
  return [`${indent}exclude:`, `${indent}  any:`, `${indent}    - resources:`, `${indent}        namespaces: ${namespaces}`];
}

function excludeItem(indent: string, namespaces: string): string[] {
  return [`${indent}- resources:`, `${indent}    namespaces: ${namespaces}`];
}

/** Replaces the placeholders of a tokenized text (trailing empty line dropped). */
function expand(text: string, tokens: Tokens, e: Expansion): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (!line.includes(tokens.prefix)) {
      out.push(line);
      continue;
    }
    const trimmed = line.trimStart();
    const indent = line.slice(0, line.length - trimmed.length);
    if (trimmed === `exclude: ${tokens.block}`) {
      out.push(...e.block(indent));
    } else if (trimmed === `- ${tokens.item}`) {
      out.push(...e.item(indent));
    } else {
      out.push(line.split(tokens.failureAction).join(e.failureAction).split(tokens.validationAction).join(e.validationAction)
        .split(tokens.background).join(e.background));
    }
  }
  return out;
}

/** Whether the last scalar of the document (the one printed last) is a string ending with whitespace (newlines, spaces in a block scalar). */
function endsWithNewline(value: any): boolean {
  let v = value;
  for (;;) {
    if (Array.isArray(v)) {
      if (v.length === 0) return false;
      v = v[v.length - 1];
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 0) return false;
      v = v[keys[keys.length - 1]];
    } else {
      return typeof v === 'string' && /\s$/.test(v);
    }
  }
}

/** A plain-scalar prefix that occurs nowhere in the manifest, so a token cannot match user text. */
function uniqueToken(manifest: any): string {
  const text = JSON.stringify(manifest);
  let token = 'zzpolicyplatformknob';
  while (text.includes(token)) token += 'x';
  return token;
}
