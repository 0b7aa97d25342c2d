export * from './synth-file';
export * from './synth-options';
