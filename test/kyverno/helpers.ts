import { Chart, Testing } from 'cdk8s';
import { ClusterPolicy, ClusterPolicyProps, Rule } from '../../src/kyverno';
import { crdErrors } from '../support/crd-validator';
import { hasShared } from '../support/shared';

/** A chart in a fresh app. */
export function newChart(props: { namespace?: string; labels?: { [k: string]: string } } = {}): Chart {
  return new Chart(Testing.app(), 'test', props);
}

/** Pod match used by most examples. */
export const PODS = { any: [{ resources: { kinds: ['Pod'] } }] };

/**
 * Synthesizes one ClusterPolicy with the given rules, asserts it has no validation problems and is
 * valid against the CRD of `crdVersion` (when ../shared is present), and returns its manifest.
 */
export function synthPolicy(rules: Rule[], props: ClusterPolicyProps = {}, crdVersion = 'v1.13.2'): any {
  const chart = newChart();
  const policy = new ClusterPolicy(chart, 'p', { rules, ...props });
  expect(policy.node.validate()).toEqual([]);
  const [manifest] = Testing.synth(chart);
  expect(manifest).toStrictEqual(policy.toJson());
  expectCrdValid(manifest, crdVersion);
  return manifest;
}

/** Asserts the manifest validates against the CRD version (skipped without ../shared). */
export function expectCrdValid(manifest: any, crdVersion: string): void {
  if (hasShared()) expect(crdErrors(manifest, crdVersion)).toEqual([]);
}

/** The single rule of a synthesized policy. */
export function synthRule(rule: Rule, props: ClusterPolicyProps = {}): any {
  return synthPolicy([rule], props).spec.rules[0];
}
