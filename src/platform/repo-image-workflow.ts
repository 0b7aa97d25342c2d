import { Construct } from 'constructs';
import { IFileContributor, SynthFile } from '../core/synth-file';
import { PolicyRepo } from '../repo';
import { repoImageWorkflow } from './workflows';
import { isImageTag } from '../repo/image-reference';

/**
 * Options of a repo image workflow.
 */
export interface RepoImageWorkflowProps {
  /**
   * Branch the workflow pushes the `:<branch>` tag from (the tag the platform's `FROM` lines use).
   * @default 'main'
   */
  readonly branch?: string;
}

/**
 * The GitHub Actions workflow of a policy repository (`.github/workflows/<repo>-image.yaml`): builds
 * the repo's `FROM scratch` image (the Dockerfile the repo writes) and pushes it to the repo's image.
 * Place it inside a PolicyRepo that has an `image`; the repo collects its file.
 */
export class RepoImageWorkflow extends Construct implements IFileContributor {
  private readonly branch: string;

  constructor(scope: Construct, id: string, props: RepoImageWorkflowProps = {}) {
    super(scope, id);
    this.branch = props.branch ?? 'main';
    this.node.addValidation({
      validate: () => {
        const repo = PolicyRepo.of(this);
        if (!repo) return ['a RepoImageWorkflow must be placed inside a PolicyRepo'];
        if (!repo.image) return [`the repo ${repo.repoName} has no image to push (set PolicyRepo's image)`];
        if (!isImageTag(this.branch)) return [`branch: ${JSON.stringify(this.branch)} is not a branch name usable as an image tag`];
        return [];
      },
    });
  }

  /** The workflow file. */
  public synthFiles(): SynthFile[] {
    const repo = PolicyRepo.of(this)!;
    const image = `${repo.image!.registry.replace(/\/+$/, '')}/${repo.image!.repository}`;
    return [{ path: `.github/workflows/${repo.repoName}-image.yaml`, content: repoImageWorkflow(repo.repoName, image, this.branch) }];
  }
}
