/**
 * Synthesis writes and deletes only the files it owns; whatever is in the way stops it before any
 * write; an I/O failure leaves the previous output exactly as it was. Through the public API
 * (PolicyRepo.synth, PolicyPlatform.synth) and the projen components.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { javascript } from 'projen';
import { errorOf, RULE, snapshot, teamRepo, tmpDir } from './support';
import { writeOwnedFiles } from '../../src/core/file-writer';
import { NODE_FILE_SYSTEM, SynthFileSystem } from '../../src/core/synth-fs';
import { ClusterPolicy } from '../../src/kyverno';
import { PolicyPlatform, PolicySource } from '../../src/platform';
import { PolicyRepoComponent } from '../../src/projen';
import { PolicySet } from '../../src/repo';

process.env.PROJEN_DISABLE_POST = 'true';

const IMAGE = { registry: 'r.example.com/ops', repository: 'team' };

/** A folder with a first synthesis of the team repository in it. */
function synthesized(): string {
  const out = path.join(tmpDir(), 'out');
  teamRepo({}, { image: IMAGE }).repo.synth(out);
  return out;
}

describe('PolicyRepo.synth and PolicyPlatform.synth', () => {
  test('a user file in the output folder survives every synthesis, also one that deletes files', () => {
    const out = synthesized();
    fs.writeFileSync(path.join(out, 'NOTES.md'), 'mine');
    fs.writeFileSync(path.join(out, 'rendered', 'dev', 'extra.yaml'), 'mine too');
    teamRepo({}, { image: IMAGE, environments: ['dev'] }).repo.synth(out); // prd is gone
    expect(fs.existsSync(path.join(out, 'rendered', 'prd'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'NOTES.md'), 'utf-8')).toBe('mine');
    expect(fs.readFileSync(path.join(out, 'rendered', 'dev', 'extra.yaml'), 'utf-8')).toBe('mine too');
  });

  test('a second synthesis changes no byte', () => {
    const out = synthesized();
    const before = snapshot(out);
    teamRepo({}, { image: IMAGE }).repo.synth(out);
    expect(snapshot(out)).toEqual(before);
  });

  test('files in the way that synthesis did not write: one error listing them all, nothing written; force adopts them', () => {
    const out = path.join(tmpDir(), 'out');
    fs.mkdirSync(path.join(out, 'cd'), { recursive: true });
    fs.writeFileSync(path.join(out, 'README.md'), '# our own readme');
    fs.writeFileSync(path.join(out, 'cd', 'values.yaml'), 'mine: true\n');
    const before = snapshot(out);
    expect(errorOf(() => teamRepo({}, { image: IMAGE }).repo.synth(out)).message).toBe(
      `PolicyRepo "team" cannot be synthesized into ${out}: nothing was written. 2 path(s) in the way were not written by it:\n  - README.md\n  - cd/values.yaml\n`
      + `To proceed, move them out of ${out} (or synthesize into another folder), or adopt them: pass { force: true } to synth() to overwrite the files and own them from then on.`);
    expect(snapshot(out)).toEqual(before);
    teamRepo({}, { image: IMAGE }).repo.synth(out, { force: true });
    expect(fs.readFileSync(path.join(out, 'README.md'), 'utf-8')).toContain('# team');
  });

  test('a file that already holds exactly what synthesis writes is adopted without force', () => {
    const { repo } = teamRepo({}, { image: IMAGE });
    const out = path.join(tmpDir(), 'out');
    const readme = repo.synthFiles().find((f) => f.path === 'README.md')!;
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'README.md'), readme.content);
    repo.synth(out);
    expect(JSON.parse(fs.readFileSync(path.join(out, '.policy-platform-files.json'), 'utf-8')).files).toContain('README.md');
  });

  test('two repositories into one folder: refused, naming both', () => {
    const out = synthesized();
    const before = snapshot(out);
    const app = new App();
    const other = teamRepo({}, { image: IMAGE, repoName: 'other' }, app).repo;
    expect(errorOf(() => other.synth(out)).message).toBe(`PolicyRepo "other" cannot be synthesized into ${out}: nothing was written. `
      + 'The folder holds the output of PolicyRepo "team" (listed in .policy-platform-files.json); two repositories or platforms cannot share a folder. '
      + 'Synthesize each into its own folder, or pass { force: true } to synth() to replace the output of PolicyRepo "team" with that of PolicyRepo "other".');
    expect(snapshot(out)).toEqual(before);
  });

  test('a repository and a platform into one folder: refused, naming both', () => {
    const out = synthesized();
    const before = snapshot(out);
    const app = new App();
    const repo = teamRepo({}, { image: IMAGE }, app).repo;
    const platform = new PolicyPlatform(app, 'platform', { sources: [PolicySource.fromRepo(repo)] });
    expect(errorOf(() => platform.synth(out)).message).toContain('PolicyPlatform "platform" cannot be synthesized into '
      + `${out}: nothing was written. The folder holds the output of PolicyRepo "team"`);
    expect(snapshot(out)).toEqual(before);
  });

  test.each([
    ['a folder where a file must go', (out: string) => fs.mkdirSync(path.join(out, 'Dockerfile'), { recursive: true }), '  - Dockerfile (a folder is where a file must go)'],
    ['a file where a folder must go', (out: string) => {
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, 'charts'), 'x');
    }, '  - charts (a file is where the folder of charts/team/Chart.yaml must go)'],
  ])('%s: refused in words, nothing written', (_what, arrange, line) => {
    const out = path.join(tmpDir(), 'out');
    arrange(out);
    const before = snapshot(out);
    expect(errorOf(() => teamRepo({}, { image: IMAGE }).repo.synth(out)).message).toContain(`path(s) in the way were not written by it:\n${line}\n`);
    expect(snapshot(out)).toEqual(before);
  });

  test('the output path is a file', () => {
    const out = path.join(tmpDir(), 'out');
    fs.writeFileSync(out, 'x');
    expect(errorOf(() => teamRepo().repo.synth(out)).message).toBe(`PolicyRepo "team" cannot be synthesized into ${out}: nothing was written. ${out} is a file, not a folder. Move it away, or synthesize into another folder.`);
    expect(fs.readFileSync(out, 'utf-8')).toBe('x');
  });

  test('a corrupt written-files manifest is in the way', () => {
    const out = synthesized();
    fs.writeFileSync(path.join(out, '.policy-platform-files.json'), '{ not json');
    const before = snapshot(out);
    expect(errorOf(() => teamRepo({}, { image: IMAGE }).repo.synth(out)).message).toContain('  - .policy-platform-files.json (not a written-files manifest of this library)\n');
    expect(snapshot(out)).toEqual(before);
  });

  test.each([
    ['a full disk while staging', 'writeFile', 3, 'ENOSPC', 'no space left on the device (the disk is full) (ENOSPC)'],
    ['a read-only path while moving files into place', 'rename', 2, 'EROFS', 'the file system is read-only (EROFS)'],
  ] as const)('%s: the previous output is left exactly as it was', (_what, op, n, code, cause) => {
    const out = synthesized();
    const before = snapshot(out);
    const { repo } = teamRepo({ rules: [{ ...RULE, name: 'changed' }] }, { image: IMAGE, environments: ['dev'] });
    let calls = 0;
    const failing: SynthFileSystem = {
      ...NODE_FILE_SYSTEM,
      [op]: (...args: any[]) => {
        if (++calls === n) throw Object.assign(new Error('simulated'), { code });
        return (NODE_FILE_SYSTEM[op] as any)(...args);
      },
    };
    const message = errorOf(() => writeOwnedFiles(out, repo.synthFiles(), { owner: { kind: 'PolicyRepo', name: 'team' }, fileSystem: failing })).message;
    expect(message).toMatch(new RegExp(`^PolicyRepo "team" could not be written into ${out}: cannot [a-z ]+ [^:]+: ${cause.replace(/[()]/g, '\\$&')}\\. The previous output was left as it was\\.$`));
    expect(snapshot(out)).toEqual(before);
  });
});

