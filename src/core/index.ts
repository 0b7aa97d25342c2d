export * from './synth-file';
