export * from './copy';
export * from './docker-stage';
export * from './dockerfile';
