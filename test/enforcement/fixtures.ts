/** A small platform folder (index.json, rendered/<env>/all.yaml) and manifests, written to a temp folder. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** disallow-latest-tag with the given failure action, and require-team-label (Audit everywhere, Enforce for namespace `payments`). */
export function policies(action: string): string {
  return `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: disallow-latest-tag
  annotations:
    policies.kyverno.io/category: Security
    policies.kyverno.io/severity: medium
spec:
  rules:
    - name: validate-image-tag
      match:
        any:
          - resources:
              kinds: [Pod]
      validate:
        failureAction: ${action}
        message: An image tag other than latest is required.
        pattern:
          spec:
            containers:
              - image: "!*:latest"
---
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-team-label
spec:
  validationFailureAction: Audit
  validationFailureActionOverrides:
    - action: Enforce
      namespaces: [payments]
  rules:
    - name: check-team
      match:
        any:
          - resources:
              kinds: [Deployment, ConfigMap, Namespace]
      validate:
        message: The label team is required.
        pattern:
          metadata:
            labels:
              team: "?*"
`;
}

export const GOOD_POD = `apiVersion: v1
kind: Pod
metadata:
  name: good
  namespace: shop
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

export const LATEST_POD = `apiVersion: v1
kind: Pod
metadata:
  name: latest
  namespace: shop
spec:
  containers:
    - name: app
      image: nginx:latest
`;

export const UNLABELLED_CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  a: b
`;

/** A fresh temp folder. */
export function tempDir(prefix = 'apply-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes files (relative path → content) under `dir`; returns `dir`. */
export function writeTree(dir: string, files: { [rel: string]: string }): string {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** A platform folder as PolicyPlatform.synth writes it: dev audits, prd enforces; one git source not rendered. */
export function platformFolder(): string {
  const index = {
    platform: 'test-platform',
    version: '1.0.0',
    environments: ['dev', 'prd'],
    sources: [
      { name: 'kyverno-policies', kind: 'git', url: 'https://github.com/kyverno/policies/archive/0123456789abcdef0123456789abcdef01234567.tar.gz', commit: '0123456789abcdef0123456789abcdef01234567', rendered: false, policiesKnown: false, policies: [] },
      { name: 'security', kind: 'repo', path: '/repos/security/', rendered: true, policiesKnown: true, policies: ['ClusterPolicy/disallow-latest-tag'] },
    ],
  };
  return writeTree(tempDir('platform-'), {
    'index.json': JSON.stringify(index, null, 2),
    'rendered/dev/all.yaml': `# rendered\n---\n${policies('Audit')}`,
    'rendered/prd/all.yaml': `# rendered\n---\n${policies('Enforce')}`,
  });
}
