export * from './admission-report';
export { AdmissionCheck, AdmissionCheckOptions } from './admission-check';
export { AdmissionFormatOptions, AdmissionReportFormat } from './admission-report-format';
export { AdmissionRequestProps } from './request-context';
export { AdmissionValidation, AdmissionValidationProps } from './admission-validation';
