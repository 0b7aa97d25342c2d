/**
 * The written-files manifest: the one record of what a plain `synth(outdir)` owns in a folder.
 * `{ "owner": { "kind", "name" }, "files": [paths], "sha256": { path: hex } }`; the files are what
 * the next run may overwrite or delete, the owner is who may write the folder (one repository or
 * platform each), the sha256 of each file lets a reader tell whether it was changed since (a
 * manifest of an earlier release has no `sha256`). Internal module.
 */
import { createHash } from 'crypto';
import { compareBytes } from './byte-order';
import { IFileContributor, SynthFile } from './synth-file';
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

/**
 * A file contributor that records who owns its files (a PolicyRepo's or PolicyPlatform's projen
 * component), so its writer records the same owner manifest a plain `synth(outdir)` writes.
 * @internal
 */
export interface OwnedFileContributor extends IFileContributor {
  _synthOwner(): SynthOwner;
}

/** @internal */
export interface WrittenFilesManifest {
  /** Undefined for a manifest of an earlier release (a bare list of paths). */
  readonly owner?: SynthOwner;
  readonly files: string[];
  /** The sha256 (hex) of each file's bytes as written; undefined for a manifest of an earlier release. */
  readonly sha256?: { readonly [path: string]: string };
}

/** `PolicyRepo "security-policy"`. @internal */
export function ownerLabel(owner: SynthOwner): string {
  return `${owner.kind} ${JSON.stringify(owner.name)}`;
}

/** Whether two owners are the same repository or platform. @internal */
export function sameOwner(a: SynthOwner, b: SynthOwner): boolean {
  return a.kind === b.kind && a.name === b.name;
}

/** The sha256 (lowercase hex) of bytes, or of a string's UTF-8 encoding (how synthesis writes it). @internal */
export function sha256Hex(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The manifest text, deterministic (paths in byte order). @internal */
export function manifestText(owner: SynthOwner, files: SynthFile[]): string {
  const sorted = [...files].sort((a, b) => compareBytes(a.path, b.path));
  const sha256: { [path: string]: string } = {};
  for (const f of sorted) sha256[f.path] = sha256Hex(f.content);
  const body = { owner: { kind: owner.kind, name: owner.name }, files: sorted.map((f) => f.path), sha256 };
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
  const manifest = { owner: { kind: owner.kind, name: owner.name }, files };
  if (json.sha256 === undefined) return manifest;
  const sums = json.sha256;
  if (sums === null || typeof sums !== 'object' || Array.isArray(sums)) return 'invalid';
  if (!Object.entries(sums).every(([p, h]) => files.includes(p) && typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))) return 'invalid';
  return { ...manifest, sha256: sums as { [path: string]: string } };
}
