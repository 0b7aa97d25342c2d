import { newChart, problemsOf } from './support';
import * as catalog from '../../src/catalog';
import { PolicyEngine, RuleStatus } from '../../src/engine';

const SUBJECT = 'https://github.com/acme/policy-platform/.github/workflows/policy-platform.yaml@refs/heads/main';

describe('VerifyPlatformImage', () => {
  test('a keyless verifyImages rule: the workflow identity, GitHub\'s issuer, Rekor, the SPDX SBOM attestation, admitted by digest', () => {
    const chart = newChart();
    const policy = new catalog.VerifyPlatformImage(chart, 'verify', { imageReferences: ['europe-west6-docker.pkg.dev/ops/charts/policy-platform*'], signerSubject: SUBJECT });
    expect(problemsOf(chart)).toEqual([]);
    const json = policy.toJson();
    expect(json.metadata.name).toBe('verify-platform-image');
    expect(json.metadata.annotations['policies.kyverno.io/severity']).toBe('high');
    const attestors = [{ entries: [{ keyless: { subject: SUBJECT, issuer: 'https://token.actions.githubusercontent.com', rekor: { url: 'https://rekor.sigstore.dev' } } }] }];
    expect(json.spec.rules).toEqual([{
      name: 'verify-platform-image',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      verifyImages: [{
        imageReferences: ['europe-west6-docker.pkg.dev/ops/charts/policy-platform*'],
        attestors,
        attestations: [{ type: 'https://spdx.dev/Document', attestors }],
        mutateDigest: true,
        verifyDigest: true,
        required: true,
      }],
    }]);
  });

  test('without the SBOM requirement, with a subject pattern and another issuer', () => {
    const json = new catalog.VerifyPlatformImage(newChart(), 'verify', {
      imageReferences: ['ghcr.io/acme/policy-platform*'],
      signerSubjectRegExp: '^https://github\\.com/acme/policy-platform/',
      issuer: 'https://issuer.example.com',
      requireSbom: false,
    }).toJson();
    const v = json.spec.rules[0].verifyImages[0];
    expect(v.attestations).toBeUndefined();
    expect(v.attestors[0].entries[0].keyless).toEqual({ subjectRegExp: '^https://github\\.com/acme/policy-platform/', issuer: 'https://issuer.example.com', rekor: { url: 'https://rekor.sigstore.dev' } });
  });

  test('refused without image references or with both/neither subject forms', () => {
    const chart = newChart();
    new catalog.VerifyPlatformImage(chart, 'a', { imageReferences: [], signerSubject: SUBJECT });
    new catalog.VerifyPlatformImage(chart, 'b', { imageReferences: ['x/y*'], signerSubject: SUBJECT, signerSubjectRegExp: '.*', name: 'other' });
    const problems = problemsOf(chart).join('\n');
    expect(problems).toContain('imageReferences: list at least one image reference (wildcards allowed)');
    expect(problems).toContain('give exactly one of signerSubject and signerSubjectRegExp (the signing workflow\'s identity)');
  });

  test('the offline engine reports it unsupported (the signature lives in the registry), never pass', () => {
    const policy = new catalog.VerifyPlatformImage(newChart(), 'verify', { imageReferences: ['reg.example.com/policy-platform*'], signerSubject: SUBJECT }).toJson();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'reg.example.com/policy-platform:1.0.0' }] } };
    expect(PolicyEngine.evaluate(policy, pod).map((r) => r.status)).toEqual([RuleStatus.UNSUPPORTED]);
  });
});
