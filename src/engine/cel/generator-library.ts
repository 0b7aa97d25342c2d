/**
 * Kyverno's `generator` CEL library: `generator.Apply(namespace, [objects])` creates the objects
 * in the namespace. Offline, each evaluation collects what it would create.
 * @see https://kyverno.io/docs/policy-types/generating-policy/
 */
import { CelScalar, celFunc, listType } from '@bufbuild/cel';
import type { CelFunc } from '@bufbuild/cel';

/** The objects the evaluation running now has created (set by `collectGenerated`). */
let sink: any[] | undefined;

/**
 * Runs `evaluate` and returns what its `generator.Apply` calls created, as plain JSON with the
 * namespace set (cluster-scoped when the namespace is '').
 */
export function collectGenerated(evaluate: () => void, fromCel: (v: any) => any): any[] {
  const previous = sink;
  const collected: any[] = [];
  sink = collected;
  try {
    evaluate();
  } finally {
    sink = previous;
  }
  return collected.map(({ namespace, object }) => {
    const o = fromCel(object);
    if (namespace === '') return o;
    return { ...o, metadata: { ...(o?.metadata ?? {}), namespace } };
  });
}

/** The library's functions (the desugared `generator.Apply` is `__kyverno_generator_Apply`). */
export const GENERATOR_FUNCS: CelFunc[] = [
  celFunc('__kyverno_generator_Apply', [CelScalar.STRING, listType(CelScalar.DYN)], CelScalar.DYN, (namespace, objects) => {
    if (!sink) throw new Error('generator.Apply is only available in a GeneratingPolicy generate expression');
    for (const object of objects) sink.push({ namespace, object });
    return null;
  }),
];
