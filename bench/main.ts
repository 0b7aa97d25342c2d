/**
 * `npm run bench`: every benchmark section, one after another, in one process run.
 * Each section lives in bench/<name>.ts and exports `run(): Promise<void>`; pass names to run a subset.
 */
import * as fs from 'fs';
import * as path from 'path';

const SECTIONS = ['repo', 'platform', 'engine', 'apply', 'projen', 'size'];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const name of SECTIONS) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const file = path.join(__dirname, `${name}.ts`);
    if (!fs.existsSync(file)) continue;
    process.stdout.write(`\n== bench: ${name}\n`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    await require(file).run();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
