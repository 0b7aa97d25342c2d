import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { podRule } from '../internal/pod-rules';

/** Options of {@link DisallowLatestTag}. */
export interface DisallowLatestTagProps extends CatalogPolicyProps {
  /**
   * Also require every image to name a tag at all (an untagged image means `:latest`).
   * Rule `require-image-tag`.
   * @default true
   */
  readonly requireTag?: boolean;

  /**
   * Mutable tags that are refused (rule `validate-image-tag`). Kyverno wildcards (`*`, `?`) allowed.
   * @default ['latest']
   */
  readonly disallowedTags?: string[];
}

const LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * Images name an immutable tag: a tag is required, and `latest` (or any other listed mutable tag)
 * is refused. Rules `require-image-tag` and `validate-image-tag`, as in the Kyverno library's
 * `disallow-latest-tag` (whose suite it passes with the default options).
 *
 * @example
 * new DisallowLatestTag(securitySet, 'disallow-latest-tag', { disallowedTags: ['latest', 'main', 'dev-*'] });
 * @see https://kyverno.io/policies/best-practices/disallow-latest-tag/disallow-latest-tag/
 */
export class DisallowLatestTag extends CatalogPolicy {
  /** Whether a tag is required at all. */
  public readonly requireTag: boolean;
  /** The refused tags. */
  public readonly disallowedTags: string[];

  public constructor(scope: Construct, id: string, props: DisallowLatestTagProps = {}) {
    const requireTag = props.requireTag ?? true;
    const tags = [...new Set(props.disallowedTags ?? ['latest'])];
    const rules: any[] = [];
    if (requireTag) {
      rules.push(podRule('require-image-tag', {
        message: 'An image tag is required.',
        foreach: LISTS.map((l) => ({ list: `request.object.spec.${l}`, pattern: { image: '*:*' } })),
      }));
    }
    if (tags.length > 0) {
      rules.push(podRule('validate-image-tag', {
        message: `Using a mutable image tag e.g. ${tags.map((t) => `'${t}'`).join(', ')} is not allowed.`,
        foreach: LISTS.flatMap((l) => tags.map((t) => ({ list: `request.object.spec.${l}`, pattern: { image: `!*:${t}` } }))),
      }));
    }
    super(scope, id, props, {
      name: 'disallow-latest-tag',
      title: 'Disallow Latest Tag',
      category: CatalogCategory.SECURITY,
      severity: Severity.MEDIUM,
      subject: 'Pod',
      description: 'Mutable tags such as `latest` make a Pod run whatever image was pushed last. This policy '
        + (requireTag ? 'requires every image to name a tag and ' : '') + `refuses the tags ${tags.map((t) => `\`${t}\``).join(', ') || '(none)'}.`,
    }, rules);
    this.requireTag = requireTag;
    this.disallowedTags = tags;
    this.node.addValidation({
      validate: () => {
        const problems: string[] = [];
        if (rules.length === 0) problems.push('requireTag, disallowedTags: the policy checks nothing (set requireTag or list a tag)');
        for (const t of tags) {
          if (!/^[A-Za-z0-9_.\-*?]+$/.test(t)) problems.push(`disallowedTags: "${t}" is not an image tag (letters, digits, '_', '.', '-' and the wildcards '*', '?')`);
        }
        return problems;
      },
    });
  }
}
