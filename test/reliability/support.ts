/**
 * Helpers of the reliability suite: a folder's exact state (to prove a refused or failed synthesis
 * changed no byte) and a small valid repository to break one input at a time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterPolicy, ClusterPolicyProps } from '../../src/kyverno';
import { PolicyRepo, PolicyRepoProps, PolicySet } from '../../src/repo';

/** A fresh temporary folder (removed by the OS; tests write little). */
export function tmpDir(prefix = 'reliability-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Every file and folder under `dir` with its bytes (base64) and mode; undefined when `dir` does not
 * exist. Equal snapshots: byte-identical folders.
 */
export function snapshot(dir: string): { [relative: string]: string } | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const out: { [relative: string]: string } = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p).split(path.sep).join('/');
      if (e.isDirectory()) {
        out[`${rel}/`] = '';
        walk(p);
      } else {
        out[rel] = `${fs.statSync(p).mode.toString(8)} ${fs.readFileSync(p).toString('base64')}`;
      }
    }
  };
  walk(dir);
  return out;
}

/** The error `fn` throws (fails when it does not throw). */
export function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, none was thrown');
}

/** A valid rule matching Pods. */
export const RULE = { name: 'check', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'a name is required', pattern: { metadata: { name: '?*' } } } };

/** A repository `team` (environments dev, prd) with one set `team` holding policy `p` built from `props`. */
export function teamRepo(
  props: Partial<ClusterPolicyProps> = {},
  repoProps: Partial<PolicyRepoProps> = {},
  scope: Construct = new App(),
): { repo: PolicyRepo; set: PolicySet } {
  const repo = new PolicyRepo(scope, 'team', { environments: ['dev', 'prd'], ...repoProps });
  const set = new PolicySet(repo, 'team', { version: '1.0.0' });
  new ClusterPolicy(set, 'p', { rules: [RULE], ...props });
  return { repo, set };
}
