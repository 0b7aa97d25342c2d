/**
 * The policies an environment enforces, loaded from what a platform ships: the folder
 * `PolicyPlatform.synth()` writes (`index.json`, `rendered/<env>/all.yaml`), the platform image's
 * `/repos` (`index.json`, `<repo>/rendered/<env>/*.yaml` per repository), a `PolicyPlatform`
 * construct, or any Kyverno policy files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { EnforcementInputError, readManifests } from './manifest-reader';
import { isCelPolicyDocument } from '../engine/cel-policy-kinds';
import { PolicyPlatform } from '../platform/policy-platform';

/** Kinds the offline engine evaluates. */
const EVALUATED_KINDS = new Set(['ClusterPolicy', 'Policy']);
/** The Kubernetes bindings that give admission policies their actions. */
const BINDING_KINDS = new Set(['ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicyBinding']);
/** Kyverno and Kubernetes admission policy groups: a kind of theirs that is not evaluated is reported. */
const POLICY_GROUPS = ['kyverno.io', 'policies.kyverno.io', 'admissionregistration.k8s.io'];
/** Kinds of those groups that take no part in admission of the checked resources. */
const NOT_ADMISSION = new Set(['CleanupPolicy', 'ClusterCleanupPolicy', 'DeletingPolicy', 'NamespacedDeletingPolicy', 'GlobalContextEntry', 'UpdateRequest',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'PolicyReport', 'ClusterPolicyReport']);

/** Policies, exceptions and what was left out. Internal. */
export interface LoadedPolicies {
  readonly environment?: string;
  readonly policies: any[];
  readonly exceptions: any[];
  /** ValidatingAdmissionPolicyBinding / MutatingAdmissionPolicyBinding objects (they decide the admission policies' actions). */
  readonly bindings: any[];
  /** Sources and policy kinds not evaluated, with why. */
  readonly notEvaluated: string[];
}

/** Sorts documents into evaluated policies, exceptions and kinds reported as not evaluated. */
export function classifyPolicyDocuments(
  docs: Iterable<{ object: any; where: string }>, environment?: string, notEvaluated: string[] = [],
): LoadedPolicies {
  const policies: any[] = [];
  const exceptions: any[] = [];
  const bindings: any[] = [];
  for (const { object, where } of docs) {
    const kind = String(object?.kind ?? '');
    const group = String(object?.apiVersion ?? '').split('/')[0];
    if (kind === 'PolicyException' && (group === 'kyverno.io' || group === 'policies.kyverno.io')) {
      exceptions.push(object);
    } else if (EVALUATED_KINDS.has(kind) && group === 'kyverno.io') {
      policies.push(object);
    } else if (BINDING_KINDS.has(kind) && group === 'admissionregistration.k8s.io') {
      bindings.push(object);
    } else if (isCelPolicyDocument(object) && !NOT_ADMISSION.has(kind)) {
      policies.push(object);
    } else if (POLICY_GROUPS.includes(group) && !NOT_ADMISSION.has(kind)) {
      notEvaluated.push(`${kind} ${object?.metadata?.name ?? ''} (${where}): the offline engine does not evaluate ${object.apiVersion} ${kind}`);
    }
  }
  return { environment, policies, exceptions, bindings, notEvaluated };
}

/** Every policy document under files or folders (`--policies`). */
export function loadPolicyFiles(paths: string[]): LoadedPolicies {
  const docs = [...readManifests(paths)].map((m) => ({ object: m.object, where: m.origin.file }));
  return classifyPolicyDocuments(docs);
}

function readIndex(dir: string): any {
  const file = path.join(dir, 'index.json');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new EnforcementInputError(`${dir}: no such platform folder`);
  }
  if (!fs.existsSync(file)) {
    throw new EnforcementInputError(`${dir}: not a policy platform folder: expected ${file} (PolicyPlatform.synth() writes index.json and rendered/<env>/all.yaml; the platform image has /repos/index.json and /repos/<repo>/rendered/<env>/)`);
  }
  try {
    const index = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(index?.environments) || !Array.isArray(index?.sources)) throw new Error('expected "environments" and "sources" lists');
    return index;
  } catch (e) {
    throw new EnforcementInputError(`${file}: not a platform index: ${(e as Error).message}`);
  }
}

function checkEnvironment(where: string, env: string, known: string[]): void {
  if (!known.includes(env)) {
    throw new EnforcementInputError(`${where}: unknown environment "${env}" (known environments: ${known.join(', ') || 'none'})`);
  }
}

function describeSource(s: any): string {
  if (s?.kind === 'git') return `library archive ${s.url ?? '?'} (commit ${s.commit ?? '?'})`;
  // index.json's `image` is the full reference (with its tag and digest)
  if (s?.kind === 'image') return `image ${s.image ?? '?'}`;
  return String(s?.kind ?? 'source');
}

function yamlFilesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((f) => path.join(dir, f));
}

/**
 * The policies of `env` in a synthesized platform folder or the platform image's `/repos`.
 * Sources the platform does not render per environment are listed as not evaluated.
 */
export function loadPlatformFolder(dir: string, env: string): LoadedPolicies {
  const index = readIndex(dir);
  const environments: string[] = index.environments.map(String);
  checkEnvironment(`${dir} (platform ${index.platform ?? '?'})`, env, environments);
  const notEvaluated: string[] = [];
  const files: string[] = [];
  const rendered = path.join(dir, 'rendered', env, 'all.yaml');
  if (fs.existsSync(path.join(dir, 'rendered'))) {
    // the folder PolicyPlatform synthesizes: one rendered file per environment
    if (!fs.existsSync(rendered)) throw new EnforcementInputError(`${dir}: expected ${rendered} for environment "${env}"`);
    files.push(rendered);
    for (const s of index.sources) {
      if (s?.rendered === false) notEvaluated.push(`source ${s.name} (${describeSource(s)}): not rendered per environment by the platform; its policies are not evaluated`);
    }
  } else {
    // the image's /repos: each repository ships its own rendered/<env>/
    for (const s of index.sources) {
      const repoDir = path.join(dir, String(s?.name ?? ''));
      const envDir = path.join(repoDir, 'rendered', env);
      if (fs.existsSync(envDir) && fs.statSync(envDir).isDirectory()) files.push(...yamlFilesIn(envDir));
      else if (!fs.existsSync(repoDir)) throw new EnforcementInputError(`${dir}: index.json lists source ${s?.name} but ${repoDir} does not exist`);
      else notEvaluated.push(`source ${s.name} (${describeSource(s)}): has no rendered/${env}/ folder; its policies are not evaluated`);
    }
  }
  const docs = [...readManifests(files)].map((m) => ({ object: m.object, where: m.origin.file }));
  return classifyPolicyDocuments(docs, env, notEvaluated);
}

/** The policies of `env` of a PolicyPlatform construct (what it renders in `rendered/<env>/all.yaml`). */
export function loadPlatform(platform: PolicyPlatform, env: string): LoadedPolicies {
  checkEnvironment(`${platform.node.path} (platform ${platform.platformName})`, env, platform.environments);
  const notEvaluated = platform.unrenderedSources.map((s) => `source ${s.repoName} (${s.kind}): not rendered per environment by the platform; its policies are not evaluated`);
  const docs = platform.render(env).map((object) => ({ object, where: `${platform.node.path} rendered/${env}` }));
  return classifyPolicyDocuments(docs, env, notEvaluated);
}
