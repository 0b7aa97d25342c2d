export * from './result';
export * from './evaluation-options';
export * from './policy-engine';
export { KyvernoTestDefinition, KyvernoTestCaseResult, KyvernoTestReport, KyvernoTestRunner } from './test-runner';
