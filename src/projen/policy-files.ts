import * as fs from 'fs';
import * as path from 'path';
import { Component, Project, SampleFile } from 'projen';
import { ManagedFile } from './managed-file';
import { checkFileList, obstaclesError, planSynthesis } from '../core/file-writer';
import { SynthConflictError } from '../core/synth-errors';
import { IFileContributor } from '../core/synth-file';
import { NODE_FILE_SYSTEM } from '../core/synth-fs';
import { manifestText, OwnedFileContributor, SynthOwner, WRITTEN_FILES_MANIFEST } from '../core/written-files-manifest';

/**
 * Options of PolicyFiles.
 */
export interface PolicyFilesOptions {
  /**
   * What writes the files: a PolicyRepo, a PolicyPlatform or any other file contributor.
   */
  readonly contributor: IFileContributor;

  /**
   * Folder of the project the files are written under.
   * @default '.' (the project root)
   */
  readonly directory?: string;

  /**
   * What writes the files, as errors name it (e.g. `PolicyRepo "security-policy"`).
   * @default - the component's id
   */
  readonly ownerName?: string;

  /**
   * Adopt files in the way: overwrite files of the project that projen did not write for this
   * project (they are not in `.projen/files.json`) and whose bytes differ, and own them from then on.
   * Without it, synthesis stops before projen writes anything and lists every such path.
   * @default false
   */
  readonly force?: boolean;
}

/**
 * Registers the files of the one file model (a PolicyRepo's, a PolicyPlatform's) as projen-managed
 * files of a project: read-only, marked generated, removed by projen when no longer produced.
 *
 * The file list is computed when projen synthesizes (so constructs added after this component are
 * included), after validating the whole tree: on a problem, synthesis stops before any file is written.
 */
export class PolicyFiles extends Component {
  private readonly contributor: IFileContributor;
  private readonly directory: string;
  private readonly ownerName: string;
  private readonly force: boolean;
  private previous: string[] = [];

  constructor(project: Project, id: string, options: PolicyFilesOptions) {
    super(project, id);
    this.contributor = options.contributor;
    this.directory = normalizeDirectory(options.directory ?? '.');
    this.ownerName = options.ownerName ?? id;
    this.force = options.force ?? false;
  }

  /** Computes the file list (validating first) and registers every file with projen. */
  public preSynthesize(): void {
    // `projen new` runs without ts-node, before the starter's definitions module exists: the files
    // are written by the first `npx projen` instead.
    if (process.env.PROJEN_CREATE_PROJECT === 'true') return;
    this.previous = readManifest(this.project.outdir);
    this.checkSharedFolder();
    const files = checkFileList(this.contributor.synthFiles());
    // projen overwrites whatever is at a managed path: refuse, before projen writes or deletes
    // anything, files it did not write for this project
    const prefix = this.directory ? `${this.directory}/` : '';
    const owned = new Set(this.previous.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)));
    const root = path.resolve(this.project.outdir, this.directory || '.');
    for (const p of this.untouchedSamples(root, prefix)) owned.add(p);
    const plan = planSynthesis(NODE_FILE_SYSTEM, root, files, owned, this.force);
    if (plan.obstacles.length > 0) {
      throw obstaclesError(this.ownerName, this.directory || '.', plan.obstacles, 'set force: true in the options of the component');
    }
    for (const f of files) {
      new ManagedFile(this.project, this.directory ? `${this.directory}/${f.path}` : f.path, f.content);
    }
    // the owner manifest a plain synth(outdir) writes (owner, sha256 of every file), so a platform
    // can aggregate this folder with PolicySource.fromDirectory and detect edits since
    const owner = synthOwnerOf(this.contributor);
    if (owner) new ManagedFile(this.project, `${prefix}${WRITTEN_FILES_MANIFEST}`, manifestText(owner, files));
  }

  /**
   * Paths (relative to the folder) of projen sample files of this project (e.g. the README.md
   * `projen new` writes) that still hold exactly the sample's contents: placeholders projen made
   * for this project, which nobody edited, so taking them over loses nothing.
   */
  private untouchedSamples(root: string, prefix: string): string[] {
    const out: string[] = [];
    for (const c of this.project.components) {
      if (!(c instanceof SampleFile)) continue;
      // SampleFile keeps its path and options private
      const sample = c as unknown as { filePath?: string; options?: { contents?: string } };
      const rel = sample.filePath;
      const contents = sample.options?.contents;
      if (typeof rel !== 'string' || typeof contents !== 'string' || !rel.startsWith(prefix)) continue;
      const file = path.join(root, rel.slice(prefix.length));
      if (fs.existsSync(file) && fs.statSync(file).isFile() && fs.readFileSync(file, 'utf-8') === contents) out.push(rel.slice(prefix.length));
    }
    return out;
  }

  /** Two repositories, or a repository and a platform, cannot write the same folder. */
  private checkSharedFolder(): void {
    const other = this.project.components.find((c): c is PolicyFiles => c instanceof PolicyFiles && c !== this && c.directory === this.directory);
    if (other) {
      const dir = this.directory || '.';
      throw new SynthConflictError(
        `${this.ownerName} cannot be synthesized into ${dir}: nothing was written. ${other.ownerName} writes the same folder of the project; `
        + 'two repositories or platforms cannot share a folder. Set a different directory on one of the components.',
        [dir],
      );
    }
  }

  /**
   * Removes folders left empty by files projen deleted before synthesis (e.g. `cd/<env>/` of a
   * removed environment).
   */
  public synthesize(): void {
    const root = path.resolve(this.project.outdir);
    for (const old of this.previous) {
      let dir = path.dirname(path.resolve(root, old));
      while (dir.startsWith(root + path.sep) && fs.existsSync(dir) && fs.readdirSync(dir).length === 0) {
        fs.rmdirSync(dir);
        dir = path.dirname(dir);
      }
    }
  }
}

/**
 * The owner a PolicyRepo's or PolicyPlatform's component records for its files (`_synthOwner()` on
 * the contributor it passes); undefined for other contributors, which record nothing.
 */
function synthOwnerOf(contributor: IFileContributor): SynthOwner | undefined {
  const owned = contributor as Partial<OwnedFileContributor>;
  return typeof owned._synthOwner === 'function' ? owned._synthOwner() : undefined;
}

function normalizeDirectory(dir: string): string {
  const d = dir.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '');
  if (d.split('/').some((s) => s === '..') || path.isAbsolute(dir)) {
    throw new Error(`PolicyFiles: directory ${JSON.stringify(dir)} must be a relative folder inside the project`);
  }
  return d;
}

/** Paths projen managed in the previous synthesis (`.projen/files.json`). */
function readManifest(outdir: string): string[] {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(outdir, '.projen', 'files.json'), 'utf-8'));
    return Array.isArray(json.files) ? json.files.filter((f: unknown): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}
