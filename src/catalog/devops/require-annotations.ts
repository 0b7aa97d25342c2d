import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { describeKeys, keyProblems, keysRule, RequiredKey, sortedKeys } from './require-labels';

/** Options of {@link RequireAnnotations}. */
export interface RequireAnnotationsProps extends CatalogPolicyProps {
  /**
   * The annotations every matched resource must carry, typically ownership keys
   * (`owner`, `team`, `contact`, ...).
   */
  readonly requiredAnnotations: RequiredKey[];

  /**
   * Kinds checked. With `Pod` (the default), Kyverno also checks the Pod template of every Pod
   * controller (autogen); list controller kinds to check their own `metadata.annotations`.
   * @default ['Pod']
   */
  readonly kinds?: string[];
}

/**
 * Resources carry ownership annotations (who to call, which cost centre). Rule
 * `check-for-annotation`, as in the Kyverno library's `require-annotations` (whose suite it
 * passes with that suite's annotation).
 *
 * @example
 * new RequireAnnotations(devopsSet, 'require-annotations', {
 *   requiredAnnotations: [{ key: 'owner' }, { key: 'contact', pattern: '*@example.com' }],
 * });
 * @see https://kyverno.io/policies/other/require-annotations/require-annotations/
 */
export class RequireAnnotations extends CatalogPolicy {
  /** The required annotations, sorted by key. */
  public readonly requiredAnnotations: RequiredKey[];

  public constructor(scope: Construct, id: string, props: RequireAnnotationsProps) {
    const annotations = sortedKeys(props.requiredAnnotations ?? []);
    const kinds = props.kinds ?? ['Pod'];
    super(scope, id, props, {
      name: 'require-annotations',
      title: 'Require Annotations',
      category: CatalogCategory.DEVOPS,
      severity: Severity.LOW,
      subject: `${kinds.join(', ')}, Annotation`,
      description: 'Ownership annotations tell who runs a workload and whom to call. This policy requires the annotations '
        + `${describeKeys(annotations)} on ${kinds.join(', ')}.`,
    }, annotations.length === 0 ? [] : [keysRule('check-for-annotation', 'annotations', 'annotation', annotations, kinds)]);
    this.requiredAnnotations = annotations;
    this.node.addValidation({ validate: () => keyProblems('requiredAnnotations', annotations, kinds) });
  }
}
