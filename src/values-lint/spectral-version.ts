/**
 * The Spectral CLI release the platform image installs (Tool.spectral()) and the spectral-core
 * this library runs must be the same release line, or `policy-platform lint` and the image's
 * `spectral lint` can disagree. Each CLI release's spectral-core range, from its package.json
 * (https://github.com/stoplightio/spectral/blob/%40stoplight/spectral-cli%406.14.2/packages/cli/package.json):
 * a test checks the installed spectral-core against the pinned CLI's range.
 * @internal
 */
export const SPECTRAL_CLI_CORE_RANGES: { readonly [cliVersion: string]: string } = {
  '6.14.2': '^1.19.4',
};
