import { Project } from 'projen';

/** Peer dependencies of this library a team project needs. Internal. */
export const POLICY_DEV_DEPS = ['cdk8s@^2.70.106', 'constructs@^10.8.1', 'cdk8s-plus-28@^2.5.6'];

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
