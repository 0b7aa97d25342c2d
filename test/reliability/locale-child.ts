/**
 * Child process of locale.test.ts: synthesizes the example seed and a repository whose names sort
 * differently under Danish and Turkish collation into `argv[2]`, then prints how localeCompare
 * orders a few names in this process's locale (to prove the locale was in effect).
 */
import * as path from 'path';
import { ApiObject, App } from 'cdk8s';
import { writeSeed } from '../../examples/main';
import { ClusterPolicy, RuleStatus, PolicyTest } from '../../src';
import { PolicyRepo, PolicySet } from '../../src/repo';

const out = process.argv[2];
writeSeed(path.join(out, 'seed'));

// names whose order differs by locale: Danish sorts "aa" after "z", Turkish "i" and "ı" apart
const NAMES = ['aa', 'ab', 'b', 'i', 'z'];
const repo = new PolicyRepo(new App(), 'locale', { environments: ['dev'] });
const set = new PolicySet(repo, 'locale', { version: '1.0.0' });
for (const n of NAMES) {
  new ClusterPolicy(set, `${n}-policy`, {
    rules: [{ name: 'check', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'a name is required', pattern: { metadata: { name: '?*' } } } }],
  });
}
const test = new PolicyTest(set, 'pods');
for (const n of NAMES) {
  const pod = new ApiObject(test, n, { apiVersion: 'v1', kind: 'Pod', metadata: { name: n, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } as any);
  for (const p of NAMES) test.expect(pod, `${p}-policy`, 'check', RuleStatus.PASS);
}
repo.synth(path.join(out, 'locale'));
process.stdout.write(JSON.stringify([...NAMES, 'I', 'ı', 'Z'].sort((a, b) => a.localeCompare(b))));
