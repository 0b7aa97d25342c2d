/**
 * Chart.yaml of a generated chart (Helm chart API v2).
 * @see https://helm.sh/docs/topics/charts/#the-chartyaml-file
 */
import { toYaml } from '../core/yaml';

/** The fields we write. */
export interface ChartMetadata {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly appVersion?: string;
  readonly annotations: { [key: string]: string };
}

/** Chart.yaml text, keys in Helm's documented order, annotations sorted. */
export function chartYaml(chart: ChartMetadata): string {
  const annotations: { [key: string]: string } = {};
  for (const key of Object.keys(chart.annotations).sort()) annotations[key] = String(chart.annotations[key]);
  const doc: { [key: string]: unknown } = {
    apiVersion: 'v2',
    name: chart.name,
    description: chart.description,
    type: 'application',
    version: chart.version,
  };
  if (chart.appVersion !== undefined) doc.appVersion = chart.appVersion;
  if (Object.keys(annotations).length > 0) doc.annotations = annotations;
  return toYaml(doc);
}
