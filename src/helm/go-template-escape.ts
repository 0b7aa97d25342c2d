/**
 * Escaping of literal text for Go templates (Helm's engine). Only `{{` starts an action in Go
 * templates, so a text reaches Helm's output unchanged when every `{{` is escaped; `}}` outside an
 * action is plain text. Kyverno's own `{{ request.object... }}` variables depend on this.
 */

/** The escape of a lone `{{`: an action printing the string "{{". */
const OPEN = '{{ "{{" }}';

/**
 * Returns a template text that renders to exactly `text`.
 *
 * A Kyverno variable `{{ ... }}` on one line without a backtick is kept readable as one raw-string
 * action (`` {{`{{ request.object.metadata.name }}`}} ``); any other `{{` (JMESPath literals use
 * backticks, nested, unclosed or multi-line variables) becomes `{{ "{{" }}`. The one-line limit
 * keeps a raw string from spanning scalars into lines the template emitter rewrites. Scanning left
 * to right means no single `{` can precede an emitted action and form a new delimiter with it.
 */
export function escapeGoTemplate(text: string): string {
  let i = text.indexOf('{{');
  if (i < 0) return text;
  let out = '';
  let from = 0;
  while (i >= 0) {
    out += text.slice(from, i);
    const close = text.indexOf('}}', i + 2);
    const variable = close >= 0 ? text.slice(i, close + 2) : '';
    if (variable && !variable.includes('`') && !variable.includes('\n') && !variable.slice(2).includes('{{')) {
      out += '{{`' + variable + '`}}';
      from = close + 2;
    } else {
      out += OPEN;
      from = i + 2;
    }
    i = text.indexOf('{{', from);
  }
  return out + text.slice(from);
}
