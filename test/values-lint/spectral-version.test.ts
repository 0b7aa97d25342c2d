import * as fs from 'fs';
import * as path from 'path';
import * as semver from 'semver';
import { Tool } from '../../src/platform';
import { SPECTRAL_CLI_CORE_RANGES } from '../../src/values-lint/spectral-version';

const ROOT = path.join(__dirname, '..', '..');

describe('the image\'s Spectral CLI and the library\'s spectral-core are one release line', () => {
  const cli = Tool.spectral().version;
  const range = SPECTRAL_CLI_CORE_RANGES[cli];

  test('the pinned CLI has a recorded spectral-core range', () => {
    expect({ cli, range }).toEqual({ cli, range: expect.any(String) });
  });

  test('package-lock installs a spectral-core within it', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf-8'));
    const installed = lock.packages['node_modules/@stoplight/spectral-core'].version;
    expect({ installed, range, ok: semver.satisfies(installed, range) }).toEqual({ installed, range, ok: true });
    // and node_modules holds that version
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', '@stoplight', 'spectral-core', 'package.json'), 'utf-8')).version).toBe(installed);
  });

  test('package.json\'s range stays within the same major line', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
    const declared = pkg.dependencies['@stoplight/spectral-core'];
    expect(semver.minVersion(declared)!.major).toBe(semver.minVersion(range)!.major);
    expect(semver.intersects(declared, range)).toBe(true);
  });
});
