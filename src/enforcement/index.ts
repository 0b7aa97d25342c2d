export * from './admission-report';
export { AdmissionCheck, AdmissionCheckOptions } from './admission-check';
export { AdmissionRequestProps } from './request-context';
