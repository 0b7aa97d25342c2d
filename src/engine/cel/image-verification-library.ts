/**
 * The image verification functions of Kyverno's ImageValidatingPolicy (signatures, attestations,
 * payloads, registry data). They need a registry: offline each call reports itself unsupported.
 * @see https://kyverno.io/docs/policy-types/image-validating-policy/
 */
import { CelScalar, celFunc, listType } from '@bufbuild/cel';
import type { CelFunc } from '@bufbuild/cel';

/** In the message of every call of these functions: the caller turns it into `unsupported`. */
export const NEEDS_REGISTRY = 'needs a live registry and cannot be evaluated offline';

const DYN = CelScalar.DYN;
const LIST = listType(DYN);

function unsupported(name: string): () => never {
  return () => {
    throw new Error(`${name} ${NEEDS_REGISTRY}`);
  };
}

/** verifyImageSignatures, verifyAttestationSignatures, extractPayload, getImageData, imagedata.Get. */
export const IMAGE_VERIFICATION_FUNCS: CelFunc[] = [
  celFunc('verifyImageSignatures', [DYN, LIST], DYN, unsupported('verifyImageSignatures')),
  celFunc('verifyAttestationSignatures', [DYN, DYN, LIST], DYN, unsupported('verifyAttestationSignatures')),
  celFunc('extractPayload', [DYN, DYN], DYN, unsupported('extractPayload')),
  celFunc('getImageData', [DYN], DYN, unsupported('getImageData')),
  celFunc('__kyverno_imagedata_Get', [DYN], DYN, unsupported('imagedata.Get')),
];
