export { IFileContributor, SynthFile } from './synth-file';
export * from './synth-options';
