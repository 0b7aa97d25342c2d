import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { collectProblems } from '../../src/core/validate-tree';

/** A fresh chart to build policies in. */
export function newChart(id = 'security-policy'): Chart {
  return new Chart(Testing.app(), id);
}

/** Every validation problem under a construct. */
export function problemsOf(scope: Construct): string[] {
  return collectProblems(scope);
}
