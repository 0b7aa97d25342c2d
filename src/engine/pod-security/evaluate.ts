import { RuleStatus } from '../result';

export function evaluatePodSecurity(_podSecurity: any, _resource: any): { status: RuleStatus; message?: string } {
  return { status: RuleStatus.UNSUPPORTED, message: 'not yet' };
}
