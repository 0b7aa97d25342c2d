/**
 * A stand-in with PolicyRepo's contract (repoName, environments, image, policySets, render) for
 * platform tests that must not depend on how charts are laid out.
 */
import { Construct } from 'constructs';

export interface FakePolicy { kind?: string; name: string; namespace?: string }

export class FakeRepo extends Construct {
  public readonly repoName: string;
  public readonly environments: string[];
  public readonly image?: any;
  public readonly policySets: any[];
  public renders = 0;

  constructor(scope: Construct, id: string, props: { environments: string[]; policies: FakePolicy[]; image?: any }) {
    super(scope, id);
    this.repoName = id;
    this.environments = props.environments;
    this.image = props.image === undefined ? { registry: 'registry.example.com/ops', repository: `${id}-repo`, tag: 'main' } : props.image ?? undefined;
    this.policySets = [{
      chartName: id,
      version: '1.0.0',
      policies: props.policies.map((p) => ({
        kind: p.kind ?? 'ClusterPolicy',
        policyName: p.name,
        metadata: { namespace: p.namespace },
      })),
    }];
  }

  public get imageRef(): string | undefined {
    return this.image ? `${this.image.registry}/${this.image.repository}:${this.image.tag}` : undefined;
  }

  public render(env: string): any[] {
    this.renders++;
    return this.policySets[0].policies.map((p: any) => ({
      apiVersion: 'kyverno.io/v1',
      kind: p.kind,
      metadata: { name: p.policyName, labels: { env } },
      spec: { rules: [] },
    }));
  }
}
