import * as fs from 'fs';
import * as path from 'path';

/**
 * Loads the user's definitions module (e.g. `src/policies.ts`) and calls its exported function.
 * `.projenrc.ts` runs under ts-node, so a TypeScript module loads as is. Internal.
 *
 * @returns false when the file does not exist
 */
export function callDefinitions(outdir: string, file: string, exportName: string, arg: unknown): boolean {
  const absolute = path.resolve(outdir, file);
  if (!fs.existsSync(absolute)) return false;
  let mod: any;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(absolute);
  } catch (e) {
    if (e instanceof SyntaxError && /\.tsx?$/.test(absolute)) {
      throw new Error(`${file} could not be loaded (${e.message}): a TypeScript module needs a TypeScript loader; synthesize with a .projenrc.ts (run by ts-node)`);
    }
    throw e;
  }
  const fn = mod[exportName] ?? mod.default;
  if (typeof fn !== 'function') {
    throw new Error(`${file} must export a function named ${exportName}`);
  }
  fn(arg);
  return true;
}
