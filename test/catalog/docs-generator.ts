/**
 * Generates docs/catalog.md from the catalogue's own source: the class TSDoc (summary, @example,
 * @see), the props interfaces (each option's type, @default and description) and the policy each
 * entry synthesizes with its default options. Run by docs.test.ts; regenerate with
 * `UPDATE_CATALOG_DOCS=1 npx jest test/catalog/docs`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import * as ts from 'typescript';
import { CONTROL_SUITES, CONTROL_VPOL_SUITES, ENTRIES, CatalogEntry } from './entries';
import * as catalog from '../../src/catalog';
import { controlDefinition } from '../../src/catalog/pod-security/pod-security-control';
import { toYaml } from '../../src/core/yaml';
import { KyvernoPolicy } from '../../src/kyverno';

const SRC = path.join(__dirname, '..', '..', 'src', 'catalog');

interface DocComment {
  readonly summary: string;
  readonly tags: { name: string; text: string }[];
}

interface MemberDoc {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly doc: DocComment;
}

function docOf(node: ts.Node): DocComment {
  const docs = (node as any).jsDoc as ts.JSDoc[] | undefined;
  const d = docs?.[docs.length - 1];
  if (!d) return { summary: '', tags: [] };
  const summary = (ts.getTextOfJSDocComment(d.comment) ?? '').trim();
  const tags = (d.tags ?? []).map((t) => {
    // a URL after @see parses as a name reference ("https") plus a comment ("://..."): keep both
    const name = ts.isJSDocSeeTag(t) && t.name ? t.name.getText() : '';
    return { name: t.tagName.text, text: `${name}${ts.getTextOfJSDocComment(t.comment) ?? ''}`.trim() };
  });
  return { summary, tags };
}

function parse(file: string): ts.SourceFile {
  const full = path.join(SRC, file);
  return ts.createSourceFile(full, fs.readFileSync(full, 'utf-8'), ts.ScriptTarget.Latest, true);
}

function classDoc(file: string, className: string): DocComment {
  let out: DocComment | undefined;
  parse(file).forEachChild((n) => {
    if (ts.isClassDeclaration(n) && n.name?.text === className) out = docOf(n);
  });
  if (!out) throw new Error(`class ${className} not found in ${file}`);
  return out;
}

function interfaceMembers(file: string, name: string): { doc: DocComment; members: MemberDoc[]; extendsNames: string[] } {
  let out: { doc: DocComment; members: MemberDoc[]; extendsNames: string[] } | undefined;
  parse(file).forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === name) {
      out = {
        doc: docOf(n),
        extendsNames: (n.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText())),
        members: n.members.filter(ts.isPropertySignature).map((m) => ({
          name: m.name.getText(),
          type: m.type?.getText() ?? 'any',
          optional: m.questionToken !== undefined,
          doc: docOf(m),
        })),
      };
    }
  });
  if (!out) throw new Error(`interface ${name} not found in ${file}`);
  return out;
}

/** One line of Markdown table cell text. */
function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

/** Prose: paragraphs kept, lines within a paragraph joined. */
function para(s: string): string {
  return s.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter((p) => p).join('\n\n');
}

function tag(doc: DocComment, name: string): string | undefined {
  return doc.tags.find((t) => t.name === name)?.text;
}

/** `@default - words` is prose, `@default value (why)` a value with a note, else a value. */
function defaultCell(raw: string | undefined): string {
  const d = cell(raw ?? '-');
  if (d.startsWith('-')) return d.replace(/^-\s*/, '') || '-';
  const withNote = /^(\S+)\s+\((.*)\)$/.exec(d);
  return withNote ? `\`${withNote[1]}\` (${withNote[2]})` : `\`${d}\``;
}

function optionsTable(members: MemberDoc[]): string[] {
  if (members.length === 0) return ['Only the [common options](#common-options).', ''];
  const lines = ['| Option | Type | Default | Description |', '| --- | --- | --- | --- |'];
  for (const m of members) {
    lines.push(`| \`${m.name}\` | \`${cell(m.type)}\` | ${m.optional ? defaultCell(tag(m.doc, 'default')) : '**required**'} | ${cell(m.doc.summary)} |`);
  }
  lines.push('', 'Plus the [common options](#common-options).', '');
  return lines;
}

