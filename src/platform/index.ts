export * from './tool';
export * from './toolchain';
export * from './policy-source';
export * from './policy-platform';
export * from './repo-image-workflow';
