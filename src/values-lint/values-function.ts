/**
 * Spectral's core functions with typed options, used in the `then` of a values rule.
 *
 * Each factory records the function name and its options exactly as `.spectral.yaml` expects them.
 * Option mistakes (an invalid regular expression, `min > max`, ...) are not thrown here: the
 * `ValuesRuleset` that uses the function reports them with its construct path and rule name.
 * @see https://docs.stoplight.io/docs/spectral/cb95cf0d26b83-core-functions
 */
export class ValuesFunction {
  /** The value must be truthy (not `false`, `0`, `""`, `null` or missing). */
  public static truthy(): ValuesFunction {
    return new ValuesFunction('truthy');
  }

  /** The value must be falsy. */
  public static falsy(): ValuesFunction {
    return new ValuesFunction('falsy');
  }

  /** The value must be defined (present, may be falsy). */
  public static defined(): ValuesFunction {
    return new ValuesFunction('defined');
  }

  /** The value must be undefined (absent). */
  public static undefined(): ValuesFunction {
    return new ValuesFunction('undefined');
  }

  /** The string must match and/or not match regular expressions. */
  public static pattern(options: PatternOptions): ValuesFunction {
    const problems: string[] = [];
    if (options.match === undefined && options.notMatch === undefined) {
      problems.push('pattern needs `match` or `notMatch`');
    }
    for (const [key, re] of [['match', options.match], ['notMatch', options.notMatch]] as const) {
      if (re !== undefined) {
        const err = regexError(re);
        if (err) problems.push(`pattern.${key}: ${JSON.stringify(re)} is not a valid regular expression (${err})`);
      }
    }
    return new ValuesFunction('pattern', compact({ match: options.match, notMatch: options.notMatch }), problems);
  }

  /** The value must be one of a list of primitive values. */
  public static enumeration(options: EnumerationOptions): ValuesFunction {
    const problems: string[] = [];
    if (!Array.isArray(options.values) || options.values.length === 0) {
      problems.push('enumeration.values must be a non-empty list');
    } else {
      options.values.forEach((v, i) => {
        if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) {
          problems.push(`enumeration.values[${i}]: ${JSON.stringify(v)} is not a string, number, boolean or null`);
        }
      });
    }
    return new ValuesFunction('enumeration', { values: [...(options.values ?? [])] }, problems);
  }

  /** The length of a string, array or object (or a number's value) must be within bounds. */
  public static length(options: LengthOptions): ValuesFunction {
    const problems: string[] = [];
    if (options.min === undefined && options.max === undefined) problems.push('length needs `min` or `max`');
    if (options.min !== undefined && options.max !== undefined && options.min > options.max) {
      problems.push(`length.min (${options.min}) is greater than length.max (${options.max})`);
    }
    return new ValuesFunction('length', compact({ min: options.min, max: options.max }), problems);
  }

  /** The value must validate against a JSON Schema. */
  public static schema(options: SchemaOptions): ValuesFunction {
    const problems: string[] = [];
    if (options.schema === null || typeof options.schema !== 'object' || Array.isArray(options.schema)) {
      problems.push('schema.schema must be a JSON Schema object');
    }
    return new ValuesFunction(
      'schema',
      compact({ schema: options.schema, dialect: options.dialect, allErrors: options.allErrors }),
      problems,
    );
  }

  /** An array or object's keys must be sorted. */
  public static alphabetical(options: AlphabeticalOptions = {}): ValuesFunction {
    const opts = compact({ keyedBy: options.keyedBy });
    return new ValuesFunction('alphabetical', Object.keys(opts).length > 0 ? opts : undefined);
  }

  /** The string must follow a casing convention. */
  public static casing(options: CasingOptions): ValuesFunction {
    const problems: string[] = [];
    if (options.separatorChar !== undefined && options.separatorChar.length !== 1) {
      problems.push(`casing.separatorChar: ${JSON.stringify(options.separatorChar)} must be exactly one character`);
    }
    if (options.separatorAllowLeading !== undefined && options.separatorChar === undefined) {
      problems.push('casing.separatorAllowLeading needs separatorChar');
    }
    const separator =
      options.separatorChar === undefined
        ? undefined
        : compact({ char: options.separatorChar, allowLeading: options.separatorAllowLeading });
    return new ValuesFunction(
      'casing',
      compact({ type: options.casingType, disallowDigits: options.disallowDigits, separator }),
      problems,
    );
  }

  /** Exactly one of the listed properties must be present. */
  public static xor(options: XorOptions): ValuesFunction {
    const problems: string[] = [];
    if (!Array.isArray(options.properties) || options.properties.length < 2) {
      problems.push('xor.properties must list at least two property names');
    }
    return new ValuesFunction('xor', { properties: [...(options.properties ?? [])] }, problems);
  }

  /** The Spectral function name (e.g. `truthy`). */
  public readonly functionName: string;

  /**
   * The function's options as written under `functionOptions`.
   * @default - no options
   */
  public readonly functionOptions?: { [key: string]: any };

  /** Problems found in the options, reported by the ruleset's validation. */
  public readonly problems: string[];

  private constructor(functionName: string, functionOptions?: { [key: string]: any }, problems: string[] = []) {
    this.functionName = functionName;
    this.functionOptions = functionOptions;
    this.problems = problems;
  }
}

