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
   * Where the object is inside the document, for `kind: List` items (e.g. `items[2]`).
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
  /** Number of YAML files read. */
  readonly filesScanned: number;
  /** Number of objects (documents and List items) checked. */
  readonly objectsScanned: number;
  /** Files that could not be parsed: `file:line: message`. */
  readonly errors: string[];
  /** Findings removed at the target version (these fail `policy-platform deprecations`). */
  readonly removedCount: number;
  /** Findings deprecated but still served at the target version. */
  readonly deprecatedCount: number;
}

const YAML_FILE = /\.(ya?ml)$/i;

/**
 * Finds deprecated and removed Kubernetes APIs in YAML manifests (what Pluto does for files).
 */
export class DeprecationScanner {
  /**
   * Scans files and directories (recursively, `.yaml`/`.yml`, multi-document; hidden folders and
   * Helm charts' `templates/` skipped) for objects whose apiVersion and kind are deprecated or
   * removed at a Kubernetes version. Files that are not valid YAML are listed in `errors`.
   * @param paths files or directories
   * @param kubernetesVersion the target release, e.g. `v1.29`
   */
  public static scanPaths(paths: string[], kubernetesVersion: string): DeprecationReport {
    const version = formatVersion(parseKubernetesVersion(kubernetesVersion));
    const files: string[] = [];
    for (const p of paths) {
      if (!fs.existsSync(p)) throw new Error(`${p}: no such file or directory`);
      collectFiles(p, files, true);
    }
    const findings: DeprecationFinding[] = [];
    const errors: string[] = [];
    let objects = 0;
    for (const file of files) {
      const r = DeprecationScanner.scanText(fs.readFileSync(file, 'utf-8'), file, version);
      findings.push(...r.findings);
      errors.push(...r.errors);
      objects += r.objectsScanned;
    }
    return {
      kubernetesVersion: version,
      findings,
      filesScanned: files.length,
      objectsScanned: objects,
      errors,
      removedCount: findings.filter((f) => f.lifecycle === ApiLifecycle.REMOVED).length,
      deprecatedCount: findings.filter((f) => f.lifecycle === ApiLifecycle.DEPRECATED).length,
    };
  }

  /**
   * Scans the text of one YAML stream (see `scanPaths`); `file` names it in findings and errors.
   */
  public static scanText(text: string, file: string, kubernetesVersion: string): DeprecationReport {
    const version = formatVersion(parseKubernetesVersion(kubernetesVersion));
    const lines = new YAML.LineCounter();
    const docs = YAML.parseAllDocuments(text, { lineCounter: lines, version: '1.1' } as any);
    const findings: DeprecationFinding[] = [];
    const errors: string[] = [];
    let objects = 0;
    const list = Array.isArray(docs) ? docs : [docs];
    list.forEach((doc: any, documentIndex: number) => {
      if (doc.errors && doc.errors.length > 0) {
        const e = doc.errors[0];
        const at = e.pos ? lines.linePos(e.pos[0]).line : 1;
        errors.push(`${file}:${at}: invalid YAML: ${firstLine(e.message)}`);
        return;
      }
      const contents = doc.contents;
      if (!YAML.isMap(contents)) return;
      const obj: any = doc.toJS({ maxAliasCount: -1 });
      const check = (o: any, node: any, itemPath?: string) => {
        if (!o || typeof o !== 'object' || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') return;
        objects++;
        const entry = DeprecatedApis.lookup(o.apiVersion, o.kind);
        if (!entry) return;
        const lifecycle = DeprecatedApis.lifecycleAt(entry, version);
        if (lifecycle === ApiLifecycle.AVAILABLE) return;
        const meta = o.metadata && typeof o.metadata === 'object' ? o.metadata : {};
        const f: any = {
          file,
          documentIndex,
          line: node && node.range ? lines.linePos(node.range[0]).line : 1,
          apiVersion: o.apiVersion,
          kind: o.kind,
          lifecycle,
        };
        if (itemPath !== undefined) f.itemPath = itemPath;
        if (typeof meta.name === 'string') f.objectName = meta.name;
        if (typeof meta.namespace === 'string') f.objectNamespace = meta.namespace;
        if (entry.deprecatedIn !== undefined) f.deprecatedIn = entry.deprecatedIn;
        if (entry.removedIn !== undefined) f.removedIn = entry.removedIn;
        if (entry.replacementApi !== undefined) f.replacementApi = entry.replacementApi;
        findings.push(f);
      };
      check(obj, contents);
      // `kubectl get -o yaml` output: a v1 List wrapping the objects.
      if (obj && obj.kind === 'List' && Array.isArray(obj.items)) {
        const items: any = contents.get('items', true);
        obj.items.forEach((item: any, i: number) => check(item, YAML.isSeq(items) ? items.items[i] : undefined, `items[${i}]`));
      }
    });
    return {
      kubernetesVersion: version,
      findings,
      filesScanned: 1,
      objectsScanned: objects,
      errors,
      removedCount: findings.filter((f) => f.lifecycle === ApiLifecycle.REMOVED).length,
      deprecatedCount: findings.filter((f) => f.lifecycle === ApiLifecycle.DEPRECATED).length,
    };
  }
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

function collectFiles(p: string, out: string[], explicit: boolean): void {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    // A Helm chart's templates are Go templates, not manifests: scan the rendered output instead.
    const isChart = fs.existsSync(path.join(p, 'Chart.yaml'));
    for (const name of fs.readdirSync(p).sort()) {
      if (name.startsWith('.') || name === 'node_modules' || (isChart && name === 'templates')) continue;
      collectFiles(path.join(p, name), out, false);
    }
  } else if (explicit || YAML_FILE.test(p)) {
    out.push(p);
  }
}

function firstLine(s: string): string {
  return String(s).split('\n')[0];
}
