/**
 * Access to ../shared (CRDs, conformance suites, helm-render). Suites that need it skip on a
 * user's clone without it, and fail in CI (.ci/run sets POLICY_PLATFORM_SHARED and checks it).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The shared folder: $POLICY_PLATFORM_SHARED, else ../shared beside the repository. */
export const SHARED_DIR = path.resolve(process.env.POLICY_PLATFORM_SHARED ?? path.join(__dirname, '..', '..', '..', 'shared'));

/** True when the shared folder must be present (CI, or the variable set explicitly). */
const REQUIRED = process.env.POLICY_PLATFORM_SHARED !== undefined;

export function hasShared(): boolean {
  const ok = fs.existsSync(path.join(SHARED_DIR, 'kyverno', 'crds'));
  if (!ok && REQUIRED) {
    throw new Error(`POLICY_PLATFORM_SHARED=${SHARED_DIR} does not contain kyverno/crds`);
  }
  return ok;
}

/**
 * `describe` when ../shared is present; otherwise a skipped placeholder. The body is not even
 * called then, since suites read shared files while they collect their tests.
 */
export function describeWithShared(name: string, fn: () => void): void {
  if (hasShared()) {
    describe(name, fn);
  } else {
    describe.skip(name, () => test.skip(`needs ${SHARED_DIR} (set POLICY_PLATFORM_SHARED)`, () => undefined));
  }
}

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}

let helmRenderBin: string | null | undefined;

/**
 * Path of the helm-render binary (Go text/template + sprig, Helm's engine): $HELM_RENDER_BIN, else
 * built once into .tmp/ with ../shared/tools/helm-render/build.sh when Go is installed; null when
 * neither is possible (then helm-render comparisons skip, except in CI where they fail).
 */
export function helmRender(): string | null {
  if (helmRenderBin !== undefined) return helmRenderBin;
  const fromEnv = process.env.HELM_RENDER_BIN;
  if (fromEnv && fs.existsSync(fromEnv)) return (helmRenderBin = fromEnv);
  const out = path.join(__dirname, '..', '..', '.tmp', 'helm-render');
  if (fs.existsSync(out)) return (helmRenderBin = out);
  if (hasShared()) {
    try {
      execFileSync('bash', [sharedPath('tools', 'helm-render', 'build.sh'), out], { stdio: 'pipe' });
      return (helmRenderBin = out);
    } catch (e) {
      if (REQUIRED) throw new Error(`helm-render could not be built: ${(e as Error).message}`);
    }
  }
  return (helmRenderBin = null);
}

/** `describe` when helm-render is available; otherwise a skipped placeholder (the body is not called). */
export function describeWithHelmRender(name: string, fn: () => void): void {
  if (helmRender()) {
    describe(name, fn);
  } else {
    describe.skip(name, () => test.skip('needs helm-render (Go and ../shared/tools/helm-render)', () => undefined));
  }
}
