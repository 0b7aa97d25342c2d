import * as fs from 'fs';
import { Testing } from 'cdk8s';
import { newChart, PODS } from './helpers';
import { parseYamlDocuments } from '../../src/core/yaml';
import { ImportedPolicy, KyvernoVersion } from '../../src/kyverno';
import { setFailureAction } from '../../src/kyverno/failure-action';
import { describeWithShared, sharedPath } from '../support/shared';

function library(version?: unknown): any {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: {
      name: 'require-labels',
      annotations: { 'policies.kyverno.io/title': 'Require Labels', ...(version === undefined ? {} : { 'kyverno.io/kyverno-version': version }) },
    },
    spec: {
      validationFailureAction: 'Audit',
      rules: [{ name: 'check', match: PODS, validate: { message: 'label team is required', pattern: { metadata: { labels: { team: '?*' } } } } }],
    },
  };
}

describe('fromManifest reads the targeted Kyverno release from kyverno.io/kyverno-version', () => {
  test.each([
    ['1.11.0', KyvernoVersion.V1_11],
    ['1.13', KyvernoVersion.V1_13],
    ['1.12.1', KyvernoVersion.V1_12],
    ['1.14.0', KyvernoVersion.V1_14],
    ['v1.15.2', KyvernoVersion.V1_15],
    ['1.10.0-alpha.2', KyvernoVersion.V1_10],
    ['1.9', KyvernoVersion.V1_10],
    ['1.6.0', KyvernoVersion.V1_10],
    ['1.7.3, 1.8.0-rc2', KyvernoVersion.V1_10],
    ['1.14.0, 1.12.0', KyvernoVersion.V1_12],
    ['1.25.0', KyvernoVersion.V1_19],
    ['2.0.0', KyvernoVersion.V1_19],
  ])('"%s" -> %s; the manifest is unchanged', (annotation, expected) => {
    const chart = newChart();
    const doc = library(annotation);
    const p = ImportedPolicy.clusterPolicy(chart, 'p', doc);
    expect(p.kyvernoVersion).toBe(expected);
    expect(p.toJson()).toStrictEqual(library(annotation));
    expect(Testing.synth(chart)).toStrictEqual([library(annotation)]);
    expect(p.node.validate()).toEqual([]);
  });

  test.each([
    ['no annotation', undefined],
    ['a value that names no release', 'latest'],
    ['an empty value', ''],
    ['a number (not a valid annotation value)', 1.1],
  ])('%s: the default, 1.13', (_what, annotation) => {
    expect(ImportedPolicy.clusterPolicy(newChart(), 'p', library(annotation)).kyvernoVersion).toBe(KyvernoVersion.V1_13);
  });

  test('an explicit kyvernoVersion wins over the annotation', () => {
    const p = ImportedPolicy.clusterPolicy(newChart(), 'p', library('1.11.0'), { kyvernoVersion: KyvernoVersion.V1_14 });
    expect(p.kyvernoVersion).toBe(KyvernoVersion.V1_14);
  });

  test('Policy reads it too', () => {
    const doc = { ...library('1.12.1'), kind: 'Policy', metadata: { ...library('1.12.1').metadata, namespace: 'team-a' } };
    const p = ImportedPolicy.policy(newChart(), 'p', doc);
    expect(p.kyvernoVersion).toBe(KyvernoVersion.V1_12);
    expect(p.toJson()).toStrictEqual(doc);
  });

  test('a failure action set later goes where the targeted release reads it', () => {
    const old = ImportedPolicy.clusterPolicy(newChart(), 'p', library('1.11.0'));
    const moved = old.toJson();
    setFailureAction(moved, 'Enforce', old.kyvernoVersion);
    expect(moved.spec.validationFailureAction).toBe('Enforce');
    expect(moved.spec.rules[0].validate.failureAction).toBeUndefined();

    const recent = ImportedPolicy.clusterPolicy(newChart(), 'p', library('1.14.0'));
    const movedRecent = recent.toJson();
    setFailureAction(movedRecent, 'Enforce', recent.kyvernoVersion);
    expect(movedRecent.spec.validationFailureAction).toBeUndefined();
    expect(movedRecent.spec.rules[0].validate.failureAction).toBe('Enforce');
  });
});

function libraryDoc(...parts: string[]): any {
  const file = sharedPath('conformance', 'kyverno-policies', ...parts);
  return parseYamlDocuments(fs.readFileSync(file, 'utf-8'), file).find((d) => d?.kind === 'ClusterPolicy');
}

describeWithShared('kyverno.io/kyverno-version in the community library', () => {
  test.each([
    [['consul-cel', 'enforce-min-tls-version', 'enforce-min-tls-version.yaml'], '1.11.0', KyvernoVersion.V1_11],
    [['traefik', 'disallow-default-tlsoptions', 'disallow-default-tlsoptions.yaml'], '1.6.0', KyvernoVersion.V1_10],
  ])('%j annotated %s targets %s and round-trips unchanged', (parts, annotation, expected) => {
    const doc = libraryDoc(...parts);
    expect(doc.metadata.annotations['kyverno.io/kyverno-version']).toBe(annotation);
    const p = ImportedPolicy.clusterPolicy(newChart(), 'p', doc);
    expect(p.kyvernoVersion).toBe(expected);
    expect(p.toJson()).toStrictEqual(doc);
    expect(p.node.validate()).toEqual([]);
  });
});
