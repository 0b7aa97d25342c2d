/** The manifest reader streams: objects come one document at a time, errors name file and document. */
import * as path from 'path';
import { GOOD_POD, tempDir, writeTree } from './fixtures';
import { EnforcementInputError, readManifests } from '../../src/enforcement/manifest-reader';

test('documents are yielded before the rest of the file is read', () => {
  const many = Array.from({ length: 2000 }, (_x, i) => GOOD_POD.replace('name: good', `name: pod-${i}`)).join('---\n');
  const file = path.join(writeTree(tempDir(), { 'm.yaml': `${many}---\nkind: [\n` }), 'm.yaml');
  const it = readManifests([file]);
  // the first object arrives although document 2001, far beyond the first 64 KiB chunk, is malformed
  expect(it.next().value?.object.metadata.name).toBe('pod-0');
  let count = 1;
  expect(() => {
    for (const _m of it) count++;
  }).toThrow(EnforcementInputError);
  expect(() => [...readManifests([file])]).toThrow(`${file}: document 2001 (line 20000): invalid YAML at line 20001: `);
  expect(count).toBe(2000);
});

test('empty documents, comments and `...` ends are not objects; document numbers follow the file', () => {
  const file = path.join(writeTree(tempDir(), { 'm.yaml': `# header\n---\n---\n${GOOD_POD}...\n---\n# only a comment\n---\n${GOOD_POD.replace('good', 'second')}` }), 'm.yaml');
  expect([...readManifests([file])].map((m) => [m.object.metadata.name, m.origin.document, m.origin.line])).toEqual([['good', 2, 3], ['second', 4, 16]]);
});
