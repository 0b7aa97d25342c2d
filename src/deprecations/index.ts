export * from './deprecated-api';
export * from './deprecated-apis';
export * from './deprecation-scanner';
export * from './deprecated-apis-policy';
