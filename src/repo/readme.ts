/**
 * README.md of a policy repository: its catalogue (each policy, its severity and what it does in
 * each environment), so a reader of the repository sees what prd enforces without reading YAML.
 */
import type { PolicyRepo } from './policy-repo';
import { RepoModel } from './repo-model';
import { GENERATED_NOTICE } from '../core/generated-notice';
import { KnobValues } from '../helm/knobs';

export function readme(repo: PolicyRepo, model: RepoModel): string {
  const envs = model.environments;
  const lines: string[] = [
    `# ${repo.repoName}`,
    '',
    `${repo.description}.`,
    '',
    `<!-- ${GENERATED_NOTICE} -->`,
    '',
  ];
  if (repo.imageRef) lines.push(`Image: \`${repo.imageRef}\``, '');
  lines.push(
    'Deploy a chart to an environment with:',
    '',
    '```sh',
    'helm template charts/<chart> -f cd/values.yaml -f cd/<env>/values.yaml',
    '```',
    '',
    `\`rendered/<env>/\` holds the result for each environment (${envs.map((e) => `\`${e}\``).join(', ')}).`,
    '',
  );
  for (const s of model.sets) {
    lines.push(`## Chart \`${s.set.chartName}\` ${s.set.version}`, '', cell(s.set.description), '');
    const policies = s.templates.filter((t) => t.policy);
    if (policies.length === 0) {
      lines.push('No policies (values only).', '');
      continue;
    }
    lines.push(
      `| Policy | Kind | Severity | Category | Values key | ${envs.map(cell).join(' | ')} |`,
      `| --- | --- | --- | --- | --- | ${envs.map(() => '---').join(' | ')} |`,
    );
    for (const t of policies) {
      const p = t.policy!.construct;
      const name = `\`${p.policyName}\`${p.title ? ` ${cell(p.title)}` : ''}`;
      const perEnv = envs.map((e) => describe(t.policy!.effective.get(e)!));
      lines.push(`| ${name} | ${p.kind} | ${p.severity ?? '-'} | ${cell(p.category ?? '-')} | \`${t.policy!.key}\` | ${perEnv.join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push(
    'Settings of a policy live under `policies.<values key>` in `cd/values.yaml` (every environment) and',
    '`cd/<env>/values.yaml` (one environment): `enabled`, `validationFailureAction` (`Audit` or `Enforce`),',
    '`background` and `excludedNamespaces`. `values.schema.json` in each chart checks them.',
    '',
  );
  return lines.join('\n');
}

function describe(k: KnobValues): string {
  if (!k.enabled) return 'disabled';
  const notes: string[] = [];
  if (!k.background) notes.push('no background');
  if (k.excludedNamespaces.length > 0) notes.push(`excludes ${k.excludedNamespaces.join(', ')}`);
  return notes.length > 0 ? `${k.validationFailureAction} (${notes.join('; ')})` : k.validationFailureAction;
}

/** Markdown table cell text: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
