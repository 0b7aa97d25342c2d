import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { ApiLifecycle } from './deprecated-api';
import { DeprecatedApis } from './deprecated-apis';
import { formatVersion, parseKubernetesVersion } from './kubernetes-version';

/**
 * One object of a scanned file that uses a deprecated or removed API.
 */
export interface DeprecationFinding {
  /** The file, as given or found under a given directory. */
  readonly file: string;
  /** Index of the YAML document in the file (0-based, counting every `---` document). */
  readonly documentIndex: number;
  /** Line (1-based) where the object starts. */
  readonly line: number;
  /**
   * Where the object is inside the document, for the items of an object with `items` (e.g. `items[2]`).
   * @default - the document itself
   */
  readonly itemPath?: string;
  /** The object's `apiVersion`. */
  readonly apiVersion: string;
  /** The object's `kind`. */
  readonly kind: string;
  /**
   * The object's `metadata.name`.
   * @default - unnamed
   */
  readonly objectName?: string;
  /**
   * The object's `metadata.namespace`.
   * @default - none
   */
  readonly objectNamespace?: string;
  /** Deprecated or removed at the target version. */
  readonly lifecycle: ApiLifecycle;
  /**
   * The release that deprecated the API.
   * @default - no separate deprecation
   */
  readonly deprecatedIn?: string;
  /**
   * The release that removed the API.
   * @default - not removed yet
   */
  readonly removedIn?: string;
  /**
   * The apiVersion to migrate to.
   * @default - no replacement
   */
  readonly replacementApi?: string;
}

/**
 * The result of scanning files for deprecated APIs.
 */
export interface DeprecationReport {
  /** The target Kubernetes version, normalised (`v1.29`). */
  readonly kubernetesVersion: string;
  /** Findings ordered by file, document and position. */
  readonly findings: DeprecationFinding[];
  /** Number of files read. */
  readonly filesScanned: number;
  /** Number of objects (documents and the items of objects with `items`) checked. */
  readonly objectsScanned: number;
  /** Files that could not be read. */
  readonly errors: string[];
  /** Files read but skipped, as Pluto skips them: not YAML or JSON, or no object of the right shape. */
  readonly skipped: string[];
  /** Findings removed at the target version (these fail `policy-platform deprecations`). */
  readonly removedCount: number;
  /** Findings deprecated but still served at the target version. */
  readonly deprecatedCount: number;
}

/**
 * Finds deprecated and removed Kubernetes APIs in manifests, reading what `pluto detect-files`
 * reads (FairwindsOps/pluto pkg/finder/finder.go and pkg/api/versions.go):
 * - every file under the given paths, recursively, whatever its name (filepath.Walk);
 * - a file is one JSON object, else a stream of YAML documents (yaml.v3); a file that does not
 *   parse is skipped (Pluto logs it at verbosity 2), which includes most Helm templates, while
 *   templates that parse are read;
 * - a document whose `kind`, `apiVersion`, `metadata` or `items` has the wrong shape is skipped
 *   (a yaml.v3 TypeError), the other documents of the file are read;
 * - an object with a non-empty `items` list stands for its items (expandList), whatever its kind.
 */
