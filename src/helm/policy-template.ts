/**
 * Emission of a policy's Helm template: the policy's YAML with every literal `{{` escaped, each knob
 * replaced by a Helm expression reading `.Values.policies.<key>.<knob>`, and the whole document
 * wrapped in `if .enabled` so a disabled policy renders to nothing.
 */
import { escapeGoTemplate } from './go-template-escape';
import { placeKnobs } from './policy-knobs';
import { toYaml } from '../core/yaml';
import { KyvernoVersion } from '../kyverno/kyverno-version';

/**
 * The Helm template text of one policy.
 * @param manifest the policy's manifest (plain JSON)
 * @param valuesKey the key under `.Values.policies`
 * @param comment YAML comment lines put inside the `if`, so a disabled policy renders to nothing
 */
export function policyTemplate(manifest: any, valuesKey: string, kyvernoVersion: KyvernoVersion | string, comment?: string): string {
  const token = uniqueToken(manifest);
  const tokens = {
    failureAction: `${token}fa`,
    background: `${token}bg`,
    block: `${token}exblock`,
    item: `${token}exitem`,
  };
  const placed = placeKnobs(manifest, {
    failureAction: tokens.failureAction,
    background: tokens.background,
    excludedNamespaces: { blockToken: tokens.block, itemToken: tokens.item },
  }, kyvernoVersion);
  const values = `.Values.policies.${valuesKey}`;
  const namespaces = `{{- with ${values}.excludedNamespaces }}`;
  const lines = escapeGoTemplate(toYaml(placed)).split('\n');
  const out: string[] = [`{{- if ${values}.enabled }}`];
  if (comment) out.push(...comment.split('\n').map((l) => `# ${l}`));
  for (const line of lines) {
    const trimmed = line.trimStart();
    const indent = line.slice(0, line.length - trimmed.length);
    if (trimmed === `exclude: ${tokens.block}`) {
      out.push(
        `${indent}${namespaces}`,
        `${indent}exclude:`,
        `${indent}  any:`,
        `${indent}    - resources:`,
        `${indent}        namespaces: {{ toJson . }}`,
        `${indent}{{- end }}`,
      );
    } else if (trimmed === `- ${tokens.item}`) {
      out.push(
        `${indent}${namespaces}`,
        `${indent}- resources:`,
        `${indent}    namespaces: {{ toJson . }}`,
        `${indent}{{- end }}`,
      );
    } else {
      out.push(line
        .split(tokens.failureAction).join(`{{ ${values}.validationFailureAction }}`)
        .split(tokens.background).join(`{{ ${values}.background }}`));
    }
  }
  if (out[out.length - 1] === '') out.pop();
  // Helm trims the trailing newlines of a rendered template; a comment line after a last value that
  // ends with newlines (a `|+` block) keeps them part of the value
  if (endsWithNewline(placed)) out.push('# (end of document)');
  out.push('{{- end }}', '');
  return out.join('\n');
}

/** Whether the last scalar of the document (the one printed last) is a string ending with a newline. */
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
      return typeof v === 'string' && v.endsWith('\n');
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
