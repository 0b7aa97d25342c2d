/**
 * verifyImages offline: a rule with no image matching its imageReferences is skipped with
 * Kyverno's message; one with an image to verify is unsupported and names the registry checks.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/verify-images/
 */
import { pod, policyWith } from './helpers';
import { PolicyEngine, RuleStatus } from '../../src/engine';

const keyless = { entries: [{ keyless: { subject: 'https://github.com/acme/*', issuer: 'https://token.actions.githubusercontent.com' } }] };
const verify = (entries: any[], extra: any = {}) => policyWith({ verifyImages: entries, ...extra });
const result = (policy: any, resource: any) => {
  const r = PolicyEngine.evaluate(policy, resource);
  return r.map((x) => [x.rule, x.status, x.message]);
};

test('no image matches imageReferences: skip, with Kyverno\'s message repeating the references per image', () => {
  const p = verify([{ imageReferences: ['ghcr.io/acme/*'], attestors: [keyless] }]);
  const resource = pod({ containers: [{ name: 'a', image: 'nginx:1.25' }], initContainers: [{ name: 'i', image: 'busybox' }] });
  expect(result(p, resource)).toEqual([
    ['r', RuleStatus.SKIP, "skip run verification as image in resource not found in imageRefs 'ghcr.io/acme/*,ghcr.io/acme/*'"],
  ]);
});

test('the deprecated image field counts as imageReferences; references match the normalized image', () => {
  const p = verify([{ image: 'docker.io/library/*' }]);
  expect(result(p, pod({ containers: [{ name: 'a', image: 'ghcr.io/x/y:1' }] }))[0][1]).toBe(RuleStatus.SKIP);
  const hit = result(verify([{ imageReferences: ['docker.io/nginx:*'] }]), pod({ containers: [{ name: 'a', image: 'nginx:1.25' }] }));
  expect(hit[0][1]).toBe(RuleStatus.UNSUPPORTED);
});

test('an image to verify is unsupported, naming what needs the registry', () => {
  const p = verify([{ imageReferences: ['ghcr.io/acme/*'], attestors: [keyless], mutateDigest: false }]);
  expect(result(p, pod({ containers: [{ name: 'a', image: 'ghcr.io/acme/app:1.0' }] }))).toEqual([[
    'r', RuleStatus.UNSUPPORTED,
    'verifyImages needs a registry: ghcr.io/acme/app:1.0 matches imageReferences and would be checked for attestors (Cosign signature verification), '
      + 'verifyDigest (digest lookup), required (verified-image annotation of a verified image)',
  ]]);
  const attest = verify([{ imageReferences: ['*'], attestations: [{ type: 'https://slsa.dev/provenance/v0.2' }], verifyDigest: false, mutateDigest: false, required: false }]);
  expect(result(attest, pod())[0][2]).toBe('verifyImages needs a registry: docker.io/nginx:1.25 matches imageReferences and would be checked for attestations (fetching and verifying attestation payloads)');
});

test('a resource without pod spec has no image: skip with empty references list', () => {
  const p = policyWith({ verifyImages: [{ imageReferences: ['*'] }] }, ['ConfigMap']);
  expect(result(p, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } })).toEqual([['r', RuleStatus.SKIP, "skip run verification as image in resource not found in imageRefs ''"]]);
});

test('autogen: a Deployment\'s template images are checked by the autogen rule', () => {
  const p = verify([{ imageReferences: ['ghcr.io/acme/*'], attestors: [keyless] }]);
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: 'default' },
    spec: { template: { spec: { containers: [{ name: 'a', image: 'nginx:1.25' }] } } },
  };
  expect(result(p, deployment)).toEqual([['autogen-r', RuleStatus.SKIP, "skip run verification as image in resource not found in imageRefs 'ghcr.io/acme/*'"]]);
});

test('imageExtractors are not evaluated offline', () => {
  const p = verify([{ imageReferences: ['*'] }], { imageExtractors: { Task: [{ path: '/spec/steps/*/image' }] } });
  expect(result(p, pod())[0].slice(1)).toEqual([RuleStatus.UNSUPPORTED, 'verifyImages with imageExtractors (custom image locations) is not evaluated offline']);
});
