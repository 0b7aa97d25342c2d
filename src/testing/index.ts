export * from './kyverno-test-suite';
export * from './policy-test';
