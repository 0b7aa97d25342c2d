/**
 * Everything a repository's files and renders are computed from, built once per synth/render from
 * the validated tree: each policy's manifest, values key and knob values per environment, and the
 * factored values layers. Internal module.
 */
import { ApiObject } from 'cdk8s';
import { EffectiveSettings } from './environment-settings';
import { otherTemplateName } from './ordering';
import { PolicySet } from './policy-set';
import { compareBytes } from '../core/byte-order';
import { clone } from '../core/clone';
import { KnobValues } from '../helm/knobs';
import { placeKnobs } from '../helm/policy-knobs';
import { factorKnobValues } from '../helm/values-factoring';
import { mergeHelmValues } from '../helm/values-merge';
import { valuesSchema } from '../helm/values-schema';
import { checkValuesAgainstSchema } from '../helm/values-schema-check';
import { KyvernoPolicy } from '../kyverno/kyverno-policy';
import { KyvernoVersion } from '../kyverno/kyverno-version';
import { IPolicy } from '../kyverno/policy-identity';

/** One template of a chart. */
export interface TemplateEntry {
  /** `templates/<name>.yaml`. */
  readonly path: string;
  /** The object's manifest without knobs (plain JSON). */
  readonly manifest: any;
  /** Set for policies. */
  readonly policy?: PolicyEntry;
}

/** A policy with its knob values. */
export interface PolicyEntry {
  readonly construct: IPolicy;
  readonly key: string;
  readonly kyvernoVersion: string;
  readonly defaults: KnobValues;
  readonly effective: Map<string, KnobValues>;
}

/** One chart. */
export interface SetModel {
  readonly set: PolicySet;
  /** Templates in Helm's rendering order (sorted by path). */
  readonly templates: TemplateEntry[];
  /** The chart's values.yaml object. */
  readonly chartValues: { [key: string]: any };
}

/** The whole repository. */
export interface RepoModel {
  readonly environments: string[];
  readonly sets: SetModel[];
  /** cd/values.yaml object. */
  readonly sharedValues: { [key: string]: any };
  /** cd/<env>/values.yaml objects. */
  readonly environmentValues: Map<string, { [key: string]: any }>;
}

export function knobValues(s: EffectiveSettings): KnobValues {
  return {
    enabled: s.enabled,
    validationFailureAction: s.failureAction,
    background: s.background,
    excludedNamespaces: [...s.excludedNamespaces],
  };
}

/** Builds the model of a repository's sets (already validated). */
export function buildRepoModel(
  sets: PolicySet[],
  environments: string[],
  repoValues: { [key: string]: any },
  repoEnvironmentValues: { [env: string]: { [key: string]: any } },
): RepoModel {
  const defaults = new Map<string, KnobValues>();
  const effective = new Map<string, Map<string, KnobValues>>();
  const setModels: SetModel[] = [];
  const setKeys: string[][] = [];
  for (const set of sets) {
    const templates: TemplateEntry[] = [];
    const keys: string[] = [];
    const knobbed: IPolicy[] = [...set.policies, ...set.celPolicies];
    for (const policy of knobbed) {
      const key = set.valuesKeyOf(policy);
      const entry: PolicyEntry = {
        construct: policy,
        key,
        // the CEL kinds place their knobs by kind (validationActions, evaluation.background)
        kyvernoVersion: Object.prototype.isPrototypeOf.call(KyvernoPolicy.prototype, policy)
          ? (policy as KyvernoPolicy).kyvernoVersion : KyvernoVersion.V1_13,
        defaults: knobValues(set.effectiveSettings(policy)),
        effective: new Map(environments.map((e) => [e, knobValues(set.effectiveSettings(policy, e))])),
      };
      defaults.set(key, entry.defaults);
      effective.set(key, entry.effective);
      keys.push(key);
      templates.push({ path: `templates/${policy.policyName}.yaml`, manifest: (policy as unknown as ApiObject).toJson(), policy: entry });
    }
    for (const other of set.otherObjects) {
      templates.push({ path: `templates/${otherTemplateName(other)}.yaml`, manifest: (other as ApiObject).toJson() });
    }
    templates.sort((a, b) => compareBytes(a.path, b.path));
    setModels.push({ set, templates, chartValues: {} });
    setKeys.push(keys);
  }
  const factored = factorKnobValues({ defaults, effective }, environments);
  const sets2 = setModels.map((m, i) => {
    const chartValues: { [key: string]: any } = { ...m.set.values };
    if (setKeys[i].length > 0) {
      const policies: { [key: string]: any } = {};
      for (const key of [...setKeys[i]].sort()) policies[key] = factored.chart[key];
      chartValues.policies = policies;
    }
    return { ...m, chartValues };
  });
  const sharedValues = withPolicies(repoValues, factored.shared);
  const environmentValues = new Map(environments.map((e) => [e, withPolicies(repoEnvironmentValues[e] ?? {}, factored.perEnvironment.get(e)!)]));
  return { environments, sets: sets2, sharedValues, environmentValues };
}

function withPolicies(values: { [key: string]: any }, policies: { [key: string]: any }): { [key: string]: any } {
  const out = clone(values);
  if (Object.keys(policies).length > 0) out.policies = policies;
  return out;
}

/** The chart's values.schema.json. */
export function chartValuesSchema(set: SetModel): any {
  return valuesSchema(set.set.chartName, set.templates.filter((t) => t.policy).map((t) => t.policy!.key));
}

/**
 * The values a chart reads in an environment, as Helm computes them (cd files merged, coalesced
 * over the chart's values.yaml) and checks them against values.schema.json: Helm's error when
 * `helm template` would fail.
 */
export function mergedValues(model: RepoModel, set: SetModel, environment: string): { [key: string]: any } {
  const values = mergeHelmValues(set.chartValues, model.sharedValues, model.environmentValues.get(environment) ?? {});
  try {
    checkValuesAgainstSchema(set.set.chartName, chartValuesSchema(set), values);
  } catch (e) {
    throw new Error(`helm template charts/${set.set.chartName} -f cd/values.yaml -f cd/${environment}/values.yaml: ${(e as Error).message}`);
  }
  return values;
}

/** The resolved manifests of a chart in an environment, in template order. */
export function renderSetModel(model: RepoModel, set: SetModel, environment: string): any[] {
  const values = mergedValues(model, set, environment);
  const out: any[] = [];
  for (const t of set.templates) {
    if (!t.policy) {
      out.push(t.manifest);
      continue;
    }
    const knobs = values.policies[t.policy.key] as KnobValues;
    if (!knobs.enabled) continue;
    out.push(placeKnobs(t.manifest, {
      failureAction: knobs.validationFailureAction,
      background: knobs.background,
      excludedNamespaces: knobs.excludedNamespaces,
    }, t.policy.kyvernoVersion));
  }
  return out;
}