/**
 * Options of the `pattern` function.
 * @see https://docs.stoplight.io/docs/spectral/cb95cf0d26b83-core-functions#pattern
 */
export interface PatternOptions {
  /**
   * A regular expression the value must match (ECMAScript syntax; `/re/flags` form allowed).
   * @default - not checked
   */
  readonly match?: string;
  /**
   * A regular expression the value must not match.
   * @default - not checked
   */
  readonly notMatch?: string;
}

/**
 * Options of the `enumeration` function.
 * @see https://docs.stoplight.io/docs/spectral/cb95cf0d26b83-core-functions#enumeration
 */
export interface EnumerationOptions {
  /** The allowed values (strings, numbers, booleans or null). */
  readonly values: any[];
}

/**
 * Options of the `length` function.
 * @see https://docs.stoplight.io/docs/spectral/cb95cf0d26b83-core-functions#length
 */
export interface LengthOptions {
  /**
   * Minimum length (inclusive).
   * @default - no minimum
   */
  readonly min?: number;
  /**
   * Maximum length (inclusive).
   * @default - no maximum
   */
  readonly max?: number;
}

/**
 * JSON Schema dialect of the `schema` function.
 * @see https://docs.stoplight.io/docs/spectral/cb95cf0d26b83-core-functions#schema
 */
export enum SchemaDialect {
  /** Detected from `$schema`, else draft 7. */
  AUTO = 'auto',
  /** JSON Schema draft 4. */
  DRAFT4 = 'draft4',
  /** JSON Schema draft 6. */
  DRAFT6 = 'draft6',
  /** JSON Schema draft 7. */
  DRAFT7 = 'draft7',
  /** JSON Schema 2019-09. */
  DRAFT2019_09 = 'draft2019-09',
  /** JSON Schema 2020-12. */
  DRAFT2020_12 = 'draft2020-12',
}

/**
 * Options of the `schema` function.
 * @see https://docs.stoplight.io/docs/spectral/cb95cf0d26b83-core-functions#schema
 */
export interface SchemaOptions {
  /** The JSON Schema the value must validate against. */
  readonly schema: { [key: string]: any };
  /**
   * The JSON Schema dialect.
   * @default SchemaDialect.AUTO
   */
  readonly dialect?: SchemaDialect;
  /**
   * Report every schema error rather than the first.
   * @default false
   */
  readonly allErrors?: boolean;
}

/**
 * Options of the `alphabetical` function.
 * @see https://docs.stoplight.io/docs/spectral/cb95cf0d26b83-core-functions#alphabetical
 */
export interface AlphabeticalOptions {
  /**
   * For an array of objects, the key whose value orders the items.
   * @default - the items (or an object's keys) themselves
   */
  readonly keyedBy?: string;
}

/**
 * Casing conventions of the `casing` function.
 * @see https://docs.stoplight.io/docs/spectral/cb95cf0d26b83-core-functions#casing
 */
export enum CasingType {
  /** `verylongname` */
  FLAT = 'flat',
  /** `veryLongName` */
  CAMEL = 'camel',
  /** `VeryLongName` */
  PASCAL = 'pascal',
  /** `very-long-name` */
  KEBAB = 'kebab',
  /** `VERY-LONG-NAME` */
  COBOL = 'cobol',
  /** `very_long_name` */
  SNAKE = 'snake',
  /** `VERY_LONG_NAME` */
  MACRO = 'macro',
}

/**
 * Options of the `casing` function.
 * @see https://docs.stoplight.io/docs/spectral/cb95cf0d26b83-core-functions#casing
 */
export interface CasingOptions {
  /** The casing convention (Spectral's `type` option). */
  readonly casingType: CasingType;
  /**
   * Reject digits.
   * @default false
   */
  readonly disallowDigits?: boolean;
  /**
   * An extra character separating groups of words (Spectral's `separator.char`), e.g. `/`.
   * @default - no separator
   */
  readonly separatorChar?: string;
  /**
   * Whether the value may start with the separator (Spectral's `separator.allowLeading`).
   * @default false
   */
  readonly separatorAllowLeading?: boolean;
}

/**
 * Options of the `xor` function.
 * @see https://docs.stoplight.io/docs/spectral/cb95cf0d26b83-core-functions#xor
 */
export interface XorOptions {
  /** Property names of which exactly one must be present (at least two). */
  readonly properties: string[];
}

function compact(o: { [key: string]: any }): { [key: string]: any } {
  const out: { [key: string]: any } = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** Spectral accepts `re` or `/re/flags`; returns the compile error, if any. */
function regexError(source: string): string | undefined {
  const m = /^\/(.+)\/([a-z]*)$/.exec(source);
  try {
    if (m) new RegExp(m[1], m[2]);
    else new RegExp(source);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
