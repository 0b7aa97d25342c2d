export { evaluateGenerateRule, GenerateOutcome } from './generate-rule';
