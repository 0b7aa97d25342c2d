/**
 * The `generatedResource` / `generatedResources` check of a kyverno test result: each expected
 * document must equal the resource the rule generated with the same apiVersion, kind, namespace
 * and name, compared as `kyverno test` does (generate labels fixed up on both sides, then tidied
 * and compared as JSON). A mismatch yields a reason that lists the differing paths.
 * @see https://kyverno.io/docs/kyverno-cli/usage/test/
 */
import { comparableLabels } from './generate/generated-labels';
import { resourceDifferences, tidyResource } from './resource-compare';

/** The outcome of a resource check. */
export interface ResourceCheck {
  /** Whether every expected resource matched. */
  readonly ok: boolean;
  /** Why not (the differences, or what is missing). @default - matched */
  readonly reason?: string;
}

/** kyverno test's loader puts an expected document without a namespace in `default`. */
function namespaceOf(r: any): string {
  return String(r?.metadata?.namespace ?? '') || 'default';
}

function identity(r: any): string {
  return `${r?.apiVersion ?? ''}/${r?.kind ?? ''} ${namespaceOf(r)}/${r?.metadata?.name ?? ''}`;
}

/** The resource as compared: generate labels fixed up, namespace defaulted as the loader does, tidied. */
function comparable(r: any): any {
  const metadata = { ...(r?.metadata ?? {}), labels: comparableLabels(r?.metadata?.labels), namespace: namespaceOf(r) };
  return tidyResource({ ...r, metadata });
}

const MAX_LINES = 8;

/**
 * Compares the expected documents (`file` names them in the reason) with what the rule generated.
 * `generated` undefined means the rule did not generate (not a generate rule, or it did not run).
 */
export function checkGeneratedResources(expected: any[], generated: any[] | undefined, file: string): ResourceCheck {
  const actual = generated ?? [];
  if (expected.length === 0) return { ok: false, reason: `${file}: no resource in the file` };
  for (const want of expected) {
    const got = actual.find((g) => identity(g) === identity(want)) ?? (expected.length === 1 && actual.length === 1 ? actual[0] : undefined);
    if (!got) {
      const made = actual.length === 0 ? 'the rule generated nothing' : `the rule generated ${actual.map(identity).join(', ')}`;
      return { ok: false, reason: `generated resource ${identity(want)} (${file}) not found: ${made}` };
    }
    const diffs = resourceDifferences(comparable(want), comparable(got));
    if (diffs.length > 0) {
      const shown = diffs.slice(0, MAX_LINES).join('; ');
      const more = diffs.length > MAX_LINES ? `; ... ${diffs.length - MAX_LINES} more` : '';
      return { ok: false, reason: `generated resource ${identity(got)} differs from ${file}: ${shown}${more}` };
    }
  }
  return { ok: true };
}

/** The files a test result names as expected generated resources (`generatedResource`, `generatedResources`). */
function expectedFiles(result: any): string[] {
  const out: string[] = [];
  if (typeof result?.generatedResource === 'string' && result.generatedResource !== '') out.push(result.generatedResource);
  if (Array.isArray(result?.generatedResources)) out.push(...result.generatedResources.filter((f: any) => typeof f === 'string' && f !== ''));
  return out;
}

/**
 * The generated-resource check of one test result: undefined when the result names no expected
 * generated resource; `files` holds the documents of the files the suite's results name.
 */
export function checkResultGeneratedResources(
  result: any, generated: any[] | undefined, files: { [file: string]: any } | undefined,
): ResourceCheck | undefined {
  const names = expectedFiles(result);
  if (names.length === 0) return undefined;
  for (const name of names) {
    const docs = files?.[name];
    if (!Array.isArray(docs)) return { ok: false, reason: `failed to load generated resource file "${name}" (it does not exist)` };
    const check = checkGeneratedResources(docs, generated, name);
    if (!check.ok) return check;
  }
  return { ok: true };
}
