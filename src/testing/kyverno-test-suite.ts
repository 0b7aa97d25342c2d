/**
 * A kyverno test suite on disk (`kyverno-test.yaml` and the files it names), run through the
 * offline engine. The one loader of Test files: `policy-platform test`, the conformance report
 * and the tests all read suites through it.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  CLUSTER_RESOURCE_SHAPE, CONTEXT_SHAPE, OPERATION_VALUES, POLICY_KIND_FLAGS, RESULT_VALUES, TEST_SHAPE,
  unknownFields, USER_INFO_SHAPE, VALUES_SHAPE,
} from './kyverno-test-schema';
import { parseYamlDocuments } from '../core/yaml';
import { withDefaultNamespace } from '../engine/default-namespace';
import { KyvernoTestDefinition, KyvernoTestReport, KyvernoTestRunner } from '../engine/test-runner';

/** The file name kyverno test looks for. */
const TEST_FILE_NAMES = ['kyverno-test.yaml', 'kyverno-test.yml'];

function readDocs(file: string): any[] {
  const text = fs.readFileSync(file, 'utf8');
  // a JSON payload file is one JSON document; YAML parses it too
  return parseYamlDocuments(text, file).filter((d) => d !== null && d !== undefined);
}

function flattenLists(docs: any[]): any[] {
  const out: any[] = [];
  for (const d of docs) {
    if (d?.kind === 'List' && Array.isArray(d.items)) out.push(...d.items);
    else out.push(d);
  }
  return out;
}

function asList(v: any, file: string, field: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${file}: field "${field}" must be a list of file paths`);
  return v;
}

function asPath(v: any, file: string, field: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new Error(`${file}: field "${field}" must be a file path`);
  return v;
}

/** Reads the files of one Test document, relative to its directory. */
class SuiteFiles {
  constructor(private readonly file: string, private readonly dir: string) {}

  /** Whether the path (relative to the Test) exists. */
  public exists(rel: string): boolean {
    return fs.existsSync(path.resolve(this.dir, rel));
  }

  /** Documents of a file, or of every YAML file of a directory (sorted). */
  public load(rel: string, field: string): any[] {
    const p = path.resolve(this.dir, rel);
    if (!fs.existsSync(p)) throw new Error(`${this.file}: ${field}: file ${JSON.stringify(rel)} does not exist`);
    if (fs.statSync(p).isDirectory()) {
      return fs.readdirSync(p).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().flatMap((f) => readDocs(path.join(p, f)));
    }
    return readDocs(p);
  }

  public loadAll(rels: string[], field: string): any[] {
    return flattenLists(rels.flatMap((r) => this.load(r, field)));
  }

  /** The one document of a file (a `kind` document), checked against its schema. */
  public single(rel: string, field: string, kind: string, shape: any): any {
    const docs = this.load(rel, field);
    if (docs.length !== 1) throw new Error(`${this.file}: ${field}: ${rel} must hold one ${kind} document, found ${docs.length}`);
    // kyverno test decodes the file into the type without checking its `kind` (suites write `kind: Value`)
    const doc = docs[0];
    const errors = unknownFields(doc, shape, kind);
    if (errors.length > 0) throw new Error(`${path.resolve(this.dir, rel)}: ${errors.join('; ')}`);
    return doc;
  }
}

/** Checks one Test document against the schema and the values its fields allow. */
function checkTest(test: any, file: string): void {
  const errors = unknownFields(test, TEST_SHAPE, 'Test');
  (test.results ?? []).forEach((r: any, i: number) => {
    const at = `results[${i}]`;
    if (r === null || typeof r !== 'object') {
      errors.push(`${at} must be an object`);
      return;
    }
    for (const f of ['policy', 'kind', 'result']) {
      if (r[f] === undefined || r[f] === '') errors.push(`${at}.${f} is required`);
    }
    if (r.result !== undefined && !RESULT_VALUES.includes(r.result)) errors.push(`${at}.result "${r.result}" is not one of ${RESULT_VALUES.join(', ')}`);
    if (r.operation !== undefined && !OPERATION_VALUES.includes(r.operation)) {
      errors.push(`${at}.operation "${r.operation}" is not one of ${OPERATION_VALUES.join(', ')}`);
    }
    for (const flag of Object.keys(POLICY_KIND_FLAGS)) {
      if (r[flag] !== undefined && typeof r[flag] !== 'boolean') errors.push(`${at}.${flag} must be true or false`);
    }
    if (r.resources !== undefined && (!Array.isArray(r.resources) || r.resources.some((x: any) => typeof x !== 'string'))) {
      errors.push(`${at}.resources must be a list of resource names`);
    }
  });
  if (!Array.isArray(test.results)) errors.push('results is required (a list)');
  if (test.variables && test.values) errors.push('variables (a Values file) and values (inline) are both set; use one');
  if (errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
}

/**
 * Every file the results of a Test name, loaded by the path as written. A missing file is left
 * out: the result that names it fails with the reason (as in `kyverno test`), not the whole suite.
 */
function resultDocuments(test: any, files: SuiteFiles, file: string): { [path: string]: any[] } {
  const out: { [p: string]: any[] } = {};
  (test.results ?? []).forEach((r: any, i: number) => {
    const refs: Array<[string, any]> = [
      ['patchedResources', r.patchedResources],
      ['generatedResource', r.generatedResource],
      ['cloneSourceResource', r.cloneSourceResource],
      ...asList(r.generatedResources, file, `results[${i}].generatedResources`).map((g): [string, any] => ['generatedResources', g]),
    ];
    for (const [field, ref] of refs) {
      const rel = asPath(ref, file, `results[${i}].${field}`);
      if (rel !== undefined && out[rel] === undefined && files.exists(rel)) out[rel] = files.load(rel, `results[${i}].${field}`);
    }
  });
  return out;
}

/** The Test document's suite definition (every file it names loaded). */
function definitionOf(test: any, index: number, file: string): KyvernoTestDefinition {
  checkTest(test, file);
  const dir = path.dirname(file);
  const files = new SuiteFiles(file, dir);
  const list = (field: string) => files.loadAll(asList(test[field], file, field), field);
  const values = test.variables
    ? files.single(asPath(test.variables, file, 'variables')!, 'variables', 'Values', VALUES_SHAPE)
    : test.values;
  const userinfo = asPath(test.userinfo, file, 'userinfo');
  const context = asPath(test.context, file, 'context');
  const clusterResources: any[] = [];
  for (const rel of asList(test.clusterResources, file, 'clusterResources')) {
    const doc = files.single(rel, 'clusterResources', 'ClusterResource', CLUSTER_RESOURCE_SHAPE);
    clusterResources.push(...(doc.spec?.resources ?? []).map(withDefaultNamespace));
    clusterResources.push(...files.loadAll(asList(doc.spec?.crds, rel, 'spec.crds'), `${rel} spec.crds`));
  }
  const globalContextEntries = (test.globalContextEntries ?? []).map((e: any, i: number) => {
    const fromFiles = files.loadAll(asList(e.resourceFiles, file, `globalContextEntries[${i}].resourceFiles`), `globalContextEntries[${i}].resourceFiles`);
    const { resourceFiles, ...rest } = e;
    return fromFiles.length > 0 || resourceFiles ? { ...rest, resources: [...(e.resources ?? []), ...fromFiles] } : rest;
  });
  const jsonPayloads = [
    ...(test.jsonPayload ? files.load(asPath(test.jsonPayload, file, 'jsonPayload')!, 'jsonPayload') : []),
    ...list('jsonPayloads'),
  ];
  const name = String(test.metadata?.name ?? test.name ?? path.basename(dir));
  return {
    name: index > 0 && !test.metadata?.name && !test.name ? `${name}#${index + 1}` : name,
    file,
    policies: list('policies'),
    resources: list('resources').map(withDefaultNamespace),
    results: test.results ?? [],
    values,
    userInfo: userinfo ? files.single(userinfo, 'userinfo', 'UserInfo', USER_INFO_SHAPE) : undefined,
    context: context ? files.single(context, 'context', 'Context', CONTEXT_SHAPE) : undefined,
    exceptions: list('exceptions'),
    clusterResources,
    targetResources: list('targetResources').map(withDefaultNamespace),
    paramResources: list('paramResources').map(withDefaultNamespace),
    jsonPayloads,
    httpPayloads: list('httpPayloads'),
    envoyPayloads: list('envoyPayloads'),
    apiCallResponses: test.apiCallResponses,
    globalContextEntries,
    resultFiles: resultDocuments(test, files, file),
  };
}

