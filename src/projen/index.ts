export * from './policy-files';
export * from './policy-repo-component';
export * from './policy-platform-component';
export * from './policy-repo-project';
export * from './policy-platform-project';
