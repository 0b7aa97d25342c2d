/** The validation error of a platform, for the platform tests. */
import { PolicyPlatform } from '../../src/platform';

/** The message of the platform's validation error ('' when there is none): every problem of the platform and its sources. */
export function problemsOf(platform: PolicyPlatform): string {
  try {
    platform.dockerfile();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}
