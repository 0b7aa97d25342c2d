/**
 * Exception references a platform cannot check: when a source's policies are not known (an image
 * without a declared policy list, a git library), an exception naming no known policy may still be
 * right, so it is neither refused nor passed in silence: the platform lists it. Internal module.
 */
import { PolicySource } from './policy-source';
import { PlatformScope, renderedExceptionProblems } from '../repo/exception-references';

/**
 * One line per exception reference of the repositories among `sources` that names no known policy,
 * e.g. `security-policy: PolicyException kyverno/allow-ci: spec.exceptions[0].policyName: no policy
 * "x" in ...`; empty when every source's policies are known (then such references are refused).
 */
export function uncheckedExceptionReferences(sources: PolicySource[], scope: PlatformScope): string[] {
  if (scope.unknownSources.length === 0) return [];
  const policyScope = {
    policies: scope.policies,
    unknownSources: scope.unknownSources,
    description: `any known source of platform ${scope.platform}`,
  };
  // every environment: an exception may be enabled in some environments only
  return sources.flatMap((s) => (s.repo
    ? renderedExceptionProblems(s.repo.environments.flatMap((env) => s.repo!.render(env).map((doc) => ({ origin: s.repoName, doc }))), policyScope)
    : []));
}
