import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { eachContainer, podRule } from '../internal/pod-rules';

/** Options of {@link RequireImageDigest}. */
export interface RequireImageDigestProps extends CatalogPolicyProps {}

/**
 * Images are pinned by digest (`image@sha256:...`), so what runs is exactly what was scanned.
 * Rule `require-image-checksum`, as in the Kyverno library's `require-image-checksum` (whose
 * suite it passes).
 *
 * @example
 * new RequireImageDigest(securitySet, 'require-image-digest', { excludeNamespaces: ['dev'] });
 * @see https://kyverno.io/policies/other/require-image-checksum/require-image-checksum/
 */
export class RequireImageDigest extends CatalogPolicy {
  public constructor(scope: Construct, id: string, props: RequireImageDigestProps = {}) {
    super(scope, id, props, {
      name: 'require-image-digest',
      title: 'Require Image Digest',
      category: CatalogCategory.SECURITY,
      severity: Severity.MEDIUM,
      subject: 'Pod',
      description: 'A tag can be moved to another image; a digest cannot. This policy requires every image to be referenced by digest.',
    }, [podRule('require-image-checksum', {
      message: 'Images must use checksums rather than tags.',
      pattern: { spec: eachContainer({ image: '*@*' }) },
    })]);
  }
}
