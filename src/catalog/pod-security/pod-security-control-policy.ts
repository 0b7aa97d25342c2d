import { Construct } from 'constructs';
import { Severity } from '../../kyverno';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { controlDefinition, PodSecurityControl } from './pod-security-control';

/** Options of {@link PodSecurityControlPolicy}. */
export interface PodSecurityControlPolicyProps extends CatalogPolicyProps {
  /** The control this policy enforces. */
  readonly control: PodSecurityControl;
}

/**
 * One Pod Security Standards control as its own ClusterPolicy, with the Kyverno library's policy
 * name, rule names and patterns (so it passes that control's library test suite). The
 * `PodSecurityBaseline` and `PodSecurityRestricted` sets are made of these.
 *
 * @example
 * new PodSecurityControlPolicy(securitySet, 'proc-mount', { control: PodSecurityControl.PROC_MOUNT });
 * @see https://kyverno.io/policies/?policytypes=Pod%2520Security%2520Standards%2520%28Baseline%29
 */
export class PodSecurityControlPolicy extends CatalogPolicy {
  /** The control. */
  public readonly control: PodSecurityControl;

  public constructor(scope: Construct, id: string, props: PodSecurityControlPolicyProps) {
    const def = controlDefinition(props.control);
    super(scope, id, props, {
      name: def.control,
      title: def.title,
      category: def.restricted ? CatalogCategory.POD_SECURITY_RESTRICTED : CatalogCategory.POD_SECURITY_BASELINE,
      severity: Severity.MEDIUM,
      subject: def.subject,
      description: def.description,
    }, def.rules());
    this.control = props.control;
  }
}
