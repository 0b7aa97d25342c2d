import { Construct } from 'constructs';
import { Operation, PolicyMetadataProps, Severity, ValidatingPolicy, ValidationAction } from '../../kyverno';

/** Options of `DisallowLatestTagValidatingPolicy`. */
export interface DisallowLatestTagValidatingPolicyProps extends PolicyMetadataProps {
  /**
   * `metadata.name`.
   * @default 'disallow-latest-tag'
   */
  readonly name?: string;
  /**
   * Also require every image to name a tag or a digest (an untagged image means `:latest`).
   * @default true
   */
  readonly requireTag?: boolean;
  /**
   * Mutable tags that are refused. Wildcards `*` and `?` allowed.
   * @default ['latest']
   */
  readonly disallowedTags?: string[];
  /**
   * What a failed validation does (a PolicySet's failure action knob replaces it per environment).
   * @default - not emitted (the set's failure action)
   */
  readonly validationActions?: ValidationAction[];
}

/** A tag glob as a regular expression on the tag (`*` any run, `?` one character). */
function tagRegex(tag: string): string {
  return `^${tag.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`;
}

/**
 * The ValidatingPolicy (CEL) form of `DisallowLatestTag`, for teams moving to Kyverno's
 * policies.kyverno.io kinds: Pods (and, by Kyverno's autogen, their controllers) must name an
 * image tag, and the listed mutable tags are refused. One policy, one result per resource (the
 * policy name), instead of the ClusterPolicy's two rules.
 *
 * @example
 * new DisallowLatestTagValidatingPolicy(securitySet, 'disallow-latest-tag', { disallowedTags: ['latest', 'main'] });
 * @see https://kyverno.io/policies/best-practices/disallow-latest-tag/disallow-latest-tag/
 * @see https://kyverno.io/docs/policy-types/validating-policy/
 */
export class DisallowLatestTagValidatingPolicy extends ValidatingPolicy {
  /** Whether a tag is required at all. */
  public readonly requireTag: boolean;
  /** The refused tags. */
  public readonly disallowedTags: string[];

  public constructor(scope: Construct, id: string, props: DisallowLatestTagValidatingPolicyProps = {}) {
    const requireTag = props.requireTag ?? true;
    const tags = [...new Set(props.disallowedTags ?? ['latest'])];
    // the tag is what follows a ':' in the last path segment, before any digest
    const named = "i.split('@')[0]";
    const hasTag = `${named}.substring(${named}.lastIndexOf('/') + 1).contains(':')`;
    const tagOf = `(${hasTag} ? ${named}.substring(${named}.lastIndexOf(':') + 1) : '')`;
    const validations = [];
    if (requireTag) {
      validations.push({ expression: `variables.images.all(i, i.contains('@') || ${hasTag})`, message: 'An image tag is required.' });
    }
    if (tags.length > 0) {
      const refused = tags.map((t) => `${tagOf}.matches('${tagRegex(t)}')`).join(' || ');
      validations.push({
        expression: `variables.images.all(i, !(${refused}))`,
        message: `Using a mutable image tag e.g. ${tags.map((t) => `'${t}'`).join(', ')} is not allowed.`,
      });
    }
    super(scope, id, {
      ...props,
      name: props.name ?? 'disallow-latest-tag',
      title: props.title ?? 'Disallow Latest Tag',
      category: props.category ?? 'Security',
      severity: props.severity ?? Severity.MEDIUM,
      subject: props.subject ?? 'Pod',
      description: props.description ?? 'Mutable tags such as `latest` make a Pod run whatever image was pushed last. This policy '
        + (requireTag ? 'requires every image to name a tag and ' : '') + `refuses the tags ${tags.map((t) => `\`${t}\``).join(', ') || '(none)'}.`,
      matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: [Operation.CREATE, Operation.UPDATE], resources: ['pods'] }] },
      variables: [{
        name: 'images',
        expression: 'object.spec.containers.map(c, c.image)'
          + ' + (has(object.spec.initContainers) ? object.spec.initContainers.map(c, c.image) : [])'
          + ' + (has(object.spec.ephemeralContainers) ? object.spec.ephemeralContainers.map(c, c.image) : [])',
      }],
      validations,
    });
    this.requireTag = requireTag;
    this.disallowedTags = tags;
    this.node.addValidation({
      validate: () => {
        const problems: string[] = [];
        if (validations.length === 0) problems.push('requireTag, disallowedTags: the policy checks nothing (set requireTag or list a tag)');
        for (const t of tags) {
          if (!/^[A-Za-z0-9_.\-*?]+$/.test(t)) problems.push(`disallowedTags: "${t}" is not an image tag (letters, digits, '_', '.', '-' and the wildcards '*', '?')`);
        }
        return problems.map((p) => `${this.node.path}: ${p}`);
      },
    });
  }
}
