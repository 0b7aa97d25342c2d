/**
 * Reads a policy repository folder that `PolicyRepo.synth()` wrote, trusting nothing it did not
 * verify: the owner manifest must name a PolicyRepo and record the sha256 of every file, each
 * listed file must still have it, and every chart must have rendered manifests for every
 * environment the folder declares. Internal module.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compareBytes } from '../core/byte-order';
import { NODE_FILE_SYSTEM } from '../core/synth-fs';
import { readManifest, sha256Hex, WRITTEN_FILES_MANIFEST } from '../core/written-files-manifest';
import { parseYamlDocuments } from '../core/yaml';
import { RepoChart } from '../repo/policy-repo-contract';
import { REPO_IMAGE_CONTENT } from '../repo/repo-files';

/** A path the Dockerfile may carry unquoted (in COPY and in the shell of RUN). */
export const SAFE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** The rendered manifests of one chart in one environment. */
export interface RenderedChart {
  /** `rendered/<env>/<chart>.yaml`. */
  readonly file: string;
  /** Its documents, in file order. */
  readonly docs: any[];
}

/** What the repo image carries of a folder: the entries it has, and each of their files with its recorded sha256. */
export interface RepoImageContent {
  /** Entries of REPO_IMAGE_CONTENT the folder has (`charts/`, `cd/`, `README.md`, ...), in that order. */
  readonly entries: string[];
  /** Every file under them, sorted by path. */
  readonly files: { readonly path: string; readonly sha256: string }[];
}

/** What a verified repository folder declares. */
export interface RepoFolder {
  /** The repository name its owner manifest records. */
  readonly repoName: string;
  /** Environments (`cd/<env>/values.yaml`), in the promotion order of the repo image's label. */
  readonly environments: string[];
  /** Charts (`charts/<name>/Chart.yaml`), sorted by name. */
  readonly charts: RepoChart[];
  /** Environment → the rendered manifests of each chart, charts by name. */
  readonly rendered: ReadonlyMap<string, RenderedChart[]>;
  /** What the repo image carries of the folder. */
  readonly imageContent: RepoImageContent;
}

/** The folder's contents, or every problem found (each naming the folder or the file and what is wrong). */
export interface RepoFolderReading {
  readonly folder?: RepoFolder;
  readonly problems: string[];
}

/**
 * Reads and verifies `dir`. `copied`: the folder itself goes into the platform image, so a file
 * inside the image content that the synthesis did not write is a problem too.
 */
export function readRepoFolder(dir: string, copied: boolean): RepoFolderReading {
  const type = NODE_FILE_SYSTEM.entryType(dir);
  if (type === undefined) return refused(`folder ${dir} does not exist`);
  if (type !== 'folder') return refused(`${dir} is not a folder (a symbolic link is not followed: the Docker build would not follow it either)`);
  const manifestFile = path.join(dir, WRITTEN_FILES_MANIFEST);
  const notARepo = 'the folder is not a policy repository written by PolicyRepo.synth() or a PolicyRepoProject / PolicyRepoComponent (synthesize it, or aggregate it by its image, PolicySource.fromImage)';
  const manifest = readManifest(NODE_FILE_SYSTEM, manifestFile);
  if (manifest === undefined) return refused(`${WRITTEN_FILES_MANIFEST}: missing in ${dir}: ${notARepo}`);
  if (manifest === 'invalid') return refused(`${WRITTEN_FILES_MANIFEST}: not a written-files manifest of this library: ${notARepo}`);
  if (manifest.owner?.kind !== 'PolicyRepo') {
    const who = manifest.owner ? `${manifest.owner.kind} ${JSON.stringify(manifest.owner.name)}` : 'an earlier release, which records no owner';
    return refused(`${WRITTEN_FILES_MANIFEST}: owner: the folder was written by ${who}, not by a PolicyRepo`);
  }
  if (manifest.sha256 === undefined) {
    return refused(`${WRITTEN_FILES_MANIFEST}: sha256: none recorded (written by an earlier release), so changes since the synthesis cannot be detected; synthesize the repository again`);
  }
  const problems: string[] = [];
  const texts = new Map<string, string>();
  for (const file of [...manifest.files].sort(compareBytes)) {
    const expected = manifest.sha256[file];
    const full = path.join(dir, file);
    if (expected === undefined) {
      problems.push(`${file}: ${WRITTEN_FILES_MANIFEST} records no sha256 for it, so a change since the synthesis cannot be detected`);
    } else if (NODE_FILE_SYSTEM.entryType(full) !== 'file') {
      problems.push(`${file}: listed in ${WRITTEN_FILES_MANIFEST} but missing (or not a regular file)`);
    } else {
      const bytes = fs.readFileSync(full);
      const actual = sha256Hex(bytes);
      if (actual !== expected) problems.push(`${file}: changed since the synthesis (sha256 ${actual}; ${WRITTEN_FILES_MANIFEST} records ${expected}); synthesize the repository again instead of editing its files`);
      else texts.set(file, bytes.toString('utf-8'));
    }
  }
  const listed = new Set(manifest.files);
  const inEntry = (entry: string, f: string) => (entry.endsWith('/') ? f.startsWith(entry) : f === entry);
  const entries = REPO_IMAGE_CONTENT.filter((entry) => manifest.files.some((f) => inEntry(entry, f)));
  const sums = manifest.sha256;
  const imageFiles = [...manifest.files].sort(compareBytes)
    .filter((f) => entries.some((e) => inEntry(e, f)))
    .map((f) => ({ path: f, sha256: sums[f] }));
  const imageContent = { entries, files: imageFiles };
  if (copied) {
    for (const f of imageFiles.filter((x) => !SAFE_PATH.test(x.path))) {
      problems.push(`${f.path}: the name cannot be written into the Dockerfile's check of the copied files (letters, digits, '.', '_', '-' and '/' only)`);
    }
    for (const entry of entries.filter((e) => e.endsWith('/'))) {
      for (const file of filesUnder(dir, entry)) {
        if (!listed.has(file)) problems.push(`${file}: not written by the synthesis (not listed in ${WRITTEN_FILES_MANIFEST}); the platform image would copy it`);
      }
    }
  }
  if (problems.length > 0) return { problems };
  return declared(manifest.owner.name, manifest.files, texts, imageContent);
}

