/**
 * Rendering and checks of CEL mutations, shared by MutatingPolicy and MutatingAdmissionPolicy.
 * Internal module, not exported from index.
 */
import { CelMutation, PatchType } from './cel-mutation';

/**
 * The manifest form of CEL mutations (`{patchType, applyConfiguration|jsonPatch: {expression}}`).
 * Shared with MutatingAdmissionPolicy.
 */
export function renderMutations(mutations: CelMutation[] | undefined): any[] | undefined {
  return mutations?.map((m) => (m.patchType === PatchType.JSON_PATCH
    ? { patchType: m.patchType, jsonPatch: { expression: m.expression } }
    : { patchType: m.patchType, applyConfiguration: { expression: m.expression } }));
}

/** At least one mutation, each of a known patch type with an expression. */
export function mutationsProblems(mutations: CelMutation[] | undefined, at = 'spec.mutations'): string[] {
  const out: string[] = [];
  if (!Array.isArray(mutations) || mutations.length === 0) out.push(`${at}: list at least one mutation`);
  const types = Object.values(PatchType) as string[];
  (mutations ?? []).forEach((m, i) => {
    if (!types.includes(m?.patchType)) out.push(`${at}[${i}].patchType: ${JSON.stringify(m?.patchType)} is not one of ${types.join(', ')}`);
    if (typeof m?.expression !== 'string' || m.expression.trim().length === 0) out.push(`${at}[${i}].expression: a mutation needs a CEL expression`);
  });
  return out;
}
