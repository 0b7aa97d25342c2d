/**
 * Pod controller autogen, as Kyverno's pkg/autogen: rules matching Pods are also applied to the
 * pod templates of controllers as `autogen-<rule>` (Deployment, StatefulSet, DaemonSet, Job,
 * ReplicaSet, ReplicationController) and `autogen-cronjob-<rule>` (CronJob).
 * @see https://kyverno.io/docs/writing-policies/autogen/
 */

export const AUTOGEN_ANNOTATION = 'pod-policies.kyverno.io/autogen-controllers';
const DEFAULT_CONTROLLERS = ['DaemonSet', 'Deployment', 'Job', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'CronJob'];

function kindName(k: string): string {
  const parts = k.split('/');
  // Group/Version/Kind, Version/Kind, Kind/subresource
  if (parts.length >= 3) return parts[2];
  if (parts.length === 2) return /^[A-Z]/.test(parts[0]) ? parts[0] : parts[1];
  return parts[0];
}

function isPodKind(k: string): boolean {
  return kindName(k) === 'Pod';
}

function descriptions(block: any): any[] {
  if (!block) return [];
  const out: any[] = [];
  if (block.resources) out.push(block.resources);
  for (const f of block.any ?? []) out.push(f.resources ?? {});
  for (const f of block.all ?? []) out.push(f.resources ?? {});
  return out;
}

/** checkAutogenSupport: names, selectors, annotations, or Pod mixed with other kinds disable autogen. */
function supportsAutogen(descs: any[], needed: { v: boolean }): boolean {
  for (const d of descs) {
    const kinds: string[] = d.kinds ?? [];
    if (d.name || (d.names && d.names.length > 0) || d.selector || (d.annotations && Object.keys(d.annotations).length > 0)) return false;
    if (kinds.length > 1 && kinds.some(isPodKind)) return false;
    needed.v = needed.v || kinds.some(isPodKind);
  }
  return true;
}

/** The controllers Kyverno generates rules for (empty when autogen is off). */
export function autogenControllers(policy: any): string[] {
  const needed = { v: false };
  for (const rule of policy?.spec?.rules ?? []) {
    // CanAutoGen: JSON patches and generate rules turn autogen off for the whole policy
    if (rule?.generate || rule?.mutate?.patchesJson6902) return [];
    if ((rule?.mutate?.foreach ?? []).some((fe: any) => fe?.patchesJson6902)) return [];
    if (!supportsAutogen(descriptions(rule.match), needed)) return [];
    if (!supportsAutogen(descriptions(rule.exclude), needed)) return [];
  }
  if (!needed.v) return [];
  const ann = policy?.metadata?.annotations?.[AUTOGEN_ANNOTATION];
  if (ann === undefined || ann === null) return DEFAULT_CONTROLLERS;
  const list = String(ann).split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (list.includes('none')) return [];
  return list;
}

/** Whether a rule matches Pods at all (only those are generated). */
export function ruleMatchesPods(rule: any): boolean {
  return descriptions(rule.match).some((d) => (d.kinds ?? []).some(isPodKind));
}

/** A generated rule: evaluated on the pod template of `kinds`. */
export interface AutogenRule {
  readonly name: string;
  readonly rule: any;
  readonly kinds: string[];
  readonly cronJob: boolean;
}

function replaceKinds(block: any, kinds: string[]): any {
  if (!block) return block;
  const fix = (d: any) => (d && d.kinds ? { ...d, kinds: d.kinds.some(isPodKind) ? kinds : d.kinds } : d);
  const out: any = { ...block };
  if (block.resources) out.resources = fix(block.resources);
  if (block.any) out.any = block.any.map((f: any) => ({ ...f, resources: fix(f.resources) }));
  if (block.all) out.all = block.all.map((f: any) => ({ ...f, resources: fix(f.resources) }));
  return out;
}

/** Kyverno's textual rewrite of variables for a pod template (updateGenRuleByte). */
function rewriteVariables(rule: any, cronJob: boolean): any {
  const template = cronJob ? 'spec.jobTemplate.spec.template' : 'spec.template';
  let text = JSON.stringify(rule);
  for (const root of ['request.object', 'request.oldObject']) {
    text = text.split(`${root}.spec`).join(`${root}.${template}.spec`);
    text = text.split(`${root}.metadata`).join(`${root}.${template}.metadata`);
  }
  return JSON.parse(text);
}

