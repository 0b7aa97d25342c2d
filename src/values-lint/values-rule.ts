import { RuleSeverity } from './rule-severity';
import { ValuesFunction } from './values-function';

/**
 * One check of a rule's `then`: a function applied to a field of each value `given` selects.
 * @see https://docs.stoplight.io/docs/spectral/e5b9616d6d50c-rulesets#then
 */
export interface RuleCheck {
  /**
   * The property of the given value to check (a key, or a JSONPath starting with `$`); `@key`
   * checks the keys of an object.
   * @default - the given value itself
   */
  readonly field?: string;

  /** The Spectral function (and its options) applied to the value, e.g. `ValuesFunction.truthy()`. */
  readonly check: ValuesFunction;
}

/**
 * A Spectral rule over a chart's Helm values.
 * @see https://docs.stoplight.io/docs/spectral/e5b9616d6d50c-rulesets#rules
 */
export interface ValuesRule {
  /** The rule's name, reported with every result (letters, digits, `.`, `_`, `-`). */
  readonly name: string;

  /**
   * JSONPath expressions selecting the values to check (e.g. `$` or `$.replicas`); one or many.
   * @see https://docs.stoplight.io/docs/spectral/e5b9616d6d50c-rulesets#given
   */
  readonly given: string[];

  /** The checks applied to each selected value; one or many. */
  readonly then: RuleCheck[];

  /**
   * How serious a result is; `ERROR` fails `policy-platform lint`.
   * @default RuleSeverity.WARN (Spectral's default)
   */
  readonly severity?: RuleSeverity;

  /**
   * The message of each result; may use `{{error}}`, `{{property}}`, `{{value}}`, `{{path}}`.
   * @default - the rule's description if any (Spectral's behaviour), else the function's message
   * @see https://docs.stoplight.io/docs/spectral/e5b9616d6d50c-rulesets#message
   */
  readonly message?: string;

  /**
   * What the rule is for.
   * @default - none
   */
  readonly description?: string;

  /**
   * Whether the rule sees the document with `$ref`s resolved.
   * @default true
   */
  readonly resolved?: boolean;
}

/**
 * How an extended built-in ruleset's rules are enabled.
 * @see https://docs.stoplight.io/docs/spectral/0a73453054745-recommended-or-all
 */
export enum ExtendsMode {
  /** Only the ruleset's recommended rules (Spectral's default). */
  RECOMMENDED = 'recommended',
  /** Every rule of the ruleset. */
  ALL = 'all',
  /** No rule of the ruleset, unless re-enabled by name. */
  OFF = 'off',
}

/**
 * A built-in Spectral ruleset to extend. Only the rulesets bundled with
 * `@stoplight/spectral-rulesets` are offered, so `policy-platform lint` resolves them offline.
 * @see https://docs.stoplight.io/docs/spectral/83527ef2dd8c0-extending-rulesets
 */
export class SpectralExtends {
  /** `spectral:oas` (OpenAPI). Its rules only run on OpenAPI documents, never on Helm values. */
  public static oas(mode?: ExtendsMode): SpectralExtends {
    return new SpectralExtends('spectral:oas', mode);
  }

  /** `spectral:asyncapi`. */
  public static asyncapi(mode?: ExtendsMode): SpectralExtends {
    return new SpectralExtends('spectral:asyncapi', mode);
  }

  /** `spectral:arazzo`. */
  public static arazzo(mode?: ExtendsMode): SpectralExtends {
    return new SpectralExtends('spectral:arazzo', mode);
  }

  /** The ruleset reference, e.g. `spectral:oas`. */
  public readonly ruleset: string;

  /**
   * The mode, when not the default.
   * @default - recommended rules
   */
  public readonly mode?: ExtendsMode;

  private constructor(ruleset: string, mode?: ExtendsMode) {
    this.ruleset = ruleset;
    this.mode = mode;
  }

  /** The `.spectral.yaml` form: the name, or `[name, mode]`. */
  public toJson(): any {
    return this.mode ? [this.ruleset, this.mode] : this.ruleset;
  }
}
