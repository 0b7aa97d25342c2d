import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { eachContainer, podRule } from '../internal/pod-rules';

/** Options of {@link RestrictImageRegistries}. */
export interface RestrictImageRegistriesProps extends CatalogPolicyProps {
  /**
   * Registries (optionally with a path prefix) images may come from, e.g. `eu.foo.io` or
   * `europe-west6-docker.pkg.dev/ops`. An image matches when it starts with `<registry>/`.
   * Docker Hub images written without a registry (`nginx`) only match `docker.io` if written
   * `docker.io/library/nginx`.
   */
  readonly allowedRegistries: string[];
}

/**
 * Images only come from approved registries. Rule `validate-registries`, as in the Kyverno
 * library's `restrict-image-registries` (whose suite it passes with that suite's registries).
 *
 * @example
 * new RestrictImageRegistries(securitySet, 'restrict-image-registries', {
 *   allowedRegistries: ['europe-west6-docker.pkg.dev/ops', 'registry.k8s.io'],
 * });
 * @see https://kyverno.io/policies/best-practices/restrict-image-registries/restrict-image-registries/
 */
export class RestrictImageRegistries extends CatalogPolicy {
  /** The allowed registries. */
  public readonly allowedRegistries: string[];

  public constructor(scope: Construct, id: string, props: RestrictImageRegistriesProps) {
    const registries = [...new Set((props.allowedRegistries ?? []).map((r) => r.replace(/\/+$/, '')))];
    const alternatives = registries.map((r) => `${r}/*`).join(' | ');
    super(scope, id, props, {
      name: 'restrict-image-registries',
      title: 'Restrict Image Registries',
      category: CatalogCategory.SECURITY,
      severity: Severity.HIGH,
      subject: 'Pod',
      description: 'Images from unknown registries may be unscanned or malicious. This policy only admits images from '
        + `${registries.map((r) => `\`${r}\``).join(', ')}.`,
    }, registries.length === 0 ? [] : [podRule('validate-registries', {
      message: `Unknown image registry: images must come from ${registries.join(', ')}.`,
      pattern: { spec: eachContainer({ image: alternatives }) },
    })]);
    this.allowedRegistries = registries;
    this.node.addValidation({
      validate: () => {
        if (registries.length === 0) return ['allowedRegistries: list at least one registry'];
        return registries
          .filter((r) => !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(\/[a-z0-9._\-/]+)?$/.test(r))
          .map((r) => `allowedRegistries: "${r}" is not a registry host (lowercase host[:port] with an optional /path)`);
      },
    });
  }
}