function example(doc: DocComment): string[] {
  const ex = tag(doc, 'example');
  return ex ? ['```ts', ex, '```', ''] : [];
}

function seeLinks(doc: DocComment): string[] {
  const links = doc.tags.filter((t) => t.name === 'see').map((t) => t.text);
  return links.length ? [`See: ${links.map((l) => `<${l}>`).join(', ')}`, ''] : [];
}

function manifestOf(build: (scope: Chart, id: string) => KyvernoPolicy): any {
  const chart = new Chart(Testing.app(), 'docs');
  return build(chart, 'policy').toJson();
}

function entrySection(e: CatalogEntry): string[] {
  const doc = classDoc(e.file, e.className);
  const props = interfaceMembers(e.file, e.propsName);
  const manifest = manifestOf(e.build);
  const ann = manifest.metadata.annotations ?? {};
  const rules: string[] = manifest.spec.rules.map((r: any) => `\`${r.name}\``);
  const lines = [
    `### ${e.className}`,
    '',
    '| Policy name | Category | Severity | Rules | Kyverno library suites passed |',
    '| --- | --- | --- | --- | --- |',
    `| \`${manifest.metadata.name}\` | ${ann['policies.kyverno.io/category']} | ${ann['policies.kyverno.io/severity']} | ${rules.join(', ')} | `
      + `${e.suites.map((s) => `\`${s.path}\`${s.build ? ' (with options)' : ''}`).join(', ') || '-'} |`,
    '',
    para(doc.summary),
    '',
    `**Checks (default options):** ${cell(ann['policies.kyverno.io/description'] ?? '')}`,
    '',
    `#### Options (\`${e.propsName}\`)`,
    '',
    ...optionsTable(props.members),
    '#### Example',
    '',
    ...exampleAndManifest(doc, manifest),
  ];
  return lines;
}

/** The example of a construct, its manifest with the default options (folded) and its links. */
function exampleAndManifest(doc: Parameters<typeof example>[0], manifest: any): string[] {
  return [
    ...example(doc),
    '<details><summary>Synthesized policy with the default options</summary>',
    '',
    '```yaml',
    toYaml(manifest).trimEnd(),
    '```',
    '',
    '</details>',
    '',
    ...seeLinks(doc),
  ];
}

/** The ValidatingPolicy (CEL) variants: same checks as a catalogue entry, as a policies.kyverno.io kind. */
function celVariantsSection(): string[] {
  const file = 'security/disallow-latest-tag-validating-policy.ts';
  const doc = classDoc(file, 'DisallowLatestTagValidatingPolicy');
  const props = interfaceMembers(file, 'DisallowLatestTagValidatingPolicyProps');
  const manifest = new catalog.DisallowLatestTagValidatingPolicy(new Chart(Testing.app(), 'docs'), 'policy').toJson();
  const ann = manifest.metadata.annotations ?? {};
  return [
    '## CEL variants (ValidatingPolicy)',
    '',
    'Where a catalogue policy has a natural CEL form, a separate construct offers it as a Kyverno `ValidatingPolicy` '
      + '(policies.kyverno.io/v1), so teams can move kind by kind. In a PolicySet it takes the same environment settings: the failure '
      + 'action becomes `validationActions` (`Enforce` is `[Deny]`, `Audit` is `[Audit]`) and `background` becomes '
      + '`evaluation.background.enabled`; its results carry the policy name as rule name.',
    '',
    '### DisallowLatestTagValidatingPolicy',
    '',
    '| Policy name | Kind | Category | Severity |',
    '| --- | --- | --- | --- |',
    `| \`${manifest.metadata.name}\` | ${manifest.kind} | ${ann['policies.kyverno.io/category']} | ${ann['policies.kyverno.io/severity']} |`,
    '',
    para(doc.summary),
    '',
    '#### Options (`DisallowLatestTagValidatingPolicyProps`)',
    '',
    ...optionsTable(props.members).slice(0, -2),
    'Plus the documentation props (`title`, `severity`, `description`, `labels`, `annotations`, ...).',
    '',
    '#### Example',
    '',
    ...exampleAndManifest(doc, manifest),
  ];
}