export class DeprecationScanner {
  /**
   * Scans files and directories (recursively, every file) for objects whose apiVersion and kind
   * are deprecated or removed at a Kubernetes version. Files that cannot be read, and manifest
   * files (`.yaml`, `.yml`, `.json` outside a Helm chart's `templates/`) that do not parse, are
   * listed in `errors`; other files that are not YAML or JSON in `skipped`.
   * @param paths files or directories
   * @param kubernetesVersion the target release, e.g. `v1.29`
   */
  public static scanPaths(paths: string[], kubernetesVersion: string): DeprecationReport {
    const version = formatVersion(parseKubernetesVersion(kubernetesVersion));
    const files: string[] = [];
    for (const p of paths) {
      if (!fs.existsSync(p)) throw new Error(`${p}: no such file or directory`);
      collectFiles(p, files);
    }
    const findings: DeprecationFinding[] = [];
    const errors: string[] = [];
    const skipped: string[] = [];
    let objects = 0;
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf-8');
      } catch (e) {
        errors.push(`${file}: cannot read: ${firstLine((e as Error).message)}`);
        continue;
      }
      const r = DeprecationScanner.scanText(text, file, version);
      findings.push(...r.findings);
      objects += r.objectsScanned;
      // a manifest file (.yaml, .yml, .json) that does not parse is an error: Pluto skips it, which
      // would leave a clean-looking summary; Helm templates and other files are skipped as Pluto does
      if (r.skipped.length > 0 && isManifestFile(file) && r.skipped.some((n) => n.includes('not YAML or JSON'))) {
        errors.push(...r.skipped.map((n) => n.replace(' (pluto skips it too)', ' (pluto skips it; here it is an error)')));
      } else {
        skipped.push(...r.skipped);
      }
    }
    return makeReport(version, findings, files.length, objects, errors, skipped);
  }

  /**
   * Scans the text of one file (see `scanPaths`); `file` names it in findings and notes.
   */
  public static scanText(text: string, file: string, kubernetesVersion: string): DeprecationReport {
    const version = formatVersion(parseKubernetesVersion(kubernetesVersion));
    const findings: DeprecationFinding[] = [];
    const skipped: string[] = [];
    let objects = 0;
    const check = (o: Stub, documentIndex: number, line: number, itemPath?: string) => {
      objects++;
      const entry = DeprecatedApis.lookup(o.apiVersion, o.kind);
      if (!entry) return;
      const lifecycle = DeprecatedApis.lifecycleAt(entry, version);
      if (lifecycle === ApiLifecycle.AVAILABLE) return;
      const f: any = { file, documentIndex, line, apiVersion: o.apiVersion, kind: o.kind, lifecycle };
      if (itemPath !== undefined) f.itemPath = itemPath;
      if (o.name) f.objectName = o.name;
      if (o.namespace) f.objectNamespace = o.namespace;
      if (entry.deprecatedIn !== undefined) f.deprecatedIn = entry.deprecatedIn;
      if (entry.removedIn !== undefined) f.removedIn = entry.removedIn;
      const replacement = DeprecatedApis.replacementAt(entry, version);
      if (replacement !== undefined) f.replacementApi = replacement;
      findings.push(f);
    };
    const stubs = fileStubs(text);
    if (typeof stubs === 'string') {
      skipped.push(`${file}: ${stubs} (pluto skips it too)`);
    } else {
      for (const s of stubs) check(s.stub, s.documentIndex, s.line, s.itemPath);
    }
    return makeReport(version, findings, 1, objects, [], skipped);
  }
}

function makeReport(
  version: string, findings: DeprecationFinding[], files: number, objects: number, errors: string[], skipped: string[],
): DeprecationReport {
  return {
    kubernetesVersion: version,
    findings,
    filesScanned: files,
    objectsScanned: objects,
    errors,
    skipped,
    removedCount: findings.filter((f) => f.lifecycle === ApiLifecycle.REMOVED).length,
    deprecatedCount: findings.filter((f) => f.lifecycle === ApiLifecycle.DEPRECATED).length,
  };
}

/** Pluto's Stub: what it reads of an object. */
interface Stub {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
}

interface LocatedStub {
  readonly stub: Stub;
  readonly documentIndex: number;
  readonly line: number;
  readonly itemPath?: string;
}

/** A file meant to hold manifests: YAML or JSON by name, not a Helm template. */
function isManifestFile(file: string): boolean {
  return /\.(ya?ml|json)$/i.test(file) && !file.split(/[\\/]/).includes('templates');
}

/**
 * The objects Pluto reads from a file (containsStub: JSON first, then YAML documents; expandList),
 * or why the file is skipped.
 */
function fileStubs(text: string): LocatedStub[] | string {
  const lines = new YAML.LineCounter();
  // yaml.v3 decodes scalars into the Stub's string fields as written: read every scalar as text
  const docs = YAML.parseAllDocuments(text, { lineCounter: lines, schema: 'failsafe', version: '1.2', uniqueKeys: false } as any);
  const list = (Array.isArray(docs) ? docs : [docs]) as YAML.Document.Parsed[];
  // a syntax error anywhere: yamlToStub returns the error and Pluto reads nothing of the file
  const broken = list.find((d) => d.errors.length > 0);
  if (broken) {
    const e = broken.errors[0];
    return `not YAML or JSON (line ${lines.linePos(e.pos[0]).line}: ${firstLine(e.message).replace(/ at line \d+, column \d+:?$/, '')})`;
  }
  const out: LocatedStub[] = [];
  const typeErrors: string[] = [];
  list.forEach((doc, documentIndex) => {
    const node = doc.contents;
    const lineOf = (n: any) => (n && n.range ? lines.linePos(n.range[0]).line : 1);
    const stub = toStub(node);
    if (typeof stub === 'string') {
      typeErrors.push(`document ${documentIndex}: ${stub}`);
      return;
    }
    if (stub === undefined) return;
    const items = YAML.isMap(node) ? node.get('items', true) : undefined;
    if (YAML.isSeq(items) && items.items.length > 0) {
      items.items.forEach((item, i) => {
        const s = toStub(item);
        if (s !== undefined && typeof s !== 'string') out.push({ stub: s, documentIndex, line: lineOf(item), itemPath: `items[${i}]` });
      });
    } else {
      out.push({ stub, documentIndex, line: lineOf(node) });
    }
  });
  if (out.length === 0 && typeErrors.length > 0) return `no object read (${typeErrors.join('; ')})`;
  return out;
}

