/**
 * A stand-in implementing the repository contract a platform uses (IPolicyRepo: repoName,
 * environments, imageRef, charts, policy identities, render), for platform tests that must not
 * depend on how charts are laid out.
 */
import { Construct } from 'constructs';
import { compareBytes } from '../../src/core/byte-order';
import { IPolicyRepo, PolicyIdentity, RepoChart } from '../../src/repo';

export interface FakePolicy { kind?: string; name: string; namespace?: string }

/** Where the fake repo image is pushed; `null` for a repo without image. */
export interface FakeImage { registry: string; repository: string; tag: string }

export class FakeRepo extends Construct implements IPolicyRepo {
  public readonly repoName: string;
  public readonly environments: string[];
  public readonly image?: FakeImage;
  /** How many times render() was called. */
  public renders = 0;
  private readonly policies: PolicyIdentity[];

  constructor(scope: Construct, id: string, props: { environments: string[]; policies: FakePolicy[]; image?: FakeImage | null }) {
    super(scope, id);
    this.repoName = id;
    this.environments = props.environments;
    this.image = props.image === undefined ? { registry: 'registry.example.com/ops', repository: `${id}-repo`, tag: 'main' } : props.image ?? undefined;
    this.policies = props.policies.map((p) => ({
      apiVersion: 'kyverno.io/v1',
      kind: p.kind ?? 'ClusterPolicy',
      name: p.name,
      ...(p.namespace ? { namespace: p.namespace } : {}),
      rules: [],
    }));
  }

  public get imageRef(): string | undefined {
    return this.image ? `${this.image.registry}/${this.image.repository}:${this.image.tag}` : undefined;
  }

  public charts(): RepoChart[] {
    return [{ name: this.repoName, version: '1.0.0' }];
  }

  /** Sorted by key, as the contract says (render() keeps the given order). */
  public policyIdentities(): PolicyIdentity[] {
    const key = (p: PolicyIdentity) => `${p.kind}/${p.namespace ?? ''}/${p.name}`;
    return [...this.policies].sort((a, b) => compareBytes(key(a), key(b)));
  }

  public render(env: string): any[] {
    this.renders++;
    return this.policies.map((p) => ({
      apiVersion: p.apiVersion,
      kind: p.kind,
      metadata: { name: p.name, labels: { env } },
      spec: { rules: [] },
    }));
  }
}