function podSecuritySection(): string[] {
  const control = classDoc('pod-security/pod-security-control-policy.ts', 'PodSecurityControlPolicy');
  const baseline = classDoc('pod-security/pod-security-profile.ts', 'PodSecurityBaseline');
  const restricted = classDoc('pod-security/pod-security-profile.ts', 'PodSecurityRestricted');
  const profileProps = interfaceMembers('pod-security/pod-security-profile.ts', 'PodSecurityProfileProps');
  const settings = interfaceMembers('pod-security/pod-security-profile.ts', 'PodSecurityControlSettings');
  const lines = [
    '### PodSecurityBaseline, PodSecurityRestricted',
    '',
    para(baseline.summary),
    '',
    para(restricted.summary),
    '',
    'Each control is a `PodSecurityControlPolicy` (a ClusterPolicy) with the Kyverno library\'s policy name, rule names and '
      + 'patterns, so PolicySet settings (per-environment failure action, enabled, background, excluded namespaces) apply to '
      + 'each control (`set.configure(profile.policyFor(PodSecurityControl.HOST_PATH)!, {...})`). Pattern rules are used rather than `validate.podSecurity` so that every control is its '
      + 'own policy that can be switched off (`controls[].enabled`), excluded (`controls[].excludeNamespaces`) or excepted '
      + '(`addException(id, control, { reason, match })`: a Kyverno PolicyException naming that policy and its rules) alone. '
      + 'Excluding images per control (what `validate.podSecurity` exclusions do) is not offered: pattern rules have no image filter; '
      + 'use an exception matching the workloads instead. The offline engine does not apply PolicyExceptions.',
    '',
    '| Control (`PodSecurityControl`) | Policy name | Profile | Rules | Kyverno library suites passed |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [key, value] of Object.entries(catalog.PodSecurityControl)) {
    const def = controlDefinition(value);
    const rules = def.rules().map((r) => `\`${r.name}\``).join(', ');
    lines.push(`| \`${key}\` | \`${value}\` | ${def.restricted ? 'Restricted' : 'Baseline, Restricted'} | ${rules} | `
      + `${[
        ...(CONTROL_SUITES[value] ?? []).map((s) => `\`${s}\``),
        ...CONTROL_VPOL_SUITES.filter((v) => v.control === value).map((v) => `\`${v.suite}\` (its resources and results)`),
      ].join(', ') || '-'} |`);
  }
  lines.push('', '#### Options (`PodSecurityProfileProps`)', '', ...optionsTable(profileProps.members).filter((l) => !l.startsWith('Plus')));
  lines.push('#### Per-control settings (`PodSecurityControlSettings`)', '', ...optionsTable(settings.members).filter((l) => !l.startsWith('Plus')));
  lines.push('#### Example', '', ...example(baseline), ...example(restricted));
  lines.push('A single control on its own:', '', ...example(control), ...seeLinks(baseline), ...seeLinks(restricted));
  return lines;
}

function commonOptions(): string[] {
  const common = interfaceMembers('catalog-policy.ts', 'CatalogPolicyProps');
  return [
    '## Common options',
    '',
    'Every catalogue policy is a `ClusterPolicy` subclass: its props extend `ClusterPolicyProps` (`name`, `failureAction`, '
      + '`background`, `kyvernoVersion`, `title`, `severity`, `description`, `labels`, `annotations`, ...; the catalogue fills the '
      + 'name and the metadata annotations unless given) and add:',
    '',
    ...optionsTable(common.members).filter((l) => !l.startsWith('Plus')),
    'Per-environment settings are made on the PolicySet exactly as for a hand-written policy:',
    '',
    '```ts',
    "const securitySet = new PolicySet(repo, 'security-policy', { version: '1.0.0' });",
    "const limits = new RequireResourceLimits(securitySet, 'require-resource-limits');",
    'securitySet.configure(limits, {',
    '  failureAction: FailureAction.AUDIT,',
    '  environments: { prd: { failureAction: FailureAction.ENFORCE } },',
    '});',
    '```',
    '',
  ];
}