/** One kyverno test suite (one Test document) read from disk. */
export class KyvernoTestSuite {
  /**
   * Reads every Test document of a `kyverno-test.yaml` file and every file each refers to (paths
   * relative to it). Fields outside the Test, Values, UserInfo, Context and ClusterResource schemas
   * are errors naming the field and the file.
   */
  public static load(file: string): KyvernoTestSuite[] {
    const docs = readDocs(file);
    if (docs.length === 0) throw new Error(`${file}: no kyverno Test document (kind: Test with results)`);
    docs.forEach((d, i) => {
      if (!d || typeof d !== 'object' || (d.kind !== 'Test' && d.kind !== undefined)) {
        throw new Error(`${file}: document ${i + 1} is ${d?.kind ? `a ${d.kind}` : 'not an object'}, expected kind: Test`);
      }
    });
    return docs.map((d, i) => new KyvernoTestSuite(path.resolve(file), definitionOf(d, i, path.resolve(file))));
  }

  /** Reads a `kyverno-test.yaml` file that holds one Test document (see `load` for several). */
  public static fromFile(file: string): KyvernoTestSuite {
    const suites = KyvernoTestSuite.load(file);
    if (suites.length !== 1) throw new Error(`${file}: holds ${suites.length} Test documents; read it with KyvernoTestSuite.load`);
    return suites[0];
  }

  /** Finds every `kyverno-test.yaml` under the given files or directories (sorted). */
  public static discover(paths: string[]): string[] {
    const found: string[] = [];
    const visit = (p: string) => {
      const st = fs.statSync(p);
      if (st.isDirectory()) {
        for (const entry of fs.readdirSync(p).sort()) {
          if (entry === 'node_modules' || entry === '.git') continue;
          visit(path.join(p, entry));
        }
      } else if (TEST_FILE_NAMES.includes(path.basename(p))) {
        found.push(p);
      }
    };
    for (const p of paths) {
      if (!fs.existsSync(p)) throw new Error(`${p}: no such file or directory`);
      const st = fs.statSync(p);
      if (st.isFile()) found.push(p);
      else visit(p);
    }
    return [...new Set(found.map((f) => path.resolve(f)))].sort();
  }

  private constructor(
    /** Absolute path of the kyverno-test.yaml file. */
    public readonly file: string,
    /** The parsed suite. */
    public readonly definition: KyvernoTestDefinition,
  ) {}

  /** The suite's name. */
  public get name(): string {
    return this.definition.name;
  }

  /** Runs the suite through the engine. */
  public run(): KyvernoTestReport {
    return KyvernoTestRunner.run(this.definition);
  }
}
