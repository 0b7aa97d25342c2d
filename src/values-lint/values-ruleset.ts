import { Construct } from 'constructs';
import { RuleSeverity } from './rule-severity';
import { ValuesFunction } from './values-function';
import { SpectralExtends, ValuesRule } from './values-rule';
import { IFileContributor, SynthFile } from '../core/synth-file';
import { validateTree } from '../core/validate-tree';
import { toYaml } from '../core/yaml';

/**
 * Props of a `ValuesRuleset`.
 */
export interface ValuesRulesetProps {
  /**
   * Built-in Spectral rulesets to extend (`extends` in `.spectral.yaml`).
   * @default - none
   */
  readonly extendsRulesets?: SpectralExtends[];

  /**
   * The rules (more can be added with `addRule`).
   * @default - none
   */
  readonly rules?: ValuesRule[];
}

const RULE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The Spectral ruleset a policy repository applies to Helm values: writes `.spectral.yaml` at the
 * repository root (a `PolicyRepo` collects it), which `policy-platform lint` runs per environment.
 *
 * @example
 * new ValuesRuleset(repo, 'values-rules', {
 *   rules: [{
 *     name: 'replica-count',
 *     given: ['$.replicas'],
 *     then: [{ check: ValuesFunction.schema({ schema: { type: 'integer', minimum: 1, maximum: 10 } }) }],
 *   }],
 * });
 * @see https://docs.stoplight.io/docs/spectral/e5b9616d6d50c-rulesets
 */
export class ValuesRuleset extends Construct implements IFileContributor {
  /**
   * The seed's backend-applications ruleset: `name`, `namespace` and `replicas` are required
   * (truthy, error) and `replicas` is an integer from 1 to 10 (warning); extends `spectral:oas`
   * as the seed does. The seed writes `severity: warning`, which Spectral rejects; this writes
   * Spectral's `warn`.
   * @see https://docs.stoplight.io/docs/spectral/e5b9616d6d50c-rulesets#severity
   */
  public static backendApplications(scope: Construct, id: string): ValuesRuleset {
    return new ValuesRuleset(scope, id, {
      extendsRulesets: [SpectralExtends.oas()],
      rules: [
        {
          name: 'required-fields',
          given: ['$'],
          severity: RuleSeverity.ERROR,
          then: ['name', 'namespace', 'replicas'].map((field) => ({ field, check: ValuesFunction.truthy() })),
        },
        {
          name: 'replica-count',
          given: ['$.replicas'],
          severity: RuleSeverity.WARN,
          then: [{ check: ValuesFunction.schema({ schema: { type: 'integer', minimum: 1, maximum: 10 } }) }],
        },
      ],
    });
  }

  /** The file this construct writes, relative to the repository root. */
  public readonly fileName = '.spectral.yaml';

  private readonly extendsList: SpectralExtends[];
  private readonly ruleList: ValuesRule[] = [];

  constructor(scope: Construct, id: string, props: ValuesRulesetProps = {}) {
    super(scope, id);
    this.extendsList = [...(props.extendsRulesets ?? [])];
    for (const r of props.rules ?? []) this.addRule(r);
    this.node.addValidation({ validate: () => this.problems() });
  }

  /** Adds a rule. */
  public addRule(rule: ValuesRule): void {
    this.ruleList.push(rule);
  }

  /** The rules, sorted by name. */
  public get rules(): ValuesRule[] {
    return [...this.ruleList].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The ruleset as `.spectral.yaml` reads it (plain JSON, deterministic key order). */
  public toJson(): any {
    const out: any = {};
    // a lone `[name, mode]` would read as two ruleset names (spectral-ruleset-migrator's schema:
    // extends is a name or a list of names and pairs), so a pair is always written inside a list
    if (this.extendsList.length === 1 && !this.extendsList[0].mode) out.extends = this.extendsList[0].toJson();
    else if (this.extendsList.length > 0) out.extends = this.extendsList.map((e) => e.toJson());
    const rules: any = {};
    for (const r of this.rules) {
      const rule: any = {};
      if (r.description !== undefined) rule.description = r.description;
      if (r.message !== undefined) rule.message = r.message;
      rule.severity = r.severity ?? RuleSeverity.WARN;
      rule.given = r.given.length === 1 ? r.given[0] : [...r.given];
      if (r.resolved !== undefined) rule.resolved = r.resolved;
      const then = r.then.map((t) => {
        const o: any = {};
        if (t.field !== undefined) o.field = t.field;
        o.function = t.check.functionName;
        if (t.check.functionOptions !== undefined) o.functionOptions = t.check.functionOptions;
        return o;
      });
      rule.then = then.length === 1 ? then[0] : then;
      rules[r.name] = rule;
    }
    out.rules = rules;
    return out;
  }

  /** `.spectral.yaml` at the repository root. */
  public synthFiles(): SynthFile[] {
    validateTree(this);
    return [{ path: this.fileName, content: toYaml(this.toJson()) }];
  }

  private problems(): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    this.ruleList.forEach((r, i) => {
      const at = `rules[${i}]${r.name ? ` (${r.name})` : ''}`;
      if (!r.name || !RULE_NAME.test(r.name)) {
        out.push(`${at}.name: ${JSON.stringify(r.name)} is not a valid rule name (letters, digits, '.', '_', '-', starting with a letter or digit)`);
      } else if (seen.has(r.name)) {
        out.push(`${at}.name: duplicate rule name ${JSON.stringify(r.name)}`);
      }
      seen.add(r.name);
      if (!r.given || r.given.length === 0) out.push(`${at}.given: at least one JSONPath expression is required`);
      (r.given ?? []).forEach((g, j) => {
        if (typeof g !== 'string' || !(g.startsWith('$') || g.startsWith('#'))) {
          out.push(`${at}.given[${j}]: ${JSON.stringify(g)} is not a JSONPath expression (must start with '$') or an alias ('#name')`);
        }
      });
      if (r.severity !== undefined && !Object.values(RuleSeverity).includes(r.severity)) {
        out.push(`${at}.severity: ${JSON.stringify(r.severity)} is not one of ${Object.values(RuleSeverity).join(', ')}`);
      }
      if (!r.then || r.then.length === 0) out.push(`${at}.then: at least one check is required`);
      (r.then ?? []).forEach((t, j) => {
        if (!(t.check instanceof ValuesFunction)) {
          out.push(`${at}.then[${j}].check: a ValuesFunction is required (e.g. ValuesFunction.truthy())`);
          return;
        }
        if (t.field !== undefined && t.field.length === 0) out.push(`${at}.then[${j}].field: must not be empty`);
        for (const p of t.check.problems) out.push(`${at}.then[${j}]: ${p}`);
      });
    });
    return out;
  }
}
