/**
 * The written-files manifest: the one record of what a plain `synth(outdir)` owns in a folder.
 * `{ "owner": { "kind", "name" }, "files": [paths] }`; the files are what the next run may
 * overwrite or delete, the owner is who may write the folder (one repository or platform each).
 * Internal module.
 */
import { compareBytes } from './byte-order';
import { SynthFileSystem } from './synth-fs';

/**
 * Name of the manifest, at the root of the output folder.
 * @internal
 */
export const WRITTEN_FILES_MANIFEST = '.policy-platform-files.json';

/**
 * Who synthesizes into a folder, e.g. `{ kind: 'PolicyRepo', name: 'security-policy' }`.
 * @internal
 */
export interface SynthOwner {
  readonly kind: string;
  readonly name: string;
}

/** @internal */
export interface WrittenFilesManifest {
  /** Undefined for a manifest of an earlier release (a bare list of paths). */
  readonly owner?: SynthOwner;
  readonly files: string[];
}

/** `PolicyRepo "security-policy"`. @internal */
export function ownerLabel(owner: SynthOwner): string {
  return `${owner.kind} ${JSON.stringify(owner.name)}`;
}

/** Whether two owners are the same repository or platform. @internal */
export function sameOwner(a: SynthOwner, b: SynthOwner): boolean {
  return a.kind === b.kind && a.name === b.name;
}

/** The manifest text, deterministic (paths in byte order). @internal */
export function manifestText(owner: SynthOwner, files: string[]): string {
  const body = { owner: { kind: owner.kind, name: owner.name }, files: [...files].sort(compareBytes) };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * Reads a manifest: undefined when there is none, 'invalid' when the file is not one.
 * @internal
 */
export function readManifest(fsys: SynthFileSystem, file: string): WrittenFilesManifest | 'invalid' | undefined {
  const type = fsys.entryType(file);
  if (type === undefined) return undefined;
  if (type !== 'file') return 'invalid';
  let json: any;
  try {
    json = JSON.parse(fsys.readFile(file).toString('utf-8'));
  } catch {
    return 'invalid';
  }
  const paths = (list: unknown) => (Array.isArray(list) && list.every((p) => typeof p === 'string') ? (list as string[]) : undefined);
  if (Array.isArray(json)) {
    const files = paths(json);
    return files ? { files } : 'invalid';
  }
  const files = paths(json?.files);
  const owner = json?.owner;
  if (!files || typeof owner?.kind !== 'string' || typeof owner?.name !== 'string') return 'invalid';
  return { owner: { kind: owner.kind, name: owner.name }, files };
}
