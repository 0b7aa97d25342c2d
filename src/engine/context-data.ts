/**
 * Offline data for a rule's `context` entries that read the cluster or the network: `apiCall`
 * (Kubernetes `urlPath` from the test's cluster resources, or a mocked `apiCallResponses` entry),
 * `configMap` (from the cluster resources) and `globalReference` (a mocked `globalContextEntries`
 * entry). What the test does not supply stays unsupported.
 * @see https://kyverno.io/docs/writing-policies/external-data-sources/
 */
import { pluralOfKind } from './cel/resource-kinds';
import { EvaluationOptions } from './evaluation-options';
import { query } from './jmespath';

/** The value an entry reads, or undefined when the test supplies nothing for it. */
export interface ContextData { readonly value: any }

/** A Kubernetes API path split: `/api/v1/namespaces/ns/pods/name` or `/apis/g/v/...`. */
interface ApiPath { apiVersion: string; namespace?: string; plural: string; name?: string }

function parseApiPath(urlPath: string): ApiPath | undefined {
  const [pathOnly] = urlPath.split('?');
  const parts = pathOnly.split('/').filter((p) => p !== '');
  let apiVersion: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    apiVersion = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    apiVersion = `${parts[1]}/${parts[2]}`;
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    return { apiVersion, namespace: rest[1], plural: rest[2], name: rest[3] };
  }
  if (rest.length === 0) return undefined;
  return { apiVersion, plural: rest[0], name: rest[1] };
}

function labelSelectorOf(urlPath: string): { [k: string]: string } | undefined {
  const q = urlPath.split('?')[1];
  if (!q) return undefined;
  for (const kv of q.split('&')) {
    const [k, v] = kv.split('=');
    if (k !== 'labelSelector' || !v) continue;
    const out: { [k: string]: string } = {};
    for (const term of decodeURIComponent(v).split(',')) {
      const [lk, lv] = term.split('=');
      out[lk] = lv ?? '';
    }
    return out;
  }
  return undefined;
}

/** `GET urlPath` against the supplied cluster resources (a List or one object). */
function kubernetesGet(urlPath: string, cluster: any[]): any {
  const p = parseApiPath(urlPath);
  if (!p) throw new Error(`apiCall urlPath ${urlPath} is not a Kubernetes API path`);
  const selector = labelSelectorOf(urlPath);
  const items = cluster.filter((r) => String(r?.apiVersion ?? '') === p.apiVersion && pluralOfKind(String(r?.kind ?? '')) === p.plural
    && (p.namespace === undefined || (r?.metadata?.namespace ?? '') === p.namespace)
    && (!selector || Object.entries(selector).every(([k, v]) => r?.metadata?.labels?.[k] === v)));
  if (p.name !== undefined) {
    // /api/v1/namespaces/<name> reads a Namespace
    const found = p.plural === 'namespaces' && p.namespace === undefined
      ? cluster.find((r) => r?.kind === 'Namespace' && r?.metadata?.name === p.name)
      : items.find((r) => r?.metadata?.name === p.name);
    if (!found) throw new Error(`failed to get resource with raw url ${urlPath}: ${p.plural} "${p.name}" not found`);
    return found;
  }
  const kind = items[0]?.kind ? `${items[0].kind}List` : 'List';
  return { apiVersion: p.apiVersion, kind, metadata: {}, items };
}

function mockedResponse(responses: any[] | undefined, key: 'url' | 'urlPath', target: string, method: string): any {
  const found = (responses ?? []).find((r) => r?.[key] === target && (!r.method || String(r.method).toUpperCase() === method));
  if (!found) return undefined;
  const status = Number(found.response?.statusCode ?? 200);
  if (status >= 400) throw new Error(`HTTP ${status} from ${target}`);
  return { value: found.response?.body ?? null };
}

/**
 * The data an `apiCall` entry reads (before its `jmesPath`), with its already substituted
 * `urlPath` / `service.url`; undefined when the test supplies nothing for it.
 */
export function apiCallData(apiCall: any, opts: EvaluationOptions): ContextData | undefined {
  const method = String(apiCall?.method ?? 'GET').toUpperCase();
  if (apiCall?.urlPath) {
    const urlPath = String(apiCall.urlPath);
    const mocked = mockedResponse(opts.apiCallResponses, 'urlPath', urlPath, method);
    if (mocked) return mocked;
    if (opts.clusterResources && method === 'GET') return { value: kubernetesGet(urlPath, opts.clusterResources) };
    return undefined;
  }
  const url = apiCall?.service?.url;
  if (url) return mockedResponse(opts.apiCallResponses, 'url', String(url), method);
  return undefined;
}

/** The ConfigMap a `configMap` entry reads, from the cluster resources. */
export function configMapData(configMap: any, opts: EvaluationOptions): ContextData | undefined {
  if (!opts.clusterResources) return undefined;
  const name = String(configMap?.name ?? '');
  const ns = String(configMap?.namespace ?? 'default');
  const found = opts.clusterResources.find((r) => r?.kind === 'ConfigMap' && r?.metadata?.name === name && (r?.metadata?.namespace ?? 'default') === ns);
  if (!found) throw new Error(`failed to get configmap ${ns}/${name}: not found`);
  return { value: found };
}

/** The data of a `globalReference` entry, from the test's mocked GlobalContextEntries. */
export function globalReferenceData(ref: any, opts: EvaluationOptions): ContextData | undefined {
  const name = String(ref?.name ?? '');
  const entry = (opts.globalContextEntries ?? []).find((e) => e?.name === name);
  if (!entry) return undefined;
  let root: any = entry.data !== undefined ? entry.data : (entry.resources ?? []);
  if (entry.fieldPath) root = query(String(entry.fieldPath), root);
  if (Array.isArray(entry.projections) && entry.projections.length > 0) {
    const projected: any = {};
    for (const p of entry.projections) projected[String(p.name)] = query(String(p.path), root);
    root = projected;
  }
  return { value: root };
}
