/**
 * Factoring of per-environment knob values into the three values layers Helm merges:
 * chart values.yaml (the policy's value outside any environment-specific setting) ← cd/values.yaml
 * (overrides most environments share) ← cd/<env>/values.yaml (only what still differs).
 */
import { KNOB_NAMES, KnobValues, knobId } from './knobs';

/** The knob values of every policy (by values key): the chart default and each environment's value. */
export interface PolicyKnobTable {
  /** Values key -> the value outside environment-specific settings (chart values.yaml). */
  readonly defaults: Map<string, KnobValues>;
  /** Values key -> environment -> effective value. */
  readonly effective: Map<string, Map<string, KnobValues>>;
}

/** The `policies` section of each values layer. */
export interface FactoredValues {
  readonly chart: { [key: string]: any };
  readonly shared: { [key: string]: any };
  readonly perEnvironment: Map<string, { [key: string]: any }>;
}

/**
 * Factors knob values. For each knob, the value most environments share goes to cd/values.yaml when
 * it differs from the chart default (ties prefer the chart default, then the earliest environment);
 * each environment then lists only the knobs whose value still differs.
 */
export function factorKnobValues(table: PolicyKnobTable, environments: string[]): FactoredValues {
  const chart: { [key: string]: any } = {};
  const shared: { [key: string]: any } = {};
  const perEnvironment = new Map<string, { [key: string]: any }>(environments.map((e) => [e, {}]));
  for (const key of [...table.defaults.keys()].sort()) {
    const defaults = table.defaults.get(key)!;
    const byEnv = table.effective.get(key)!;
    chart[key] = { ...defaults };
    for (const knob of KNOB_NAMES) {
      const base = defaults[knob];
      const counts = new Map<string, { value: unknown; count: number; first: number }>();
      environments.forEach((env, index) => {
        const v = byEnv.get(env)![knob];
        const id = knobId(v);
        const c = counts.get(id);
        if (c) c.count++;
        else counts.set(id, { value: v, count: 1, first: index });
      });
      const baseId = knobId(base);
      let best = { id: baseId, count: counts.get(baseId)?.count ?? 0, first: -1, value: base as unknown };
      for (const [id, c] of counts) {
        if (c.count > best.count || (c.count === best.count && id !== baseId && best.id !== baseId && c.first < best.first)) {
          best = { id, count: c.count, first: c.first, value: c.value };
        }
      }
      if (best.id !== baseId) (shared[key] ??= {})[knob] = best.value;
      for (const env of environments) {
        const v = byEnv.get(env)![knob];
        if (knobId(v) !== best.id) ((perEnvironment.get(env)![key] ??= {}) as any)[knob] = v;
      }
    }
  }
  return { chart, shared, perEnvironment };
}
