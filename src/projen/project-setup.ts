import { javascript, Project, SampleFile, typescript } from 'projen';

/** Peer dependencies of this library a team project needs. Internal. */
export const POLICY_DEV_DEPS = ['cdk8s@^2.70.106', 'constructs@^10.8.1', 'cdk8s-plus-28@^2.5.6'];

/**
 * The TypeScript project options a policy project starts from: projenrc in TypeScript, npm, no
 * GitHub or release workflows, the library's peers as devDependencies, and none of projen's own
 * sample code (the project writes its starter files itself). Internal.
 */
export function policyProjectOptions(options: typescript.TypeScriptProjectOptions): typescript.TypeScriptProjectOptions {
  return {
    projenrcTs: true,
    github: false,
    release: false,
    packageManager: javascript.NodePackageManager.NPM,
    ...options,
    sampleCode: false,
    devDeps: [...POLICY_DEV_DEPS, ...(options.devDeps ?? [])],
  };
}

/** The module a policy project's definitions live in, and its starter files. Internal. */
export interface DefinitionsModule {
  /** Path of the module, e.g. `src/policies.ts`. */
  readonly path: string;
  /** Starter content of the module. */
  readonly sample: string;
  /** File name of the starter test in the test directory. */
  readonly testFile: string;
  /** Starter content of the test. */
  readonly testSample: string;
}

/**
 * What both policy project types add after their component: a `synth` task, the definitions
 * module allowed to import devDependencies, and the starter module and test unless `sampleCode`
 * is false. Internal.
 */
export function setUpDefinitionsModule(project: typescript.TypeScriptProject, sampleCode: boolean | undefined, module: DefinitionsModule): void {
  addSynthTask(project);
  // The definitions module runs at synthesis only: it may import the library, a devDependency.
  project.eslint?.allowDevDeps(module.path);
  if (sampleCode ?? true) {
    new SampleFile(project, module.path, { contents: module.sample });
    new SampleFile(project, `${project.testdir}/${module.testFile}`, { contents: module.testSample });
  }
}

/**
 * Adds a `synth` task (projen has none by default) so `npx projen synth` works as well as plain
 * `npx projen`. Internal.
 */
export function addSynthTask(project: Project): void {
  if (project.tasks.tryFind('synth')) return;
  project.addTask('synth', {
    description: 'Synthesize the project files (policies, charts, values, Dockerfile); same as `npx projen`',
    steps: [{ spawn: 'default' }],
  });
}
