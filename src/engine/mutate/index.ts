export { MutationInput, MutationOutcome, runMutation } from './mutate-rule';
