import { Construct } from 'constructs';
import { ConditionOperator, Severity } from '../../kyverno';
import { isDnsLabel, LABEL_RULE } from '../../kyverno/names';
import { CatalogCategory, CatalogPolicy, CatalogPolicyProps } from '../catalog-policy';
import { matchKinds } from '../internal/pod-rules';

/** One naming convention: a regular expression the names of some kinds must match. */
export interface NamingConvention {
  /** Kinds the convention applies to, e.g. `['Deployment', 'StatefulSet']`. */
  readonly kinds: string[];

  /**
   * Regular expression (RE2 syntax, as Kyverno's `regex_match` uses; no lookaround or
   * backreferences) the whole `metadata.name` must match. Anchor it (`^...$`).
   */
  readonly regex: string;

  /**
   * What the convention says, in words, for the message (e.g. `<team>-<app>`).
   * @default - the regex
   */
  readonly description?: string;

  /**
   * Rule name (a DNS-1123 label).
   * @default - `<first kind, lowercase>-name` (e.g. `deployment-name`)
   */
  readonly ruleName?: string;
}

/** Options of {@link NamingConventions}. */
export interface NamingConventionsProps extends CatalogPolicyProps {
  /**
   * The conventions, one rule each.
   * @default - one convention: Deployment, StatefulSet, DaemonSet, Service, ConfigMap and Secret
   * names are lowercase words separated by single dashes (`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
   */
  readonly conventions?: NamingConvention[];
}

const DEFAULT_CONVENTION: NamingConvention = {
  kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'Service', 'ConfigMap', 'Secret'],
  regex: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  description: 'lowercase words separated by single dashes',
  ruleName: 'resource-name',
};

/**
 * Names follow the team's conventions: one regex per group of kinds. Kyverno patterns only know
 * wildcards, so each rule is a `deny` on `regex_match(...)`, and the message names the offending
 * resource through `{{ request.object.metadata.name }}`.
 *
 * @example
 * new NamingConventions(devopsSet, 'naming-conventions', {
 *   conventions: [
 *     { kinds: ['Deployment', 'StatefulSet'], regex: '^(payments|search)-[a-z0-9-]+$', description: '<team>-<app>' },
 *     { kinds: ['ConfigMap'], regex: '^[a-z0-9-]+-config$', ruleName: 'configmap-suffix' },
 *   ],
 * });
 * @see https://kyverno.io/docs/policy-types/cluster-policy/jmespath/#regex_match
 */
export class NamingConventions extends CatalogPolicy {
  /** The conventions, in rule order. */
  public readonly conventions: NamingConvention[];

  public constructor(scope: Construct, id: string, props: NamingConventionsProps = {}) {
    const conventions = props.conventions ?? [DEFAULT_CONVENTION];
    super(scope, id, props, {
      name: 'naming-conventions',
      title: 'Naming Conventions',
      category: CatalogCategory.DEVOPS,
      severity: Severity.LOW,
      subject: [...new Set(conventions.flatMap((c) => c.kinds))].join(', '),
      description: 'Consistent names tell at a glance what a resource is and who owns it. This policy requires '
        + conventions.map((c) => `${c.kinds.join(', ')} names to be ${c.description ?? `matching \`${c.regex}\``}`).join('; ') + '.',
    // a convention with problems is reported by the validation below, not emitted half-formed
    }, conventions.filter((c, i) => conventionProblems(c, i).length === 0).map((c) => conventionRule(c)));
    this.conventions = conventions;
    this.node.addValidation({ validate: () => conventions.flatMap((c, i) => conventionProblems(c, i)) });
  }
}

function ruleNameOf(c: NamingConvention): string {
  return c.ruleName ?? `${(c.kinds[0] ?? 'resource').toLowerCase()}-name`;
}

function conventionRule(c: NamingConvention): any {
  // A JMESPath raw string literal: only the quote needs escaping, backslashes stay as written.
  const literal = `'${c.regex.replace(/'/g, "\\'")}'`;
  return {
    name: ruleNameOf(c),
    match: matchKinds(c.kinds),
    validate: {
      message: '{{ request.object.kind }} name \'{{ request.object.metadata.name }}\' does not follow the naming convention: '
        + `${c.description ? `${c.description} (${c.regex})` : c.regex}.`,
      deny: {
        conditions: {
          all: [{ key: `{{ regex_match(${literal}, request.object.metadata.name) }}`, operator: ConditionOperator.EQUALS, value: false }],
        },
      },
    },
  };
}

function conventionProblems(c: NamingConvention, i: number): string[] {
  const at = `conventions[${i}]`;
  const problems: string[] = [];
  if (c.kinds.length === 0) problems.push(`${at}.kinds: list at least one kind`);
  try {
    new RegExp(c.regex);
  } catch (e) {
    problems.push(`${at}.regex: "${c.regex}" is not a regular expression (${(e as Error).message})`);
  }
  if (/\(\?[=!<]|\\[1-9]/.test(c.regex)) {
    problems.push(`${at}.regex: "${c.regex}" uses lookaround or a backreference, which RE2 (Kyverno's regex engine) does not support`);
  }
  if (/\{\{|\}\}/.test(c.regex)) {
    problems.push(`${at}.regex: "${c.regex}" contains '{{' or '}}', which Kyverno would read as a variable`);
  }
  const ruleName = ruleNameOf(c);
  if (!isDnsLabel(ruleName)) {
    problems.push(`${at}.ruleName: "${ruleName}" is not ${LABEL_RULE}`);
  }
  return problems;
}