/** The folder's environments, charts and rendered manifests, from its verified files. */
function declared(repoName: string, files: string[], texts: Map<string, string>, imageContent: RepoImageContent): RepoFolderReading {
  const problems: string[] = [];
  const envSet = new Set(files.map((f) => /^cd\/([^/]+)\/values\.yaml$/.exec(f)?.[1]).filter((e): e is string => e !== undefined));
  const label = /io\.policy-platform\.environments="([^"]*)"/.exec(texts.get('Dockerfile') ?? '');
  const ordered = label ? label[1].split(',').filter((e) => e !== '') : undefined;
  const cdList = [...envSet].sort(compareBytes).map((e) => `cd/${e}/`).join(', ') || 'none';
  if (envSet.size === 0) problems.push('cd/: no cd/<env>/values.yaml: the folder declares no environment');
  if (!ordered) {
    problems.push(`Dockerfile: no io.policy-platform.environments label (the promotion order of the environments ${cdList})`);
  } else if (ordered.length !== envSet.size || ordered.some((e) => !envSet.has(e))) {
    problems.push(`Dockerfile: label io.policy-platform.environments="${label![1]}" does not list the environments of cd/ (${cdList})`);
  }
  const charts: RepoChart[] = [];
  for (const file of files.filter((f) => /^charts\/[^/]+\/Chart\.yaml$/.test(f)).sort(compareBytes)) {
    const folderName = file.split('/')[1];
    const doc = parseOne(file, texts.get(file)!, problems);
    if (doc === undefined) continue;
    if (doc?.name !== folderName || typeof doc?.version !== 'string') {
      problems.push(`${file}: expected name ${JSON.stringify(folderName)} and a version string (name: ${JSON.stringify(doc?.name)}, version: ${JSON.stringify(doc?.version)})`);
    } else {
      charts.push({ name: doc.name, version: doc.version });
    }
  }
  if (charts.length === 0 && problems.length === 0) problems.push('charts/: no charts/<name>/Chart.yaml: the folder has no chart');
  const rendered = new Map<string, RenderedChart[]>();
  for (const env of ordered ?? []) {
    const perChart: RenderedChart[] = [];
    for (const chart of charts) {
      const file = `rendered/${env}/${chart.name}.yaml`;
      const text = texts.get(file);
      if (text === undefined) {
        problems.push(`${file}: missing: no rendered manifests of chart ${chart.name} for environment ${env} (declared by cd/${env}/values.yaml); synthesize the repository with renderManifests: true`);
        continue;
      }
      try {
        perChart.push({ file, docs: parseYamlDocuments(text, file) });
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    rendered.set(env, perChart);
  }
  if (problems.length > 0) return { problems };
  return { folder: { repoName, environments: ordered!, charts, rendered, imageContent }, problems };
}

/** The one document of a YAML file, or undefined (with the problem recorded). */
function parseOne(file: string, text: string, problems: string[]): any {
  try {
    const docs = parseYamlDocuments(text, file);
    if (docs.length === 1) return docs[0];
    problems.push(`${file}: expected one YAML document, found ${docs.length}`);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return undefined;
}

/** Every file under `dir/entry` (relative to `dir`, '/'-separated), sorted; anything that is not a folder or a regular file too. */
function filesUnder(dir: string, entry: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = `${rel}/${d.name}`;
      if (d.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  const root = entry.replace(/\/$/, '');
  if (NODE_FILE_SYSTEM.entryType(path.join(dir, root)) === 'folder') walk(root);
  return out.sort(compareBytes);
}

function refused(problem: string): RepoFolderReading {
  return { problems: [problem] };
}