function wrapPattern(pattern: any, cronJob: boolean): any {
  return cronJob ? { spec: { jobTemplate: { spec: { template: pattern } } } } : { spec: { template: pattern } };
}

/** The rule body Kyverno evaluates on the controller itself (variables rewritten, patterns and strategic merge patches wrapped). */
function controllerRule(rule: any, cronJob: boolean): any {
  const { match, exclude, ...body } = rule;
  const out = rewriteVariables(body, cronJob);
  if (out.validate && !out.validate.cel && !out.validate.podSecurity) {
    if (out.validate.pattern !== undefined) out.validate.pattern = wrapPattern(out.validate.pattern, cronJob);
    if (Array.isArray(out.validate.anyPattern)) out.validate.anyPattern = out.validate.anyPattern.map((p: any) => wrapPattern(p, cronJob));
  }
  if (out.mutate?.patchStrategicMerge !== undefined) out.mutate.patchStrategicMerge = wrapPattern(out.mutate.patchStrategicMerge, cronJob);
  if (Array.isArray(out.mutate?.foreach)) {
    out.mutate.foreach = out.mutate.foreach.map((fe: any) => (fe?.patchStrategicMerge !== undefined
      ? { ...fe, patchStrategicMerge: wrapPattern(fe.patchStrategicMerge, cronJob) } : fe));
  }
  return { ...out, match, exclude };
}

interface Generated { readonly rulesRef: unknown; readonly annotation: unknown; readonly rules: AutogenRule[] }
const generated = new WeakMap<object, Generated>();

/**
 * The rules Kyverno adds for the policy's Pod rules. Cached per policy object while its rules
 * list and autogen annotation stay the same objects/values.
 */
export function autogenRules(policy: any): AutogenRule[] {
  if (policy === null || typeof policy !== 'object') return [];
  const rulesRef = policy.spec?.rules;
  const annotation = policy.metadata?.annotations?.[AUTOGEN_ANNOTATION];
  const cached = generated.get(policy);
  if (cached && cached.rulesRef === rulesRef && cached.annotation === annotation) return cached.rules;
  const rules = computeAutogenRules(policy);
  generated.set(policy, { rulesRef, annotation, rules });
  return rules;
}

function computeAutogenRules(policy: any): AutogenRule[] {
  const controllers = autogenControllers(policy);
  if (controllers.length === 0) return [];
  const plain = controllers.filter((c) => c !== 'CronJob');
  const cron = controllers.includes('CronJob');
  const out: AutogenRule[] = [];
  for (const rule of policy?.spec?.rules ?? []) {
    if (!rule?.name || String(rule.name).startsWith('autogen-') || !ruleMatchesPods(rule)) continue;
    if (!(rule.validate || rule.mutate || rule.verifyImages)) continue;
    if (plain.length > 0) {
      out.push({
        name: `autogen-${rule.name}`,
        rule: controllerRule({ ...rule, name: `autogen-${rule.name}`, match: replaceKinds(rule.match, plain), exclude: replaceKinds(rule.exclude, plain) }, false),
        kinds: plain,
        cronJob: false,
      });
    }
    if (cron) {
      out.push({
        name: `autogen-cronjob-${rule.name}`,
        rule: controllerRule({ ...rule, name: `autogen-cronjob-${rule.name}`, match: replaceKinds(rule.match, ['CronJob']), exclude: replaceKinds(rule.exclude, ['CronJob']) }, true),
        kinds: ['CronJob'],
        cronJob: true,
      });
    }
  }
  return out;
}

/**
 * The pod a controller's template describes (Kyverno rewrites `request.object.spec` to the
 * template's spec and `request.object.metadata` to its metadata; evaluating the rule on this pod
 * is equivalent). Undefined when the controller has no template.
 */
export function podFromTemplate(controller: any, cronJob: boolean): any | undefined {
  const template = cronJob ? controller?.spec?.jobTemplate?.spec?.template : controller?.spec?.template;
  if (!template || typeof template !== 'object') return undefined;
  const pod: any = { apiVersion: 'v1', kind: 'Pod' };
  if (template.metadata !== undefined) pod.metadata = template.metadata;
  if (template.spec !== undefined) pod.spec = template.spec;
  return pod;
}
