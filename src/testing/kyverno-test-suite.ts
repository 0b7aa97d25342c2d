/**
 * A kyverno test suite on disk (`kyverno-test.yaml` and the files it names), run through the
 * offline engine.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseYamlDocuments } from '../core/yaml';
import { KyvernoTestDefinition, KyvernoTestReport, KyvernoTestRunner } from '../engine/test-runner';

/** The file name kyverno test looks for. */
const TEST_FILE_NAMES = ['kyverno-test.yaml', 'kyverno-test.yml'];

function readDocs(file: string): any[] {
  return parseYamlDocuments(fs.readFileSync(file, 'utf8'), file);
}

function flattenLists(docs: any[]): any[] {
  const out: any[] = [];
  for (const d of docs) {
    if (d?.kind === 'List' && Array.isArray(d.items)) out.push(...d.items);
    else out.push(d);
  }
  return out;
}

/** One kyverno test suite read from disk. */
export class KyvernoTestSuite {
  /** Reads a `kyverno-test.yaml` file and every file it refers to (paths relative to it). */
  public static fromFile(file: string): KyvernoTestSuite {
    const docs = readDocs(file);
    const test = docs.find((d) => d && typeof d === 'object' && (d.kind === 'Test' || d.results !== undefined));
    if (!test) throw new Error(`${file}: no kyverno Test document (kind: Test with results)`);
    const dir = path.dirname(file);
    const load = (rel: string) => {
      const p = path.resolve(dir, rel);
      if (!fs.existsSync(p)) throw new Error(`${file}: file ${JSON.stringify(rel)} does not exist`);
      if (fs.statSync(p).isDirectory()) {
        return fs.readdirSync(p).filter((f) => /\.ya?ml$/.test(f)).sort().flatMap((f) => readDocs(path.join(p, f)));
      }
      return readDocs(p);
    };
    const one = (rel: string | undefined) => (rel ? load(rel)[0] : undefined);
    const def: KyvernoTestDefinition = {
      name: String(test.metadata?.name ?? test.name ?? path.basename(dir)),
      policies: flattenLists((test.policies ?? []).flatMap((p: string) => load(p))),
      resources: flattenLists((test.resources ?? []).flatMap((r: string) => load(r))),
      results: test.results ?? [],
      values: one(test.variables),
      userInfo: one(test.userinfo ?? test.userInfo),
      context: one(test.context),
      exceptions: flattenLists((test.exceptions ?? []).flatMap((e: string) => load(e))),
      paramResources: flattenLists((test.paramResources ?? []).flatMap((p: string) => load(p))),
    };
    return new KyvernoTestSuite(path.resolve(file), def);
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
