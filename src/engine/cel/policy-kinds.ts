/**
 * Which evaluator handles each CEL policy kind: the policies.kyverno.io family and the
 * Kubernetes admission policies. Bindings and PolicyExceptions are inputs, not policies.
 */
import { isCelPolicyDocument } from '../cel-policy-kinds';
import { RuleResult } from '../result';
import { CelContext } from './context';
import { evaluateDeletingPolicy } from './deleting-policy';
import { evaluateGeneratingPolicy } from './generating-policy';
import { evaluateImageValidatingPolicy } from './image-validating-policy';
import { evaluateMutatingAdmissionPolicy } from './mutating-admission-policy';
import { evaluateMutatingPolicy } from './mutating-policy';
import { AdmissionPolicyInputs, evaluateValidatingAdmissionPolicy } from './validating-admission-policy';
import { evaluateValidatingPolicy } from './validating-policy';

type Evaluator = (policy: any, resource: any, ctx: CelContext, inputs: AdmissionPolicyInputs) => RuleResult[];

const EVALUATORS: { [kind: string]: Evaluator } = {
  ValidatingPolicy: evaluateValidatingPolicy,
  NamespacedValidatingPolicy: evaluateValidatingPolicy,
  MutatingPolicy: evaluateMutatingPolicy,
  NamespacedMutatingPolicy: evaluateMutatingPolicy,
  GeneratingPolicy: evaluateGeneratingPolicy,
  NamespacedGeneratingPolicy: evaluateGeneratingPolicy,
  ImageValidatingPolicy: evaluateImageValidatingPolicy,
  NamespacedImageValidatingPolicy: evaluateImageValidatingPolicy,
  DeletingPolicy: evaluateDeletingPolicy,
  NamespacedDeletingPolicy: evaluateDeletingPolicy,
  ValidatingAdmissionPolicy: evaluateValidatingAdmissionPolicy,
  MutatingAdmissionPolicy: evaluateMutatingAdmissionPolicy,
};

function evaluatorOf(policy: any): Evaluator | undefined {
  return isCelPolicyDocument(policy) ? EVALUATORS[String(policy.kind)] : undefined;
}

/** Evaluates a CEL policy of any kind on `resource` (see each kind's evaluator). */
export function evaluateCelPolicy(policy: any, resource: any, ctx: CelContext, inputs: AdmissionPolicyInputs = {}): RuleResult[] {
  const evaluate = evaluatorOf(policy);
  if (!evaluate) throw new Error(`${policy?.apiVersion ?? '?'} ${policy?.kind ?? '?'} is not a CEL policy kind`);
  return evaluate(policy, resource, ctx, inputs);
}
