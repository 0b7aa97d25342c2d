/**
 * values.schema.json of a policy chart, generated from the knob types. Helm validates the merged
 * values against it before rendering, so a typo in cd/<env>/values.yaml fails the deployment.
 */
import { FAILURE_ACTIONS } from './knobs';

/** DNS-1123 label, the form of a namespace name. */
export const DNS1123_LABEL_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

/**
 * The JSON schema (draft-07) of a chart's values.
 * @param policyKeys values keys of the chart's own policies (required); other keys under
 *   `policies` (policies of the other charts of the repository, which share cd/ files) must have
 *   the same shape.
 */
export function valuesSchema(chartName: string, policyKeys: string[]): any {
  const knobs = { $ref: '#/definitions/policyKnobs' };
  // cd/ files may override only some knobs of another chart's policy: same types, nothing required
  const otherKnobs = { $ref: '#/definitions/partialPolicyKnobs' };
  const properties: { [key: string]: any } = {};
  for (const key of [...policyKeys].sort()) properties[key] = knobs;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Values of the ${chartName} chart`,
    type: 'object',
    properties: {
      policies: {
        description: 'Environment settings of each policy, by values key.',
        type: 'object',
        properties,
        required: Object.keys(properties),
        additionalProperties: otherKnobs,
      },
    },
    required: policyKeys.length > 0 ? ['policies'] : [],
    definitions: {
      policyKnobs: {
        type: 'object',
        allOf: [{ $ref: '#/definitions/partialPolicyKnobs' }],
        required: ['enabled', 'validationFailureAction', 'background', 'excludedNamespaces'],
      },
      partialPolicyKnobs: {
        type: 'object',
        properties: {
          enabled: { description: 'Render the policy (false: the policy is not installed).', type: 'boolean' },
          validationFailureAction: { description: 'What Kyverno does when a validate rule fails.', type: 'string', enum: [...FAILURE_ACTIONS] },
          background: { description: 'Also scan existing resources (policy reports).', type: 'boolean' },
          excludedNamespaces: {
            description: 'Namespaces excluded from every rule, in addition to its own exclude.',
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', pattern: DNS1123_LABEL_PATTERN, maxLength: 63 },
          },
        },
        additionalProperties: false,
      },
    },
  };
}
