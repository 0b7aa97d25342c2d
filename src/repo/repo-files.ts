/**
 * The file list of a PolicyRepo, computed from its model. Internal module: writers (plain synth,
 * projen components) only ever see the resulting SynthFile list.
 */
import type { PolicyRepo } from './policy-repo';
import { readme } from './readme';
import { chartValuesSchema, mergedValues, RepoModel } from './repo-model';
import { GENERATED_NOTICE } from '../core/generated-notice';
import { SynthFile } from '../core/synth-file';
import { toYaml } from '../core/yaml';
import { Dockerfile } from '../docker/dockerfile';
import { chartYaml } from '../helm/chart-yaml';
import { escapeGoTemplate } from '../helm/go-template-escape';
import { policyTemplate, resolvedPolicyYaml, tokenizePolicy, TokenizedPolicy } from '../helm/policy-template';

/** Every file of the repository except those of file contributors. */
export function repoFiles(repo: PolicyRepo, model: RepoModel): SynthFile[] {
  const files: SynthFile[] = [];
  // each template is stringified once; the Helm template and every environment's rendered YAML
  // substitute its knob placeholders
  const texts = new Map<any, TokenizedPolicy | string>();
  for (const s of model.sets) {
    for (const t of s.templates) texts.set(t, t.policy ? tokenizePolicy(t.manifest, t.policy.kyvernoVersion) : toYaml(t.manifest));
  }
  for (const s of model.sets) {
    const dir = `charts/${s.set.chartName}`;
    files.push({
      path: `${dir}/Chart.yaml`,
      content: chartYaml({
        name: s.set.chartName,
        version: s.set.version,
        description: s.set.description,
        appVersion: s.set.appVersion,
        annotations: { 'policy-platform/repository': repo.repoName, ...s.set.chartAnnotations },
      }),
    });
    files.push({
      path: `${dir}/values.yaml`,
      content: `# ${GENERATED_NOTICE}\n# Chart defaults: each policy's settings outside environment-specific overrides.\n# cd/values.yaml and cd/<env>/values.yaml are merged over these.\n${toYaml(s.chartValues)}`,
    });
    files.push({ path: `${dir}/values.schema.json`, content: `${JSON.stringify(chartValuesSchema(s), null, 2)}\n` });
    for (const t of s.templates) {
      // policy templates carry the header inside their `if enabled` block: a disabled policy renders to nothing
      const text = texts.get(t)!;
      const content = typeof text === 'string'
        ? `# ${GENERATED_NOTICE}\n${escapeGoTemplate(text)}`
        : policyTemplate(text, t.policy!.key, GENERATED_NOTICE);
      files.push({ path: `${dir}/${t.path}`, content });
    }
  }
  files.push({
    path: 'cd/values.yaml',
    content: `# ${GENERATED_NOTICE}\n# Values shared by every environment (merged over each chart's values.yaml).\n${toYaml(model.sharedValues)}`,
  });
  for (const env of model.environments) {
    files.push({
      path: `cd/${env}/values.yaml`,
      content: `# ${GENERATED_NOTICE}\n# What differs in ${env} (merged over cd/values.yaml).\n${toYaml(model.environmentValues.get(env))}`,
    });
  }
  if (repo.renderManifests) {
    for (const env of model.environments) {
      for (const s of model.sets) {
        const values = mergedValues(model, s, env);
        const docs: string[] = [];
        for (const t of s.templates) {
          const text = texts.get(t)!;
          const doc = typeof text === 'string' ? text : resolvedPolicyYaml(text, values.policies[t.policy!.key]);
          if (doc !== undefined) docs.push(doc);
        }
        const header = `# ${GENERATED_NOTICE}\n# charts/${s.set.chartName} rendered with cd/values.yaml and cd/${env}/values.yaml: what ${env} runs.\n`;
        files.push({ path: `rendered/${env}/${s.set.chartName}.yaml`, content: header + docs.join('---\n') });
      }
    }
  }
  files.push({ path: 'Dockerfile', content: dockerfile(repo, model) });
  files.push({ path: '.dockerignore', content: dockerignore() });
  files.push({ path: 'README.md', content: readme(repo, model) });
  return files;
}

/**
 * What the repo image carries: only what the platform uses. An allowlist, so nothing else a
 * project keeps beside them (src/, node_modules/, coverage/, test reports) ever reaches the image.
 */
export const REPO_IMAGE_CONTENT = ['charts/', 'cd/', 'rendered/', 'tests/', '.spectral.yaml', 'README.md'];

function dockerignore(): string {
  return [
    `# ${GENERATED_NOTICE}`,
    '# An allowlist: the repo image carries only what the platform uses.',
    '*',
    ...REPO_IMAGE_CONTENT.map((p) => `!${p}`),
    '',
  ].join('\n');
}

/** `FROM scratch` + `COPY . /repos/<name>/`: the repository as an OCI artifact the platform image copies from. */
function dockerfile(repo: PolicyRepo, model: RepoModel): string {
  const file = new Dockerfile({
    // no parser directive: nothing to pull before the build, any builder reads it
    syntax: '',
    header: [GENERATED_NOTICE, `Packages the ${repo.repoName} policy repository as an image${repo.imageRef ? `:\n  docker build -t ${repo.imageRef} .` : '.'}`].join('\n'),
  });
  const labels: { [key: string]: string } = {
    'org.opencontainers.image.title': repo.repoName,
    'org.opencontainers.image.description': repo.description,
    'io.policy-platform.repository': repo.repoName,
    'io.policy-platform.charts': model.sets.map((s) => `${s.set.chartName}@${s.set.version}`).join(','),
    'io.policy-platform.environments': model.environments.join(','),
  };
  if (repo.image?.tag) labels['org.opencontainers.image.ref.name'] = repo.image.tag;
  file.addStage({ from: 'scratch' })
    .label(labels)
    // the build context is .dockerignore's allowlist (REPO_IMAGE_CONTENT)
    .copy({ sources: ['.'], destination: `/repos/${repo.repoName}/` });
  return file.render();
}
