/**
 * The public entry point of the offline engine (jsii-friendly static methods over the pure
 * functions of this folder).
 */
import { evaluatePolicy, ruleCategory } from './evaluate';
import { EvaluationOptions } from './evaluation-options';
import { RuleResult } from './result';

/**
 * Evaluates Kyverno policies (ClusterPolicy, Policy and the policies.kyverno.io kinds:
 * ValidatingPolicy, MutatingPolicy, GeneratingPolicy, ImageValidatingPolicy, DeletingPolicy and
 * their Namespaced forms) and Kubernetes ValidatingAdmissionPolicy / MutatingAdmissionPolicy
 * (bindings and parameter resources in `options`) against resources in process, as Kyverno's
 * engine decides, without a cluster or the Kyverno binary.
 *
 * @example
 * const results = PolicyEngine.evaluate(policy.toJson(), pod.toJson());
 */
export class PolicyEngine {
  /**
   * Every result of `policy` on `resource`: one per rule that matches (autogen rules as
   * `autogen-<rule>` / `autogen-cronjob-<rule>`; a CEL policy gives one result named after the
   * policy, with `patchedResource` for a MutatingPolicy and `generatedResources` for a
   * GeneratingPolicy). Rules that do not match produce no result. Mutate rules run first (each on
   * the resource the previous ones patched; their results carry `patchedResource`), the other rules
   * then see the mutated resource. Generate rules report the resources they generate
   * (`generatedResources`, clone sources from `options.cloneSources`). Image signature checks,
   * mutate-existing rules without `targetResources` and rules that need a live lookup are reported
   * UNSUPPORTED.
   */
  public static evaluate(policy: any, resource: any, options?: EvaluationOptions): RuleResult[] {
    return evaluatePolicy(policy, resource, options ?? {});
  }

  /**
   * The kind of check a rule performs: pattern, deny, foreach, cel, podSecurity, mutate, generate or unsupported.
   */
  public static ruleCategory(rule: any): string {
    return ruleCategory(rule);
  }

  private constructor() {}
}
