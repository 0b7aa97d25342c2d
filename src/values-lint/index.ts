export * from './rule-severity';
export * from './values-function';
export * from './values-rule';
export * from './values-ruleset';
export * from './values-linter';
