/**
 * Reads Kubernetes manifests as a stream of objects: files, folders (recursively, `.yaml`, `.yml`,
 * `.json`), `-` for stdin; multi-document YAML, JSON, and `List` objects (any object with `items`)
 * expanded. Files are read in chunks and split into documents at `---`/`...` lines (YAML forbids
 * those markers inside content), so memory holds one document at a time, not the whole input.
 */
import * as fs from 'fs';
import * as path from 'path';
import { StringDecoder } from 'string_decoder';
import { ResourceOrigin } from './admission-report';
import { parseYamlDocument, YamlDocumentError } from './fast-yaml';
import { compareBytes } from '../core/byte-order';

/** Bad input (malformed document, missing file): the CLI exits 2. */
export class EnforcementInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnforcementInputError';
  }
}

/** One object read from the input, with where it came from. */
export interface ManifestObject {
  readonly object: any;
  readonly origin: ResourceOrigin;
}

/** The name stdin is reported under. */
export const STDIN = '<stdin>';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const CHUNK = 65536;
/** For a synchronous pause while stdin has no data. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** The files a list of paths names: files as given, folders' manifest files sorted, `-` as stdin. */
export function manifestFiles(paths: string[]): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).map((e) => e.name).sort(compareBytes);
    for (const name of entries) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) visit(p);
      else if (MANIFEST_FILE.test(name)) out.push(p);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    if (!fs.existsSync(p)) throw new EnforcementInputError(`${p}: no such file or directory`);
    if (fs.statSync(p).isDirectory()) visit(p);
    else out.push(p);
  }
  return out;
}

/** Every object of the given paths, in order. Throws EnforcementInputError naming file and document. */
export function* readManifests(paths: string[]): Generator<ManifestObject> {
  for (const file of manifestFiles(paths)) yield* readManifestFile(file);
}

/** Every object of one file (`-`: stdin). */
export function* readManifestFile(file: string): Generator<ManifestObject> {
  const name = file === '-' ? STDIN : file;
  for (const doc of splitDocuments(file)) {
    const value = parseDocument(doc.text, name, doc.index, doc.line);
    if (value === null || value === undefined) continue;
    yield* expand(value, { file: name, document: doc.index, line: doc.line });
  }
}

/** Objects of already parsed documents (e.g. a cdk8s chart), Lists expanded. */
export function* manifestObjects(docs: any[], file: string): Generator<ManifestObject> {
  for (let i = 0; i < docs.length; i++) {
    if (docs[i] === null || docs[i] === undefined) continue;
    yield* expand(docs[i], { file, document: i + 1 });
  }
}

function* expand(value: any, origin: ResourceOrigin): Generator<ManifestObject> {
  const where = describeOrigin(origin);
  if (Array.isArray(value)) {
    // a JSON array of objects reads as a List
    yield* expand({ items: value }, origin);
    return;
  }
  if (typeof value !== 'object') {
    throw new EnforcementInputError(`${where}: not a Kubernetes object (a ${typeof value}); expected a mapping with apiVersion, kind and metadata.name`);
  }
  if (Array.isArray(value.items)) {
    for (let i = 0; i < value.items.length; i++) {
      const item = value.items[i];
      yield* expand(item, { ...origin, item: origin.item === undefined ? i + 1 : origin.item });
    }
    return;
  }
  const missing = ['apiVersion', 'kind'].filter((k) => typeof value[k] !== 'string' || value[k] === '');
  if (typeof value.metadata?.name !== 'string' || value.metadata.name === '') missing.push('metadata.name');
  if (missing.length > 0) {
    throw new EnforcementInputError(`${where}: not a Kubernetes object: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
  }
  yield { object: value, origin };
}

/** `file: document N (line L)[, item I]`. */
export function describeOrigin(o: ResourceOrigin): string {
  const line = o.line !== undefined ? ` (line ${o.line})` : '';
  const item = o.item !== undefined ? `, item ${o.item}` : '';
  return `${o.file}: document ${o.document}${line}${item}`;
}

function parseDocument(text: string, file: string, index: number, line: number): any {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // JSON (a YAML subset) parses an order of magnitude faster with JSON.parse
    try {
      return JSON.parse(text);
    } catch {
      // flow-style YAML: fall through
    }
  }
  try {
    return parseYamlDocument(text);
  } catch (e) {
    if (!(e instanceof YamlDocumentError)) throw e;
    const at = e.line !== undefined ? ` at line ${line + e.line - 1}` : '';
    throw new EnforcementInputError(`${file}: document ${index} (line ${line}): invalid YAML${at}: ${e.message}`);
  }
}

interface RawDocument { text: string; index: number; line: number }

const START = /^---(\s|$)/;
const END = /^\.\.\.(\s|$)/;

/** Splits a file into document texts, reading it in chunks. A document is counted from its `---`. */
function* splitDocuments(file: string): Generator<RawDocument> {
  let lines: string[] = [];
  let startLine = 1;
  let index = 0;
  let explicit = false;
  const flush = function* (): Generator<RawDocument> {
    const text = lines.join('\n');
    const first = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    if (explicit || first >= 0) {
      index++;
      // the line of the `---`, else of the document's first content (not its leading comments)
      if (first >= 0) yield { text, index, line: explicit ? startLine : startLine + first };
    }
    lines = [];
  };
  let lineNo = 0;
  for (const line of readLines(file)) {
    lineNo++;
    if (START.test(line)) {
      yield* flush();
      explicit = true;
      startLine = lineNo;
      lines.push(line);
    } else if (END.test(line)) {
      yield* flush();
      explicit = false;
      startLine = lineNo + 1;
    } else {
      if (lines.length === 0 && !explicit) startLine = lineNo;
      lines.push(line);
    }
  }
  yield* flush();
}

/** The lines of a file (or stdin), read 64 KiB at a time. */
function* readLines(file: string): Generator<string> {
  let fd: number;
  try {
    fd = file === '-' ? 0 : fs.openSync(file, 'r');
  } catch (e) {
    throw new EnforcementInputError(`${file}: ${(e as Error).message}`);
  }
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(CHUNK);
  let rest = '';
  let first = true;
  try {
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(fd, buffer, 0, CHUNK, null);
      } catch (e: any) {
        if (e?.code === 'EAGAIN') {
          // non-blocking stdin with no data yet (e.g. `helm template ... |` still rendering): wait a little
          Atomics.wait(PAUSE, 0, 0, 10);
          continue;
        }
        if (e?.code === 'EOF') break;
        throw new EnforcementInputError(`${file === '-' ? STDIN : file}: ${(e as Error).message}`);
      }
      if (n === 0) break;
      rest += decoder.write(buffer.subarray(0, n));
      if (first) {
        first = false;
        if (rest.startsWith('\uFEFF')) rest = rest.slice(1); // a byte order mark is not content
      }
      let nl = rest.indexOf('\n');
      let from = 0;
      while (nl >= 0) {
        yield stripCr(rest.slice(from, nl));
        from = nl + 1;
        nl = rest.indexOf('\n', from);
      }
      rest = rest.slice(from);
    }
    rest += decoder.end();
    if (rest !== '') yield stripCr(rest);
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