function enumMembers(file: string, name: string): { name: string; value: string; doc: string }[] {
  let out: { name: string; value: string; doc: string }[] | undefined;
  parse(file).forEachChild((n) => {
    if (ts.isEnumDeclaration(n) && n.name.text === name) {
      out = n.members.map((m) => ({ name: m.name.getText(), value: m.initializer?.getText() ?? '', doc: docOf(m).summary }));
    }
  });
  if (!out) throw new Error(`enum ${name} not found in ${file}`);
  return out;
}

/** The structs and enums the options refer to. */
function typesSection(): string[] {
  const lines = ['## Types used by the options', ''];
  for (const [file, name] of [['devops/require-labels.ts', 'RequiredKey'], ['devops/naming-conventions.ts', 'NamingConvention'],
    ['security/disallow-host-ports.ts', 'PortRange'], ['pod-security/pod-security-profile.ts', 'PodSecurityExceptionOptions']]) {
    const i = interfaceMembers(file, name);
    lines.push(`### ${name}`, '', para(i.doc.summary), '', ...optionsTable(i.members).filter((l) => !l.startsWith('Plus')));
  }
  for (const [file, name] of [['security/require-resource-limits.ts', 'ComputeResource'], ['security/require-probes.ts', 'Probe']]) {
    lines.push(`### ${name} (enum)`, '', '| Member | Value |', '| --- | --- |');
    for (const m of enumMembers(file, name)) lines.push(`| \`${name}.${m.name}\` | \`${m.value.replace(/'/g, '')}\` |`);
    lines.push('');
  }
  return lines;
}

/** The complete docs/catalog.md. */
export function renderCatalogDocs(): string {
  const lines = [
    '<!-- Generated by test/catalog/docs-generator.ts from the catalogue source. Do not edit: run',
    '     `UPDATE_CATALOG_DOCS=1 npx jest test/catalog/docs` to regenerate. -->',
    '# Policy catalogue',
    '',
    'Typed constructs for the policies platform teams reach for first (`import { ... } from \'cdk8s-policy-platform\'`). '
      + 'Each is a Kyverno `ClusterPolicy`, tested with passing and failing resources through the offline engine, and where '
      + 'the Kyverno community library has the same policy, it passes that library\'s own test suite with the default options '
      + '(renamed to the library\'s policy name; rule names mirror the library\'s).',
    '',
    '| Group | Construct | Policy name | Severity |',
    '| --- | --- | --- | --- |',
  ];
  for (const e of ENTRIES) {
    const m = manifestOf(e.build);
    lines.push(`| ${e.group} | [\`${e.className}\`](#${e.className.toLowerCase()}) | \`${m.metadata.name}\` | ${m.metadata.annotations['policies.kyverno.io/severity']} |`);
  }
  lines.push('| Pod Security Standards | [`PodSecurityBaseline`, `PodSecurityRestricted`](#podsecuritybaseline-podsecurityrestricted) | one per control | medium |', '');
  lines.push(...commonOptions());
  for (const group of ['Security', 'Pod Security Standards', 'DevOps']) {
    lines.push(`## ${group}`, '');
    if (group === 'Pod Security Standards') lines.push(...podSecuritySection());
    for (const e of ENTRIES.filter((x) => x.group === group)) lines.push(...entrySection(e));
  }
  lines.push(...celVariantsSection());
  lines.push(...typesSection());
  lines.push('## What the offline engine can and cannot evaluate', '',
    '- Every pattern, anyPattern, foreach and deny rule of the catalogue is evaluated offline (`policy-platform test`, `PolicyTest`).',
    '- `RequirePodDisruptionBudget` reads the namespace\'s PodDisruptionBudgets with a context `apiCall`. Offline there is no API '
      + 'server: a test must give the rule\'s `pdb_count` variable (the number of matching PodDisruptionBudgets), as the Kyverno '
      + 'library\'s own test does with a `values.yaml`; without it the rule is reported as an error or unsupported, never as a pass.',
    '- `RequireProbes` and `RequirePodDisruptionBudget` only apply to CREATE and UPDATE requests (not background scans); offline '
      + 'tests evaluate as CREATE.',
    '');
  return lines.join('\n');
}
