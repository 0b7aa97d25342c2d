export * from './environment-settings';
export * from './repo-image';
export * from './policy-set';
export * from './policy-repo';
export * from './policy-repo-contract';
