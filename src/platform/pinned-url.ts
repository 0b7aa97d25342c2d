/** URL checks of pinned downloads. Internal module. */

/** https anywhere, or http to a loopback host (a mirror on the build machine); no spaces, quotes, `$` or backslashes (URLs are written into shell commands). */
export function isPinnedUrl(url: string): boolean {
  return /^https:\/\/[^\s'"\\$`]+$/.test(url) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?\/[^\s'"\\$`]*$/.test(url);
}

/** What `isPinnedUrl` accepts, for error messages. */
export const PINNED_URL_RULE = 'an https URL (or http to 127.0.0.1/localhost) without spaces, quotes, "$" or backslashes';
