/**
 * DisallowLatestTagValidatingPolicy: the CEL (ValidatingPolicy) form of DisallowLatestTag, the
 * same verdicts on cdk8s-plus workloads (Deployments through Kyverno's autogen).
 */
import { App, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DisallowLatestTagValidatingPolicy } from '../../src/catalog';
import { RuleStatus } from '../../src/engine';
import { FailureAction } from '../../src/kyverno';
import { PolicyRepo, PolicySet } from '../../src/repo';
import { PolicyTest } from '../../src/testing';
import { crdErrors } from '../support/crd-validator';
import { hasShared } from '../support/shared';

function setWith(props = {}) {
  const app: App = Testing.app();
  const repo = new PolicyRepo(app, 'security', { environments: ['dev', 'prd'] });
  const set = new PolicySet(repo, 'images', { version: '1.0.0', defaults: { environments: { prd: { failureAction: FailureAction.ENFORCE } } } });
  const policy = new DisallowLatestTagValidatingPolicy(set, 'disallow-latest-tag', props);
  return { repo, set, policy };
}

test('passing and failing cdk8s-plus resources', () => {
  const { set } = setWith({ disallowedTags: ['latest', 'dev-*'] });
  const test = new PolicyTest(set, 'tags', { namespace: 'apps' });
  const pinned = new kplus.Deployment(test, 'pinned', { containers: [{ image: 'ghcr.io/acme/web:1.27' }] });
  const registryPort = new kplus.Pod(test, 'port', { containers: [{ image: 'registry.local:5000/web:2.0' }] });
  const digest = new kplus.Pod(test, 'digest', { containers: [{ image: 'nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31' }] });
  const latest = new kplus.Deployment(test, 'latest', { containers: [{ image: 'nginx:latest' }] });
  const untagged = new kplus.Pod(test, 'untagged', { containers: [{ image: 'registry.local:5000/web' }] });
  const devTag = new kplus.Pod(test, 'dev', { containers: [{ image: 'ghcr.io/acme/web:1.0' }], initContainers: [{ image: 'busybox:dev-42' }] });
  for (const ok of [pinned, registryPort, digest]) test.expect(ok, 'disallow-latest-tag', 'disallow-latest-tag', RuleStatus.PASS);
  for (const bad of [latest, untagged, devTag]) test.expect(bad, 'disallow-latest-tag', 'disallow-latest-tag', RuleStatus.FAIL);
  const report = test.run();
  expect(report.mismatches).toEqual([]);
  expect(report.results.filter((r) => r.actual === 'fail').map((r) => [r.resource, r.reason])).toEqual([
    ['security-images-tags-latest', "Using a mutable image tag e.g. 'latest', 'dev-*' is not allowed."],
    ['security-images-tags-dev', "Using a mutable image tag e.g. 'latest', 'dev-*' is not allowed."],
    ['security-images-tags-untagged', 'An image tag is required.'],
  ]);
});

test('CRD-valid; the failure action knob becomes validationActions per environment', () => {
  const { repo, policy } = setWith();
  expect(policy.node.validate()).toEqual([]);
  const dev = repo.render('dev')[0];
  const prd = repo.render('prd')[0];
  expect([dev.kind, dev.metadata.name, dev.spec.validationActions, prd.spec.validationActions]).toEqual(['ValidatingPolicy', 'disallow-latest-tag', ['Audit'], ['Deny']]);
  if (hasShared()) expect(crdErrors(prd, 'v1.19.0')).toEqual([]);
});

test('bad options are reported', () => {
  const { policy } = setWith({ requireTag: false, disallowedTags: [] });
  expect(policy.node.validate()).toEqual([
    'security/images/disallow-latest-tag: spec.validations: list at least one CEL validation',
    'security/images/disallow-latest-tag: requireTag, disallowedTags: the policy checks nothing (set requireTag or list a tag)',
  ]);
  expect(setWith({ disallowedTags: ['a b'] }).policy.node.validate()).toEqual(['security/images/disallow-latest-tag: disallowedTags: "a b" is not an image tag (letters, digits, \'_\', \'.\', \'-\' and the wildcards \'*\', \'?\')']);
});
