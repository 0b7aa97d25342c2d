import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { parseYamlDocuments } from '../../src/core/yaml';
import { ImportedPolicy } from '../../src/kyverno';
import { crdErrors } from '../support/crd-validator';
import { listFiles } from '../support/files';
import { describeWithShared, sharedPath } from '../support/shared';

/** Policy YAML files of the community library (the .kyverno-test suites are not policies). */
function policyFiles(): string[] {
  const root = sharedPath('conformance', 'kyverno-policies');
  return listFiles(root, (name) => name.startsWith('.')).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(root, f));
}

function documents(kinds: string[]): Array<[string, any]> {
  const root = sharedPath('conformance', 'kyverno-policies');
  const docs: Array<[string, any]> = [];
  for (const file of policyFiles()) {
    const rel = path.relative(root, file);
    parseYamlDocuments(fs.readFileSync(file, 'utf-8'), rel)
      .filter((d) => kinds.includes(d?.kind) && String(d?.apiVersion).match(/^(kyverno|policies\.kyverno)\.io\//))
      .forEach((d, i) => docs.push([`${rel}#${i}`, d]));
  }
  return docs;
}

describeWithShared('fromManifest round trip of the community library', () => {
  const clusterPolicies = documents(['ClusterPolicy', 'Policy']);
  const validatingPolicies = documents(['ValidatingPolicy']);

  test('the library is there (guards against an empty glob)', () => {
    expect(clusterPolicies.length).toBeGreaterThan(200);
    expect(validatingPolicies.length).toBeGreaterThan(50);
  });

  test.each(clusterPolicies)('%s round-trips unchanged and validates against the v1.19.0 CRD', (_name, doc) => {
    const chart = new Chart(Testing.app(), 'library');
    const policy = doc.kind === 'Policy' ? ImportedPolicy.policy(chart, 'p', doc) : ImportedPolicy.clusterPolicy(chart, 'p', doc);
    expect(policy.toJson()).toStrictEqual(doc);
    expect(Testing.synth(chart)).toStrictEqual([doc]);
    expect(policy.node.validate()).toEqual([]);
    expect(crdErrors(policy.toJson(), 'v1.19.0')).toEqual([]);
    expect(policy.policyName).toBe(doc.metadata.name);
    expect(policy.rules).toStrictEqual(doc.spec.rules);
  });

  test.each(validatingPolicies)('%s (ValidatingPolicy) round-trips unchanged and validates against the v1.19.0 CRD', (_name, doc) => {
    const chart = new Chart(Testing.app(), 'library');
    const policy = ImportedPolicy.fromManifest(chart, 'p', doc);
    expect(policy.toJson()).toStrictEqual(doc);
    expect(policy.node.validate()).toEqual([]);
    expect(crdErrors(policy.toJson(), 'v1.19.0')).toEqual([]);
  });
});
