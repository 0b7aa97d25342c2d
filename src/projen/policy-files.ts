import * as fs from 'fs';
import * as path from 'path';
import { Component, Project } from 'projen';
import { ManagedFile } from './managed-file';
import { checkFileList } from '../core/file-writer';
import { IFileContributor } from '../core/synth-file';

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
  private previous: string[] = [];

  constructor(project: Project, id: string, options: PolicyFilesOptions) {
    super(project, id);
    this.contributor = options.contributor;
    this.directory = normalizeDirectory(options.directory ?? '.');
  }

  /** Computes the file list (validating first) and registers every file with projen. */
  public preSynthesize(): void {
    // `projen new` runs without ts-node, before the starter's definitions module exists: the files
    // are written by the first `npx projen` instead.
    if (process.env.PROJEN_CREATE_PROJECT === 'true') return;
    this.previous = readManifest(this.project.outdir);
    const files = checkFileList(this.contributor.synthFiles());
    for (const f of files) {
      new ManagedFile(this.project, this.directory ? `${this.directory}/${f.path}` : f.path, f.content);
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
