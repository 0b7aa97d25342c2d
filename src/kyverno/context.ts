/**
 * A variable computed from a value and/or a JMESPath expression.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/external-data-sources/#variables-from-policy-definitions
 */
export interface ContextVariable {
  /**
   * A literal value (any JSON).
   * @default - none
   */
  readonly value?: any;
  /**
   * JMESPath applied to `value` (or to the request when no value is given).
   * @default - none
   */
  readonly jmesPath?: string;
  /**
   * Value used when the expression yields nothing.
   * @default - none
   */
  readonly default?: any;
}

/**
 * A ConfigMap read into the context.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/external-data-sources/#variables-from-configmaps
 */
export interface ConfigMapReference {
  /** ConfigMap name. */
  readonly name: string;
  /**
   * ConfigMap namespace.
   * @default - the policy's namespace for a namespaced Policy, `default` otherwise
   */
  readonly namespace?: string;
}

/**
 * A key/value pair of an API call's POST body.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/external-data-sources/#variables-from-kubernetes-api-server-calls
 */
export interface RequestData {
  /** Key. */
  readonly key: string;
  /** Value (any JSON). */
  readonly value: any;
}

/**
 * An external service called instead of the Kubernetes API.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/external-data-sources/#variables-from-service-calls
 */
export interface ServiceCall {
  /** Service URL. */
  readonly url: string;
  /**
   * PEM CA bundle for TLS.
   * @default - none
   */
  readonly caBundle?: string;
  /**
   * Extra HTTP headers (`[{key, value}]`).
   * @default - none
   */
  readonly headers?: RequestData[];
}

/**
 * A Kubernetes API server (or service) call.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/external-data-sources/#variables-from-kubernetes-api-server-calls
 */
export interface ApiCall {
  /**
   * API path such as `/api/v1/namespaces/{{ request.namespace }}/pods`.
   * @default - none (a service call)
   */
  readonly urlPath?: string;
  /**
   * `GET` or `POST`.
   * @default 'GET'
   */
  readonly method?: string;
  /**
   * POST body.
   * @default - none
   */
  readonly data?: RequestData[];
  /**
   * JMESPath applied to the response.
   * @default - the whole response
   */
  readonly jmesPath?: string;
  /**
   * External service to call instead of the API server.
   * @default - the Kubernetes API server
   */
  readonly service?: ServiceCall;
  /**
   * Value used when the call fails or yields nothing.
   * @default - none
   */
  readonly default?: any;
}

/**
 * Image metadata fetched from an OCI registry.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/external-data-sources/#variables-from-image-registries
 */
export interface ImageRegistryReference {
  /** Image reference, usually a variable such as `{{ element.image }}`. */
  readonly reference: string;
  /**
   * JMESPath applied to the image data.
   * @default - the whole image data
   */
  readonly jmesPath?: string;
}

/**
 * A named context entry. Exactly one of variable, configMap, apiCall, imageRegistry,
 * globalReference must be set.
 * @see https://kyverno.io/docs/policy-types/cluster-policy/external-data-sources/
 */
export interface ContextEntry {
  /** The variable name rules refer to (`{{ name }}`). */
  readonly name: string;
  /**
   * A computed variable.
   * @default - none
   */
  readonly variable?: ContextVariable;
  /**
   * A ConfigMap.
   * @default - none
   */
  readonly configMap?: ConfigMapReference;
  /**
   * An API or service call.
   * @default - none
   */
  readonly apiCall?: ApiCall;
  /**
   * Image registry data.
   * @default - none
   */
  readonly imageRegistry?: ImageRegistryReference;
  /**
   * A GlobalContextEntry reference (`{name, jmesPath}`).
   * @default - none
   */
  readonly globalReference?: { [key: string]: any };
}