describe('projen components', () => {
  function project(outdir: string): javascript.NodeProject {
    return new javascript.NodeProject({ name: 'team', defaultReleaseBranch: 'main', outdir, github: false, jest: false, packageManager: javascript.NodePackageManager.NPM });
  }

  function define(component: PolicyRepoComponent): void {
    new ClusterPolicy(new PolicySet(component.repo, 'team', { version: '1.0.0' }), 'p', { rules: [RULE] });
  }

  test('a user file where the component writes: refused before projen writes or deletes anything; force: true adopts it', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'README.md'), '# hand-written');
    const before = snapshot(dir);
    const p = project(dir);
    define(new PolicyRepoComponent(p, 'Policies', { environments: ['dev'] }));
    expect(errorOf(() => p.synth()).message).toBe('PolicyRepo "team" cannot be synthesized into .: nothing was written. 1 path(s) in the way were not written by it:\n  - README.md\n'
      + 'To proceed, move them out of . (or synthesize into another folder), or adopt them: set force: true in the options of the component to overwrite the files and own them from then on.');
    expect(snapshot(dir)).toEqual(before);
    const q = project(dir);
    define(new PolicyRepoComponent(q, 'Policies', { environments: ['dev'], force: true }));
    q.synth();
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf-8')).toContain('# team');
  });

  test('two repositories in one folder of a project: refused, naming both', () => {
    const dir = tmpDir();
    const p = project(dir);
    define(new PolicyRepoComponent(p, 'A', { environments: ['dev'], repoName: 'a', directory: 'policies' }));
    define(new PolicyRepoComponent(p, 'B', { environments: ['dev'], repoName: 'b', directory: 'policies' }));
    expect(errorOf(() => p.synth()).message).toBe('PolicyRepo "a" cannot be synthesized into policies: nothing was written. PolicyRepo "b" writes the same folder of the project; '
      + 'two repositories or platforms cannot share a folder. Set a different directory on one of the components.');
    expect(snapshot(dir)).toEqual({});
  });
});
