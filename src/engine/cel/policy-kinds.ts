/**
 * Which evaluator handles each CEL policy kind: the policies.kyverno.io family and the
 * Kubernetes admission policies. Bindings and PolicyExceptions are inputs, not policies.
 */
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

const KYVERNO_GROUP = 'policies.kyverno.io/';
const ADMISSION_GROUP = 'admissionregistration.k8s.io/';

const EVALUATORS: { [kind: string]: { group: string; evaluate: Evaluator } } = {
  ValidatingPolicy: { group: KYVERNO_GROUP, evaluate: evaluateValidatingPolicy },
  NamespacedValidatingPolicy: { group: KYVERNO_GROUP, evaluate: evaluateValidatingPolicy },
  MutatingPolicy: { group: KYVERNO_GROUP, evaluate: evaluateMutatingPolicy },
  NamespacedMutatingPolicy: { group: KYVERNO_GROUP, evaluate: evaluateMutatingPolicy },
  GeneratingPolicy: { group: KYVERNO_GROUP, evaluate: evaluateGeneratingPolicy },
  NamespacedGeneratingPolicy: { group: KYVERNO_GROUP, evaluate: evaluateGeneratingPolicy },
  ImageValidatingPolicy: { group: KYVERNO_GROUP, evaluate: evaluateImageValidatingPolicy },
  NamespacedImageValidatingPolicy: { group: KYVERNO_GROUP, evaluate: evaluateImageValidatingPolicy },
  DeletingPolicy: { group: KYVERNO_GROUP, evaluate: evaluateDeletingPolicy },
  NamespacedDeletingPolicy: { group: KYVERNO_GROUP, evaluate: evaluateDeletingPolicy },
  ValidatingAdmissionPolicy: { group: ADMISSION_GROUP, evaluate: evaluateValidatingAdmissionPolicy },
  MutatingAdmissionPolicy: { group: ADMISSION_GROUP, evaluate: evaluateMutatingAdmissionPolicy },
};

function evaluatorOf(policy: any): Evaluator | undefined {
  const entry = EVALUATORS[String(policy?.kind ?? '')];
  return entry && String(policy?.apiVersion ?? '').startsWith(entry.group) ? entry.evaluate : undefined;
}

/** Whether the document is a CEL policy the engine evaluates (not a binding or an exception). */
export function isCelPolicy(policy: any): boolean {
  return evaluatorOf(policy) !== undefined;
}

/** Evaluates a CEL policy of any kind on `resource` (see each kind's evaluator). */
export function evaluateCelPolicy(policy: any, resource: any, ctx: CelContext, inputs: AdmissionPolicyInputs = {}): RuleResult[] {
  const evaluate = evaluatorOf(policy);
  if (!evaluate) throw new Error(`${policy?.apiVersion ?? '?'} ${policy?.kind ?? '?'} is not a CEL policy kind`);
  return evaluate(policy, resource, ctx, inputs);
}
