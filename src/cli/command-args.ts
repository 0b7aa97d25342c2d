/**
 * The argument parsing the CLI commands share: `-h`/`--help`, boolean flags, options taking a
 * value (`--name value` or `--name=value`) and positional arguments; any other argument starting
 * with '-' is a usage error.
 */

/** What a command accepts besides positional arguments. */
export interface CommandArgsSpec {
  /** Boolean flags, e.g. `['--json']`. */
  readonly flags?: string[];
  /** Options taking a value, by the name the command reads them with, each with every accepted spelling. */
  readonly values?: { [name: string]: string[] };
}

/** A command's arguments, parsed. */
export interface CommandArgs {
  readonly positionals: string[];
  /** The flags given. */
  readonly flags: Set<string>;
  /** The values given, by the option's name in the spec (the last one given wins). */
  readonly values: Map<string, string>;
}

/**
 * Parses `args`. On `--help` prints `usage` to stdout and returns 0; on bad usage prints the
 * problem and `usage` to stderr and returns 2; else returns the parsed arguments.
 */
export function parseCommandArgs(command: string, usage: string, args: string[], spec: CommandArgsSpec): CommandArgs | number {
  const spellings = new Map<string, string>();
  for (const [name, names] of Object.entries(spec.values ?? {})) for (const n of names) spellings.set(n, name);
  const parsed: CommandArgs = { positionals: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const option = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (a === '--help' || a === '-h') {
      process.stdout.write(usage + '\n');
      return 0;
    } else if (spec.flags?.includes(a)) {
      parsed.flags.add(a);
    } else if (spellings.has(option)) {
      const value = option === a ? args[++i] : a.slice(eq + 1);
      if (value === undefined) return usageError(command, usage, `${a} needs a value`);
      parsed.values.set(spellings.get(option)!, value);
    } else if (a.startsWith('-')) {
      return usageError(command, usage, `unknown option '${a}'`);
    } else {
      parsed.positionals.push(a);
    }
  }
  return parsed;
}

/** Prints a usage problem and the command's usage to stderr; returns exit code 2. */
export function usageError(command: string, usage: string, message: string): number {
  process.stderr.write(`policy-platform ${command}: ${message}\n\n${usage}\n`);
  return 2;
}
