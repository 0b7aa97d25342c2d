export * from './deprecated-api';
export * from './deprecated-apis';
export * from './deprecation-scanner';
