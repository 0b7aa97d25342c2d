/**
 * Kyverno anchors (pkg/engine/anchor): `(key)` conditional, `<(key)` global, `^(key)` existence,
 * `=(key)` equality, `X(key)` negation, `+(key)` add-if-not-present.
 * @see https://kyverno.io/docs/writing-policies/validate/#anchors
 */
export enum AnchorType {
  CONDITION = 'condition',
  GLOBAL = 'global',
  EXISTENCE = 'existence',
  EQUALITY = 'equality',
  NEGATION = 'negation',
  ADD_IF_NOT_PRESENT = 'add',
}

export interface Anchor {
  readonly type: AnchorType;
  readonly key: string;
}

const ANCHOR = /^(\^|<|=|X|\+)?\((.+)\)$/;

/** Parses a pattern key; undefined when it is a plain key. */
export function parseAnchor(key: string): Anchor | undefined {
  const m = ANCHOR.exec(key);
  if (!m) return undefined;
  const modifier = m[1] ?? '';
  const type = modifier === '' ? AnchorType.CONDITION
    : modifier === '<' ? AnchorType.GLOBAL
      : modifier === '^' ? AnchorType.EXISTENCE
        : modifier === '=' ? AnchorType.EQUALITY
          : modifier === 'X' ? AnchorType.NEGATION
            : AnchorType.ADD_IF_NOT_PRESENT;
  return { type, key: m[2] };
}

/** The key without its anchor. */
export function removeAnchor(key: string): string {
  const a = parseAnchor(key);
  return a ? a.key : key;
}