/**
 * yaml.v3's decoding of a node into Pluto's Stub: scalars into the string fields as written; a
 * mapping or list where a string, a list where a mapping is expected is a TypeError (the document
 * is skipped). Undefined for an empty document.
 */
function toStub(node: any): Stub | string | undefined {
  if (node === null || node === undefined) return undefined;
  if (YAML.isScalar(node) && isNull(node)) return undefined;
  if (!YAML.isMap(node)) return 'not a mapping';
  const str = (n: any, field: string): string | Error => {
    if (n === undefined || n === null || (YAML.isScalar(n) && isNull(n))) return '';
    if (YAML.isScalar(n)) return String(n.value);
    return new Error(`${field} is not a string`);
  };
  const get = (m: any, key: string) => (YAML.isMap(m) ? m.get(key, true) : undefined);
  const apiVersion = str(get(node, 'apiVersion'), 'apiVersion');
  const kind = str(get(node, 'kind'), 'kind');
  const meta = get(node, 'metadata');
  if (meta !== undefined && !YAML.isMap(meta) && !(YAML.isScalar(meta) && isNull(meta))) return 'metadata is not a mapping';
  const name = str(get(meta, 'name'), 'metadata.name');
  const namespace = str(get(meta, 'namespace'), 'metadata.namespace');
  for (const v of [apiVersion, kind, name, namespace]) if (v instanceof Error) return v.message;
  const items = get(node, 'items');
  if (items !== undefined && !YAML.isSeq(items) && !(YAML.isScalar(items) && isNull(items))) return 'items is not a list';
  if (YAML.isSeq(items)) {
    for (const item of items.items) {
      const s = toStub(item);
      if (typeof s === 'string') return `items: ${s}`;
    }
  }
  return { apiVersion: apiVersion as string, kind: kind as string, name: name as string, namespace: namespace as string };
}

function isNull(n: YAML.Scalar): boolean {
  return n.type === 'PLAIN' && ['', '~', 'null', 'Null', 'NULL'].includes(String(n.value ?? ''));
}

/**
 * Human-readable lines of a deprecation report, as `policy-platform deprecations` prints them.
 */
export class DeprecationFormat {
  /** One finding: `REMOVED    file:line (document N): apiVersion Kind ns/name: removed in v1.25; use X`. */
  public static finding(f: DeprecationFinding): string {
    const where = `${f.file}:${f.line} (document ${f.documentIndex}${f.itemPath ? `, ${f.itemPath}` : ''})`;
    const what = `${f.apiVersion} ${f.kind}${f.objectName ? ` ${f.objectNamespace ? `${f.objectNamespace}/` : ''}${f.objectName}` : ''}`;
    const when = f.lifecycle === ApiLifecycle.REMOVED
      ? `removed in ${f.removedIn}`
      : `deprecated in ${f.deprecatedIn}${f.removedIn ? `, removed in ${f.removedIn}` : ''}`;
    const to = f.replacementApi ? `use ${f.replacementApi}` : 'no replacement';
    return `${f.lifecycle === ApiLifecycle.REMOVED ? 'REMOVED   ' : 'DEPRECATED'} ${where}: ${what}: ${when}; ${to}`;
  }

  /** The report as text: one line per finding, then a summary (each line ends with a newline). */
  public static text(report: DeprecationReport): string {
    const lines = report.findings.map((f) => DeprecationFormat.finding(f));
    lines.push(
      `${report.removedCount} removed, ${report.deprecatedCount} deprecated at ${report.kubernetesVersion} ` +
      `(${report.objectsScanned} objects in ${report.filesScanned} files)`,
    );
    return lines.map((l) => l + '\n').join('');
  }
}

/** Every file under a path, as Go's filepath.Walk lists them (lexical order, no file skipped). */
function collectFiles(p: string, out: string[]): void {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) collectFiles(path.join(p, name), out);
  } else {
    out.push(p);
  }
}

function firstLine(s: string): string {
  return String(s).split('\n')[0];
}
